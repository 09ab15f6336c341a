//! `doc-check` and `doc-import` on the five real pages, and on pages edited to differ; a
//! deeply nested page in bounded memory; page names that name no product or event.

use crate::common::{self, fwevents, text};

const PAGES: [(&str, &str); 5] = [
    ("freshchat-onAgentCustomStatusUpdate.txt", "freshchat/onAgentCustomStatusUpdate"),
    ("freshchat-onAgentActivityCreate.txt", "freshchat/onAgentActivityCreate"),
    ("freshdesk-onAgentAvailabilityUpdate.txt", "freshdesk/onAgentAvailabilityUpdate"),
    ("freshcaller-onAgentUpdate.txt", "freshcaller/onAgentUpdate"),
    ("freshsales-onUserAgentAvailabilityUpdate.txt", "freshsales/onUserAgentAvailabilityUpdate"),
];

fn page(name: &str) -> String {
    std::fs::read_to_string(common::root().join("../shared/docs").join(name)).unwrap()
}

#[test]
fn every_page_passes_against_the_shipped_spec_with_its_quirks_reported() {
    for (file, event) in PAGES {
        let o = fwevents(&["doc-check", &format!("../shared/docs/{file}"), "--event", event], b"");
        assert_eq!(o.status.code(), Some(0), "{file}:\n{}{}", text(&o.stdout), text(&o.stderr));
        assert!(text(&o.stderr).contains("0 unexplained difference(s)"), "{}", text(&o.stderr));
    }
    // The known quirks are named.
    let o = fwevents(&["doc-check", "../shared/docs/freshchat-onAgentCustomStatusUpdate.txt", "--event", "onAgentCustomStatusUpdate"], b"");
    let out = text(&o.stdout);
    assert!(out.contains("known quirk: data.actor.phone: the page writes \"Phone\""), "{out}");
    assert!(out.contains("known quirk: data.actor.social_profiles: the page types it \"string\""), "{out}");
    let o = fwevents(&["doc-check", "../shared/docs/freshcaller-onAgentUpdate.txt", "--event", "freshcaller/onAgentUpdate"], b"");
    assert!(text(&o.stdout).contains("known quirk: data.agent.user_id: listed again on the page"));
}

/// Adds an attribute after the first one in the page's own layout.
fn with_new_attribute(text: &str) -> String {
    let mut out = Vec::new();
    let mut added = false;
    for line in text.lines() {
        out.push(line.to_string());
        if added {
            continue;
        }
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        // Before the first `id` attribute, a sibling in the same layout.
        let bullet = if trimmed.starts_with("• ") { "• " } else { "- " };
        if trimmed.starts_with(bullet) && trimmed[bullet.len()..].starts_with("id") && !trimmed[bullet.len()..].contains(' ') {
            out.pop();
            out.push(format!("{indent}{bullet}zz_nicknamestring"));
            out.push(format!("{indent}  What colleagues call the actor."));
            out.push(line.to_string());
            added = true;
        }
    }
    assert!(added);
    out.join("\n")
}

#[test]
fn an_attribute_added_to_any_page_is_found() {
    let tmp = common::TempDir::new("doccheck");
    for (file, event) in PAGES {
        let edited = with_new_attribute(&page(file));
        let path = tmp.0.join(file);
        std::fs::write(&path, edited).unwrap();
        let o = fwevents(&["doc-check", path.to_str().unwrap(), "--event", event], b"");
        assert_eq!(o.status.code(), Some(1), "{file}: {}", text(&o.stdout));
        let out = text(&o.stdout);
        assert!(out.contains("difference: data.") && out.contains("zz_nickname: on the page (string), not in the spec"), "{file}: {out}");
    }
}

#[test]
fn type_and_value_changes_on_a_page_are_differences() {
    let tmp = common::TempDir::new("doccheck-types");
    let edited = page("freshdesk-onAgentAvailabilityUpdate.txt")
        .replace("• status_idinteger", "• status_idstring")
        .replace("Possible values: freshdesk, freshchat, freshcaller", "Possible values: freshdesk, freshchat, freshcaller, freshsales");
    let path = tmp.0.join("page.txt");
    std::fs::write(&path, edited).unwrap();
    let o = fwevents(&["doc-check", path.to_str().unwrap(), "--event", "onAgentAvailabilityUpdate"], b"");
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    assert!(
        out.contains("difference: data.agent_availability.status_id: the page types it \"string\"; the spec reads it as \"integer\""),
        "{out}"
    );
    assert!(out.contains("difference: data.agent_availability.channel_availability[].channel: the page lists \"freshsales\""), "{out}");
}

