//! Documentation page text through doc-import (a draft that must itself lint) and
//! doc-check against every event of the shipped spec: never a panic, never a hang.
//!
//! The first byte grows the rest into a page far larger than the fuzzer's inputs: up to 256
//! copies of it, one after another (a wide page) or each indented one column more than the
//! one before (a deep page), so that cost superlinear in the page's size or depth shows up
//! as a timeout.
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

/// The page the input stands for: `copies` of `rest`, wide or deep.
fn grown(control: u8, rest: &str) -> String {
    let copies = 1usize << (control & 0x07) as usize;
    let deep = control & 0x08 != 0;
    let mut page = String::with_capacity(rest.len() * copies * 2);
    for i in 0..copies {
        if deep {
            let pad = " ".repeat(i);
            for line in rest.lines() {
                page.push_str(&pad);
                page.push_str(line);
                page.push('\n');
            }
        } else {
            page.push_str(rest);
            page.push('\n');
        }
    }
    page
}

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    let Ok(rest) = std::str::from_utf8(rest) else {
        return;
    };
    let text = grown(control, rest);
    let ir = shipped();
    if let Ok(page) = docpage::parse(&text, None) {
        let draft = docpage::import(&page, "onFuzz", "freshchat", "fuzz.txt");
        // The draft is spec text; with the shipped shared files it must lint (the README
        // promises that a draft always does).
        let mut files: Vec<SourceFile> = freshworks_events::spec::SPEC_FILES
            .iter()
            .filter(|(p, _)| !p.contains('/'))
            .map(|(p, t)| SourceFile { path: p.to_string(), text: t.to_string() })
            .collect();
        files.push(SourceFile { path: "freshchat/onFuzz.yaml".into(), text: draft.clone() });
        if let Err(problems) = codegen::compile(&files) {
            panic!("a draft that does not lint:\n{problems}\n{draft}");
        }
    }
    for event in &ir.events {
        if let Ok(page) = docpage::parse(&text, Some(&Guide::new(ir, event))) {
            let report = docpage::check(ir, event, &page);
            let _ = report.unexplained();
        }
    }
});
