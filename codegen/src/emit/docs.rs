//! Emit the Markdown reference: an index of events by product and a page per event with
//! every attribute, rule and documentation quirk, and an example payload.

use super::text;
use crate::ir::{Check, CondOp, Event, Field, Ir, Path, Rule, Ty, TypeId, TypeKind};
use crate::markdown::{block, cell, code, code_cell, inline, plain};

/// A generated Markdown file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocFile {
    /// Path relative to the docs directory, e.g. `freshchat/onAgentActivityCreate.md`.
    pub path: String,
    pub contents: String,
}

const HEADER: &str = "<!-- @generated from spec/ by `cargo run -q --bin fwevents -- generate`. Do not edit by hand. -->\n\n";

/// The index and one page per event. `example` gives an event's example payload (pretty
/// JSON), when the caller has one.
pub fn generate(ir: &Ir, example: &dyn Fn(&Event) -> Option<String>) -> Vec<DocFile> {
    let mut files = vec![DocFile { path: "README.md".into(), contents: index(ir) }];
    for event in &ir.events {
        files.push(DocFile { path: page_path(ir, event), contents: page(ir, event, example(event)) });
    }
    files
}

fn page_path(ir: &Ir, event: &Event) -> String {
    format!("{}/{}.md", ir.product_of(event).key, event.name)
}

fn index(ir: &Ir) -> String {
    let mut s = String::from(HEADER);
    s.push_str("# Freshworks product events\n\n");
    s.push_str("Reference generated from the spec. Each page lists every attribute with its type, presence in the lenient and strict readings, enum values, the rules that apply, and where the spec departs from the vendor's page.\n\n");
    for (p, product) in ir.products.iter().enumerate() {
        let events: Vec<&Event> = ir.events.iter().filter(|e| e.product == p).collect();
        if events.is_empty() {
            continue;
        }
        s.push_str(&format!("## {}\n\n| event | what it reports |\n| --- | --- |\n", plain(&product.title)));
        for e in events {
            s.push_str(&format!("| [{}]({}) | {} |\n", e.name, page_path(ir, e), cell(e.description.trim())));
        }
        s.push('\n');
    }
    s.push_str("Shared types are described where they are used. Payloads of an event not listed here (for example Freshdesk's own onAgentUpdate) are refused by name.\n");
    s
}

struct Row {
    path: String,
    field: Field,
}

fn rows(ir: &Ir, ty: TypeId, prefix: &str, out: &mut Vec<Row>, stack: &mut Vec<TypeId>) {
    if stack.contains(&ty) {
        return;
    }
    stack.push(ty);
    for f in ir.fields(ty) {
        let path = if prefix.is_empty() { f.wire.clone() } else { format!("{prefix}.{}", f.wire) };
        out.push(Row { path: path.clone(), field: f.clone() });
        let mut inner = &f.ty;
        let mut p = path;
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
                _ => break,
            }
        }
        if let Ty::Named(id) = inner {
            if matches!(ir.ty(*id).kind, TypeKind::Object(_)) {
                rows(ir, *id, &p, out, stack);
            }
        }
    }
    stack.pop();
}