#[test]
fn a_removed_attribute_is_a_difference() {
    let tmp = common::TempDir::new("doccheck-removed");
    let edited = page("freshchat-onAgentActivityCreate.txt").replace("- emojistring\nEmoji associated with the status of the agent.\n", "");
    let path = tmp.0.join("page.txt");
    std::fs::write(&path, edited).unwrap();
    let o = fwevents(&["doc-check", path.to_str().unwrap(), "--event", "onAgentActivityCreate"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).contains("difference: data.agent_activity.emoji: in the spec, not on the page"), "{}", text(&o.stdout));
}

#[test]
fn bad_pages_get_a_clear_error() {
    let o = fwevents(&["doc-check", "-", "--event", "onAgentUpdate"], b"just some text");
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("no \"Attributes of the data object\" section"), "{}", text(&o.stderr));
    let o = fwevents(&["doc-import", "-"], &[0xff, 0xfe, 0x00]);
    assert_eq!(o.status.code(), Some(2));
    let o = fwevents(&["doc-check", "no/such/page.txt", "--event", "onAgentUpdate"], b"");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn every_imported_draft_is_a_spec_that_compiles() {
    let tmp = common::TempDir::new("docimport");
    for (file, event) in PAGES {
        let o = fwevents(&["doc-import", &format!("../shared/docs/{file}")], b"");
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let draft = text(&o.stdout);
        assert!(draft.contains(&format!("event: {}", event.split('/').nth(1).unwrap())));
        // Beside the shipped products, envelope and shared types, in place of the shipped event.
        let dir = tmp.0.join(file);
        for f in codegen::source::read_spec_dir(&common::root().join("spec")).unwrap() {
            let p = dir.join(&f.path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, f.text).unwrap();
        }
        std::fs::write(dir.join(format!("{event}.yaml")), &draft).unwrap();
        let o = fwevents(&["lint", dir.to_str().unwrap()], b"");
        assert_eq!(o.status.code(), Some(0), "{file}:\n{}\n{draft}", text(&o.stdout));
    }
}

/// How close `doc-import` gets to the shipped spec, per page: the README quotes these
/// numbers (run with `--nocapture` to see them).
#[test]
fn imported_drafts_are_close_to_the_shipped_spec() {
    let root = common::root();
    let shipped = codegen::compile(&codegen::source::read_spec_dir(&root.join("spec")).unwrap()).unwrap();
    let tmp = common::TempDir::new("closeness");
    let (mut all_paths, mut all_found, mut all_typed) = (0, 0, 0);
    for (file, event) in PAGES {
        let draft = text(&fwevents(&["doc-import", &format!("../shared/docs/{file}")], b"").stdout);
        let dir = tmp.0.join(file);
        for f in codegen::source::read_spec_dir(&root.join("spec")).unwrap() {
            let p = dir.join(&f.path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, f.text).unwrap();
        }
        std::fs::write(dir.join(format!("{event}.yaml")), &draft).unwrap();
        let drafted = codegen::compile(&codegen::source::read_spec_dir(&dir).unwrap()).unwrap();
        let find = |ir: &codegen::Ir| ir.events.iter().find(|e| ir.qualified_name(e) == event).unwrap().data;
        let (mut want, mut got) = (Default::default(), Default::default());
        common::shapes(&shipped, &codegen::ir::Ty::Named(find(&shipped)), "", &mut want, 0);
        common::shapes(&drafted, &codegen::ir::Ty::Named(find(&drafted)), "", &mut got, 0);
        let found = want.keys().filter(|p| got.contains_key(*p)).count();
        let typed = want.iter().filter(|(p, s)| got.get(*p) == Some(s)).count();
        println!("{event}: {} attributes in the spec; the draft has {found} at the same path, {typed} also with the same type", want.len());
        assert!(found * 100 >= want.len() * 70, "{event}: only {found} of {} paths", want.len());
        all_paths += want.len();
        all_found += found;
        all_typed += typed;
        // `fwevents diff` between the shipped spec and the draft.
        let o = fwevents(&["diff", "spec", dir.to_str().unwrap()], b"");
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", text(&o.stderr));
    }
    println!("all pages: {all_paths} attributes, {all_found} at the same path, {all_typed} with the same type");
    assert!(all_found * 100 >= all_paths * 85);
}

