//! The generator's cases: each folder of `tests/specs/` holds a small spec and, in its
//! `expected/` folder, every output the spec gives, whole: the Rust, the JSON Schema of
//! both readings, the TypeScript declarations and the Markdown reference, or the checker's
//! diagnostics (every problem at once) for a spec it refuses.
//!
//! A difference fails the test with a diff of each file that changed. After a deliberate
//! change, rewrite the expected files and review them as a diff:
//!
//! ```text
//! UPDATE_EXPECT=1 cargo test -p freshworks-events-codegen --test generator cases::
//! ```
//!
//! The crate in `tests/specs/compiled/` compiles every case's expected Rust against the
//! models crate's runtime and derives.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use codegen::emit::schema::{self, Reading};
use codegen::{compile, emit, SourceFile};

/// A case's outputs, by path below its `expected/` folder.
type Outputs = BTreeMap<String, String>;

fn specs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs")
}

/// The case folders, in name order: every folder of `tests/specs/` but the crate that
/// compiles them.
fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(specs_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && !p.join("Cargo.toml").exists())
        .collect();
    cases.sort();
    cases
}

/// Every file below `dir`, by path relative to it with `/` between components, in path order.
fn files_below(dir: &Path, skip: &[&str]) -> BTreeMap<String, PathBuf> {
    fn walk(root: &Path, dir: &Path, skip: &[&str], out: &mut BTreeMap<String, PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries {
            let path = entry.unwrap().path();
            let rel: Vec<String> =
                path.strip_prefix(root).unwrap().components().map(|c| c.as_os_str().to_str().unwrap().to_string()).collect();
            let rel = rel.join("/");
            if skip.contains(&rel.as_str()) {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, skip, out);
            } else {
                out.insert(rel, path);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, skip, &mut out);
    out
}

/// The case's spec: its YAML files outside `expected/`.
fn spec_files(case: &Path) -> Vec<SourceFile> {
    files_below(case, &["expected"])
        .into_iter()
        .filter(|(rel, _)| rel.ends_with(".yaml") || rel.ends_with(".yml"))
        .map(|(rel, path)| SourceFile { path: rel, text: std::fs::read_to_string(path).unwrap() })
        .collect()
}

/// Everything the generator writes for a spec. `wire.d.ts` is left out: it is the same for
/// every spec (the checked-in `generated/ts/wire.d.ts` is compared with it).
fn outputs(files: &[SourceFile]) -> Outputs {
    let mut out = Outputs::new();
    let ir = match compile(files) {
        Ok(ir) => ir,
        Err(diags) => {
            out.insert("diagnostics.txt".into(), format!("{diags}\n"));
            return out;
        }
    };
    match emit::rust::generate(&ir) {
        Ok(files) => out.extend(files.into_iter().map(|f| (format!("rust/{}", f.path), f.contents))),
        Err(e) => drop(out.insert("rust/error.txt".into(), format!("{e}\n"))),
    }
    for event in &ir.events {
        for reading in [Reading::Lenient, Reading::Strict] {
            let path = format!("schema/{}/{}/{}.json", reading.key(), ir.product_of(event).key, event.name);
            out.insert(path, schema::to_string(&schema::event_schema(&ir, event, reading)));
        }
    }
    match emit::typescript::generate(&ir) {
        Ok(files) => out.extend(files.into_iter().filter(|f| f.path != "wire.d.ts").map(|f| (format!("ts/{}", f.path), f.contents))),
        Err(e) => drop(out.insert("ts/error.txt".into(), format!("{e}\n"))),
    }
    out.extend(emit::docs::generate(&ir, &|_| None).into_iter().map(|f| (format!("docs/{}", f.path), f.contents)));
    out
}

fn expected(case: &Path) -> Outputs {
    files_below(&case.join("expected"), &[]).into_iter().map(|(rel, path)| (rel, std::fs::read_to_string(path).unwrap())).collect()
}

fn write_expected(case: &Path, outputs: &Outputs) {
    let dir = case.join("expected");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).unwrap();
    }
    for (rel, text) in outputs {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// What differs between the expected and the actual outputs of one case, or `None`.
fn differences(expected: &Outputs, actual: &Outputs) -> Option<String> {
    let mut report = String::new();
    for (path, want) in expected {
        match actual.get(path) {
            None => report.push_str(&format!("  expected/{path}: no longer generated\n")),
            Some(got) if got != want => report.push_str(&format!("  expected/{path}:\n{}", diff(want, got))),
            Some(_) => {}
        }
    }
    for (path, got) in actual {
        if !expected.contains_key(path) {
            report.push_str(&format!("  expected/{path}: generated, not expected ({} lines)\n", got.lines().count()));
        }
    }
    (!report.is_empty()).then_some(report)
}

/// A unified diff of two texts, line by line, with two lines of context around each change.
fn diff(old: &str, new: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (old.lines().collect(), new.lines().collect());
    // The longest common subsequence, from the end; the texts are small.
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    // Each line of the edit script: ' ', '-' or '+', with its old line number.
    let mut script: Vec<(char, usize, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            script.push((' ', i, a[i]));
            (i, j) = (i + 1, j + 1);
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            script.push(('-', i, a[i]));
            i += 1;
        } else {
            script.push(('+', i, b[j]));
            j += 1;
        }
    }
    if old.ends_with('\n') != new.ends_with('\n') {
        script.push(('!', a.len(), "(the texts differ in their final newline)"));
    }
    const CONTEXT: usize = 2;
    let changed: Vec<usize> = script.iter().enumerate().filter(|(_, l)| l.0 != ' ').map(|(k, _)| k).collect();
    let mut out = String::new();
    let mut last_shown: Option<usize> = None;
    for (k, (tag, line_no, text)) in script.iter().enumerate() {
        let near = changed.iter().any(|&c| k + CONTEXT >= c && k <= c + CONTEXT);
        if !near {
            continue;
        }
        if last_shown.is_none_or(|l| l + 1 != k) {
            out.push_str(&format!("    @@ line {} @@\n", line_no + 1));
        }
        out.push_str(&format!("    {tag} {text}\n"));
        last_shown = Some(k);
    }
    out
}

#[test]
fn every_case_gives_its_expected_outputs() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let cases = cases();
    assert!(!cases.is_empty(), "no cases in {}", specs_dir().display());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_str().unwrap();
        let files = spec_files(case);
        assert!(!files.is_empty(), "case {name} has no spec files");
        let actual = outputs(&files);
        // The same text whatever order the files come in, and on every run.
        let mut reversed = files.clone();
        reversed.reverse();
        assert_eq!(outputs(&reversed), actual, "case {name}: the outputs depend on the order of the spec files");
        if update {
            write_expected(case, &actual);
        } else if let Some(report) = differences(&expected(case), &actual) {
            failures.push(format!("case {name}:\n{report}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from their expected outputs (`-` expected, `+` generated); after review, \
         rewrite them with UPDATE_EXPECT=1 cargo test -p freshworks-events-codegen --test generator cases::\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_diff_shows_changed_lines_with_their_context() {
    let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\n";
    let new = "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\n";
    assert_eq!(
        diff(old, new),
        "    @@ line 2 @@\n      b\n      c\n    - d\n    + D\n      e\n      f\n    @@ line 8 @@\n      h\n      i\n    + j\n"
    );
    assert_eq!(diff("a", "a\n"), "    @@ line 1 @@\n      a\n    ! (the texts differ in their final newline)\n");
}
