//! `fwevents infer`: with an event's spec file taken away, the draft from that event's
//! seeded fixtures lints beside the rest of the spec and has the shipped paths and types.
//! `cargo test --test chain infer:: -- --nocapture` prints the share per event (the README's
//! table).

use codegen::ir::{EnumRepr, Ir, Ty, TypeId, TypeKind};

use crate::common::{fwevents, root, text, TempDir};

/// Fixtures per event the drafts are made from.
const FIXTURES: usize = 100;

/// Each attribute path below `data` with its type reduced to what payloads can show: an
/// enum is its string or integer, a named object an object.
fn paths(ir: &Ir, ty: TypeId, prefix: &str, out: &mut Vec<(String, String)>, stack: &mut Vec<TypeId>) {
    if stack.contains(&ty) {
        return;
    }
    stack.push(ty);
    for f in ir.fields(ty) {
        let path = if prefix.is_empty() { f.wire.clone() } else { format!("{prefix}.{}", f.wire) };
        out.push((path.clone(), kind(ir, &f.ty)));
        let (mut inner, mut p) = (&f.ty, path);
        loop {
            match inner {
                Ty::Array(item) => {
                    p.push_str("[]");
                    inner = item;
                }
                Ty::Map(value) => {
                    p.push_str(".*");
                    inner = value;
                }
                Ty::Named(id) if matches!(ir.ty(*id).kind, TypeKind::Object(_)) => {
                    paths(ir, *id, &p, out, stack);
                    break;
                }
                _ => break,
            }
        }
    }
    stack.pop();
}

fn kind(ir: &Ir, ty: &Ty) -> String {
    match ty {
        Ty::String => "string".into(),
        Ty::Integer => "integer".into(),
        Ty::Number => "number".into(),
        Ty::Boolean => "boolean".into(),
        Ty::Timestamp => "timestamp".into(),
        Ty::Id => "id".into(),
        Ty::Any | Ty::Unresolved => "any".into(),
        Ty::Change(_) => "change".into(),
        Ty::Array(item) => format!("array of {}", kind(ir, item)),
        Ty::Map(value) => format!("map of {}", kind(ir, value)),
        Ty::Named(id) => match &ir.ty(*id).kind {
            TypeKind::Object(_) => "object".into(),
            TypeKind::Enum(e) if e.repr == EnumRepr::Int => "integer".into(),
            TypeKind::Enum(_) => "string".into(),
        },
    }
}

fn event_paths(ir: &Ir, qualified: &str) -> Vec<(String, String)> {
    let event = ir.events.iter().find(|e| ir.qualified_name(e) == qualified).unwrap_or_else(|| panic!("{qualified} in the spec"));
    let mut out = Vec::new();
    paths(ir, event.data, "", &mut out, &mut Vec::new());
    out
}

fn compile(dir: &std::path::Path) -> Ir {
    let files = codegen::source::read_spec_dir(dir).unwrap();
    codegen::compile(&files).unwrap_or_else(|d| panic!("the spec with the draft lints clean:\n{d}"))
}

