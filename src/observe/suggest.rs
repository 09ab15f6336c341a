//! Spec edits proposed from what a log shows, for a person to review: each names the spec
//! file and YAML place it edits, what it sets there, and the counts it rests on.
//!
//! Four kinds: an undocumented attribute seen in most payloads (drafted with its type), a
//! documented type that payloads never send (a quirk to annotate), a value of a closed enum
//! seen in the wild, and a required attribute often absent. Every edit is one the checker
//! takes: names and values that could not be spec names or enum values are not proposed.

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::tree::{Expect, Place, Seen, Step, Tree, TYPE_NAMES};
use super::Observer;

/// Payloads an attribute's parent must have been seen in before anything is proposed.
pub const MIN_CHANCES: u64 = 5;
/// A required attribute absent from at least this share of its chances is proposed optional.
const OFTEN_ABSENT: f64 = 0.10;

#[derive(Debug, Clone, Serialize)]
pub struct Proposal {
    /// `add-attribute`, `annotate-type`, `add-enum-value` or `make-optional`.
    pub kind: &'static str,
    pub event: String,
    /// The attribute, as the reference writes it.
    pub path: String,
    /// The spec file, relative to the spec directory.
    pub file: String,
    /// YAML keys from the top of the file to the mapping edited (or the list appended to).
    pub at: Vec<String>,
    /// Keys to set in that mapping (made when absent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub set: Option<Map<String, Value>>,
    /// An item to append to that list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub append: Option<Value>,
    /// The counts it rests on.
    pub evidence: String,
}

/// Every proposal the counts support, event by event in spec order.
pub fn proposals(o: &Observer) -> Vec<Proposal> {
    let mut out = Vec::new();
    for e in o.events.iter().filter(|e| e.payloads > 0) {
        let tree = &e.tree;
        for n in 0..tree.nodes.len() {
            let node = &tree.nodes[n];
            if node.step != Step::Key {
                continue;
            }
            let chances = tree.chances(n);
            if chances < MIN_CHANCES {
                continue;
            }
            let mut p = |kind, place: &Place, set: Option<Map<String, Value>>, append: Option<Value>, evidence: String| {
                out.push(Proposal {
                    kind,
                    event: e.name.clone(),
                    path: tree.path(n),
                    file: place.file.clone(),
                    at: place.keys.clone(),
                    set,
                    append,
                    evidence,
                })
            };
            match &node.doc {
                None => {
                    if let Some((place, set, evidence)) = new_attribute(tree, n) {
                        p("add-attribute", &place, Some(set), None, evidence);
                    }
                }
                Some(doc) => {
                    let Some(at) = &doc.at else { continue };
                    let s = &node.stats;
                    let absent = chances.saturating_sub(s.present);
                    if doc.required_strict && absent > 0 && absent as f64 >= OFTEN_ABSENT * chances as f64 {
                        let set = Map::from_iter([("optional".to_string(), json!(true))]);
                        p("make-optional", at, Some(set), None, format!("absent from {absent} of {chances} payloads that could have it"));
                    }
                    if let Some(why) = never_sent(doc, s) {
                        if !doc.has_quirk {
                            let set = Map::from_iter([("quirk".to_string(), json!(why.clone()))]);
                            p("annotate-type", at, Some(set), None, why);
                        }
                    }
                    if let Some(place) = &doc.enum_at {
                        for (value, count) in &s.values {
                            let Seen::Str(v) = value else { continue };
                            if doc.values.iter().any(|l| **l == **v) || !enum_value_ok(v, &doc.values) {
                                continue;
                            }
                            let item = json!({"value": &**v, "description": format!("TODO: describe (seen in {count} payloads)")});
                            p(
                                "add-enum-value",
                                place,
                                None,
                                Some(item),
                                format!("\"{v}\" seen {count} times; the spec lists {}", doc.values.join(", ")),
                            );
                        }
                    }
                }
            }
        }
    }
    // An attribute added under one event's reading of a shared type is one edit, not one per
    // event.
    let mut seen: Vec<(String, Vec<String>, Option<Value>)> = Vec::new();
    out.retain(|p| {
        let key = (p.file.clone(), p.at.clone(), p.append.clone());
        let fresh = !seen.contains(&key);
        seen.push(key);
        fresh
    });
    out
}

