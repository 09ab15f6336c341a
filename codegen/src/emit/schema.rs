//! Emit JSON Schema (draft 2020-12) for each event's whole payload, envelope included.
//!
//! Objects keep spec order: the schema is built as an ordered tree (`Json`) rather than
//! `serde_json::Value`, whose maps sort their keys.
//!
//! The shape is chosen so that code generators (json-schema-to-typescript, typify) and
//! validators (ajv in strict mode) all read it the same way:
//! - `event` is a `const` (and a one-value `enum`, for typify, which ignores `const`), so
//!   generated types get a literal to discriminate on;
//! - no node has `type` beside `anyOf`/`oneOf` (generators intersect the two);
//! - a timestamp is one node: its JSON types, with one `pattern` for its text forms
//!   (`pattern` only applies to strings);
//! - an open enum is `oneOf` the known values and any other value of its type, so
//!   generators keep the known ones as literals;
//! - null is one more `type`, or one more alternative of an `anyOf`/`oneOf`.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::ir::{ChangeOrder, Check, CondOp, EnumRepr, Event, Field, Ir, Literal, Step, Ty, TypeId, TypeKind};

/// Which reading of the docs the schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Lenient,
    Strict,
}

impl Reading {
    /// `lenient` or `strict`.
    pub fn key(self) -> &'static str {
        match self {
            Reading::Lenient => "lenient",
            Reading::Strict => "strict",
        }
    }
}

