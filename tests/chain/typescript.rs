//! The TypeScript declarations in generated/ts, compiled by the real TypeScript compiler
//! (from npm, see tests/node): the sample app's server.js type-checks against them, the
//! real payloads fit the lenient reading, fixtures fit both readings, wrong code (the
//! README's example among it) fails with the error TypeScript gives for that mistake, and
//! the strict reading refuses the real Freshsales payload where it departs from the docs.
//!
//! Everything is compiled in one run of tsc (it takes seconds to start); each test reads
//! the errors of its own files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::common;

/// The code that must fail, with the TypeScript error codes that say why.
const WRONG: &[(&str, &[u32], &str)] = &[
    (
        // Narrowed to a Freshsales event, a Freshchat-only attribute is not there.
        "wrong-product-attribute.js",
        &[2339],
        r#"// @ts-check
/** @param {import("freshworks-events").Lenient.AnyEvent} payload */
function handler(payload) {
  if (payload.event === "onUserAgentAvailabilityUpdate") {
    return payload.data?.agent_activity?.status;
  }
}
"#,
    ),
    (
        // The strict reading does not allow null where the docs do not.
        "wrong-strict-null.ts",
        &[2322],
        r#"import type { Strict } from "freshworks-events";
const signedIn: Strict.Types.ChatActor["login_status"] = null;
"#,
    ),
    (
        // The lenient reading allows null and absence: reading through them unchecked fails.
        "wrong-lenient-unchecked.ts",
        &[18047, 18048, 18049],
        r#"import type { Lenient } from "freshworks-events";
export function email(p: Lenient.EventOf<"onAgentActivityCreate">): string {
  return p.data.actor.email.toLowerCase();
}
"#,
    ),
    (
        // A closed enum has no such value.
        "wrong-closed-enum.ts",
        &[2367],
        r#"import type { Lenient } from "freshworks-events";
export function isBot(actor: Lenient.Types.ChatActor): boolean {
  return actor.type === "bot";
}
"#,
    ),
    (
        // Open enums are open in the lenient reading only.
        "wrong-strict-open-enum.ts",
        &[2322],
        r#"import type { Strict } from "freshworks-events";
const platform: Strict.Types.SocialPlatform = "mastodon";
"#,
    ),
    (
        // Freshsales documents its timestamp as a numeric string of milliseconds.
        "wrong-strict-timestamp.ts",
        &[2322],
        r#"import type { Strict } from "freshworks-events";
const when: Strict.Freshsales.OnUserAgentAvailabilityUpdate.UserInformation["updated_at"] = 1724133753887;
const sent: Strict.Freshsales.OnUserAgentAvailabilityUpdate.Payload["timestamp"] = "yesterday";
"#,
    ),
    (
        // An id documented as an integer is a number in the strict reading.
        "wrong-strict-id-form.ts",
        &[2322],
        r#"import type { Strict } from "freshworks-events";
const id: Strict.Freshcaller.OnAgentUpdate.Actor["id"] = "132";
"#,
    ),
    (
        // The strict reading requires what the docs list. (A `Data` with conditional nulls is
        // an intersection with unions, of which TypeScript reports only that `{}` is not one.)
        "wrong-strict-missing.ts",
        &[2739],
        r#"import type { Strict } from "freshworks-events";
const data: Strict.Freshsales.OnUserAgentAvailabilityUpdate.Data = {};
"#,
    ),
    (
        // Attributes the docs do not list are refused in an object literal of the strict reading.
        "wrong-strict-unknown-attribute.ts",
        &[2353],
        r#"import type { Strict } from "freshworks-events";
const avatar = { url: "https://example.com/a.png", size: 64 } satisfies Strict.Types.Avatar;
"#,
    ),
    (
        // A conditional null: without its condition checked, the attribute may be null.
        "wrong-strict-conditional-null-unchecked.ts",
        &[2322],
        r#"import type { Strict } from "freshworks-events";
export function email(data: Strict.Freshchat.OnAgentActivityCreate.Data): string {
  return data.actor.email;
}
"#,
    ),
    (
        // `event` names only the events of the spec.
        "wrong-event-name.ts",
        &[2322],
        r#"import type { Lenient } from "freshworks-events";
const name: Lenient.EventName = "onTicketCreate";
"#,
    ),
];

