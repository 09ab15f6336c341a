//! The observer's counts as one document (`--format json`, described in
//! `docs/ci-formats.md`), and as text or Markdown made from it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::tree::{Step, TYPE_NAMES};
use super::{EventStats, Observer};

#[derive(Debug, Serialize)]
pub struct Summary {
    pub format: &'static str,
    pub version: u32,
    pub payloads: u64,
    pub unreadable: u64,
    pub unreadable_examples: Vec<UnreadableOut>,
    pub events: Vec<EventOut>,
    pub unknown_events: Vec<UnknownOut>,
    /// Payloads of unknown events not kept past the limit of distinct ones.
    pub unknown_events_more: u64,
}

#[derive(Debug, Serialize)]
pub struct UnreadableOut {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Debug, Serialize)]
pub struct EventOut {
    pub event: String,
    pub spec_file: String,
    pub payloads: u64,
    pub attributes: Vec<AttributeOut>,
    /// Occurrences of undocumented paths not kept past the limit.
    pub paths_more: u64,
    pub violations: ViolationsOut,
}

#[derive(Debug, Serialize)]
pub struct ViolationsOut {
    pub lenient: Vec<ViolationOut>,
    pub strict: Vec<ViolationOut>,
    pub lenient_more: u64,
    pub strict_more: u64,
}

#[derive(Debug, Serialize)]
pub struct ViolationOut {
    pub path: String,
    pub kind: &'static str,
    pub count: u64,
}

#[derive(Debug, Serialize)]
pub struct AttributeOut {
    pub path: String,
    pub documented: bool,
    /// The spec's type in words, when documented.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    /// The spec lists the attribute's values (an enum): `values` says which are listed.
    #[serde(rename = "enum")]
    pub listed: bool,
    pub present: u64,
    pub absent: u64,
    pub null: u64,
    pub types: BTreeMap<&'static str, u64>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub forms: BTreeMap<&'static str, u64>,
    pub values: Vec<ValueOut>,
    /// Occurrences of values not kept past the limit of distinct ones.
    pub values_more: u64,
    /// What an array's elements or a map's values were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<ItemsOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ItemsOut {
    pub count: u64,
    pub null: u64,
    pub types: BTreeMap<&'static str, u64>,
    pub values: Vec<ValueOut>,
    pub values_more: u64,
}

#[derive(Debug, Serialize, Clone)]
pub struct ValueOut {
    pub value: serde_json::Value,
    pub count: u64,
    pub documented: bool,
}

#[derive(Debug, Serialize)]
pub struct UnknownOut {
    pub product: Option<String>,
    pub event: String,
    pub count: u64,
}

/// The document of an observer's counts: the events seen, in spec order, each attribute in
/// the reference's order with the undocumented ones after their documented siblings.
pub fn summary(o: &Observer) -> Summary {
    Summary {
        format: "fwevents-observe",
        version: 1,
        payloads: o.payloads,
        unreadable: o.unreadable,
        unreadable_examples: o
            .unreadable_kept
            .iter()
            .map(|u| UnreadableOut { file: u.file.clone(), line: u.line, message: u.message.clone() })
            .collect(),
        events: o.events.iter().filter(|e| e.payloads > 0).map(event).collect(),
        unknown_events: o.unknown.iter().map(|((p, e), n)| UnknownOut { product: p.clone(), event: e.clone(), count: *n }).collect(),
        unknown_events_more: o.unknown_more,
    }
}