fn page(ir: &Ir, event: &Event, example: Option<String>) -> String {
    let product = ir.product_of(event);
    let module = ir.modules[event.module].path.join("::");
    let mut s = String::from(HEADER);
    s.push_str(&format!("# {} {}\n\n{}\n\n", plain(&product.title), event.name, block(event.description.trim())));
    s.push_str(&format!(
        "- Documentation page: {}\n- Spec: {}\n- Rust: `freshworks_events::{module}::Payload`\n- Command line: `fwevents validate --event {}/{} FILE`, `fwevents fixture {}/{}`\n\n",
        if event.source.is_empty() { "(none)".to_string() } else { code(&event.source) },
        code(&format!("spec/{}", event.file)),
        product.key,
        event.name,
        product.key,
        event.name
    ));

    let mut all = Vec::new();
    rows(ir, event.payload, "", &mut all, &mut Vec::new());
    s.push_str("## Attributes\n\nPresence: *required* / *may be absent*, *not null* / *may be null*. Lenient is what real payloads pass: it requires the envelope and each of `data`'s own attributes, as every real payload has them, and inside those allows nulls, left-out attributes and unknown values. Strict is the documentation to the letter: an attribute the page says is null under a condition may be null only then.\n\n");
    s.push_str("| path | type | strict | lenient | values | description |\n| --- | --- | --- | --- | --- | --- |\n");
    for row in &all {
        let f = &row.field;
        let values = match text::enum_values(ir, &f.ty) {
            Some((v, _)) => {
                format!("{}{}", v.join(", "), text::enum_others(ir, &f.ty).map(|o| format!(", {o}")).unwrap_or_default())
            }
            None => String::new(),
        };
        let mut ty = text::type_name(ir, &f.ty);
        if let Some(form) = &f.id_form {
            ty.push_str(&format!("; documented {form}"));
        }
        if f.ty == Ty::Timestamp {
            let forms: Vec<&str> = f.formats.iter().map(|f| f.name()).collect();
            ty.push_str(&format!("; strict forms: {}", forms.join(", ")));
            if f.utc {
                ty.push_str("; in UTC");
            }
        }
        let mut strict = text::presence(f.strict);
        let prefix = format!("{}: ", event.name);
        for w in f.null_when.iter().filter_map(|w| w.strip_prefix(&prefix)) {
            strict.push_str(&format!("; may be null only {w}"));
        }
        let mut desc = f.description.trim().to_string();
        if let Some(ex) = example_for(event, &row.path, f.example.as_ref()) {
            desc.push_str(&format!(" Example: {}.", code(&text::literal(&ex))));
        }
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            // Attribute names are JSON keys and may hold `|` or a backtick.
            code_cell(&row.path),
            cell(&ty),
            cell(&strict),
            text::presence(f.lenient),
            cell(&values),
            cell(&desc)
        ));
    }

    s.push_str("\n## Rules\n\n");
    if event.rules.is_empty() {
        s.push_str("The page documents no rules across attributes.\n");
    }
    for rule in &event.rules {
        s.push_str(&format!(
            "- **{}** ({}): {} {}\n",
            code(&rule.id),
            if rule.strict_only { "strict mode" } else { "both modes" },
            inline(&rule.description),
            rule_text(rule)
        ));
    }
    s.push_str("- **`event-name`** (both modes): the envelope's `event` is `");
    s.push_str(&event.name);
    s.push_str("`.\n");

    s.push_str("\n## Where the spec departs from the documentation\n\n");
    let mut any = false;
    for row in &all {
        let facts = text::doc_facts(&row.field);
        let facts: Vec<String> = facts.into_iter().filter(|f| !f.starts_with("not on the documentation page")).collect();
        if row.field.quirk.is_none() && facts.is_empty() {
            continue;
        }
        any = true;
        s.push_str(&format!("- {}: ", code(&row.path)));
        if !facts.is_empty() {
            s.push_str(&format!("{}. ", inline(&capitalize(&facts.join("; ")))));
        }
        if let Some(q) = &row.field.quirk {
            s.push_str(&inline(q));
        }
        s.push('\n');
    }
    for q in &event.quirks {
        any = true;
        let about: Vec<String> = q.about.iter().map(|a| code(a)).collect();
        s.push_str(&format!("- {}: the page: {} Resolution: {}\n", about.join(", "), inline(&q.docs), inline(&q.resolution)));
    }
    if !any {
        s.push_str("Nothing: the spec follows the page.\n");
    }
    let absent: Vec<&Row> = all.iter().filter(|r| r.field.doc.absent).collect();
    if !absent.is_empty() {
        let names: Vec<String> = absent.iter().map(|r| code(&r.path)).collect();
        s.push_str(&format!("\nNot on the page, read off real payloads: {}.\n", names.join(", ")));
    }

    if let Some(example) = example {
        s.push_str("\n## Example payload\n\nThe default fixture (`fwevents fixture ");
        s.push_str(&format!("{}/{}`):\n\n```json\n{}\n```\n", product.key, event.name, example.trim_end()));
    }
    s
}

/// The example shown for an attribute: its own, unless a rule of this event that always
/// applies rules it out, when the rule's first value stands in (a shared type's example
/// may be another event's value).
fn example_for(event: &Event, row_path: &str, example: Option<&crate::ir::Literal>) -> Option<crate::ir::Literal> {
    let example = example?;
    for rule in event.rules.iter().filter(|r| r.when.is_none()) {
        let (path, allowed) = match &rule.check {
            Check::Equals(path, l) => (path, std::slice::from_ref(l)),
            Check::OneOf(path, ls) => (path, ls.as_slice()),
            _ => continue,
        };
        if format!("data.{}", path.text) == row_path && !allowed.contains(example) {
            return allowed.first().cloned();
        }
    }
    Some(example.clone())
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn lits(ls: &[crate::ir::Literal]) -> String {
    ls.iter().map(text::literal).collect::<Vec<_>>().join(", ")
}

fn p(path: &Path) -> String {
    code(&path.text)
}

fn rule_text(rule: &Rule) -> String {
    let when = match &rule.when {
        Some(c) => match &c.op {
            CondOp::Equals(l) => format!("When {} is {}: ", p(&c.path), text::literal(l)),
            CondOp::In(ls) => format!("When {} is one of {}: ", p(&c.path), lits(ls)),
            CondOp::NotIn(ls) => format!("When {} is none of {}: ", p(&c.path), lits(ls)),
        },
        None => String::new(),
    };
    let then = match &rule.check {
        Check::Null(paths) => {
            format!("{} {} null.", paths.iter().map(p).collect::<Vec<_>>().join(", "), if paths.len() == 1 { "is" } else { "are" })
        }
        Check::Equals(path, l) => format!("{} is {}.", p(path), text::literal(l)),
        Check::OneOf(path, ls) => format!("{} is one of {}.", p(path), lits(ls)),
        Check::Same(a, b) => format!("{} equals {}.", p(a), p(b)),
        Check::NotAfter(a, b) => format!("{} is not after {}.", p(a), p(b)),
        Check::KeysOf { map, .. } => format!("every key of {} names one of its attributes.", p(map)),
    };
    format!("({when}{then})")
}
