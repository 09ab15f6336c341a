//! The layout ARCHITECTURE.md describes holds: every path it spells in backticks exists, so
//! the codemap cannot outlive a move; its dependency invariant is each manifest's; and no
//! crate's modules import each other in a circle.

use std::path::{Path, PathBuf};

use crate::common::root;

/// What a code span names, when it names a file or folder: a path with a slash, or a file
/// name with an extension the tree uses. Type names, attributes, commands and patterns
/// (`<event>`, `*`) are not paths.
fn as_path(span: &str) -> Option<&str> {
    const EXTENSIONS: [&str; 12] = ["rs", "md", "yaml", "json", "toml", "cjs", "js", "ts", "py", "sh", "lock", "stderr"];
    let plain =
        !span.is_empty() && !span.starts_with(['.', '-', '/']) && span.chars().all(|c| c.is_ascii_alphanumeric() || "/._-".contains(c));
    if !plain || span.contains("::") {
        return None;
    }
    let has_extension = span.rsplit_once('.').is_some_and(|(stem, ext)| !stem.is_empty() && EXTENSIONS.contains(&ext));
    (span.contains('/') || has_extension).then_some(span)
}

/// The code spans of one Markdown text, each with the folder the text last named before it:
/// a bullet says `derive/src/object/` once and then names `read.rs`, `sample.rs`.
fn spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let mut rest = line;
        while let Some(start) = rest.find('`') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('`') else { break };
            out.push((number + 1, &after[..end]));
            rest = &after[end + 1..];
        }
    }
    out
}

/// Every path the document names that is missing, as `line: path`. A path is looked up
/// from the root, then in the last folder named before it (within the same paragraph or
/// bullet) and that folder's parents.
fn missing_paths(document: &str) -> Vec<String> {
    let root = root();
    let text = std::fs::read_to_string(root.join(document)).unwrap_or_else(|e| panic!("{document}: {e}"));
    let mut missing = Vec::new();
    let mut context: Option<PathBuf> = None;
    let mut last_line = 0;
    for (line, span) in spans(&text) {
        // A blank line or a new bullet between two spans ends the context.
        let between = text.lines().skip(last_line).take(line.saturating_sub(last_line)).collect::<Vec<_>>();
        if between.iter().skip(1).any(|l| l.trim().is_empty() || l.trim_start().starts_with("- ") || l.starts_with('|')) {
            context = None;
        }
        last_line = line - 1;
        let Some(path) = as_path(span) else { continue };
        let mut candidates = vec![root.join(path)];
        let mut folder = context.clone();
        while let Some(dir) = folder {
            candidates.push(dir.join(path));
            folder = dir.parent().filter(|p| p.starts_with(&root) && *p != root).map(Path::to_path_buf);
        }
        match candidates.into_iter().find(|c| c.exists()) {
            Some(found) => {
                let dir = if found.is_dir() { found } else { found.parent().unwrap_or(&root).to_path_buf() };
                if dir != root {
                    context = Some(dir);
                }
            }
            None => missing.push(format!("{document}:{line}: `{span}`")),
        }
    }
    missing
}

#[test]
fn the_codemap_names_what_exists() {
    let missing = missing_paths("ARCHITECTURE.md");
    assert!(missing.is_empty(), "ARCHITECTURE.md names paths that do not exist:\n{}", missing.join("\n"));
}

#[test]
fn a_moved_file_is_caught() {
    let dir = root().join("target").join("tmp").join("architecture-check");
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("PAGE.md");
    std::fs::write(
        &page,
        "- `runtime/src/`: `reader.rs` and `no_such_room.rs`.\n- `codegen/src/gone.rs`, `spec/<product>/<event>.yaml`, `rt::Raw`\n",
    )
    .unwrap();
    let relative = page.strip_prefix(root()).unwrap().to_str().unwrap().to_owned();
    let missing = missing_paths(&relative);
    assert_eq!(missing, [format!("{relative}:1: `no_such_room.rs`"), format!("{relative}:2: `codegen/src/gone.rs`")],);
}

/// A manifest's `[dependencies]`, split into those always built and those behind a feature.
fn dependencies(manifest: &str) -> (Vec<String>, Vec<String>) {
    let text = std::fs::read_to_string(root().join(manifest)).unwrap_or_else(|e| panic!("{manifest}: {e}"));
    let (mut always, mut optional) = (Vec::new(), Vec::new());
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with('[') {
            inside = line.trim() == "[dependencies]";
            continue;
        }
        let Some((key, value)) = line.split_once(['=', ' ']).filter(|_| inside && !line.starts_with('#')) else { continue };
        let name = key.trim().trim_end_matches(".workspace").to_owned();
        if value.contains("optional = true") {
            optional.push(name);
        } else {
            always.push(name);
        }
    }
    (always, optional)
}