/// A page that says values beyond its list occur ("or the name of ...") is a difference
/// against an enum that is closed or open only for values the vendor may add; the shipped
/// AgentStatusName, `open: documented`, matches its page (above).
#[test]
fn an_or_the_name_of_sentence_needs_a_documented_enum() {
    let tmp = common::TempDir::new("doccheck-others");
    let cases = [
        (
            "Possible values: freshdesk, freshchat, freshcaller",
            "Possible values: freshdesk, freshchat, freshcaller, or the name of a custom channel",
            "data.agent_availability.channel_availability[].channel",
            "open only for values the vendor may add",
        ),
        ("Possible values: agent, system", "Possible values: agent, system, or the name of an integration", "data.actor.type", "closed"),
    ];
    for (from, to, path, reading) in cases {
        let edited = page("freshdesk-onAgentAvailabilityUpdate.txt").replace(from, to);
        let file = tmp.0.join("page.txt");
        std::fs::write(&file, edited).unwrap();
        let o = fwevents(&["doc-check", file.to_str().unwrap(), "--event", "onAgentAvailabilityUpdate"], b"");
        assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
        let out = text(&o.stdout);
        assert!(out.contains(&format!("difference: {path}: the page says values beyond")), "{out}");
        assert!(out.contains(&format!("the spec's enum is {reading}")), "{out}");
    }
}

#[test]
fn a_quirk_excuses_only_what_it_states() {
    // The page lists four social platforms, as the spec records; with one dropped, the
    // shared enum still has it, and that is news, not the known quirk.
    let edited = page("freshchat-onAgentActivityCreate.txt")
        .replace("Possible values: facebook, twitter, skype, linkedin", "Possible values: facebook, twitter, linkedin");
    let o = fwevents(&["doc-check", "-", "--event", "freshchat/onAgentActivityCreate"], edited.as_bytes());
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stdout));
    assert!(
        text(&o.stdout).contains("difference: data.actor.social_profiles[].type: the spec accepts \"skype\" that the page does not list"),
        "{}",
        text(&o.stdout)
    );
}

/// Every attribute of a page with its path, depth first.
fn page_attrs<'p>(attrs: &'p [codegen::docpage::PageAttr], out: &mut Vec<&'p codegen::docpage::PageAttr>) {
    for a in attrs {
        out.push(a);
        page_attrs(&a.children, out);
    }
}

/// The same page with one change made to the attribute at `index` (depth first).
fn mutate(
    attrs: &mut Vec<codegen::docpage::PageAttr>,
    index: &mut usize,
    change: &dyn Fn(&mut Vec<codegen::docpage::PageAttr>, usize),
) -> bool {
    for i in 0..attrs.len() {
        if *index == 0 {
            change(attrs, i);
            return true;
        }
        *index -= 1;
        if mutate(&mut attrs[i].children, index, change) {
            return true;
        }
    }
    false
}

/// The lines of the page's attributes that the spec annotates: a quirk, or a fact of how
/// the page writes them (name, type, values, repeats, the pages that list them).
fn annotated_lines(ir: &codegen::Ir, object: codegen::ir::TypeId, attrs: &[codegen::docpage::PageAttr], out: &mut Vec<usize>) {
    use codegen::ir::Ty;
    for attr in attrs {
        let Some(field) = ir.fields(object).iter().find(|f| f.wire == attr.name || f.doc.name.as_deref() == Some(&attr.name)) else {
            continue;
        };
        let d = &field.doc;
        if field.quirk.is_some() || d.name.is_some() || d.ty.is_some() || d.values.is_some() || d.listed.is_some() || !d.only.is_empty() {
            out.push(attr.line);
        }
        let mut ty = &field.ty;
        while let Ty::Array(item) = ty {
            ty = item;
        }
        if let Ty::Named(id) = ty {
            if matches!(ir.ty(*id).kind, codegen::ir::TypeKind::Object(_)) {
                annotated_lines(ir, *id, &attr.children, out);
            }
        }
    }
}

