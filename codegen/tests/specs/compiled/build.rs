//! Puts every case's expected Rust into OUT_DIR, one folder per case, and writes
//! `cases.rs`: a module per case that stands in for the models crate's root.
//!
//! Generated code names its crate root (`crate::Envelope`, `crate::types::Agent`,
//! `crate::EventKind`) and includes its files from OUT_DIR; here the root is the case's
//! module, so those paths get the module's name, and nothing else changes. `crate::rt`
//! stays: the runtime is at this crate's root, as in the models crate. A case without
//! `expected/rust/mod.rs` (a spec the checker refuses) has no module.

use std::path::{Path, PathBuf};

fn main() {
    let specs = Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("the crate is in tests/specs").to_path_buf();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    // A folder: cargo scans everything below it, so a new case or an edited one rebuilds.
    println!("cargo::rerun-if-changed={}", specs.display());
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&specs).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    let mut index = String::new();
    for case in cases {
        let rust = case.join("expected/rust");
        if !rust.join("mod.rs").is_file() {
            continue;
        }
        let name = case.file_name().unwrap().to_str().unwrap().to_string();
        let module = name.replace('-', "_");
        copy(&rust, &rust, &out.join(&module), &module);
        index.push_str(&format!(
            "/// The expected Rust of case `{name}`.\npub mod {module} {{\n    use crate::rt;\n\n    include!(concat!(env!(\"OUT_DIR\"), \"/{module}/mod.rs\"));\n}}\n\n"
        ));
    }
    std::fs::write(out.join("cases.rs"), index).unwrap();
}

fn copy(root: &Path, dir: &Path, to: &Path, module: &str) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            copy(root, &path, to, module);
            continue;
        }
        let target = to.join(path.strip_prefix(root).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, rooted(&std::fs::read_to_string(&path).unwrap(), module)).unwrap();
    }
}

/// The case's module as the crate root: `crate::X` is `crate::<module>::X` (but for
/// `crate::rt`), and the files it includes from OUT_DIR are in the case's folder.
fn rooted(text: &str, module: &str) -> String {
    let text = text.replace("concat!(env!(\"OUT_DIR\"), \"/", &format!("concat!(env!(\"OUT_DIR\"), \"/{module}/"));
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find("crate::") {
        let (before, after) = rest.split_at(at + "crate::".len());
        out.push_str(before);
        if !(after.starts_with("rt::") || after.starts_with("rt;")) {
            out.push_str(module);
            out.push_str("::");
        }
        rest = after;
    }
    out.push_str(rest);
    out
}
