//! `doc-import`: a spec file drafted from a page.

use std::collections::{HashMap, HashSet};

use super::{literal, Page, PageAttr, MAX_PAGE_DEPTH};
use crate::ir::Literal;

/// Drafts a spec file for a page's event, for a person to finish.
///
/// The names are written as YAML scalars, quoted where needed, so a file name cannot become
/// YAML; the checker then judges them as names. A page nested deeper than the spec can hold
/// is drafted to [`MAX_DRAFT_INDENT`] with a TODO note where it was cut, so that a draft
/// always loads.
pub fn import(page: &Page, event: &str, product: &str, source: &str) -> String {
    let mut s = String::new();
    s.push_str(&format!("# Drafted by `fwevents doc-import` from {}. Review every TODO.\n", crate::safe::escape(source)));
    if let Some(first) = page.clipped.first() {
        s.push_str(&format!(
            "# TODO: {} attribute(s) from line {first} on are nested deeper than {MAX_PAGE_DEPTH} levels; the draft does not nest them.\n",
            page.clipped.len()
        ));
    }
    s.push_str(&format!("event: {}\nproduct: {}\nsource: {}\n", yaml_scalar(event), yaml_scalar(product), yaml_scalar(source)));
    s.push_str("description: TODO describe the event in our own words.\n\ndata:\n");
    let mut d = Draft { rules: Vec::new(), rule_index: HashMap::new(), type_names: HashSet::new(), paths: HashMap::new() };
    for attr in &dedupe(page.attrs.clone()) {
        draft_attr(&mut s, attr, 1, "", &mut d);
    }
    // A rule goes in only when the checker will take it: its condition names an attribute
    // the draft has, with a value of that attribute's type. The others are left as
    // comments for the person finishing the draft, never as a `rules:` key without a rule
    // (which would read as null and fail the lint).
    let mut active = Vec::new();
    let mut parked = Vec::new();
    for (path, value, targets) in std::mem::take(&mut d.rules) {
        match d.condition(&path, &value) {
            Ok(literal) => active.push((path, literal, targets)),
            Err(why) => parked.push((path, yaml_scalar(&value), targets, why)),
        }
    }
    let mut n = 0;
    let mut rule = |s: &mut String, hash: &str, path: &str, literal: &str, targets: &[String]| {
        n += 1;
        s.push_str(&format!("{hash}  - id: null-when-{n}\n{hash}    description: TODO (from the page's null-when sentences).\n"));
        s.push_str(&format!("{hash}    when: {{ path: {path}, equals: {literal} }}\n{hash}    null:\n"));
        for t in targets {
            s.push_str(&format!("{hash}      - {t}\n"));
        }
    };
    if !active.is_empty() {
        s.push_str("\nrules:\n");
        for (path, literal, targets) in &active {
            rule(&mut s, "", path, literal, targets);
        }
    }
    if !parked.is_empty() {
        s.push_str(if active.is_empty() { "\n# rules:\n" } else { "" });
        for (path, literal, targets, why) in &parked {
            s.push_str(&format!("  # TODO: {why}; fix the rule and uncomment it.\n"));
            rule(&mut s, "# ", path, literal, targets);
        }
    }
    s
}

/// A YAML scalar: plain when that reads back as the same string, single-quoted otherwise,
/// double-quoted with escapes when it holds a line break or another control character
/// (which a single-quoted scalar would fold or carry raw).
fn yaml_scalar(v: &str) -> String {
    if v.chars().any(char::is_control) {
        return serde_json::to_string(v).unwrap_or_default();
    }
    let plain = !v.is_empty()
        && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !matches!(v, "true" | "false" | "null" | "yes" | "no" | "on" | "off")
        && v.parse::<f64>().is_err();
    if plain {
        v.to_string()
    } else {
        format!("'{}'", v.replace('\'', "''"))
    }
}

/// What drafting collects on the way: rules from null sentences, and the Rust type names
/// taken so far (a second `type` enum gets a name from its path, not a clash).
struct Draft {
    rules: Vec<(String, String, Vec<String>)>,
    /// Where each (path, value) condition is in `rules`.
    rule_index: HashMap<(String, String), usize>,
    type_names: HashSet<String>,
    /// Attribute paths drafted so far with what they hold, for checking rule conditions.
    paths: HashMap<String, Kind>,
}