/// A draft of an undocumented attribute seen in most payloads, under a documented object.
fn new_attribute(tree: &Tree, n: usize) -> Option<(Place, Map<String, Value>, String)> {
    let node = &tree.nodes[n];
    let parent = tree.nodes[node.parent].doc.as_ref()?;
    let fields_at = parent.fields_at.as_ref()?;
    let chances = tree.chances(n);
    let s = &node.stats;
    if s.present * 2 <= chances || codegen::names::check_spec_name(&node.key).is_err() {
        return None;
    }
    // A sibling whose Rust name would be the same is a clash the checker refuses.
    let ident = codegen::names::field_ident(&node.key)?;
    let parent_node = &tree.nodes[node.parent];
    if parent_node.children.iter().any(|&c| {
        c != n && tree.nodes[c].doc.is_some() && codegen::names::field_ident(&tree.nodes[c].key).as_deref() == Some(ident.as_str())
    }) {
        return None;
    }
    let mut set = Map::new();
    let types: Vec<(&str, u64)> = TYPE_NAMES.iter().zip(s.types).filter(|(_, c)| *c > 0).map(|(t, c)| (*t, c)).collect();
    let forms = |names: &[&str]| s.forms.iter().all(|(f, _)| names.contains(f)) && !s.forms.is_empty();
    let ty = match types.as_slice() {
        _ if node.looks == super::tree::Looks::Id && forms(&["string", "numeric_string", "integer"]) => {
            let integer = s.types[1] > s.types[0];
            set.insert("doc".into(), json!({"type": if integer { "integer" } else { "string" }}));
            "id"
        }
        _ if node.looks == super::tree::Looks::Timestamp
            && forms(&["iso8601", "utc_text", "epoch_millis", "epoch_seconds", "epoch_millis_string"]) =>
        {
            let listed: Vec<&str> = ["iso8601", "utc_text", "epoch_millis", "epoch_seconds", "epoch_millis_string"]
                .into_iter()
                .filter(|f| s.forms.iter().any(|(g, _)| g == f))
                .collect();
            set.insert("formats".into(), json!(listed));
            "timestamp"
        }
        [("string", _)] => "string",
        [("integer", _)] => "integer",
        [("integer", _), ("number", _)] | [("number", _)] => "number",
        [("boolean", _)] => "boolean",
        // Objects, arrays and mixtures: the person gives the shape.
        _ => "any",
    };
    let mut out = Map::new();
    out.insert("type".into(), json!(ty));
    out.extend(set);
    if s.present < chances {
        out.insert("optional".into(), json!(true));
    }
    if s.null > 0 {
        out.insert("nullable".into(), json!(true));
    }
    let shown: Vec<String> = types.iter().map(|(t, c)| format!("{t} {c}")).collect();
    let evidence = format!(
        "present in {} of {chances} payloads that could have it, null in {}; {}",
        s.present,
        s.null,
        if shown.is_empty() { "no value but null".into() } else { shown.join(", ") }
    );
    out.insert("description".into(), json!(format!("TODO: describe (undocumented; {evidence}).")));
    let mut keys = fields_at.keys.clone();
    keys.push(node.key.to_string());
    Some((Place { file: fields_at.file.clone(), keys }, out, evidence))
}

