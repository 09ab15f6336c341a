//! Reading a spec directory into [`SourceFile`]s: the only file access in this crate, kept
//! apart from the pipeline so that the pipeline stays a pure function of text.

use std::path::{Path, PathBuf};

use crate::load::SourceFile;

/// Every `*.yaml` / `*.yml` file below `dir`, with paths relative to it, in path order.
pub fn read_spec_dir(dir: &Path) -> std::io::Result<Vec<SourceFile>> {
    let mut paths = Vec::new();
    collect(dir, &mut paths, 0)?;
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let bytes = std::fs::read(&path)?;
        let text = String::from_utf8(bytes).map_err(|_| {
            std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{} is not UTF-8 text", path.display()))
        })?;
        let rel = path.strip_prefix(dir).unwrap_or(&path);
        let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        files.push(SourceFile { path: rel, text });
    }
    Ok(files)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> std::io::Result<()> {
    // A spec is a shallow tree; a deep one is a mistake (or a symlink loop).
    if depth > 8 {
        return Err(std::io::Error::other(format!("{} is nested too deeply for a spec directory", dir.display())));
    }
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let ty = entry.file_type()?;
        if ty.is_dir() {
            collect(&path, out, depth + 1)?;
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
            out.push(path);
        }
    }
    Ok(())
}

/// The spec files' paths, for `cargo:rerun-if-changed`.
pub fn spec_paths(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    collect(dir, &mut paths, 0)?;
    paths.sort();
    Ok(paths)
}