/// The invariant that says what each crate a consumer compiles depends on.
fn dependency_invariant() -> String {
    let text = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let start = text.find("- The models crate depends on").expect("the dependency invariant");
    let end = text[start + 2..].find("\n- ").map_or(text.len(), |e| start + 2 + e);
    text[start..end].to_owned()
}

#[test]
fn the_dependency_invariant_lists_each_crates_dependencies() {
    let invariant = dependency_invariant();
    // Each crate's part of the sentence, in the order the sentence takes them.
    let sentence = invariant.split(". ").next().unwrap_or_default();
    let parts: Vec<&str> = sentence.split(';').collect();
    for (manifest, part) in [("generated/Cargo.toml", 0), ("runtime/Cargo.toml", 1), ("derive/Cargo.toml", 2)] {
        let (always, optional) = dependencies(manifest);
        let (named, behind) = parts[part].split_once('(').unwrap_or((parts[part], ""));
        for name in &always {
            assert!(named.contains(&format!("`{name}`")), "{manifest} depends on {name}; ARCHITECTURE.md says:\n{invariant}");
        }
        for name in &optional {
            assert!(behind.contains(&format!("`{name}`")), "{manifest} has {name} behind a feature; ARCHITECTURE.md says:\n{invariant}");
        }
        // Nothing named that the manifest lacks (a feature may share its crate's name).
        let listed: std::collections::BTreeSet<&str> = parts[part].split('`').skip(1).step_by(2).collect();
        let depended: std::collections::BTreeSet<&str> = always.iter().chain(&optional).map(String::as_str).collect();
        assert_eq!(listed, depended, "{manifest}; ARCHITECTURE.md says:\n{}", parts[part]);
    }
}

/// No crate's modules import each other in a circle: each module can be read knowing only
/// the ones it uses.
#[test]
fn no_crate_has_an_import_circle() {
    let crates = ["runtime/src", "derive/src", "codegen/src", "generated/src", "src"];
    let out = std::process::Command::new("python3")
        .arg(root().join("scripts/module-graph.py"))
        .args(crates)
        .current_dir(root())
        .output()
        .expect("python3 runs");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{report}{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(report.matches(", acyclic").count(), crates.len(), "{report}");
}

#[test]
fn an_import_circle_is_caught() {
    let dir = root().join("target").join("tmp").join("module-graph-check");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("lib.rs"), "mod a;\nmod b;\n").unwrap();
    std::fs::write(dir.join("a.rs"), "use crate::b::B;\npub struct A(pub B);\n").unwrap();
    std::fs::write(dir.join("b.rs"), "pub struct B;\npub fn make() -> crate::a::A { crate::a::A(B) }\n").unwrap();
    let out = std::process::Command::new("python3").arg(root().join("scripts/module-graph.py")).arg(&dir).output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{report}");
    assert!(report.contains("1 cycle group(s)") && report.contains("a, b"), "{report}");
}

/// The words of code that does something, outside comments: what a generated file must not
/// hold.
fn behaviour_in(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        // A raw identifier (`r#match`) is a name, not the keyword.
        let code = code.replace("r#", "r_");
        for word in code.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            if matches!(word, "impl" | "fn" | "match" | "if" | "loop" | "while") {
                found.push((n + 1, line.to_string()));
                break;
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    out.extend(crate::common::files_in(dir).into_iter().filter(|p| p.extension().is_some_and(|e| e == "rs")));
}

/// Generated code declares; the derive and the runtime implement. Not one `impl`, `fn` or
/// `match` in `generated/out` or in any generator case's expected Rust.
#[test]
fn no_generated_file_implements_anything() {
    let mut files = Vec::new();
    rust_files(&root().join("generated/out"), &mut files);
    let cases = root().join("codegen/tests/specs");
    for case in std::fs::read_dir(&cases).unwrap() {
        let rust = case.unwrap().path().join("expected/rust");
        if rust.is_dir() {
            rust_files(&rust, &mut files);
        }
    }
    assert!(files.len() > 20, "{} files", files.len());
    for file in &files {
        let found = behaviour_in(&std::fs::read_to_string(file).unwrap());
        assert!(found.is_empty(), "{} implements: {found:?}", file.display());
    }
    // The check sees behaviour where there is some.
    assert_eq!(behaviour_in("/// impl in a comment\nimpl Event {\n    pub fn kind(&self) {}\n}").len(), 2);
}
