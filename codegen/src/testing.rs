//! Test support shared by the generator's own tests: the smallest spec base that events
//! can be checked against.

/// Presence defaults, one product (`acme`, domain `acme.test`) and an envelope of `event`
/// and `data`.
pub const BASE_SPEC: &str = r#"
defaults:
  strict: { nullable: false, optional: false }
  lenient: { nullable: true, optional: true }
products:
  acme:
    title: Acme
    domains: [acme.test]
envelope:
  event: { type: string, lenient: { nullable: false, optional: false } }
  data: { type: data, lenient: { nullable: false, optional: false } }
"#;
