//! Puts the models into OUT_DIR, in one of two ways.
//!
//! - With the `generate` feature (the workspace turns it on), it runs the generator on
//!   the spec, so that an edit of the spec flows through `cargo build`.
//! - Without it (a consumer: a path dependency or the packaged crate), it copies the
//!   checked-in generated code in `out/`, so that a consumer compiles no generator, YAML
//!   parser or pretty-printer for code that is already written. `fwevents generate`
//!   refreshes `out/`, and a test fails when it differs from what the spec produces.
//!
//! Either way it writes `spec_files.rs`, which embeds the spec the code was generated
//! from. The spec is `spec/` beside this file: in the repository a symbolic link to the
//! workspace's `../spec`, in a packaged crate a copy that `cargo package` made by
//! following the link. A checkout without symbolic links (git on Windows may write the
//! link as a small text file) falls back to `../spec`.
//!
//! It writes nowhere but OUT_DIR.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let spec = ["spec", "../spec"].iter().map(|dir| manifest.join(dir)).find(|dir| dir.is_dir()).unwrap_or_else(|| manifest.join("spec"));
    #[cfg(feature = "generate")]
    let result = generate(&spec, &out, &manifest.join("Cargo.toml"));
    #[cfg(not(feature = "generate"))]
    let result = copy_checked_in(&spec, &manifest.join("out"), &out);
    match result {
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

#[cfg(feature = "generate")]
fn generate(spec: &Path, out: &Path, cargo_toml: &Path) -> Result<(), String> {
    let mut watched = vec![spec.to_path_buf(), cargo_toml.to_path_buf()];
    watched.extend(codegen::source::spec_paths(spec).map_err(|e| format!("cannot read the spec at {}: {e}", spec.display()))?);
    // Every path is checked before the first directive is printed.
    let directives = watched.iter().map(|p| rerun_if_changed(p)).collect::<Result<Vec<_>, _>>()?;
    for d in directives {
        println!("{d}");
    }
    let files = codegen::source::read_spec_dir(spec).map_err(|e| format!("cannot read the spec at {}: {e}", spec.display()))?;
    let ir = codegen::compile(&files).map_err(|diags| {
        diags.iter().map(|d| format!("error: spec/{d}")).collect::<Vec<_>>().join("\n")
            + &format!("\nerror: the spec has {} problem(s); fix them and build again", diags.len())
    })?;
    let manifest = std::fs::read_to_string(cargo_toml).map_err(|e| format!("cannot read {}: {e}", cargo_toml.display()))?;
    check_product_features(&ir, &manifest)?;
    let generated = codegen::emit::rust::generate(&ir).map_err(|e| format!("error: {e}"))?;
    let relative: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    write_if_changed(&out.join("spec_files.rs"), &spec_files(spec, &relative)?)?;
    for file in generated {
        write_if_changed(&out.join(&file.path), &file.contents)?;
    }
    Ok(())
}

/// The checked-in generated code, copied as it is, and the spec embedded beside it.
#[cfg(not(feature = "generate"))]
fn copy_checked_in(spec: &Path, checked_in: &Path, out: &Path) -> Result<(), String> {
    if !checked_in.is_dir() {
        return Err(format!(
            "error: the generated code {} is missing; build with `--features generate` to generate it from the spec",
            checked_in.display()
        ));
    }
    let mut code = Vec::new();
    walk(checked_in, &mut |_| true, &mut code, 0)?;
    let mut spec_paths = Vec::new();
    walk(spec, &mut |p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")), &mut spec_paths, 0)
        .map_err(|e| format!("cannot read the spec at {}: {e}", spec.display()))?;
    spec_paths.sort();
    let mut watched = vec![spec.to_path_buf(), checked_in.to_path_buf()];
    watched.extend(code.iter().map(|(p, _)| p.clone()));
    watched.extend(spec_paths.iter().map(|(p, _)| p.clone()));
    let directives = watched.iter().map(|p| rerun_if_changed(p)).collect::<Result<Vec<_>, _>>()?;
    for d in directives {
        println!("{d}");
    }
    let relative: Vec<&str> = spec_paths.iter().map(|(_, r)| r.as_str()).collect();
    write_if_changed(&out.join("spec_files.rs"), &spec_files(spec, &relative)?)?;
    for (path, rel) in &code {
        let contents = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        write_if_changed(&out.join(rel), &contents)?;
    }
    Ok(())
}

/// Every regular file below `dir` that `wanted` keeps, with its path below `dir` joined
/// by `/`, in the order `spec_paths` of the generator sorts them (by path). Linked folders
/// are followed as the generator follows them; the depth bound stops a link loop.
#[cfg(not(feature = "generate"))]
fn walk(dir: &Path, wanted: &mut dyn FnMut(&Path) -> bool, found: &mut Vec<(PathBuf, String)>, depth: usize) -> Result<(), String> {
    if depth > 8 {
        return Err(format!("{} is nested too deeply", dir.display()));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut paths =
        entries.map(|e| e.map(|e| e.path())).collect::<Result<Vec<_>, _>>().map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    paths.sort();
    for path in paths {
        let meta = std::fs::metadata(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if meta.is_dir() {
            let before = found.len();
            walk(&path, wanted, found, depth + 1)?;
            let name = path.file_name().and_then(|n| n.to_str()).ok_or_else(|| format!("{} is not a UTF-8 name", path.display()))?;
            for (_, rel) in &mut found[before..] {
                *rel = format!("{name}/{rel}");
            }
        } else if meta.is_file() && wanted(&path) {
            let name = path.file_name().and_then(|n| n.to_str()).ok_or_else(|| format!("{} is not a UTF-8 name", path.display()))?;
            found.push((path.clone(), name.to_owned()));
        }
    }
    Ok(())
}

/// `spec_files.rs`: the spec itself, so that tools built on this crate describe what it
/// was built from. Paths are written as escaped string literals, never as code.
fn spec_files(spec: &Path, relative: &[&str]) -> Result<String, String> {
    let mut embedded = String::from(
        "/// The spec files this crate was generated from: (path below `spec/`, text).\npub static SPEC_FILES: &[(&str, &str)] = &[\n",
    );
    for rel in relative {
        let path = spec.join(rel);
        let abs = path.canonicalize().map_err(|e| format!("cannot resolve {}: {e}", path.display()))?;
        embedded.push_str(&format!("    ({:?}, include_str!({:?})),\n", rel, abs.display().to_string()));
    }
    embedded.push_str("];\n");
    Ok(embedded)
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

/// The generated code gates each product on the cargo feature named by its key, so every
/// product with events must be a feature, on by default: otherwise a new product of the
/// spec would be compiled out without a word.
#[cfg(feature = "generate")]
fn check_product_features(ir: &codegen::Ir, manifest: &str) -> Result<(), String> {
    let (declared, default) = features(manifest);
    let mut problems = Vec::new();
    for product in ir.products.iter().enumerate().filter(|(p, _)| ir.events.iter().any(|e| e.product == *p)).map(|(_, p)| p) {
        let key = &product.key;
        if !declared.contains(key) {
            problems.push(format!(
                "error: spec product \"{key}\" has no cargo feature; add `{key} = []` to [features] in the models crate's Cargo.toml, and \"{key}\" to `default`"
            ));
        } else if !default.contains(key) {
            problems.push(format!("error: the cargo feature \"{key}\" of spec product \"{key}\" is not in `default`; add it"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

/// The feature names of a Cargo.toml's `[features]` table, and the names `default` lists.
/// Enough TOML for what cargo writes and people write there: `name = [...]`, the array on
/// one line or several; comments after `#`.
#[cfg(feature = "generate")]
fn features(manifest: &str) -> (Vec<String>, Vec<String>) {
    let mut declared = Vec::new();
    let mut default = Vec::new();
    let mut in_features = false;
    let mut in_default = false;
    for line in manifest.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.starts_with('[') && !in_default {
            in_features = line == "[features]";
            continue;
        }
        if !in_features {
            continue;
        }
        let mut values = line;
        if !in_default {
            let Some((name, rest)) = line.split_once('=') else { continue };
            let name = name.trim().trim_matches('"').to_string();
            in_default = name == "default";
            declared.push(name);
            values = rest;
        }
        if in_default {
            default.extend(
                values
                    .split(',')
                    .map(|v| v.trim().trim_matches(['[', ']']).trim().trim_matches('"'))
                    .filter(|v| !v.is_empty())
                    .map(String::from),
            );
            if values.contains(']') {
                in_default = false;
            }
        }
    }
    (declared, default)
}
