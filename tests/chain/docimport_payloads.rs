//! `doc-import --payloads`: real payloads place the attributes whose nesting a flat page
//! leaves open, and the attributes they carry that the page does not list are reported,
//! never drafted. `cargo test --test chain docimport_payloads:: -- --nocapture` prints the
//! README's table: the five pages drafted without payloads, with the real ones, and with
//! seeded fixtures of the shipped spec.

use std::collections::BTreeMap;

use crate::common::{self, fwevents, root, text, TempDir};

const PAGES: [(&str, &str); 5] = [
    ("freshchat-onAgentCustomStatusUpdate.txt", "freshchat/onAgentCustomStatusUpdate"),
    ("freshchat-onAgentActivityCreate.txt", "freshchat/onAgentActivityCreate"),
    ("freshdesk-onAgentAvailabilityUpdate.txt", "freshdesk/onAgentAvailabilityUpdate"),
    ("freshcaller-onAgentUpdate.txt", "freshcaller/onAgentUpdate"),
    ("freshsales-onUserAgentAvailabilityUpdate.txt", "freshsales/onUserAgentAvailabilityUpdate"),
];

fn data_of(ir: &codegen::Ir, event: &str) -> codegen::ir::Ty {
    codegen::ir::Ty::Named(ir.events.iter().find(|e| ir.qualified_name(e) == event).unwrap().data)
}

/// The draft of `page` (with `--payloads dir` when given), in place of the event's spec
/// file: (paths right, types right, paths in the shipped spec), and what doc-import said.
fn score(page: &str, event: &str, payloads: Option<&std::path::Path>, tmp: &std::path::Path) -> (usize, usize, usize, String) {
    let page_path = format!("../shared/docs/{page}");
    let mut args = vec!["doc-import", page_path.as_str()];
    let dir_arg = payloads.map(|p| p.display().to_string());
    if let Some(d) = &dir_arg {
        args.extend(["--payloads", d]);
    }
    let out = fwevents(&args, b"");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let spec = tmp.join("spec");
    let _ = std::fs::remove_dir_all(&spec);
    for f in codegen::source::read_spec_dir(&root().join("spec")).unwrap() {
        let p = spec.join(&f.path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, f.text).unwrap();
    }
    std::fs::write(spec.join(format!("{event}.yaml")), &out.stdout).unwrap();
    let drafted =
        codegen::compile(&codegen::source::read_spec_dir(&spec).unwrap()).unwrap_or_else(|d| panic!("{page}: the draft lints:\n{d}"));
    let shipped = codegen::compile(&codegen::source::read_spec_dir(&root().join("spec")).unwrap()).unwrap();
    let (mut want, mut got) = (BTreeMap::new(), BTreeMap::new());
    common::shapes(&shipped, &data_of(&shipped, event), "", &mut want, 0);
    common::shapes(&drafted, &data_of(&drafted, event), "", &mut got, 0);
    let found = want.keys().filter(|p| got.contains_key(*p)).count();
    let typed = want.iter().filter(|(p, s)| got.get(*p) == Some(s)).count();
    (found, typed, want.len(), text(&out.stderr))
}

fn cell((found, typed, all): (usize, usize, usize)) -> String {
    format!("{found}/{all} paths, {typed}/{all} types")
}

#[test]
fn payloads_settle_the_nesting_of_flat_pages() {
    let tmp = TempDir::new("docimport-payloads");
    let real = root().join("../shared/payloads");
    let mut table = String::from("| page | without payloads | with the real payloads | with 100 fixtures |\n| --- | --- | --- | --- |\n");
    let mut totals = [(0, 0, 0); 3];
    for (page, event) in PAGES {
        let fixtures = tmp.0.join(format!("fixtures-{}", event.replace('/', "-")));
        std::fs::create_dir_all(&fixtures).unwrap();
        let log = fwevents(&["fixture", event, "--seed", "1", "--count", "100"], b"");
        std::fs::write(fixtures.join("fixtures.log"), &log.stdout).unwrap();
        let mut row = format!("| {page} |");
        for (i, payloads) in [None, Some(real.as_path()), Some(fixtures.as_path())].into_iter().enumerate() {
            let (found, typed, all, said) = score(page, event, payloads, &tmp.0);
            totals[i] = (totals[i].0 + found, totals[i].1 + typed, totals[i].2 + all);
            row.push_str(&format!(" {} |", cell((found, typed, all))));
            if payloads.is_some() {
                assert!(said.contains("payload(s) of"), "{said}");
            }
        }
        table.push_str(&row);
        table.push('\n');
    }
    table.push_str(&format!("| all five | {} | {} | {} |\n", cell(totals[0]), cell(totals[1]), cell(totals[2])));
    eprintln!("{table}");
    // Payloads never make the draft worse, and the real Freshsales payload puts user_uuid
    // where it belongs.
    assert!(totals[1].0 >= totals[0].0 && totals[2].0 >= totals[1].0, "{table}");
    assert!(totals[1].0 > totals[0].0, "the real payloads settle at least one attribute:\n{table}");
}

#[test]
fn attributes_the_page_does_not_list_are_reported_not_drafted() {
    let tmp = TempDir::new("docimport-unlisted");
    let payload = serde_json::json!({
        "event": "onUserAgentAvailabilityUpdate",
        "data": {"user_agent_availability": {"user_uuid": "u-1", "shift_note": "x"}, "surprise": {"nested": 1}}
    });
    std::fs::write(tmp.0.join("p.json"), serde_json::to_vec(&payload).unwrap()).unwrap();
    // A payload of another event is not evidence for this page.
    std::fs::write(tmp.0.join("other.json"), br#"{"event": "onAgentUpdate", "data": {"elsewhere": 1}}"#).unwrap();
    let dir = tmp.0.display().to_string();
    let out = fwevents(&["doc-import", "../shared/docs/freshsales-onUserAgentAvailabilityUpdate.txt", "--payloads", &dir], b"");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (draft, said) = (text(&out.stdout), text(&out.stderr));
    assert!(
        said.contains("note: data.user_agent_availability.shift_note: the payloads have it, the page does not list it; not drafted"),
        "{said}"
    );
    assert!(said.contains("note: data.surprise: the payloads have it"), "{said}");
    assert!(!said.contains("surprise.nested") && !said.contains("elsewhere"), "{said}");
    assert!(said.contains("1 payload(s) of onUserAgentAvailabilityUpdate"), "{said}");
    assert!(!draft.contains("shift_note") && !draft.contains("surprise"), "{draft}");
    // user_uuid sits directly under user_agent_availability, as in the payload.
    assert!(draft.contains("\n      user_uuid:\n"), "{draft}");
}
