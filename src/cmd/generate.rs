//! `generate [--check]` and `lint`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use super::spec_input;

/// Every file the generator owns below `out`, relative to it.
fn existing(out: &Path, ext: &str) -> anyhow::Result<BTreeSet<String>> {
    let mut found = BTreeSet::new();
    if !out.exists() {
        return Ok(found);
    }
    let mut stack = vec![PathBuf::from(out)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))? {
            let entry = entry?;
            let path = entry.path();
            // Not through symbolic links: stale files are removed below `out` only. Nor into
            // what npm installs there (someone trying the package in place), which is not ours.
            if entry.file_type()?.is_dir() {
                if entry.file_name() != "node_modules" {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == ext) {
                let rel = path.strip_prefix(out).unwrap_or(&path);
                found.insert(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
            }
        }
    }
    Ok(found)
}

/// A file the generator owns, with what it should hold.
struct Owned {
    path: String,
    contents: String,
}

/// The Markdown reference, with the default fixture of each event as its example.
pub fn docs(ir: &codegen::Ir) -> Vec<codegen::emit::docs::DocFile> {
    codegen::emit::docs::generate(ir, &|event| {
        let kind = ir.qualified_name(event).parse().ok()?;
        let fixture = freshworks_events::Event::fixture(kind, None)?;
        serde_json::to_string_pretty(&fixture).ok()
    })
}

/// Where `generate` writes each kind of output.
pub struct Outputs<'a> {
    pub rust: &'a Path,
    pub docs: &'a Path,
    pub ts: &'a Path,
    pub npm: &'a Path,
}

/// The npm package: declarations, schemas and the validator, at the models crate's version.
fn npm_package(ir: &codegen::Ir) -> anyhow::Result<Vec<Owned>> {
    let files =
        codegen::emit::npm::generate(ir, freshworks_events::VERSION).map_err(|e| anyhow::anyhow!("cannot write the npm package: {e}"))?;
    Ok(files.into_iter().map(|f| Owned { path: f.path, contents: f.contents }).collect())
}

/// The kinds of file the npm package holds; stale ones of these kinds are removed.
const NPM_EXTENSIONS: [&str; 4] = ["json", "cjs", "mjs", "ts"];

/// Writes (or compares) the npm package below `out`, one kind of file at a time.
///
/// The folder must be the package's own (or new, or empty of a package.json): JSON files are
/// everywhere, so a stale-file sweep of another project's folder would remove its own
/// package.json and configuration. Nothing is written through a symbolic link.
fn sync_npm(out: &Path, files: &[Owned], check: bool, stale: &mut Vec<String>) -> anyhow::Result<()> {
    let manifest = out.join("package.json");
    if let Ok(text) = std::fs::read_to_string(&manifest) {
        let name = serde_json::from_str::<serde_json::Value>(&text).ok().and_then(|v| v["name"].as_str().map(str::to_owned));
        if name.as_deref() != Some(codegen::emit::npm::PACKAGE) {
            anyhow::bail!(
                "{} belongs to another package ({}); write the npm package into its own folder",
                manifest.display(),
                name.map_or_else(|| "no name".to_string(), |n| format!("{n:?}"))
            );
        }
    }
    for file in files {
        let path = below(out, &file.path)?;
        let mut at = Some(path.as_path());
        while let Some(p) = at.filter(|p| p.starts_with(out) && *p != out) {
            if std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink()) {
                anyhow::bail!("refusing to write {}: {} is a symbolic link", path.display(), p.display());
            }
            at = p.parent();
        }
    }
    for ext in NPM_EXTENSIONS {
        let of_kind: Vec<Owned> = files
            .iter()
            .filter(|f| Path::new(&f.path).extension().is_some_and(|e| e == ext))
            .map(|f| Owned { path: f.path.clone(), contents: f.contents.clone() })
            .collect();
        sync(out, ext, &of_kind, check, stale)?;
    }
    Ok(())
}

/// The TypeScript declarations.
fn typescript(ir: &codegen::Ir) -> anyhow::Result<Vec<Owned>> {
    let files = codegen::emit::typescript::generate(ir).map_err(|e| anyhow::anyhow!("cannot write TypeScript declarations: {e}"))?;
    Ok(files.into_iter().map(|f| Owned { path: f.path, contents: f.contents }).collect())
}

