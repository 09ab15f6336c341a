//! Generates the models from `../spec` into OUT_DIR on every build that needs it.
//!
//! It writes nowhere else: the checked-in copy under `out/` is refreshed by
//! `fwevents generate`, and a test fails when it differs from what this produces.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let spec = manifest.join("../spec");
    match run(&spec, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            // Cargo shows a build script's stderr when it fails; one line per problem.
            for line in message.lines() {
                eprintln!("{line}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run(spec: &Path, out: &Path) -> Result<(), String> {
    let mut watched = vec![spec.to_path_buf()];
    watched.extend(codegen::source::spec_paths(spec).map_err(|e| format!("cannot read the spec at {}: {e}", spec.display()))?);
    // Every path is checked before the first directive is printed.
    let directives = watched.iter().map(|p| rerun_if_changed(p)).collect::<Result<Vec<_>, _>>()?;
    for d in directives {
        println!("{d}");
    }
    let files = codegen::source::read_spec_dir(spec).map_err(|e| format!("cannot read the spec at {}: {e}", spec.display()))?;
    let generated = codegen::generate_rust(&files).map_err(|e| match e {
        codegen::Error::Spec(diags) => {
            diags.iter().map(|d| format!("error: spec/{d}")).collect::<Vec<_>>().join("\n")
                + &format!("\nerror: the spec has {} problem(s); fix them and build again", diags.len())
        }
        other => format!("error: {other}"),
    })?;
    // The spec itself, so that tools built on this crate describe what it was built from.
    let mut embedded = String::from(
        "/// The spec files this crate was generated from: (path below `spec/`, text).\npub static SPEC_FILES: &[(&str, &str)] = &[\n",
    );
    for file in &files {
        let path = spec.join(&file.path);
        let abs = path.canonicalize().map_err(|e| format!("cannot resolve {}: {e}", path.display()))?;
        embedded.push_str(&format!("    ({:?}, include_str!({:?})),\n", file.path, abs.display().to_string()));
    }
    embedded.push_str("];\n");
    write_if_changed(&out.join("spec_files.rs"), &embedded)?;
    for file in generated {
        write_if_changed(&out.join(&file.path), &file.contents)?;
    }
    Ok(())
}

/// The `cargo:rerun-if-changed` line for a path. Cargo reads one directive per line, so a
/// path with a newline (or any control character) in it would print directives of its own
/// (`cargo:rustc-cfg=...`); such a path is refused, naming it escaped.
fn rerun_if_changed(path: &Path) -> Result<String, String> {
    let text = path.to_str().ok_or_else(|| format!("error: the spec path {} is not UTF-8", path.display()))?;
    if text.chars().any(char::is_control) {
        return Err(format!("error: the spec path {} holds a control character; rename it", text.escape_debug()));
    }
    Ok(format!("cargo:rerun-if-changed={text}"))
}

/// Rewriting an unchanged file would make cargo recompile the crate for nothing.
fn write_if_changed(path: &Path, contents: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    if std::fs::read_to_string(path).ok().as_deref() != Some(contents) {
        std::fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}
