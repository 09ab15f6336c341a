//! Spec text through load, check and every emitter: never a panic, never a hang, and a
//! spec that passes the checks always emits.
#![no_main]

use codegen::emit::{docs, schema};
use codegen::SourceFile;
use libfuzzer_sys::fuzz_target;

/// The shipped spec's shared files, so that an event file has products and an envelope.
const BASE: &[(&str, &str)] = &[("spec.yaml", include_str!("../../spec/spec.yaml")), ("types.yaml", include_str!("../../spec/types.yaml"))];

fn exercise(files: &[SourceFile]) {
    let Ok(ir) = codegen::compile(files) else {
        return;
    };
    // The checker passed it: every emitter must take it.
    codegen::emit::rust::generate(&ir).expect("a checked spec emits Rust");
    for event in &ir.events {
        for reading in [schema::Reading::Lenient, schema::Reading::Strict] {
            let _ = schema::to_string(&schema::event_schema(&ir, event, reading));
        }
    }
    let _ = docs::generate(&ir, &|_| None);
    let report = codegen::diff::diff(&ir, &ir);
    let entries = codegen::diff::entries(&report);
    let _ = codegen::diff::render_text(&entries, &|_, text| text.to_string());
    let _ = codegen::diff::render_markdown(&report, &entries);
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // As an event file beside the shipped shared files...
    let mut files: Vec<SourceFile> = BASE.iter().map(|(p, t)| SourceFile { path: p.to_string(), text: t.to_string() }).collect();
    files.push(SourceFile { path: "freshchat/onFuzz.yaml".into(), text: text.into() });
    exercise(&files);
    // ...and as the whole spec.
    exercise(&[SourceFile { path: "spec.yaml".into(), text: text.into() }]);
});