pub fn run(spec: &Path, outputs: &Outputs, check: bool) -> anyhow::Result<ExitCode> {
    let files = spec_input::files(Some(spec))?;
    let ir = match codegen::compile(&files) {
        Ok(ir) => ir,
        Err(diags) => {
            for d in diags.iter() {
                eprintln!("{}/{d}", spec.display());
            }
            eprintln!("error: the spec has {} problem(s); nothing generated", diags.len());
            return Ok(ExitCode::from(1));
        }
    };
    let rust = codegen::emit::rust::generate(&ir).map_err(|e| anyhow::anyhow!("internal generator error: {e}"))?;
    let rust: Vec<Owned> = rust.into_iter().map(|f| Owned { path: f.path, contents: f.contents }).collect();
    let docs: Vec<Owned> = docs(&ir).into_iter().map(|f| Owned { path: f.path, contents: f.contents }).collect();
    let ts = typescript(&ir)?;
    let npm = npm_package(&ir)?;
    let mut stale = Vec::new();
    sync(outputs.rust, "rs", &rust, check, &mut stale)?;
    sync(outputs.docs, "md", &docs, check, &mut stale)?;
    sync(outputs.ts, "ts", &ts, check, &mut stale)?;
    sync_npm(outputs.npm, &npm, check, &mut stale)?;
    if check && !stale.is_empty() {
        for s in &stale {
            eprintln!("stale: {s}");
        }
        eprintln!("error: the checked-in generated files are stale; run `cargo run -q --bin fwevents -- generate`");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes (or, with `check`, compares) the files below `out`, and removes (or reports)
/// files with extension `ext` there that are no longer generated.
fn sync(out: &Path, ext: &str, generated: &[Owned], check: bool, stale: &mut Vec<String>) -> anyhow::Result<()> {
    let mut wanted = BTreeSet::new();
    for file in generated {
        wanted.insert(file.path.clone());
        let path = below(out, &file.path)?;
        let current = std::fs::read_to_string(&path).ok();
        if current.as_deref() == Some(file.contents.as_str()) {
            continue;
        }
        if check {
            stale.push(format!("{} ({})", path.display(), if current.is_some() { "differs from the spec" } else { "missing" }));
        } else {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
            }
            std::fs::write(&path, &file.contents).with_context(|| format!("cannot write {}", path.display()))?;
            println!("wrote {}", path.display());
        }
    }
    for extra in existing(out, ext)?.difference(&wanted) {
        let path = out.join(extra);
        if check {
            stale.push(format!("{} (no longer generated)", path.display()));
        } else {
            std::fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
            println!("removed {}", path.display());
        }
    }
    Ok(())
}

/// `out` joined with a generated file's relative path, refusing any path that could leave
/// `out` (absolute, `..`, a drive prefix). The checker already refuses names that would make
/// one; this keeps a write outside the output directory impossible whatever the IR holds.
pub(crate) fn below(out: &Path, rel: &str) -> anyhow::Result<PathBuf> {
    use std::path::Component;
    let rel_path = Path::new(rel);
    let plain = !rel.is_empty() && rel_path.components().all(|c| matches!(c, Component::Normal(_)));
    if !plain || rel.contains('\\') {
        anyhow::bail!("internal error: refusing to write {:?}, which is not a plain path below {}", rel, out.display());
    }
    Ok(out.join(rel_path))
}

pub fn write_docs(out: &Path, spec: Option<&Path>) -> anyhow::Result<ExitCode> {
    let ir = spec_input::ir(spec)?;
    let docs: Vec<Owned> = docs(&ir).into_iter().map(|f| Owned { path: f.path, contents: f.contents }).collect();
    sync(out, "md", &docs, false, &mut Vec::new())?;
    Ok(ExitCode::SUCCESS)
}

pub fn write_npm(out: &Path, spec: Option<&Path>) -> anyhow::Result<ExitCode> {
    let ir = spec_input::ir(spec)?;
    sync_npm(out, &npm_package(&ir)?, false, &mut Vec::new())?;
    Ok(ExitCode::SUCCESS)
}

pub fn write_typescript(out: &Path, spec: Option<&Path>) -> anyhow::Result<ExitCode> {
    let ir = spec_input::ir(spec)?;
    sync(out, "ts", &typescript(&ir)?, false, &mut Vec::new())?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_files_stay_below_their_directory() {
        let out = Path::new("docs/events");
        assert_eq!(below(out, "freshchat/onX.md").unwrap(), out.join("freshchat/onX.md"));
        for bad in ["../../x/y.md", "/x/y.md", "a/../../b.md", "", "a\\..\\b.md", "./a.md"] {
            assert!(below(out, bad).is_err(), "{bad:?}");
        }
    }
}
