//! The rules that compare with literals (`one_of`, which `equals` is too, and a condition's
//! `in`), with every literal type the checker accepts (float, integer, boolean, string),
//! through the one rule engine: validation reports a value a rule rules out, and fixtures
//! (seeded and default) and `apply_rules` keep every rule. A small event declared here as
//! the generator would.

use freshworks_events::rt;

#[derive(Debug, Clone, PartialEq, Default, rt::Object)]
struct Data {
    #[fw(strict = "required", lenient = "any")]
    ratio: rt::Field<rt::Num>,

    #[fw(strict = "required", lenient = "any")]
    count: rt::Field<i64>,

    #[fw(strict = "required", lenient = "any")]
    flag: rt::Field<bool>,

    #[fw(strict = "required", lenient = "any")]
    word: rt::Field<rt::Text>,

    #[fw(strict = "nullable", lenient = "any")]
    note: rt::Field<rt::Text>,

    unknown_fields: rt::UnknownFields,
}

impl rt::EventData for Data {
    const PRODUCT: &'static str = "acme";
    const EVENT: &'static str = "onLiterals";
    const DOMAIN: &'static str = "acme.test";
    // No kind of the spec: these rules are only checked, never dispatched to.
    type Kind = ();
    const KIND: () = ();
    const RULES: &'static [rt::Rule] = &[
        rt::Rule {
            id: "ratio-is-one-and-a-half",
            description: "A float literal.",
            strict_only: false,
            when: None,
            check: rt::Check::OneOf(rt::Path(&["ratio"]), &[rt::Lit::Float(1.5), rt::Lit::Int(2)]),
        },
        rt::Rule {
            id: "count-is-seven",
            description: "An integer literal.",
            strict_only: false,
            when: None,
            check: rt::Check::OneOf(rt::Path(&["count"]), &[rt::Lit::Int(7)]),
        },
        rt::Rule {
            id: "flag-is-true",
            description: "A boolean literal.",
            strict_only: false,
            when: None,
            check: rt::Check::OneOf(rt::Path(&["flag"]), &[rt::Lit::Bool(true)]),
        },
        rt::Rule {
            id: "word-is-known",
            description: "A string literal.",
            strict_only: false,
            when: None,
            check: rt::Check::OneOf(rt::Path(&["word"]), &[rt::Lit::Str("alpha"), rt::Lit::Str("beta")]),
        },
        rt::Rule {
            id: "half-has-no-note",
            description: "A condition on a float.",
            strict_only: false,
            when: Some(rt::When { path: rt::Path(&["ratio"]), test: rt::Test::In(&[rt::Lit::Float(1.5)]) }),
            check: rt::Check::Null(&[rt::Path(&["note"])]),
        },
    ];
}

type Payload = freshworks_events::Envelope<Data>;

fn rules_broken(p: &Payload) -> Vec<&'static str> {
    p.validate(rt::Mode::Strict).violations.iter().filter_map(|v| v.rule).collect()
}

#[test]
fn fixtures_keep_rules_of_every_literal_type() {
    assert_eq!(rules_broken(&Payload::fixture()), Vec::<&str>::new());
    for seed in 0..200 {
        let p = Payload::fixture_seeded(seed);
        assert_eq!(rules_broken(&p), Vec::<&str>::new(), "seed {seed}: {p:?}");
        if p.data().and_then(|d| d.ratio()).map(|r| r.get()) == Some(1.5) {
            assert!(p.data().unwrap().note.is_unset(), "seed {seed}");
        }
    }
}

#[test]
fn validation_reports_each_literal_type() {
    let bytes = br#"{"event":"onLiterals","data":{"ratio":1.25,"count":8,"flag":false,"word":"gamma","note":"x"}}"#;
    let p = Payload::from_slice(bytes).unwrap();
    assert_eq!(rules_broken(&p), ["ratio-is-one-and-a-half", "count-is-seven", "flag-is-true", "word-is-known"]);
    let bytes = br#"{"event":"onLiterals","data":{"ratio":1.5,"count":7,"flag":true,"word":"beta","note":"x"}}"#;
    assert_eq!(rules_broken(&Payload::from_slice(bytes).unwrap()), ["half-has-no-note"]);
    // An integer 2 matches the rule's literal 2 whichever way the number was written.
    let bytes = br#"{"event":"onLiterals","data":{"ratio":2.0,"count":7,"flag":true,"word":"beta","note":"x"}}"#;
    assert_eq!(rules_broken(&Payload::from_slice(bytes).unwrap()), Vec::<&str>::new());
}

#[test]
fn apply_rules_mends_every_literal_type() {
    let bytes = br#"{"event":"onLiterals","data":{"ratio":1.25,"count":8,"flag":false,"word":"gamma","note":"x"}}"#;
    let p = Payload::from_slice(bytes).unwrap();
    let mended = rt::Build::into_builder(p).apply_rules().unchecked();
    assert_eq!(rules_broken(&mended), Vec::<&str>::new());
    let d = mended.data().unwrap();
    assert_eq!((d.ratio().map(|r| r.get()), d.count(), d.flag(), d.word()), (Some(1.5), Some(&7), Some(&true), Some("alpha")));
    assert!(d.note.is_null(), "the float condition now holds, so the note is null");
}
