//! Reading a spec directory into [`SourceFile`]s: the only file access in this crate, kept
//! apart from the pipeline so that the pipeline stays a pure function of text.
//!
//! Symbolic links are followed (a linked folder is part of the spec, not skipped), loops
//! among them are reported, and anything that is not a regular file (a FIFO named
//! `x.yaml` would block the reader forever) is refused before it is opened.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::load::SourceFile;
use crate::yaml::MAX_FILE_BYTES;

/// Every `*.yaml` / `*.yml` file below `dir`, with paths relative to it, in path order.
pub fn read_spec_dir(dir: &Path) -> std::io::Result<Vec<SourceFile>> {
    let paths = spec_paths(dir)?;
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        let text = read_text(&path)?;
        let rel = path.strip_prefix(dir).unwrap_or(&path);
        let mut parts = Vec::new();
        for c in rel.components() {
            let part = c.as_os_str().to_str().ok_or_else(|| {
                std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{} is not a UTF-8 file name", shown(&path)))
            })?;
            parts.push(part);
        }
        files.push(SourceFile { path: parts.join("/"), text });
    }
    Ok(files)
}

/// A spec file's text; at most [`MAX_FILE_BYTES`] (and one byte more, so that the parser
/// reports the size) are read, whatever the file's size.
fn read_text(path: &Path) -> std::io::Result<String> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, format!("{} is not a regular file", shown(path))));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes)?;
    String::from_utf8(bytes).map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{} is not UTF-8 text", shown(path))))
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>, visited: &mut Vec<PathBuf>) -> std::io::Result<()> {
    // A spec is a shallow tree; a deep one is a mistake (or a symlink loop).
    if visited.len() > 8 {
        return Err(std::io::Error::other(format!("{} is nested too deeply for a spec directory", shown(dir))));
    }
    let real = std::fs::canonicalize(dir)?;
    if visited.contains(&real) {
        return Err(std::io::Error::other(format!("{} links back to a folder that contains it", shown(dir))));
    }
    visited.push(real);
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        // `metadata` follows symbolic links: a linked folder is read, a dangling link is an error.
        let meta = std::fs::metadata(&path).map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", shown(&path))))?;
        if meta.is_dir() {
            collect(&path, out, visited)?;
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")) {
            out.push(path);
        }
    }
    visited.pop();
    Ok(())
}

/// A path for a message: a file name may hold any character, shown escaped.
fn shown(path: &Path) -> String {
    crate::safe::escape(&path.display().to_string()).into_owned()
}

/// The spec files' paths, for `cargo:rerun-if-changed`.
pub fn spec_paths(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    collect(dir, &mut paths, &mut Vec::new())?;
    paths.sort();
    Ok(paths)
}
