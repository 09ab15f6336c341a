//! Each malformed `#[fw(...)]` the derives refuse, with its message pinned in the `.stderr`
//! beside the case (`TRYBUILD=overwrite` rewrites them). The cases use the derive alone:
//! an attribute error stops the expansion before it names anything of the runtime, so
//! small local stand-ins for `rt::Field` and `rt::UnknownFields` are all a case needs.

#[test]
fn malformed_attributes_are_compile_errors() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