/// Payloads for the strict reading's conditional nulls, each its event's default fixture
/// edited (JSON Pointer, JSON value), and whether the strict reading takes it: an attribute
/// a `null` rule names is null exactly while the rule's condition holds.
const CONDITIONAL_NULLS: &[(&str, &str, Edits, bool)] = &[
    (
        // A system actor: no personal details.
        "freshchat-activity-system",
        "freshchat/onAgentActivityCreate",
        &[
            ("/data/actor/type", r#""system""#),
            ("/data/actor/avatar/url", "null"),
            ("/data/actor/email", "null"),
            ("/data/actor/first_name", "null"),
            ("/data/actor/last_name", "null"),
            ("/data/actor/org_actor_id", "null"),
            ("/data/actor/phone", "null"),
            ("/data/actor/social_profiles/0/type", "null"),
        ],
        true,
    ),
    (
        "freshchat-activity-general-availability",
        "freshchat/onAgentActivityCreate",
        &[
            ("/data/actor/type", r#""system""#),
            ("/data/actor/avatar/url", "null"),
            ("/data/actor/email", "null"),
            ("/data/actor/first_name", "null"),
            ("/data/actor/last_name", "null"),
            ("/data/actor/org_actor_id", "null"),
            ("/data/actor/phone", "null"),
            ("/data/actor/social_profiles/0/type", "null"),
            ("/data/actor/sub_entity", "null"),
            ("/data/agent_activity/availability_event_type", r#""GeneralAvailability""#),
            ("/data/agent_activity/custom_status_id", "null"),
            ("/data/agent_activity/status", r#""AVAILABLE""#),
        ],
        true,
    ),
    ("freshchat-activity-agent-without-email", "freshchat/onAgentActivityCreate", &[("/data/actor/email", "null")], false),
    (
        // A null path through an array: the items' type.
        "freshchat-activity-agent-profile-without-type",
        "freshchat/onAgentActivityCreate",
        &[("/data/actor/social_profiles/0/type", "null")],
        false,
    ),
    (
        // While the condition holds, the rule requires the null.
        "freshchat-activity-system-with-email",
        "freshchat/onAgentActivityCreate",
        &[("/data/actor/type", r#""system""#)],
        false,
    ),
    (
        "freshchat-activity-intelliassign-without-custom-status",
        "freshchat/onAgentActivityCreate",
        &[("/data/agent_activity/custom_status_id", "null")],
        false,
    ),
    (
        "freshchat-custom-status-system",
        "freshchat/onAgentCustomStatusUpdate",
        &[
            ("/data/actor/type", r#""system""#),
            ("/data/actor/avatar/url", "null"),
            ("/data/actor/email", "null"),
            ("/data/actor/first_name", "null"),
            ("/data/actor/last_name", "null"),
            ("/data/actor/phone", "null"),
        ],
        true,
    ),
    ("freshchat-custom-status-agent-without-email", "freshchat/onAgentCustomStatusUpdate", &[("/data/actor/email", "null")], false),
    (
        // Null only in onAgentActivityCreate, which shares the type.
        "freshchat-custom-status-without-custom-status-id",
        "freshchat/onAgentCustomStatusUpdate",
        &[("/data/agent_custom_status/custom_status_id", "null")],
        false,
    ),
    (
        "freshdesk-availability-system",
        "freshdesk/onAgentAvailabilityUpdate",
        &[("/data/actor/type", r#""system""#), ("/data/actor/id", "null"), ("/data/actor/name", "null")],
        true,
    ),
    ("freshdesk-availability-agent-without-id", "freshdesk/onAgentAvailabilityUpdate", &[("/data/actor/id", "null")], false),
];

/// Edits of a fixture: (JSON Pointer, JSON value).
type Edits = &'static [(&'static str, &'static str)];

/// A conditional-null payload: the default fixture of `event` with the edits made.
fn conditional_null_payload(event: &str, edits: &[(&str, &str)]) -> serde_json::Value {
    let kind = event.parse::<freshworks_events::EventKind>().unwrap();
    let mut v = serde_json::to_value(freshworks_events::Event::fixture(kind, None).unwrap()).unwrap();
    for (pointer, value) in edits {
        *v.pointer_mut(pointer).unwrap_or_else(|| panic!("{event}: no {pointer}")) = serde_json::from_str(value).unwrap();
    }
    v
}

struct Compiled {
    /// Errors by file name: (code, line of tsc's output).
    errors: BTreeMap<String, Vec<(u32, String)>>,
    output: String,
    status: Option<i32>,
}

fn ir() -> codegen::Ir {
    codegen::compile(&codegen::source::read_spec_dir(&common::root().join("spec")).unwrap()).unwrap()
}

fn slash(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// A JSON value as a TypeScript expression (JSON is one).
fn json(v: &serde_json::Value) -> String {
    serde_json::to_string(v).unwrap()
}

/// The fixtures of an event: the default one and seeds 1..=n, each valid in both readings.
fn fixtures(event: &str, n: u64) -> Vec<serde_json::Value> {
    let o = common::fwevents(&["fixture", event], b"");
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    let mut out = vec![serde_json::from_slice(&o.stdout).unwrap()];
    let o = common::fwevents(&["fixture", event, "--seed", "1", "--count", &n.to_string(), "--strict"], b"");
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    out.extend(common::text(&o.stdout).lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()));
    out
}

fn compiled() -> &'static Compiled {
    static RUN: OnceLock<Compiled> = OnceLock::new();
    RUN.get_or_init(|| {
        let tools = common::node_tools();
        let root = common::root();
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("typescript");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let ir = ir();
        let mut files: Vec<String> =
            vec![slash(&tools.join("fdk-globals.d.ts")), slash(&root.join("tests/apps/sample/server/server.js"))];
        let mut write = |name: &str, text: &str| {
            std::fs::write(dir.join(name), text).unwrap();
            files.push(name.to_string());
        };

        // What the readings accept.
        let names: Vec<String> = ir.events.iter().map(|e| format!("  {}: true,", e.name)).collect();
        write(
            "accepted.ts",
            &format!(
                r#"import type {{ Lenient, Strict, Wire }} from "freshworks-events";
// Every event of the spec has its name in the union, and nothing else does.
const names: {{ [N in Lenient.EventName]: true }} = {{
{}
}};
// Open enums keep unknown values in the lenient reading.
const custom: Lenient.Types.AgentStatusName = "LUNCH";
const medium: Lenient.Freshcaller.OnAgentUpdate.CallMedium = 7;
// The lenient reading allows null and absence.
const actor: Lenient.Types.ChatActor = {{ email: null }};
// The forms of timestamps.
const forms: Wire.Timestamp[] = [1564592339214, 1661846750.5, "1724133753887", "2022-07-29T06:23:03.081Z", "2022-08-29 18:45:26 UTC"];
const millisString: Wire.EpochMillisString = "1724133753887";
const utc: Wire.UtcText = "2022-08-29 18:45:26 UTC";
// A strict id keeps its documented form.
const id: Strict.Freshcaller.OnAgentUpdate.Actor["id"] = 132;
// A conditional null narrows on its condition.
function email(data: Strict.Freshchat.OnAgentActivityCreate.Data): string {{
  return data.actor.type === "agent" ? data.actor.email : "system";
}}
// EventOf picks the event by name.
function agent(p: Lenient.EventOf<"onAgentUpdate">): Lenient.Freshcaller.OnAgentUpdate.Payload {{
  return p;
}}
"#,
                names.join("\n")
            ),
        );

        // The real payloads of the events in the spec, in the lenient reading. A type
        // parameter keeps the literals of the payload for the check but, unlike an
        // annotation, does not refuse attributes the spec does not list (the lenient
        // reading reads them).
        let mut real = String::from(
            "import type { Lenient, Strict } from \"freshworks-events\";\ndeclare function lenient<T extends Lenient.AnyEvent>(payload: T): T;\n",
        );
        let mut covered = 0;
        for (name, bytes) in common::real_payloads() {
            // The Freshdesk onAgentUpdate reads as an unknown event, with no types of its own.
            if freshworks_events::Event::parse(&bytes).ok().and_then(|e| e.kind()).is_none() {
                continue;
            }
            covered += 1;
            let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            real.push_str(&format!("// {name}\nlenient({});\n", json(&v)));
        }
        assert_eq!(covered, 3, "three real payloads are of events in the spec");
        // Those the strict validator takes, held exactly to the strict types.
        let mut strict = 0;
        for (name, bytes) in common::real_payloads() {
            let valid = freshworks_events::validate(&bytes, freshworks_events::Mode::Strict, None).is_ok_and(|(_, r)| r.is_valid());
            if valid {
                strict += 1;
                let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                real.push_str(&format!("// {name}, strict\n({}) satisfies Strict.AnyEvent;\n", json(&v)));
            }
        }
        assert_eq!(strict, 2, "the Freshchat payloads are valid in the strict reading");
        write("real-payloads.ts", &real);

        for (name, event, edits, _) in CONDITIONAL_NULLS {
            write(
                &format!("conditional-null-{name}.ts"),
                &format!(
                    "import type {{ Strict }} from \"freshworks-events\";\nexport const payload = {} satisfies Strict.ByQualifiedName[\"{event}\"];\n",
                    json(&conditional_null_payload(event, edits))
                ),
            );
        }

        // The Freshsales payload departs from the docs (ids in the other form, an attribute
        // left out), so the strict reading refuses it.
        let sales: serde_json::Value = serde_json::from_slice(&common::payload("freshsales-onUserAgentAvailabilityUpdate.1.json")).unwrap();
        write(
            "wrong-real-payload-strict.ts",
            &format!("import type {{ Strict }} from \"freshworks-events\";\nconst sales = {} satisfies Strict.AnyEvent;\n", json(&sales)),
        );

        // Fixtures are valid in both readings: held exactly to the strict types (object
        // literals may not carry unlisted attributes), and to the lenient ones.
        let mut fx = String::from(
            "import type { Lenient, Strict } from \"freshworks-events\";\ndeclare function lenient<T extends Lenient.AnyEvent>(payload: T): T;\n",
        );
        for event in &ir.events {
            for (i, v) in fixtures(&ir.qualified_name(event), 8).iter().enumerate() {
                fx.push_str(&format!("// {} #{i}\n({}) satisfies Strict.AnyEvent;\n", ir.qualified_name(event), json(v)));
                fx.push_str(&format!("lenient({});\n", json(v)));
            }
        }
        write("fixtures.ts", &fx);

        for (name, _, code) in WRONG {
            write(name, code);
        }
        write("readme-example.js", &readme_example());

        // The npm package's declarations: the readings of generated/ts and the validator, which
        // the sample server.js calls.
        let index = slash(&root.join("npm/index.d.ts"));
        let list: Vec<String> = files.iter().map(|f| format!("    {}", json(&serde_json::Value::from(f.as_str())))).collect();
        let tsconfig = format!(
            r#"{{
  "compilerOptions": {{
    "strict": true,
    "noEmit": true,
    "allowJs": true,
    "checkJs": true,
    "target": "es2022",
    "lib": ["es2022"],
    "module": "node16",
    "moduleResolution": "node16",
    "types": [],
    "noUnusedLocals": false,
    "paths": {{ "freshworks-events": [{}] }}
  }},
  "files": [
{}
  ]
}}
"#,
            json(&serde_json::Value::from(index)),
            list.join(",\n")
        );
        std::fs::write(dir.join("tsconfig.json"), tsconfig).unwrap();
        let tsc = slash(&tools.join("node_modules/typescript/bin/tsc"));
        let out = common::node(&dir, &[&tsc, "-p", "tsconfig.json", "--pretty", "false"]);
        let output = common::text(&out.stdout) + &common::text(&out.stderr);
        let mut errors: BTreeMap<String, Vec<(u32, String)>> = BTreeMap::new();
        for line in output.lines() {
            // `file(line,col): error TS2339: message`
            let Some((file, rest)) = line.split_once('(') else { continue };
            let Some(code) = rest.split(": error TS").nth(1).and_then(|r| r.split(':').next()) else { continue };
            let file = file.rsplit('/').next().unwrap_or(file).to_string();
            errors.entry(file).or_default().push((code.parse().unwrap(), line.to_string()));
        }
        Compiled { errors, output, status: out.status.code() }
    })
}

/// The JavaScript example of the README's TypeScript section.
fn readme_example() -> String {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let section = readme.split("## TypeScript types for Freshworks apps").nth(1).expect("the README has the section");
    let block = section.split("```js\n").nth(1).expect("the section has a js example");
    block.split("```").next().unwrap().to_string()
}

#[test]
fn the_readme_example_fails_only_where_it_says() {
    let example = readme_example();
    let line = example.lines().position(|l| l.contains("error TS2339")).expect("the example marks its error") + 1;
    let errors = errors_of("readme-example.js");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].0, 2339, "{errors:#?}");
    assert!(errors[0].1.starts_with(&format!("readme-example.js({line},")), "{errors:#?}");
}

fn errors_of(file: &str) -> Vec<(u32, String)> {
    compiled().errors.get(file).cloned().unwrap_or_default()
}

#[test]
fn the_sample_server_js_type_checks_against_the_declarations() {
    let c = compiled();
    assert!(c.output.contains("error TS") || c.status == Some(0), "tsc did not run:\n{}", c.output);
    let errors = errors_of("server.js");
    assert!(errors.is_empty(), "{errors:#?}");
    let errors = errors_of("accepted.ts");
    assert!(errors.is_empty(), "{errors:#?}");
    // Nothing outside the cases fails, the declarations included.
    let unexpected: Vec<&String> = c
        .errors
        .keys()
        .filter(|f| {
            !f.starts_with("wrong-")
                && !f.starts_with("conditional-null-")
                && !["real-payloads.ts", "fixtures.ts", "readme-example.js"].contains(&f.as_str())
        })
        .collect();
    assert!(unexpected.is_empty(), "unexpected errors in {unexpected:?}:\n{}", c.output);
}

#[test]
fn a_conditional_null_is_null_exactly_while_its_condition_holds() {
    for (name, event, edits, takes) in CONDITIONAL_NULLS {
        // The validator's verdict first: the types say what it says.
        let bytes = serde_json::to_vec(&conditional_null_payload(event, edits)).unwrap();
        let (_, report) = freshworks_events::validate(&bytes, freshworks_events::Mode::Strict, None).unwrap();
        assert_eq!(report.is_valid(), *takes, "{name}: the strict validator says {:#?}", report.violations);
        let errors = errors_of(&format!("conditional-null-{name}.ts"));
        if *takes {
            assert!(errors.is_empty(), "{name}: {errors:#?}");
        } else {
            assert!(!errors.is_empty(), "{name} compiled, but must not");
            assert!(errors.iter().all(|(code, _)| *code == 2322), "{name}: {errors:#?}");
        }
    }
}

#[test]
fn real_payloads_fit_the_lenient_reading() {
    let errors = errors_of("real-payloads.ts");
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn fixtures_fit_both_readings() {
    let errors = errors_of("fixtures.ts");
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn wrong_code_fails_with_the_error_for_that_mistake() {
    let c = compiled();
    assert_ne!(c.status, Some(0), "tsc passed code that must fail:\n{}", c.output);
    for (file, codes, _) in WRONG {
        let errors = errors_of(file);
        assert!(!errors.is_empty(), "{file} compiled, but must not");
        for (code, line) in &errors {
            assert!(codes.contains(code), "{file}: expected TS{codes:?}, got {line}");
        }
    }
    // Each line of the two-line case fails on its own.
    assert_eq!(errors_of("wrong-strict-timestamp.ts").len(), 2, "{:#?}", errors_of("wrong-strict-timestamp.ts"));
}

#[test]
fn the_strict_reading_refuses_the_real_freshsales_payload_where_it_departs_from_the_docs() {
    let errors = errors_of("wrong-real-payload-strict.ts");
    let text: Vec<&str> = errors.iter().map(|(_, l)| l.as_str()).collect();
    assert!(!errors.is_empty(), "the Freshsales payload passed the strict reading");
    // TypeScript reports the first departure it meets: an id in the other form than the
    // docs give (actor.id "132" for an integer, user_information[].user_id 132 for a string).
    assert!(errors.iter().all(|(code, _)| *code == 2322), "{text:#?}");
    assert!(
        text.iter().any(
            |l| l.contains("'number' is not assignable to type 'string'")
                || l.contains("'string' is not assignable to type 'number'")
        ),
        "{text:#?}"
    );
}
