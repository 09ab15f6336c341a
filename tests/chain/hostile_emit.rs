//! Spec text in the emitted languages stays text: a spec that passes `lint` with a product
//! title that would close a TSDoc comment, an attribute name with backticks and markup, and a
//! description with raw HTML and an unclosed code fence. The TypeScript is compiled by tsc
//! (tests/node) and the Markdown read by a CommonMark renderer (pulldown-cmark), as a
//! consumer and a pull request would.

use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::common::{self, fwevents, text, TempDir};

const TITLE: &str = "Freshchat */ export const injected: number; /* <b>bold</b>";
const NAME: &str = "a`<b>x</b>`|y";

fn copy(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// The shipped spec with hostile text in `tmp/hostile`; it still passes lint.
fn hostile_spec(tmp: &TempDir) -> PathBuf {
    let spec = tmp.0.join("hostile");
    copy(&common::root().join("spec"), &spec);
    edit(&spec.join("spec.yaml"), "title: Freshchat\n", &format!("title: {}\n", serde_json::to_string(TITLE).unwrap()));
    let event = spec.join("freshchat/onAgentActivityCreate.yaml");
    edit(
        &event,
        "description: >\n  Raised when a Freshchat agent's general availability (online/offline) or IntelliAssign\n  status changes.\n",
        "description: |\n  Raised when <img src=x onerror=alert(1)> an agent's status changes.\n  ```\n  a fence never closed\n",
    );
    edit(
        &event,
        "data:\n",
        &format!(
            "data:\n  {}:\n    type: string\n    description: Markup <script>alert(1)</script> in a description.\n",
            serde_json::to_string(NAME).unwrap()
        ),
    );
    let o = fwevents(&["lint", spec.to_str().unwrap()], b"");
    assert!(o.status.success(), "the hostile spec is a valid spec: {}{}", text(&o.stdout), text(&o.stderr));
    spec
}

#[test]
fn a_domain_that_is_not_a_host_name_is_refused() {
    let tmp = TempDir::new("hostile-domain");
    let spec = tmp.0.join("spec");
    copy(&common::root().join("spec"), &spec);
    edit(&spec.join("spec.yaml"), "domains: [freshchat.com]", "domains: [freshchat.com, \"x */ export const y = 1; /*\"]");
    let o = fwevents(&["lint", spec.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let all = text(&o.stdout) + &text(&o.stderr);
    assert!(all.contains("products.freshchat.domains[1]") && all.contains("is not a host name suffix"), "{all}");
}

#[test]
fn spec_text_does_not_become_typescript() {
    let tmp = TempDir::new("hostile-ts");
    let spec = hostile_spec(&tmp);
    let ts = tmp.0.join("ts");
    let o = fwevents(&["typescript", "--spec", spec.to_str().unwrap(), "--out", ts.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", text(&o.stderr));
    std::fs::write(
        ts.join("probe.ts"),
        "import { injected } from \"./index.js\";\nimport type { Lenient } from \"./index.js\";\nexport const x: number = injected;\nexport const e: Lenient.Freshchat.AnyEvent[\"event\"] = \"onAgentActivityCreate\";\n",
    )
    .unwrap();
    std::fs::write(
        ts.join("tsconfig.json"),
        r#"{"compilerOptions": {"strict": true, "noEmit": true, "target": "es2022", "lib": ["es2022"], "module": "node16", "moduleResolution": "node16", "types": []},
 "files": ["index.d.ts", "lenient.d.ts", "strict.d.ts", "wire.d.ts", "probe.ts"]}"#,
    )
    .unwrap();
    let tools = common::node_tools();
    let tsc = tools.join("node_modules/typescript/bin/tsc");
    let out = common::node(&ts, &[tsc.to_str().unwrap(), "-p", "tsconfig.json", "--pretty", "false"]);
    let output = text(&out.stdout) + &text(&out.stderr);
    let errors: Vec<&str> = output.lines().filter(|l| l.contains("error TS")).collect();
    // The one error: the title's `export` is comment text, so there is nothing to import.
    assert_eq!(errors.len(), 1, "{output}");
    assert!(errors[0].starts_with("probe.ts(1,") && errors[0].contains("error TS2305"), "{output}");
}

/// Every event of a Markdown text, as a CommonMark renderer with GitHub's tables reads it.
fn events(markdown: &str) -> Vec<Event<'_>> {
    Parser::new_ext(markdown, Options::ENABLE_TABLES).collect()
}

/// The raw HTML a renderer would pass through, but the generated-file marker.
fn html(events: &[Event<'_>]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Html(h) | Event::InlineHtml(h) if !h.starts_with("<!-- @generated") => Some(h.to_string()),
            _ => None,
        })
        .collect()
}

fn code_spans(events: &[Event<'_>]) -> Vec<String> {
    events.iter().filter_map(|e| if let Event::Code(c) = e { Some(c.to_string()) } else { None }).collect()
}

fn headings(events: &[Event<'_>]) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for e in events {
        match e {
            Event::Start(Tag::Heading { .. }) => current = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => out.extend(current.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = current.as_mut() {
                    h.push_str(t);
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn spec_text_does_not_become_markdown_markup() {
    let tmp = TempDir::new("hostile-md");
    let spec = hostile_spec(&tmp);
    let docs = tmp.0.join("docs");
    let o = fwevents(&["docs", "--spec", spec.to_str().unwrap(), "--out", docs.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", text(&o.stderr));

    let index = std::fs::read_to_string(docs.join("README.md")).unwrap();
    let ev = events(&index);
    assert_eq!(html(&ev), Vec::<String>::new(), "{index}");
    assert!(headings(&ev).contains(&TITLE.to_string()), "{:?}", headings(&ev));

    let page = std::fs::read_to_string(docs.join("freshchat/onAgentActivityCreate.md")).unwrap();
    let ev = events(&page);
    assert_eq!(html(&ev), Vec::<String>::new(), "{page}");
    // The name is one code span, whole.
    assert!(code_spans(&ev).contains(&format!("data.{NAME}")), "{:?}\n{page}", code_spans(&ev));
    // The fence opened in the description ends with it: the page's sections are all there.
    let h = headings(&ev);
    for section in ["Attributes", "Rules", "Where the spec departs from the documentation", "Example payload"] {
        assert!(h.iter().any(|x| x == section), "{section} is missing: {h:?}\n{page}");
    }

    // The diff's pull-request comment, from the shipped spec to the hostile one.
    let shipped = common::root().join("spec");
    let o = fwevents(&["diff", shipped.to_str().unwrap(), spec.to_str().unwrap(), "--format", "markdown"], b"");
    let md = text(&o.stdout);
    assert!(md.contains("Spec changes"), "{md}{}", text(&o.stderr));
    let ev = events(&md);
    assert_eq!(html(&ev), Vec::<String>::new(), "{md}");
    assert!(code_spans(&ev).iter().any(|c| c.ends_with(NAME)), "{:?}\n{md}", code_spans(&ev));
}

#[test]
fn spec_text_stays_a_json_string_in_the_schema() {
    let tmp = TempDir::new("hostile-schema");
    let spec = hostile_spec(&tmp);
    for strict in [false, true] {
        let mut args = vec!["schema", "--spec", spec.to_str().unwrap(), "freshchat/onAgentActivityCreate"];
        if strict {
            args.push("--strict");
        }
        let o = fwevents(&args, b"");
        assert!(o.status.success(), "{}", text(&o.stderr));
        let schema: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(schema["title"], format!("{TITLE} onAgentActivityCreate"));
        let data = &schema["properties"]["data"]["properties"];
        assert_eq!(data[NAME]["description"], "Markup <script>alert(1)</script> in a description.");
    }
}