fn event(e: &EventStats) -> EventOut {
    let tree = &e.tree;
    let mut attributes = Vec::new();
    let mut stack: Vec<usize> = tree.nodes[0].children.iter().rev().copied().collect();
    while let Some(n) = stack.pop() {
        stack.extend(tree.nodes[n].children.iter().rev());
        let node = &tree.nodes[n];
        if node.step != Step::Key {
            continue;
        }
        let doc = node.doc.as_ref();
        let s = &node.stats;
        // An array's items or a map's values are shown with it.
        let items = node.children.iter().map(|&c| &tree.nodes[c]).find(|c| c.step != Step::Key).map(|c| ItemsOut {
            count: c.stats.present,
            null: c.stats.null,
            types: types(&c.stats.types),
            values: values(c),
            values_more: c.stats.values_more,
        });
        attributes.push(AttributeOut {
            path: tree.path(n),
            documented: doc.is_some(),
            spec_type: doc.map(|d| d.words.clone()),
            required: doc.map(|d| d.required_lenient),
            listed: doc.is_some_and(|d| !d.values.is_empty()),
            present: s.present,
            absent: tree.chances(n).saturating_sub(s.present),
            null: s.null,
            types: types(&s.types),
            forms: s.forms.iter().map(|(k, v)| (*k, *v)).collect(),
            values: values(node),
            values_more: s.values_more,
            items,
            example: s.example.clone(),
        });
    }
    let list = |m: &BTreeMap<(String, &'static str), u64>| -> Vec<ViolationOut> {
        let mut v: Vec<ViolationOut> = m.iter().map(|((p, k), n)| ViolationOut { path: p.clone(), kind: k, count: *n }).collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.path.cmp(&b.path)).then_with(|| a.kind.cmp(b.kind)));
        v
    };
    EventOut {
        event: e.name.clone(),
        spec_file: e.file.clone(),
        payloads: e.payloads,
        attributes,
        paths_more: tree.paths_more,
        violations: ViolationsOut {
            lenient: list(&e.violations[0]),
            strict: list(&e.violations[1]),
            lenient_more: e.violations_more[0],
            strict_more: e.violations_more[1],
        },
    }
}

fn types(t: &[u64; 6]) -> BTreeMap<&'static str, u64> {
    TYPE_NAMES.iter().zip(t).filter(|(_, n)| **n > 0).map(|(k, n)| (*k, *n)).collect()
}

/// The values seen, most frequent first, each marked listed by the spec or not.
fn values(node: &super::tree::Node) -> Vec<ValueOut> {
    let listed = node.doc.as_ref().map(|d| d.values.as_slice()).unwrap_or(&[]);
    let mut out: Vec<(ValueOut, &super::tree::Seen)> = node
        .stats
        .values
        .iter()
        .map(|(v, n)| {
            let documented = match v {
                super::tree::Seen::Str(s) | super::tree::Seen::Int(s) => listed.iter().any(|l| **l == **s),
                super::tree::Seen::Bool(_) => false,
            };
            (ValueOut { value: v.to_json(), count: *n, documented }, v)
        })
        .collect();
    out.sort_by(|a, b| b.0.count.cmp(&a.0.count).then_with(|| a.1.cmp(b.1)));
    out.into_iter().map(|(v, _)| v).collect()
}

