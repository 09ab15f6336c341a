//! Documentation page text through doc-import (a draft that must itself load) and
//! doc-check against every event of the shipped spec: never a panic, never a hang.
#![no_main]

use std::sync::OnceLock;

use codegen::docpage::{self, Guide};
use codegen::{Ir, SourceFile};
use libfuzzer_sys::fuzz_target;

fn shipped() -> &'static Ir {
    static IR: OnceLock<Ir> = OnceLock::new();
    IR.get_or_init(|| {
        let files: Vec<SourceFile> =
            freshworks_events::spec::SPEC_FILES.iter().map(|(p, t)| SourceFile { path: p.to_string(), text: t.to_string() }).collect();
        codegen::compile(&files).expect("the shipped spec compiles")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let ir = shipped();
    if let Ok(page) = docpage::parse(text, None) {
        let draft = docpage::import(&page, "onFuzz", "freshchat", "fuzz.txt");
        // The draft is spec text; with the shipped shared files it must load without a panic.
        let mut files: Vec<SourceFile> = freshworks_events::spec::SPEC_FILES
            .iter()
            .filter(|(p, _)| !p.contains('/'))
            .map(|(p, t)| SourceFile { path: p.to_string(), text: t.to_string() })
            .collect();
        files.push(SourceFile { path: "freshchat/onFuzz.yaml".into(), text: draft });
        let _ = codegen::compile(&files);
    }
    for event in &ir.events {
        if let Ok(page) = docpage::parse(text, Some(&Guide::new(ir, event))) {
            let report = docpage::check(ir, event, &page);
            let _ = report.unexplained();
        }
    }
});
