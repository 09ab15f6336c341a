//! Helpers shared by the modules: where the workspace and the real payloads are.

use std::path::PathBuf;

/// The workspace root, the folder above this crate (the README, the docs, `../shared`).
pub fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// The real payloads in `../shared/payloads`, by file name.
pub fn real_payloads() -> Vec<(String, Vec<u8>)> {
    let dir = root().join("../shared/payloads");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the real payloads are expected at {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    assert!(out.len() >= 4, "expected the real payloads in {}", dir.display());
    out
}

/// One real payload, by file name.
pub fn payload(name: &str) -> Vec<u8> {
    let path = root().join("../shared/payloads").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("the real payloads are expected at {}: {e}", path.display()))
}
