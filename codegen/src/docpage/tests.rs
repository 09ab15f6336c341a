use super::*;

#[test]
fn tokens_split_into_name_and_type() {
    assert_eq!(split_token("actorobject"), Some(("actor", "object")));
    assert_eq!(split_token("social_profilesarray of objects"), Some(("social_profiles", "array of objects")));
    assert_eq!(split_token("user_informationarray of object"), Some(("user_information", "array of object")));
    assert_eq!(split_token("changedarray"), Some(("changed", "array")));
    assert_eq!(split_token("Phonestring"), Some(("Phone", "string")));
    assert_eq!(split_token("string"), None);
    assert_eq!(split_token("An agent"), None);
}

#[test]
fn attributes_run_into_sentences_are_found() {
    let (before, _, split) = attribute_at_end("Possible values: true, false - org_actor_idstring").unwrap();
    assert_eq!(before, "Possible values: true, false");
    assert_eq!(split, ("org_actor_id", "string"));
    assert!(attribute_at_end("- An agent’s existing default status is updated").is_none());
    assert!(attribute_at_end("is-a-word").is_none());
}

const FLAT: &str = "intro\nAttributes of the data object\n- actorobject\nInformation pertaining to the entity who triggered it.\n- avatarobject\nImage.\n- urlstring\nLink. The value of this attribute is null when the actor.type is system.\n- emailstring\nEmail.\n- typestring\nWho.\nPossible values: agent, system\n- agent_activityobject\nInformation pertaining to the agent’s activity.\n- statusstring\nStatus.\nPossible values: AVAILABLE, UNAVAILABLE, or the name of a custom status.\n- availablebooleanx\n";

#[test]
fn flat_pages_nest_by_cues_and_order() {
    let page = parse(FLAT, None).unwrap();
    assert_eq!(page.layout, Layout::Flat);
    let names: Vec<&str> = page.attrs.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["actor", "agent_activity"]);
    let actor: Vec<&str> = page.attrs[0].children.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(actor, ["avatar", "email", "type"]);
    assert_eq!(page.attrs[0].children[0].children[0].nulls, [("actor.type".to_string(), "system".to_string())]);
    let status = &page.attrs[1].children[0];
    assert_eq!(status.values, Some(vec![Literal::Str("AVAILABLE".into()), Literal::Str("UNAVAILABLE".into())]));
    assert!(status.open);
}

#[test]
fn indented_pages_nest_by_indentation() {
    let text = "Attributes of the data object\n\n  • actorobject\n\n    About.\n\n    • idstring\n\n      Id.\n\n  • changesobject\n\n    • model_changesobject\n\n      What.\n";
    let page = parse(text, None).unwrap();
    assert_eq!(page.layout, Layout::Indented);
    assert_eq!(page.attrs.len(), 2);
    assert_eq!(page.attrs[0].children[0].name, "id");
    assert_eq!(page.attrs[1].children[0].name, "model_changes");
}

#[test]
fn pages_without_attributes_are_errors() {
    assert_eq!(parse("hello", None), Err(PageError::NoAttributes));
    assert_eq!(parse("Attributes of the data object\nnothing here", None), Err(PageError::Empty));
}

#[test]
fn values_stop_where_a_note_is_run_into_the_list() {
    let attr = |ty: &str, desc: &str| {
        let mut a = PageAttr {
            name: "x".into(),
            ty: ty.into(),
            description: desc.into(),
            values: None,
            open: false,
            nulls: Vec::new(),
            children: Vec::new(),
            line: 1,
        };
        read_values(&mut a);
        (a.values, a.open)
    };
    let (values, _) =
        attr("boolean", "Active.\nPossible values: true, false Note:Default statuses available are available, unavailable, on_call.");
    assert_eq!(values, Some(vec![Literal::Bool(true), Literal::Bool(false)]));
    let (values, _) = attr("string", "Priority.\nPossible values: primary, secondary Agents with the secondary priority wait.");
    assert_eq!(values, Some(vec![Literal::Str("primary".into()), Literal::Str("secondary".into())]));
    let (values, open) = attr("string", "Possible values: a, b, or c");
    assert_eq!((values.map(|v| v.len()), open), (Some(3), false));
    let (values, open) = attr("string", "Possible values: A, B, or the name of a custom status.");
    assert_eq!((values.map(|v| v.len()), open), (Some(2), true));
}

/// The draft of a page, for the tests below.
fn draft_of(text: &str) -> String {
    import(&parse(text, None).unwrap(), "onThing", "acme", "acme-onThing.txt")
}