#[test]
fn every_annotated_attribute_reports_any_other_change_made_to_it() {
    use codegen::docpage::{self, Guide, PageAttr};
    use codegen::ir::Literal;
    let ir = codegen::compile(&codegen::source::read_spec_dir(&common::root().join("spec")).unwrap()).unwrap();
    type Change = (&'static str, fn(&mut Vec<PageAttr>, usize));
    let changes: [Change; 5] = [
        ("a value dropped", |a, i| {
            if let Some(v) = a[i].values.as_mut() {
                v.pop();
            }
        }),
        ("a value added", |a, i| a[i].values.get_or_insert_with(Vec::new).push(Literal::Str("brand_new".into()))),
        ("another type", |a, i| a[i].ty = if a[i].ty == "boolean" { "integer".into() } else { "boolean".into() }),
        ("renamed", |a, i| a[i].name.push_str("_renamed")),
        ("removed", |a, i| {
            a.remove(i);
        }),
    ];
    let mut tried = 0;
    for (file, qualified) in PAGES {
        let before = tried;
        let (product, name) = qualified.split_once('/').unwrap();
        let event = ir.events.iter().find(|e| e.name == name && ir.product_of(e).key == product).unwrap();
        let original = docpage::parse(&page(file), Some(&Guide::new(&ir, event))).unwrap();
        assert_eq!(docpage::check(&ir, event, &original).unexplained(), 0, "{file}");
        let mut lines = Vec::new();
        annotated_lines(&ir, event.data, &original.attrs, &mut lines);
        let mut all = Vec::new();
        page_attrs(&original.attrs, &mut all);
        for (index, attr) in all.iter().enumerate().filter(|(_, a)| lines.contains(&a.line)) {
            for (what, change) in &changes {
                if *what == "a value dropped" && attr.values.as_ref().is_none_or(|v| v.is_empty()) {
                    continue;
                }
                let mut edited = original.clone();
                assert!(mutate(&mut edited.attrs, &mut index.clone(), change));
                let report = docpage::check(&ir, event, &edited);
                assert!(
                    report.unexplained() > 0,
                    "{file}:{}: {} {what}: no difference reported\n{:#?}",
                    attr.line,
                    attr.name,
                    report.findings
                );
                tried += 1;
            }
        }
        // Every page has annotated attributes: each is covered, not a lucky few.
        assert!(tried > before, "{file}: no annotated attribute found");
    }
    assert!(tried >= 30, "only {tried} edits tried");
}

/// `fwevents ARGS` with its address space limited to `mib` MiB (`ulimit -v`), so that a
/// page costing more memory than a small multiple of its size fails rather than passes.
#[cfg(unix)]
fn fwevents_within(mib: u64, args: &[&str]) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {} && exec \"$0\" \"$@\"", mib * 1024))
        .arg(env!("CARGO_BIN_EXE_fwevents"))
        .args(args)
        .current_dir(common::root())
        .output()
        .unwrap()
}

/// 4,000 nested objects in either layout: read in bounded memory, cut at the page depth
/// limit with a note, and drafted into a spec file that lints beside the shipped spec.
#[cfg(unix)]
#[test]
fn a_deeply_nested_page_is_drafted_in_bounded_memory_and_lints() {
    let tmp = common::TempDir::new("docpage-deep");
    let mut flat = String::from("Title\nAttributes of the data object\n");
    let mut indented = flat.clone();
    for i in 0..4000 {
        flat.push_str(&format!("- a{i:05}object\nInformation.\n"));
        // Each object one column deeper than its parent, up to a page's width; the
        // bullets then stay at one column and the rest nest by the page's order.
        let col = " ".repeat(i % 200);
        indented.push_str(&format!("{col}• b{i:05}object\n{col}  Information.\n"));
    }
    let spec = tmp.0.join("spec");
    let o = std::process::Command::new("cp").arg("-R").arg(common::root().join("spec")).arg(&spec).status().unwrap();
    assert!(o.success());
    for (name, page) in [("freshchat-onFlatDeep", &flat), ("freshchat-onIndentedDeep", &indented)] {
        let path = tmp.0.join(format!("{name}.txt"));
        std::fs::write(&path, page).unwrap();
        let o = fwevents_within(256, &["doc-import", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", text(&o.stderr));
        let draft = text(&o.stdout);
        assert!(draft.contains("are nested deeper than 64 levels; the draft does not nest them"), "{name}:\n{draft}");
        let event = name.split_once('-').unwrap().1;
        std::fs::write(spec.join(format!("freshchat/{event}.yaml")), &draft).unwrap();
    }
    let o = fwevents(&["lint", spec.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}{}", text(&o.stdout), text(&o.stderr));
}

#[test]
fn a_page_name_that_names_no_product_or_event_is_an_error() {
    let tmp = common::TempDir::new("docpage-names");
    let page = "Attributes of the data object\n- idstring\nThe id.\n";
    for name in ["-rf-x.txt", "freshchat-on.x.txt", "fresh chat-onX.txt"] {
        let path = tmp.0.join(name);
        std::fs::write(&path, page).unwrap();
        let o = fwevents(&["doc-import", "--", path.to_str().unwrap()], b"");
        assert_eq!(o.status.code(), Some(2), "{name}: {}", text(&o.stdout));
        assert!(text(&o.stderr).contains("from the page's file name"), "{name}: {}", text(&o.stderr));
        assert_eq!(text(&o.stdout), "", "{name}");
        // Given as flags, the names are the user's; the file name is only quoted.
        let o = fwevents(&["doc-import", "--product", "freshchat", "--event", "onX", "--", path.to_str().unwrap()], b"");
        assert_eq!(o.status.code(), Some(0), "{name}: {}", text(&o.stderr));
        let draft: serde_yaml::Value = serde_yaml::from_str(&text(&o.stdout)).unwrap();
        assert_eq!(draft["source"].as_str(), Some(name));
        assert_eq!(draft["product"].as_str(), Some("freshchat"));
    }
}