/// What a drafted attribute holds, as far as a rule's condition cares.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Text,
    Integer,
    Boolean,
    Enum(Vec<Literal>),
    /// An object, array, id or timestamp: not something a drafted condition compares.
    Other,
}

impl Draft {
    /// The YAML literal of `value` for a condition on `path`, or why there is none.
    fn condition(&self, path: &str, value: &str) -> Result<String, String> {
        let Some(kind) = self.paths.get(path) else {
            return Err(format!("the page names {path}, which it does not list"));
        };
        let lit = literal(value);
        match kind {
            Kind::Enum(values) if values.contains(&lit) => Ok(match lit {
                Literal::Str(_) => yaml_scalar(value),
                other => other.to_string(),
            }),
            Kind::Enum(_) => Err(format!("{value} is not one of the values the page lists for {path}")),
            Kind::Integer if matches!(lit, Literal::Int(_)) => Ok(value.to_string()),
            Kind::Boolean if matches!(lit, Literal::Bool(_)) => Ok(value.to_string()),
            Kind::Text => Ok(yaml_scalar(value)),
            Kind::Integer | Kind::Boolean | Kind::Other => Err(format!("{path} cannot be compared with {value}")),
        }
    }
}

/// Drops attributes a page lists twice, counting them in `listed`. Takes the tree by value
/// so that nothing is copied (a copy per level would cost the square of the depth).
fn dedupe(attrs: Vec<PageAttr>) -> Vec<PageAttr> {
    let mut out: Vec<PageAttr> = Vec::with_capacity(attrs.len());
    let mut at: HashMap<String, usize> = HashMap::new();
    for mut a in attrs {
        // The draft writes names in lower case (`Phone` is `phone`), so that is what repeats.
        let key = a.name.to_lowercase();
        match at.get(&key) {
            Some(&first) => out[first].description.push_str("\n(listed twice)"),
            None => {
                a.children = dedupe(std::mem::take(&mut a.children));
                at.insert(key, out.len());
                out.push(a);
            }
        }
    }
    out
}

/// The deepest indentation level (two spaces each) an attribute's key is drafted at: its
/// own YAML then reaches at most four levels further (an integer enum's `- { value }`),
/// within the spec's 64-level limit counting the file's top mapping and `data`.
pub const MAX_DRAFT_INDENT: usize = crate::yaml::MAX_DEPTH - 6;

/// The kind of enum a drafted attribute of type `ty` becomes with the listed `values`: a
/// string or integer enum when every value is of that type, none otherwise.
fn enum_kind(ty: &str, values: &[Literal]) -> Option<&'static str> {
    match ty {
        "string" if values.iter().all(|v| matches!(v, Literal::Str(_))) => Some("string"),
        "integer" if values.iter().all(|v| matches!(v, Literal::Int(_))) => Some("integer"),
        _ => None,
    }
}