#[test]
fn a_draft_without_a_usable_rule_has_no_rules_key() {
    let text = "Attributes of the data object\n- actorobject\nInformation pertaining to the entity.\n- emailstring\nEmail. The value of this attribute is null when the actor.type is system.\n";
    let draft = draft_of(text);
    assert!(!draft.lines().any(|l| l.starts_with("rules:")), "{draft}");
    assert!(draft.contains("# TODO: the page names actor.type, which it does not list"), "{draft}");
    assert!(draft.contains("#     when: { path: actor.type, equals: system }"), "{draft}");
}

#[test]
fn rule_conditions_take_the_type_of_their_attribute() {
    let text = "Attributes of the data object\n  • queueobject\n    Queue.\n    • actioninteger\n      What.\n      Possible values:\n      0: Drop.\n      1: Keep.\n    • targetstring\n      Where. If the queue.action is 0, this attribute value is null.\n    • kindstring\n      Kind.\n      Possible values: a, b\n    • notestring\n      Note. If the queue.kind is c, this attribute value is null.\n";
    let draft = draft_of(text);
    assert!(draft.contains("\nrules:\n  - id: null-when-1\n"), "{draft}");
    assert!(draft.contains("when: { path: queue.action, equals: 0 }"), "{draft}");
    assert!(draft.contains("# TODO: c is not one of the values the page lists for queue.kind"), "{draft}");
}

#[test]
fn flat_pages_leave_an_object_when_the_order_restarts() {
    // The shape the five pages lack: a second top-level object after the first one's
    // attributes, with an array of objects inside it and attributes after the array.
    let text = "Attributes of the data object\n- actorobject\nInformation pertaining to the entity.\n- idstring\nId.\n- namestring\nName.\n- typestring\nWho.\n- agent_statusobject\nThe status.\n- channelsarray of objects\nChannels.\n- channelstring\nChannel.\n- enabledboolean\nOn.\n- created_atstring\nWhen.\n- associationsobject\nAll associated objects of the status.\n- reasonstring\nWhy.\n";
    let page = parse(text, None).unwrap();
    let names: Vec<&str> = page.attrs.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["actor", "agent_status", "associations", "reason"]);
    let status: Vec<&str> = page.attrs[1].children.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(status, ["channels", "created_at"]);
    assert_eq!(page.attrs[1].children[0].children.len(), 2);
}

#[test]
fn null_sentences() {
    assert_eq!(
        null_conditions("If the agent_activity.availability_agent_type is GeneralAvailability, this attribute value is null."),
        [("agent_activity.availability_agent_type".to_string(), "GeneralAvailability".to_string())]
    );
    assert_eq!(
        null_conditions("If the actor is the Freshdesk system, the id value is null."),
        [("actor.type".to_string(), "system".to_string())]
    );
}

/// A draft loads beside the base spec and passes the checker.
fn lints(draft: &str) {
    let files = vec![
        crate::SourceFile { path: "spec.yaml".into(), text: crate::testing::BASE_SPEC.into() },
        crate::SourceFile { path: "acme/onThing.yaml".into(), text: draft.into() },
    ];
    if let Err(d) = crate::compile(&files) {
        panic!("the draft does not lint:\n{d}\n{draft}");
    }
}

/// An indented page nesting `depth` containers of type `ty`, the deepest holding an
/// integer with listed values (the leaf whose YAML nests deepest).
fn deep_page(depth: usize, ty: &str) -> String {
    let mut text = String::from("Attributes of the data object\n");
    for i in 0..depth {
        text.push_str(&format!("{}• a{i}{ty}\n{}  Information.\n", " ".repeat(i), " ".repeat(i)));
    }
    text.push_str(&format!("{}• levelinteger\n0: low\n1: high\n", " ".repeat(depth)));
    text
}

#[test]
fn a_page_nested_deeper_than_a_spec_can_hold_drafts_one_that_lints() {
    for ty in ["object", "array of objects"] {
        for depth in [3, 30, 64, 65, 300] {
            let page = parse(&deep_page(depth, ty), None).unwrap();
            assert_eq!(page.clipped.len(), (depth + 1).saturating_sub(MAX_PAGE_DEPTH), "{ty} {depth}");
            let draft = import(&page, "onThing", "acme", "acme-onThing.txt");
            lints(&draft);
            // Cut where the YAML would pass 64 levels: objects take two a level,
            // arrays of objects three.
            let cut = draft.contains("nested deeper than a spec file can hold");
            assert_eq!(cut, depth >= 30, "{ty} {depth}:\n{draft}");
        }
    }
    // A flat page keeps a container too deep to open as an attribute without any.
    let mut flat = String::from("Attributes of the data object\n");
    for i in 0..100 {
        flat.push_str(&format!("- a{i:03}object\nInformation.\n"));
    }
    let page = parse(&flat, None).unwrap();
    assert_eq!(page.clipped.len(), 100 - MAX_PAGE_DEPTH);
    lints(&import(&page, "onThing", "acme", "acme-onThing.txt"));
}

