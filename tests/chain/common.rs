//! Helpers shared by the modules: the workspace, the real payloads, the built `fwevents`,
//! temporary folders, the npm and PyPI tools some modules run, the turn nested cargo
//! builds take, reproducible mutations, the attribute shapes doc-import is scored on.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
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

pub fn payload(name: &str) -> Vec<u8> {
    std::fs::read(root().join("../shared/payloads").join(name)).unwrap()
}

/// Runs the built `fwevents` with `args`, feeding `stdin`.
pub fn fwevents(args: &[&str], stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_fwevents"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("fwevents runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// Every file below `dir`, at any depth, in the order the folders list them.
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_in(&path));
        } else {
            out.push(path);
        }
    }
    out
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A temporary directory, removed on drop.
pub struct TempDir(pub PathBuf);

/// A copy of the shipped spec in a new temporary directory, each file's text (given with
/// its path in the spec) through `edit`.
pub fn spec_copy_with(name: &str, edit: impl Fn(&str, String) -> String) -> TempDir {
    let dir = TempDir::new(name);
    for f in codegen::source::read_spec_dir(&root().join("spec")).unwrap() {
        let path = dir.0.join(&f.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, edit(&f.path, f.text)).unwrap();
    }
    dir
}

impl TempDir {
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("fwevents-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The npm tools in `tests/node` (the TypeScript compiler, ajv, json-schema-to-typescript),
/// installed from its committed package-lock.json when they are missing or older than it.
/// Returns the folder. The lock keeps two tests from installing at once.
pub fn node_tools() -> PathBuf {
    static INSTALL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
    let dir = root().join("tests/node");
    let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let installed = modified(&dir.join("node_modules/.package-lock.json"));
    let wanted = modified(&dir.join("package-lock.json"));
    if installed.is_none() || installed < wanted {
        let out = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir)
            .output()
            .unwrap_or_else(|e| panic!("these tests run tools from npm: install Node 20 and npm ({e})"));
        assert!(out.status.success(), "`npm ci` in {} failed:\n{}", dir.display(), text(&out.stderr));
    }
    dir
}

/// Runs `node` with `args` in `dir`.
pub fn node(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new("node").args(args).current_dir(dir).output().unwrap_or_else(|e| panic!("these tests run node (Node 20 or later): {e}"))
}

/// The workspace's `[profile.dev]`, for the cargo builds the tests run on other workspaces
/// and on copies of this one (the handler's, typify's, the packages' verification, the spec
/// edits): with the same settings, in [`own_target`], they reuse every dependency this test
/// build compiled, and compile only their own crates.
pub const PROFILE: [&str; 6] = [
    "--config",
    "profile.dev.debug=\"line-tables-only\"",
    "--config",
    "profile.dev.package.\"*\".debug=false",
    "--config",
    "profile.dev.package.freshworks-events-runtime.opt-level=2",
];

/// The target directory of this test build (`CARGO_TARGET_TMPDIR` is a folder of it), where
/// the cargo builds the tests run go too. They never rebuild a unit of this build: cargo
/// names a unit by its package's path within its workspace (or the whole path, outside it)
/// and its features, and no nested build has a crate at the path of one of this
/// workspace's with the same features (the copies of the workspace keep their crates one
/// folder down, see `spec_edit`).
pub fn own_target() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).parent().expect("the tests' temporary folder is in the target directory").to_path_buf()
}

/// The cargo builds the tests run take turns: one at a time, so that a test reads the
/// output of its own build.
pub fn cargo_turn() -> std::sync::MutexGuard<'static, ()> {
    static CARGO: std::sync::Mutex<()> = std::sync::Mutex::new(());
    CARGO.lock().unwrap_or_else(|e| e.into_inner())
}

/// A command-line tool from PyPI at a pinned version, installed once into a virtual
/// environment under `target/` (offline afterwards). Returns the tool's path.
pub fn python_tool(package: &str, version: &str, bin: &str) -> PathBuf {
    static INSTALL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = INSTALL.lock().unwrap_or_else(|e| e.into_inner());
    let venv = root().join("target/python-tools").join(format!("{package}-{version}"));
    let tool = venv.join("bin").join(bin);
    if !tool.exists() {
        let run = |cmd: &mut Command, what: &str| {
            let out = cmd.output().unwrap_or_else(|e| panic!("these tests run {package} from PyPI: install Python 3 with venv ({e})"));
            assert!(out.status.success(), "{what} failed:\n{}{}", text(&out.stdout), text(&out.stderr));
        };
        run(Command::new("python3").args(["-m", "venv"]).arg(&venv), "python3 -m venv");
        run(
            Command::new(venv.join("bin/pip")).args([
                "install",
                "--quiet",
                "--disable-pip-version-check",
                &format!("{package}=={version}"),
            ]),
            "pip install",
        );
    }
    tool
}

/// Reproducible mutations of payloads, shared with the models crate's tests.
#[path = "../../generated/tests/models/mutate.rs"]
mod mutate;
pub use mutate::{mutate, Rng};

/// Every attribute path below a type (an event's `data`), with the shape of its type, as
/// the doc-import accuracy tests count them.
pub fn shapes(ir: &codegen::Ir, ty: &codegen::ir::Ty, path: &str, out: &mut std::collections::BTreeMap<String, String>, depth: usize) {
    use codegen::ir::{Ty, TypeKind};
    if depth > 10 {
        return;
    }
    match ty {
        Ty::Named(id) => {
            if let TypeKind::Object(fields) = &ir.ty(*id).kind {
                for f in fields {
                    let p = if path.is_empty() { f.wire.clone() } else { format!("{path}.{}", f.wire) };
                    let shape = match &f.ty {
                        Ty::Named(id) => match &ir.ty(*id).kind {
                            TypeKind::Object(_) => "object".to_string(),
                            TypeKind::Enum(_) => "enum".to_string(),
                        },
                        Ty::Array(_) => "array".to_string(),
                        other => format!("{other:?}"),
                    };
                    out.insert(p.clone(), shape);
                    shapes(ir, &f.ty, &p, out, depth + 1);
                }
            }
        }
        Ty::Array(item) => shapes(ir, item, &format!("{path}[]"), out, depth + 1),
        _ => {}
    }
}