fn draft_attr(s: &mut String, attr: &PageAttr, depth: usize, prefix: &str, d: &mut Draft) {
    let pad = "  ".repeat(depth);
    let name = attr.name.to_lowercase();
    let path = if prefix.is_empty() { name.clone() } else { format!("{prefix}.{name}") };
    let item_path = if attr.ty.starts_with("array of object") { format!("{path}[]") } else { path.clone() };
    s.push_str(&format!("{pad}{name}:\n"));
    let is_id = name == "id" || name.ends_with("_id");
    let is_timestamp =
        attr.ty == "string" && (attr.description.starts_with("Timestamp") || name.ends_with("_at") || name.ends_with("_timestamp"));
    let ty = match attr.ty.as_str() {
        _ if is_id && matches!(attr.ty.as_str(), "string" | "integer") => "id",
        _ if is_timestamp => "timestamp",
        "array of objects" | "array of object" | "array" => "array",
        other => other,
    };
    s.push_str(&format!("{pad}  type: {ty}\n"));
    // An inline object, item object or enum becomes a Rust type named after the attribute;
    // a name already taken gets one from the whole path instead.
    let makes_type = attr.is_container() || attr.values.as_deref().is_some_and(|v| enum_kind(ty, v).is_some());
    let rust_name = if makes_type {
        use heck::ToUpperCamelCase;
        let leaf = name.to_upper_camel_case();
        if d.type_names.contains(&leaf) {
            let full = format!("data_{}", path.replace('.', "_")).to_upper_camel_case();
            d.type_names.insert(full.clone());
            Some(full)
        } else {
            d.type_names.insert(leaf);
            None
        }
    } else {
        None
    };
    if let (Some(n), false) = (&rust_name, attr.ty.starts_with("array")) {
        s.push_str(&format!("{pad}  rust_name: {n}\n"));
    }
    let first_sentence = attr.description.lines().next().unwrap_or("").split(". ").next().unwrap_or("").trim_end_matches('.');
    s.push_str(&format!("{pad}  description: {}\n", yaml_scalar(&format!("TODO in our own words; the page: {first_sentence}"))));
    if !attr.nulls.is_empty() {
        s.push_str(&format!("{pad}  nullable: true\n"));
    }
    let mut doc = Vec::new();
    if attr.description.ends_with("(listed twice)") {
        doc.push("listed: 2".to_string());
    }
    if name != attr.name {
        doc.push(format!("name: {}", attr.name));
    }
    if ty == "id" || (attr.ty != "array of objects" && ty == "array" && attr.ty.starts_with("array of")) {
        doc.push(format!("type: {}", yaml_scalar(&attr.ty)));
    }
    if let Some(values) = &attr.values {
        let strs: Vec<String> = values
            .iter()
            .map(|v| match v {
                Literal::Str(x) => yaml_scalar(x),
                other => other.to_string(),
            })
            .collect();
        match enum_kind(ty, values) {
            Some("integer") => {
                s.push_str(&format!("{pad}  open: true\n{pad}  enum:\n"));
                for v in values {
                    // `-1` is no part of a name.
                    let name = v.to_string().replace('-', "minus_");
                    s.push_str(&format!("{pad}    - {{ value: {v}, name: TODO_{name} }}\n"));
                }
            }
            Some(_) => {
                s.push_str(&format!("{pad}  open: {}\n{pad}  enum: [{}]\n", attr.open, strs.join(", ")));
            }
            // Values the drafted type cannot take as an enum (an id's, a timestamp's, words
            // listed for a number) are kept as what the page lists; true and false for a
            // boolean are its type already.
            None if ty == "boolean" && values.iter().all(|v| matches!(v, Literal::Bool(_))) => {}
            None => doc.push(format!("values: [{}]", strs.join(", "))),
        }
    }
    if !doc.is_empty() {
        s.push_str(&format!("{pad}  doc: {{ {} }}\n", doc.join(", ")));
    }
    let kind = match (&attr.values, ty) {
        (Some(values), _) if enum_kind(ty, values).is_some() => Kind::Enum(values.clone()),
        (_, "string") => Kind::Text,
        (_, "integer") => Kind::Integer,
        (_, "boolean") => Kind::Boolean,
        _ => Kind::Other,
    };
    d.paths.insert(path.clone(), kind);
    for (cond, value) in &attr.nulls {
        match d.rule_index.get(&(cond.clone(), value.clone())) {
            Some(&i) => d.rules[i].2.push(path.clone()),
            None => {
                d.rule_index.insert((cond.clone(), value.clone()), d.rules.len());
                d.rules.push((cond.clone(), value.clone(), vec![path.clone()]));
            }
        }
    }
    let too_deep = |s: &mut String, at: usize| {
        if attr.children.is_empty() || at <= MAX_DRAFT_INDENT {
            return false;
        }
        s.push_str(&format!(
            "{pad}  # TODO: the page lists {} attribute(s) here, nested deeper than a spec file can hold ({} levels); not drafted.\n",
            attr.children.len(),
            crate::yaml::MAX_DEPTH
        ));
        true
    };
    match attr.ty.as_str() {
        "object" => {
            if attr.children.is_empty() || too_deep(s, depth + 2) {
                return;
            }
            s.push_str(&format!("{pad}  fields:\n"));
            for c in &attr.children {
                draft_attr(s, c, depth + 2, &path, d);
            }
        }
        "array of objects" | "array of object" => {
            s.push_str(&format!("{pad}  items:\n{pad}    type: object\n"));
            if let Some(n) = &rust_name {
                s.push_str(&format!("{pad}    rust_name: {n}\n"));
            }
            if !attr.children.is_empty() && !too_deep(s, depth + 3) {
                s.push_str(&format!("{pad}    fields:\n"));
                for c in &attr.children {
                    draft_attr(s, c, depth + 3, &item_path, d);
                }
            }
        }
        "array" => s.push_str(&format!("{pad}  items: {{ type: any }}\n")),
        _ => {}
    }
}