#[test]
fn names_from_the_file_are_yaml_scalars_not_yaml() {
    let page = parse("Attributes of the data object\n- idstring\nThe id.\n", None).unwrap();
    let draft = import(&page, "onThing", "acme", "x\nrules: [] #.txt");
    assert!(draft.contains("source: \"x\\nrules: [] #.txt\"\n"), "{draft}");
    assert!(draft.starts_with("# Drafted by `fwevents doc-import` from x\\nrules: [] #.txt."), "{draft}");
    assert!(!draft.lines().any(|l| l.starts_with("rules:")), "{draft}");
    let draft = import(&page, "onThing", "acme", "acme-onThing #rules: [].txt");
    assert!(draft.contains("source: 'acme-onThing #rules: [].txt'\n"), "{draft}");
    lints(&draft);
}

#[test]
fn the_attribute_at_the_end_of_a_line_is_found_in_one_pass() {
    assert_eq!(attribute_at_end("- actorobject"), Some(("", 0, ("actor", "object"))));
    assert_eq!(attribute_at_end("  • social_profilesarray of objects"), Some(("", 2, ("social_profiles", "array of objects"))));
    assert_eq!(
        attribute_at_end("Possible values: true, false - org_actor_idstring"),
        Some(("Possible values: true, false", 29, ("org_actor_id", "string")))
    );
    assert_eq!(attribute_at_end("a sentence-idstring"), None);
    assert_eq!(attribute_at_end("- x y array of objects"), None);
    // A line of many bullets, none of them an attribute but the last.
    let long = format!("{}- idstring", "- - ".repeat(100_000));
    assert_eq!(attribute_at_end(&long).map(|(_, _, t)| t), Some(("id", "string")));
}

#[test]
fn control_characters_on_a_page_are_kept_as_escapes_and_the_draft_lints() {
    let text = "Attributes of the data object\n- actorobject\nInformation pertaining to the entity.\n- typestring\nWho. Possible values: agent, sys\u{0}tem\n- emailstring\nEmail\u{1b}[2J. The value of this attribute is null when the actor.type is sys\u{0}tem.\n- notestring\nA note\rnull when the x\r# is y.\n";
    let draft = draft_of(text);
    assert!(draft.contains("sys\\u{0}tem"), "{draft}");
    assert!(!draft.contains('\u{0}') && !draft.contains('\u{1b}') && !draft.contains('\r'), "{draft}");
    lints(&draft);
}

#[test]
fn values_a_drafted_type_cannot_take_as_an_enum_are_kept_as_the_pages() {
    let text = "Attributes of the data object\n- idstring\nThe id. Possible values: a, b\n- created_atstring\nWhen. Possible values: now, later\n- countnumber\nHow many. Possible values: few, many\n- levelinteger\nThe level. Possible values: low, high\n- namestring\nThe name. Possible values: 1, 2\n- kindstring\nThe kind. Possible values: x, y\n";
    let draft = draft_of(text);
    assert!(draft.contains("doc: { type: string, values: [a, b] }"), "{draft}");
    assert!(draft.contains("doc: { values: [low, high] }"), "{draft}");
    assert!(draft.contains("enum: [x, y]"), "{draft}");
    lints(&draft);
}

#[test]
fn a_value_listed_twice_or_below_zero_drafts_an_enum_that_lints() {
    let text = "Attributes of the data object\n- levelinteger\nThe level.\n-1: none\n0: low\n1: high\n1: high again\n- kindstring\nThe kind. Possible values: x, y, x\n";
    let draft = draft_of(text);
    assert!(draft.contains("{ value: -1, name: TODO_minus_1 }"), "{draft}");
    assert_eq!(draft.matches("{ value: 1, name: TODO_1 }").count(), 1, "{draft}");
    assert!(draft.contains("enum: [x, y]\n"), "{draft}");
    lints(&draft);
}

#[test]
fn names_that_differ_only_in_case_are_one_attribute() {
    let text = "Attributes of the data object\n- phonestring\nThe phone.\n- Phonestring\nThe phone again.\n";
    let draft = draft_of(text);
    assert_eq!(draft.matches("  phone:\n").count(), 1, "{draft}");
    lints(&draft);
}
