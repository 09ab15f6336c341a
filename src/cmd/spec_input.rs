//! Where a command's spec comes from: a directory on disk, or the one built into the
//! models crate.

use std::path::Path;

use anyhow::Context;
use codegen::{Ir, SourceFile};

/// The spec files of `dir`, or of the built-in spec when `dir` is `None`.
pub fn files(dir: Option<&Path>) -> anyhow::Result<Vec<SourceFile>> {
    match dir {
        Some(dir) => codegen::source::read_spec_dir(dir).with_context(|| format!("cannot read the spec at {}", dir.display())),
        None => Ok(freshworks_events::spec::SPEC_FILES
            .iter()
            .map(|(path, text)| SourceFile { path: path.to_string(), text: text.to_string() })
            .collect()),
    }
}

/// The resolved spec; problems in it are an error listing them all.
pub fn ir(dir: Option<&Path>) -> anyhow::Result<Ir> {
    let files = files(dir)?;
    let prefix = dir.map(|d| d.display().to_string()).unwrap_or_else(|| "spec".into());
    codegen::compile(&files).map_err(|diags| {
        let lines: Vec<String> = diags.iter().map(|d| format!("{prefix}/{d}")).collect();
        anyhow::anyhow!("the spec has {} problem(s):\n{}", diags.len(), lines.join("\n"))
    })
}

/// Reads a file, or standard input for `-`.
pub fn read_input(path: &Path) -> anyhow::Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf).context("cannot read standard input")?;
        Ok(buf)
    } else {
        std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
    }
}
