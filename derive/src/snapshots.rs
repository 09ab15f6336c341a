//! Expansion snapshots: the derive's whole output for the inputs in `tests/expand/`,
//! pretty-printed and compared with the checked-in `*.expanded.rs` beside each input. A
//! change to what the derive writes shows here as a readable diff of generated code;
//! `UPDATE_SNAPSHOTS=1 cargo test -p freshworks-events-derive` rewrites the expected files.

use std::path::PathBuf;

use proc_macro2::TokenStream;

fn snapshot(name: &str, expand: fn(TokenStream) -> TokenStream) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/expand");
    let input = std::fs::read_to_string(dir.join(format!("{name}.rs"))).unwrap();
    let tokens: TokenStream = input.parse().unwrap();
    let output = expand(tokens);
    let file = syn::parse2::<syn::File>(output.clone()).unwrap_or_else(|e| panic!("{name}: the expansion does not parse: {e}\n{output}"));
    let actual = format!("// The expansion of `{name}.rs`; `UPDATE_SNAPSHOTS=1` rewrites it.\n\n{}", prettyplease::unparse(&file));
    assert!(!actual.contains("compile_error"), "{name}: the derive refused its input:\n{actual}");
    let path = dir.join(format!("{name}.expanded.rs"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let first =
            expected.lines().zip(actual.lines()).position(|(e, a)| e != a).unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name}: the expansion differs from {} from line {}; rerun with UPDATE_SNAPSHOTS=1 and review the diff\n--- expected\n{}\n--- actual\n{}",
            path.display(),
            first + 1,
            expected.lines().skip(first).take(8).collect::<Vec<_>>().join("\n"),
            actual.lines().skip(first).take(8).collect::<Vec<_>>().join("\n"),
        );
    }
}

#[test]
fn an_event_data_object() {
    snapshot("object", crate::expand::object);
}

#[test]
fn a_payload_envelope() {
    snapshot("envelope", crate::expand::object);
}

#[test]
fn an_open_documented_enum() {
    snapshot("enum", crate::expand::enumeration);
}