/// An ordered JSON tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Serialize for Json {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Int(i) => s.serialize_i64(*i),
            Json::Float(f) => s.serialize_f64(*f),
            Json::Str(v) => s.serialize_str(v),
            Json::Arr(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for i in items {
                    seq.serialize_element(i)?;
                }
                seq.end()
            }
            Json::Obj(entries) => {
                let mut map = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

fn s(v: &str) -> Json {
    Json::Str(v.to_string())
}

fn obj(entries: Vec<(&str, Json)>) -> Json {
    Json::Obj(entries.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

fn lit(l: &Literal) -> Json {
    match l {
        Literal::Str(v) => s(v),
        Literal::Int(i) => Json::Int(*i),
        Literal::Bool(b) => Json::Bool(*b),
        Literal::Float(f) => Json::Float(*f),
    }
}

/// A condition's literal as every wire value a rule compares equal to it: an integer and
/// the string that is its decimal text are the same (ids are sent in either form), so each
/// stands for both.
fn lit_forms(l: &Literal) -> Vec<Json> {
    match l {
        Literal::Int(i) => vec![Json::Int(*i), s(&i.to_string())],
        Literal::Str(text) => match text.parse::<i64>() {
            Ok(i) if i.to_string() == *text => vec![s(text), Json::Int(i)],
            _ => vec![s(text)],
        },
        other => vec![lit(other)],
    }
}

/// The schema of one event's payload.
pub fn event_schema(ir: &Ir, event: &Event, reading: Reading) -> Json {
    let mut defs: Vec<TypeId> = Vec::new();
    let root = object_schema(ir, event.payload, reading, &mut defs, &ir.ty(event.payload).description);
    let mut entries = vec![
        ("$schema".to_string(), s("https://json-schema.org/draft/2020-12/schema")),
        // The reading is part of the id, so both schemas of an event can be loaded side by side.
        ("$id".to_string(), s(&format!("https://freshworks-events.local/schema/{}/{}.json", reading.key(), ir.qualified_name(event)))),
        ("title".to_string(), s(&format!("{} {}", ir.product_of(event).title, event.name))),
    ];
    if let Json::Obj(rest) = root {
        entries.extend(rest.into_iter().filter(|(k, _)| k != "title"));
    }
    // Named types referenced from several places become $defs, in first-use order.
    let mut def_entries = Vec::new();
    let mut i = 0;
    while i < defs.len() {
        let id = defs[i];
        let schema = named_schema(ir, id, reading, &mut defs);
        def_entries.push((ir.ty(id).name.clone(), schema));
        i += 1;
    }
    if reading == Reading::Strict {
        let conditional = conditional_nulls(ir, event);
        // Under `dependentSchemas` on `data` (which every payload has), not an `allOf` at the
        // root: generators intersect an `allOf` with the `type` beside it, and those that do
        // not know `dependentSchemas` pass over it.
        if !conditional.is_empty() {
            let all = obj(vec![("allOf", Json::Arr(conditional))]);
            entries.push(("dependentSchemas".to_string(), Json::Obj(vec![("data".to_string(), all)])));
        }
    }
    if !def_entries.is_empty() {
        entries.push(("$defs".to_string(), Json::Obj(def_entries)));
    }
    Json::Obj(entries)
}

/// The strict reading's conditional nulls, as draft 2020-12 says them: for each attribute
/// that a `null` rule lets be null only under a condition, `if` the condition (any of them,
/// when several rules name it) `then` null `else` not null. The attribute's own schema
/// admits null; these say when. Rules whose condition or target goes through an array the
/// condition would have to hold for per item are left to the validator.
fn conditional_nulls(ir: &Ir, event: &Event) -> Vec<Json> {
    // Target path text -> (its steps, the conditions that allow its null), in rule order.
    let mut targets: Vec<(&str, &[Step], Vec<Json>)> = Vec::new();
    let always_null: Vec<&str> = event
        .rules
        .iter()
        .filter(|rule| rule.when.is_none())
        .filter_map(|rule| match &rule.check {
            Check::Null(paths) => Some(paths.iter().map(|p| p.text.as_str())),
            _ => None,
        })
        .flatten()
        .collect();
    for rule in &event.rules {
        let (Check::Null(paths), Some(when)) = (&rule.check, &rule.when) else { continue };
        if when.path.steps.iter().any(|st| st.each) {
            continue;
        }
        let forms = |ls: &[Literal]| Json::Arr(ls.iter().flat_map(lit_forms).collect());
        let test = match &when.op {
            CondOp::Equals(l) => match lit_forms(l).as_slice() {
                [one] => obj(vec![("const", one.clone())]),
                _ => obj(vec![("enum", forms(std::slice::from_ref(l)))]),
            },
            CondOp::In(ls) => obj(vec![("enum", forms(ls))]),
            CondOp::NotIn(ls) => obj(vec![("not", obj(vec![("enum", forms(ls))]))]),
        };
        let condition = at_path(&when.path.steps, test, true);
        for path in paths {
            // A rule without a condition is always in force: its attribute's null is never
            // conditional, and the rule itself is the validator's to check.
            if always_null.contains(&path.text.as_str()) {
                continue;
            }
            // Only attributes that are not nullable by themselves have a condition to state.
            if path.steps.iter().any(|st| st.each) || !null_only_by_rule(ir, event, path) {
                continue;
            }
            match targets.iter_mut().find(|(text, _, _)| *text == path.text) {
                Some((_, _, conditions)) => conditions.push(condition.clone()),
                None => targets.push((&path.text, &path.steps, vec![condition.clone()])),
            }
        }
    }
    targets
        .into_iter()
        .map(|(_, steps, mut conditions)| {
            let when = if conditions.len() == 1 { conditions.remove(0) } else { obj(vec![("anyOf", Json::Arr(conditions))]) };
            obj(vec![
                ("if", when),
                ("then", at_path(steps, obj(vec![("type", s("null"))]), false)),
                ("else", at_path(steps, obj(vec![("not", obj(vec![("type", s("null"))]))]), false)),
            ])
        })
        .collect()
}

/// Whether the attribute at the end of `path` is null only under a rule's condition in the
/// strict reading (not nullable by itself).
fn null_only_by_rule(ir: &Ir, event: &Event, path: &crate::ir::Path) -> bool {
    let (Some(owner), Some(last)) = (path.owner(event.data), path.steps.last()) else { return false };
    ir.fields(owner).iter().any(|f| f.wire == last.wire && !f.strict.nullable)
}

/// `leaf` applied to the attribute at `steps` below the payload's `data`. For a condition
/// (`required`) every step must be there, an object, so that a condition on an absent
/// attribute does not hold; for a consequence, a step may also be null (whose own schema
/// says whether it may), and an absent attribute has nothing to hold.
fn at_path(steps: &[Step], leaf: Json, required: bool) -> Json {
    let level = |wire: &str, inner: Json, root: bool| {
        let ty = if required || root { s("object") } else { Json::Arr(vec![s("object"), s("null")]) };
        let mut entries = vec![("type", ty), ("properties", Json::Obj(vec![(wire.to_string(), inner)]))];
        if required {
            entries.push(("required", Json::Arr(vec![s(wire)])));
        }
        obj(entries)
    };
    let mut schema = leaf;
    for step in steps.iter().rev() {
        schema = level(&step.wire, schema, false);
    }
    // The payload itself is an object (the schema it sits in says so).
    level("data", schema, true)
}

fn named_schema(ir: &Ir, id: TypeId, reading: Reading, defs: &mut Vec<TypeId>) -> Json {
    let t = ir.ty(id);
    match &t.kind {
        TypeKind::Object(_) => object_schema(ir, id, reading, defs, &t.description),
        TypeKind::Enum(e) => {
            let values: Vec<Json> = e.variants.iter().map(|v| lit(&v.wire)).collect();
            let base = if e.repr == EnumRepr::Int { "integer" } else { "string" };
            let mut entries = vec![("description", s(t.description.trim()))];
            // Values the page says occur beyond its list are in both readings.
            if e.open && (reading == Reading::Lenient || e.documented) {
                // The two alternatives exclude each other, so `oneOf` holds for every value
                // and a generator can make them an untagged enum of known and other values.
                let known = obj(vec![("type", s(base)), ("enum", Json::Arr(values.clone()))]);
                let other = obj(vec![("type", s(base)), ("not", obj(vec![("enum", Json::Arr(values))]))]);
                entries.push(("oneOf", Json::Arr(vec![known, other])));
            } else {
                entries.push(("type", s(base)));
                entries.push(("enum", Json::Arr(values)));
            }
            obj(entries)
        }
    }
}

fn object_schema(ir: &Ir, id: TypeId, reading: Reading, defs: &mut Vec<TypeId>, description: &str) -> Json {
    let fields = ir.fields(id);
    let payload_of = ir.events.iter().find(|e| e.payload == id);
    let mut props: Vec<(String, Json)> = fields.iter().map(|f| (f.wire.clone(), field_schema(ir, f, reading, defs))).collect();
    // The envelope's `event` names this event and no other: a `const`, which generators
    // turn into a literal type to discriminate on.
    if let Some(event) = payload_of {
        if let Some((_, Json::Obj(entries))) = props.iter_mut().find(|(k, _)| k == "event") {
            entries.retain(|(k, _)| k == "description");
            // typify passes over `const` (it makes a plain String); the same value as a one-value
            // `enum` makes it a one-variant enum, which refuses another event's name. No `type`:
            // typify 0.8 panics on `type` with both `const` and `enum`, and the value says it.
            entries.push(("const".into(), s(&event.name)));
            entries.push(("enum".into(), Json::Arr(vec![s(&event.name)])));
        }
    }
    let required: Vec<Json> = fields.iter().filter(|f| !presence(f, reading).optional).map(|f| s(&f.wire)).collect();
    let mut entries = vec![("type", s("object"))];
    if !description.trim().is_empty() {
        entries.push(("description", s(description.trim())));
    }
    entries.push(("properties", Json::Obj(props)));
    if !required.is_empty() {
        entries.push(("required", Json::Arr(required)));
    }
    entries.push(("additionalProperties", Json::Bool(reading == Reading::Lenient)));
    obj(entries)
}

fn presence(f: &Field, reading: Reading) -> crate::ir::Presence {
    match reading {
        Reading::Lenient => f.lenient,
        Reading::Strict => f.strict,
    }
}

fn field_schema(ir: &Ir, f: &Field, reading: Reading, defs: &mut Vec<TypeId>) -> Json {
    let mut schema = type_schema(ir, &f.ty, f, reading, defs);
    // An attribute that a rule lets be null under a condition is nullable here; the strict
    // schema says when at its root (`conditional_nulls`), as a field's schema, shared by
    // events with other conditions, cannot.
    let nullable = presence(f, reading).nullable || (reading == Reading::Strict && !f.null_when.is_empty());
    if let Json::Obj(entries) = &mut schema {
        if nullable {
            make_nullable(entries);
        }
        let mut desc = f.description.trim().to_string();
        if let Some(q) = &f.quirk {
            desc.push_str(&format!(" Docs quirk: {}", q.trim()));
        }
        match entries.iter_mut().find(|(k, _)| k == "description") {
            Some((_, Json::Str(existing))) if !desc.is_empty() => *existing = format!("{desc} ({existing})"),
            Some(_) => {}
            None if !desc.is_empty() => entries.insert(0, ("description".into(), s(&desc))),
            None => {}
        }
    }
    schema
}

/// Adds null to the accepted values: one more `type`, or one more alternative; a `$ref` is
/// wrapped in an `anyOf` with null.
fn make_nullable(entries: &mut Vec<(String, Json)>) {
    if let Some((_, t)) = entries.iter_mut().find(|(k, _)| k == "type") {
        match t {
            Json::Str(one) => *t = Json::Arr(vec![s(one), s("null")]),
            Json::Arr(many) => many.push(s("null")),
            _ => {}
        }
        if let Some((_, Json::Arr(values))) = entries.iter_mut().find(|(k, _)| k == "enum") {
            values.push(Json::Null);
        }
        return;
    }
    if let Some((_, Json::Arr(alternatives))) = entries.iter_mut().find(|(k, _)| k == "anyOf" || k == "oneOf") {
        alternatives.push(obj(vec![("type", s("null"))]));
        return;
    }
    let inner = Json::Obj(std::mem::take(entries));
    entries.push(("anyOf".into(), Json::Arr(vec![inner, obj(vec![("type", s("null"))])])));
}

fn type_schema(ir: &Ir, ty: &Ty, f: &Field, reading: Reading, defs: &mut Vec<TypeId>) -> Json {
    let strict = reading == Reading::Strict;
    match ty {
        Ty::String => obj(vec![("type", s("string"))]),
        Ty::Integer => obj(vec![("type", s("integer"))]),
        Ty::Number => obj(vec![("type", s("number"))]),
        Ty::Boolean => obj(vec![("type", s("boolean"))]),
        Ty::Any | Ty::Unresolved => obj(vec![]),
        Ty::Id => match (strict, f.id_form) {
            (true, Some(crate::ir::IdForm::Integer)) => obj(vec![("type", s("integer"))]),
            (true, _) => obj(vec![("type", s("string"))]),
            (false, _) => obj(vec![("type", Json::Arr(vec![s("string"), s("integer")]))]),
        },
        Ty::Timestamp => timestamp_schema(f, strict),
        Ty::Change(order) => {
            let d = match order {
                ChangeOrder::OldNew => "[old value, new value]",
                ChangeOrder::NewOld => "[new value, old value]",
            };
            obj(vec![("type", s("array")), ("description", s(d)), ("minItems", Json::Int(2)), ("maxItems", Json::Int(2))])
        }
        Ty::Array(item) => {
            let items = type_schema(ir, item, f, reading, defs);
            obj(vec![("type", s("array")), ("items", items)])
        }
        Ty::Map(value) => {
            let values = type_schema(ir, value, f, reading, defs);
            let mut values = values;
            if !strict {
                if let Json::Obj(e) = &mut values {
                    make_nullable(e);
                }
            }
            obj(vec![("type", s("object")), ("additionalProperties", values)])
        }
        Ty::Named(id) => {
            let t = ir.ty(*id);
            if t.name == "Data" && ir.events.iter().any(|e| e.data == *id) {
                return object_schema(ir, *id, reading, defs, &t.description);
            }
            if !defs.contains(id) {
                defs.push(*id);
            }
            obj(vec![("$ref", s(&format!("#/$defs/{}", t.name)))])
        }
    }
}

/// One node: the JSON types of the forms, and one pattern for the text forms (a `pattern`
/// applies to strings only, so it leaves the numeric forms alone).
fn timestamp_schema(f: &Field, strict: bool) -> Json {
    const ISO: &str = r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$";
    const UTC: &str = r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,9})? UTC$";
    const MILLIS: &str = r"^-?\d{1,19}$";
    let forms: Vec<&str> = if strict {
        f.formats.iter().map(|f| f.name()).collect()
    } else {
        crate::ir::TimestampForm::ALL.iter().map(|f| f.name()).collect()
    };
    let mut patterns = Vec::new();
    let (mut text, mut integer, mut number) = (false, false, false);
    for form in &forms {
        match *form {
            "iso8601" => patterns.push(ISO),
            "utc_text" => patterns.push(UTC),
            "epoch_millis" => integer = true,
            "epoch_seconds" => number = true,
            _ => patterns.push(MILLIS),
        }
        text |= matches!(*form, "iso8601" | "utc_text" | "epoch_millis_string");
    }
    let mut types = Vec::new();
    if text {
        types.push(s("string"));
    }
    // Every integer is a number: an integer form adds nothing beside a number form.
    if number {
        types.push(s("number"));
    } else if integer {
        types.push(s("integer"));
    }
    let ty = if types.len() == 1 { types.remove(0) } else { Json::Arr(types) };
    let mut entries = vec![("type", ty), ("description", s(&format!("Timestamp; forms: {}", forms.join(", "))))];
    if !patterns.is_empty() {
        entries.push(("pattern", s(&patterns.join("|"))));
    }
    obj(entries)
}

/// The schema as pretty-printed JSON text.
pub fn to_string(schema: &Json) -> String {
    let mut out = serde_json::to_string_pretty(schema).unwrap_or_default();
    out.push('\n');
    out
}