/// How payloads contradict a documented type, when every value seen did.
fn never_sent(doc: &super::tree::Doc, s: &super::tree::Stats) -> Option<String> {
    let values: u64 = s.types.iter().sum();
    if values < MIN_CHANCES {
        return None;
    }
    let sent: Vec<String> = TYPE_NAMES.iter().zip(s.types).filter(|(_, c)| *c > 0).map(|(t, c)| format!("{t} {c}")).collect();
    let sent = sent.join(", ");
    let only = |i: usize| s.types[i] == values;
    let never = |i: usize| s.types[i] == 0;
    let message =
        |documented: &str| Some(format!("Documented as {documented}; payloads never send that: of {values} values seen, {sent}."));
    match doc.expect {
        Expect::String | Expect::StrEnum if never(0) => message("a string"),
        Expect::Integer | Expect::IntEnum if never(1) => message("an integer"),
        Expect::Number if never(1) && never(2) => message("a number"),
        Expect::Boolean if never(3) => message("a boolean"),
        Expect::Object if never(4) => message("an object"),
        Expect::Array if never(5) => message("an array"),
        Expect::Id if doc.id_form == Some("integer") && only(0) => message("an integer id"),
        Expect::Id if doc.id_form == Some("string") && only(1) => message("a string id"),
        Expect::Timestamp if !s.forms.is_empty() && s.forms.iter().all(|(f, _)| !doc.formats.contains(f)) => {
            let forms: Vec<String> = s.forms.iter().map(|(f, c)| format!("{f} {c}")).collect();
            Some(format!(
                "Documented in the forms {}; payloads never send those: of {values} values seen, {}.",
                doc.formats.join(", "),
                forms.join(", ")
            ))
        }
        _ => None,
    }
}

/// A value the checker takes in a string enum beside `listed`: plain text whose Rust variant
/// name is new.
fn enum_value_ok(v: &str, listed: &[String]) -> bool {
    let Some(ident) = codegen::names::type_ident(v) else { return false };
    !v.is_empty()
        && v.len() <= 60
        && codegen::safe::first_forbidden(v).is_none()
        && !listed.iter().any(|l| codegen::names::type_ident(l).as_deref() == Some(ident.as_str()))
}

/// The proposals as one JSON document.
pub fn document(proposals: &[Proposal]) -> Value {
    json!({"format": "fwevents-observe-suggest", "version": 1, "proposals": proposals})
}

/// The proposals for a pull request: each with its evidence and the YAML to add.
pub fn markdown(proposals: &[Proposal]) -> String {
    let cell = |t: &str| codegen::safe::escape(t).replace('`', "'");
    let mut out = format!(
        "# Proposed spec edits\n\n{} proposal(s), from the counts of `fwevents observe`. Review each before applying it.\n",
        proposals.len()
    );
    for (i, p) in proposals.iter().enumerate() {
        let what = match p.kind {
            "add-attribute" => "Add the undocumented attribute",
            "annotate-type" => "Annotate the documented type of",
            "add-enum-value" => "Add a value seen in the wild to the closed enum of",
            _ => "Make optional (strict reading)",
        };
        out.push_str(&format!("\n## {}. {what} `{}` ({})\n\n", i + 1, cell(&p.path), p.event));
        out.push_str(&format!("Evidence: {}\n\n", cell(p.evidence.trim_end_matches('.'))).replacen("\n\n", ".\n\n", 1));
        let place = p.at.iter().map(|k| cell(k)).collect::<Vec<_>>().join(" / ");
        out.push_str(&format!("In `spec/{}`, at `{place}`, ", p.file));
        let yaml = match (&p.set, &p.append) {
            (Some(set), _) => {
                out.push_str("set:\n\n");
                serde_yaml::to_string(set).unwrap_or_default()
            }
            (None, Some(item)) => {
                out.push_str("append:\n\n");
                serde_yaml::to_string(&vec![item]).unwrap_or_default()
            }
            (None, None) => String::new(),
        };
        // Payload text, quoted by the YAML writer, and escaped line by line for the reader.
        let yaml: String = yaml.lines().map(|l| format!("{}\n", codegen::safe::escape(l))).collect();
        out.push_str(&format!("```yaml\n{yaml}```\n"));
    }
    out
}