#[test]
fn drafts_from_fixtures_have_the_shipped_paths_and_types() {
    let shipped = compile(&root().join("spec"));
    let mut table =
        String::from("| event | shipped paths drafted | with the shipped type | drafted paths not shipped |\n| --- | --- | --- | --- |\n");
    for event in &shipped.events {
        let qualified = shipped.qualified_name(event);
        let log = fwevents(&["fixture", &qualified, "--seed", "1", "--count", &FIXTURES.to_string()], b"");
        assert!(log.status.success(), "{}", text(&log.stderr));
        let out = fwevents(&["infer", "-", "--event", &qualified], &log.stdout);
        assert!(out.status.success(), "{qualified}: {}", text(&out.stderr));
        let draft = text(&out.stdout);
        assert!(draft.contains("TODO"), "{draft}");

        // The spec without the event, and the draft in its place.
        let dir = TempDir::new(&format!("infer-{}", event.name));
        let spec = dir.0.join("spec");
        copy_dir(&root().join("spec"), &spec);
        let file = spec.join(&event.file);
        std::fs::remove_file(&file).unwrap();
        let without = compile(&spec);
        assert!(without.events.iter().all(|e| without.qualified_name(e) != qualified));
        std::fs::write(&file, &draft).unwrap();
        let lint = fwevents(&["lint", &spec.display().to_string()], b"");
        assert!(lint.status.success(), "{qualified}: the draft lints beside the spec:\n{}\n{draft}", text(&lint.stdout));
        let drafted = event_paths(&compile(&spec), &qualified);

        let want = event_paths(&shipped, &qualified);
        let found = want.iter().filter(|(p, _)| drafted.iter().any(|(d, _)| d == p)).count();
        let typed = want.iter().filter(|w| drafted.contains(w)).count();
        let share = |n: usize| 100.0 * n as f64 / want.len() as f64;
        table.push_str(&format!(
            "| {qualified} | {found} of {} ({:.0}%) | {typed} of {} ({:.0}%) | {} |\n",
            want.len(),
            share(found),
            want.len(),
            share(typed),
            drafted.iter().filter(|(d, _)| want.iter().all(|(w, _)| w != d)).count()
        ));
        let missing: Vec<&(String, String)> = want.iter().filter(|w| !drafted.contains(w)).collect();
        eprintln!("{qualified}: not drafted as shipped: {missing:?}");
        assert!(share(found) >= 95.0, "{qualified}: {found} of {} paths drafted; missing {missing:?}", want.len());
    }
    eprintln!("{table}");
}

#[test]
fn the_real_freshdesk_on_agent_update_is_drafted() {
    let payload = root().join("../shared/payloads/freshdesk-onAgentUpdate.1.json");
    let out = fwevents(&["infer", &payload.display().to_string(), "--event", "freshdesk/onAgentUpdate"], b"");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let draft = text(&out.stdout);
    let dir = TempDir::new("infer-freshdesk");
    let spec = dir.0.join("spec");
    copy_dir(&root().join("spec"), &spec);
    std::fs::write(spec.join("freshdesk/onAgentUpdate.yaml"), &draft).unwrap();
    let ir = compile(&spec);
    let paths = event_paths(&ir, "freshdesk/onAgentUpdate");
    let has = |p: &str, k: &str| paths.iter().any(|(a, b)| a == p && b == k);
    // Ids by name and form, timestamps by form, nesting as sent.
    assert!(has("agent.id", "id"), "{paths:?}");
    assert!(has("agent.created_at", "timestamp"));
    assert!(has("agent.preferences.agent_preferences.search_settings.tickets.archive", "boolean"));
    assert!(has("agent.groups", "array of any"), "only empty arrays: items left to a person");
    // Only nulls seen: left as any JSON value, nullable, with a TODO.
    assert!(has("agent.twitter_id", "any"));
    assert!(draft.contains("only null was seen"));
    // One payload: no attribute is optional, no enum is guessed.
    assert!(!draft.contains("optional: true") && !draft.contains("enum:"));
}

#[test]
fn bad_input_is_refused_clearly() {
    let out = fwevents(&["infer", "-", "--event", "onAgentUpdate"], b"{}\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("product/name"));
    let out = fwevents(&["infer", "-", "--event", "freshdesk/onAgentUpdate"], b"[1]\nnot json\n{\"event\": \"other\"}\n");
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("-:1: not a JSON object") && err.contains("-:2:") && err.contains("1 of other events"), "{err}");
    // Names a spec cannot take are left out, said in a note, and the draft still lints.
    let payload = br#"{"event": "onThing", "data": {"ok": 1, "bad key": 2, "9lives": 3, "nested": {"x-y": true, "fine": "a"}}}"#;
    let out = fwevents(&["infer", "-", "--event", "freshdesk/onThing"], payload);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("bad key: left out") && err.contains("9lives: left out") && err.contains("nested.x-y: left out"), "{err}");
    let dir = TempDir::new("infer-names");
    let spec = dir.0.join("spec");
    copy_dir(&root().join("spec"), &spec);
    std::fs::write(spec.join("freshdesk/onThing.yaml"), &out.stdout).unwrap();
    let paths = event_paths(&compile(&spec), "freshdesk/onThing");
    assert_eq!(paths, [("nested".into(), "object".into()), ("nested.fine".into(), "string".into()), ("ok".into(), "integer".into())]);
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