/// Text for a terminal: payload text escaped, so it cannot forge lines or drive the terminal.
pub fn text(s: &Summary) -> String {
    let esc = |t: &str| codegen::safe::escape(t).into_owned();
    let mut out = format!("{} payload(s), {} unreadable\n", s.payloads, s.unreadable);
    for u in &s.unreadable_examples {
        let place = u.line.map_or(u.file.clone(), |l| format!("{}:{l}", u.file));
        let _ = writeln!(out, "  unreadable: {}: {}", esc(&place), esc(&u.message));
    }
    for e in &s.events {
        let _ = writeln!(out, "\n{}: {} payload(s)", e.event, e.payloads);
        for a in &e.attributes {
            let label = if a.documented { "" } else { " (undocumented)" };
            let _ = write!(out, "  {}{label}: present {}, absent {}, null {}", esc(&a.path), a.present, a.absent, a.null);
            if !a.types.is_empty() {
                let _ = write!(out, "; {}", counts(&a.types));
            }
            if !a.forms.is_empty() {
                let _ = write!(out, "; forms {}", counts(&a.forms));
            }
            out.push('\n');
            if !a.values.is_empty() {
                let _ = writeln!(out, "    values: {}", value_list(&a.values, a.values_more, a.listed, &esc));
            }
            if let Some(items) = &a.items {
                let _ = write!(out, "    items: {}, null {}", items.count, items.null);
                if !items.types.is_empty() {
                    let _ = write!(out, "; {}", counts(&items.types));
                }
                out.push('\n');
                if !items.values.is_empty() {
                    let _ = writeln!(out, "    item values: {}", value_list(&items.values, items.values_more, false, &esc));
                }
            }
            if let Some(x) = &a.example {
                let _ = writeln!(out, "    example: {}", esc(x));
            }
        }
        if e.paths_more > 0 {
            let _ = writeln!(out, "  ({} occurrence(s) of further undocumented paths not kept)", e.paths_more);
        }
        for (reading, list, more) in
            [("lenient", &e.violations.lenient, e.violations.lenient_more), ("strict", &e.violations.strict, e.violations.strict_more)]
        {
            if list.is_empty() {
                let _ = writeln!(out, "  violations ({reading}): none");
                continue;
            }
            let _ = writeln!(out, "  violations ({reading}):");
            for v in list {
                let _ = writeln!(out, "    {}: {} x{}", esc(&v.path), v.kind, v.count);
            }
            if more > 0 {
                let _ = writeln!(out, "    ({more} more not kept)");
            }
        }
    }
    if !s.unknown_events.is_empty() {
        out.push_str("\nevents the spec does not cover:\n");
        for u in &s.unknown_events {
            let _ = writeln!(out, "  {}/{}: {}", esc(u.product.as_deref().unwrap_or("?")), esc(&u.event), u.count);
        }
    }
    out
}

fn counts(m: &BTreeMap<&'static str, u64>) -> String {
    m.iter().map(|(k, v)| format!("{k} {v}")).collect::<Vec<_>>().join(", ")
}

fn value_list(values: &[ValueOut], more: u64, listed: bool, esc: &dyn Fn(&str) -> String) -> String {
    let mut parts: Vec<String> = values
        .iter()
        .map(|v| {
            let mark = if listed && !v.documented { " (not listed)" } else { "" };
            format!("{} x{}{mark}", esc(&v.value.to_string()), v.count)
        })
        .collect();
    if more > 0 {
        parts.push(format!("and {more} more not kept"));
    }
    parts.join(", ")
}

/// Markdown for a pull request or a wiki: a table per event.
pub fn markdown(s: &Summary) -> String {
    // Payload text in a cell: no pipes, backticks or line breaks to break the table.
    let cell = |t: &str| codegen::safe::escape(t).replace('|', "\\|").replace('`', "'");
    let mut out = format!("# What the log shows\n\n{} payload(s), {} unreadable.\n", s.payloads, s.unreadable);
    for e in &s.events {
        let _ = writeln!(out, "\n## {} ({} payloads)\n", e.event, e.payloads);
        out.push_str("| path | documented | present | absent | null | types | values |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        for a in &e.attributes {
            let mut types = counts(&a.types);
            if !a.forms.is_empty() {
                types.push_str(&format!("; forms {}", counts(&a.forms)));
            }
            let values = value_list(&a.values, a.values_more, a.listed, &|t: &str| t.to_string());
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {} | {} | {} |",
                cell(&a.path),
                if a.documented { "yes" } else { "**no**" },
                a.present,
                a.absent,
                a.null,
                cell(&types),
                cell(&values)
            );
        }
        for (reading, list) in [("lenient", &e.violations.lenient), ("strict", &e.violations.strict)] {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\nViolations ({reading}):\n\n| path | kind | count |\n| --- | --- | --- |");
            for v in list {
                let _ = writeln!(out, "| `{}` | {} | {} |", cell(&v.path), v.kind, v.count);
            }
        }
    }
    if !s.unknown_events.is_empty() {
        out.push_str("\n## Events the spec does not cover\n\n| product | event | payloads |\n| --- | --- | --- |\n");
        for u in &s.unknown_events {
            let _ = writeln!(out, "| {} | {} | {} |", cell(u.product.as_deref().unwrap_or("?")), cell(&u.event), u.count);
        }
    }
    out
}
