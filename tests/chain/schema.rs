//! `fwevents schema`: every spec attribute of every event, under its wire name; strict
//! schemas closed and lenient ones open; `--out` writes one file per event and an unknown
//! event fails; the shapes other generators read (`const` event, no `type` beside
//! `anyOf`/`oneOf`) and a timestamp as one node with its forms.

use serde_json::Value;

use crate::common;

/// Every attribute path the spec gives an event, nested ones included.
fn spec_paths(ir: &codegen::Ir, ty: codegen::ir::TypeId, prefix: &str, out: &mut Vec<(String, codegen::ir::Field)>, depth: usize) {
    if depth > 8 {
        return;
    }
    for f in ir.fields(ty) {
        let path = format!("{prefix}/{}", f.wire);
        out.push((path.clone(), f.clone()));
        let mut t = &f.ty;
        let mut p = path.clone();
        while let codegen::ir::Ty::Array(item) = t {
            t = item;
            p.push_str("/[]");
        }
        if let codegen::ir::Ty::Named(id) = t {
            spec_paths(ir, *id, &p, out, depth + 1);
        }
    }
}

/// Finds the schema of `path` (`/data/actor/type`, `[]` for items), following $refs.
fn lookup<'a>(root: &'a Value, path: &str) -> Option<&'a Value> {
    let mut node = root;
    for seg in path.trim_start_matches('/').split('/') {
        node = deref(root, node);
        node = if seg == "[]" { node.get("items")? } else { node.get("properties")?.get(seg)? };
    }
    Some(node)
}

fn deref<'a>(root: &'a Value, mut node: &'a Value) -> &'a Value {
    loop {
        if let Some(r) = node.get("$ref").and_then(Value::as_str) {
            node = root.pointer(&r[1..]).unwrap();
        } else if let Some(alts) = node.get("anyOf").and_then(Value::as_array) {
            match alts.iter().find(|a| a.get("$ref").is_some() || a.get("properties").is_some()) {
                Some(a) => node = a,
                None => return node,
            }
        } else {
            return node;
        }
    }
}

#[test]
fn every_attribute_of_every_event_is_in_its_schema() {
    let files = codegen::source::read_spec_dir(&common::root().join("spec")).unwrap();
    let ir = codegen::compile(&files).unwrap();
    for event in &ir.events {
        let name = ir.qualified_name(event);
        let out = common::fwevents(&["schema", &name], b"");
        assert!(out.status.success(), "{}", common::text(&out.stderr));
        let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
        let mut paths = Vec::new();
        spec_paths(&ir, event.payload, "", &mut paths, 0);
        assert!(paths.len() > 15, "{name}: {} attributes", paths.len());
        for (path, field) in paths {
            let node = lookup(&schema, &path).unwrap_or_else(|| panic!("{name}: {path} is not in the schema"));
            let node = deref(&schema, node);
            if field.lenient.nullable && !matches!(field.ty, codegen::ir::Ty::Named(_)) {
                let types = node.get("type").map(|t| t.to_string()).unwrap_or_default();
                assert!(types.contains("null") || node.get("anyOf").is_some(), "{name}: {path} may be null: {node}");
            }
            if let Some((values, _)) = enum_values(&ir, &field.ty) {
                let text = deref(&schema, node).to_string();
                for v in values {
                    assert!(text.contains(&v), "{name}: {path} lacks enum value {v}: {text}");
                }
            }
        }
    }
}

fn enum_values(ir: &codegen::Ir, ty: &codegen::ir::Ty) -> Option<(Vec<String>, bool)> {
    match ty {
        codegen::ir::Ty::Named(id) => match &ir.ty(*id).kind {
            codegen::ir::TypeKind::Enum(e) => Some((
                e.variants
                    .iter()
                    .map(|v| match &v.wire {
                        codegen::ir::Literal::Str(s) => format!("\"{s}\""),
                        other => other.to_string(),
                    })
                    .collect(),
                e.open,
            )),
            _ => None,
        },
        _ => None,
    }
}

#[test]
fn strict_schemas_are_closed_and_lenient_ones_open() {
    let lenient: Value = serde_json::from_slice(&common::fwevents(&["schema", "freshdesk/onAgentAvailabilityUpdate"], b"").stdout).unwrap();
    let strict: Value =
        serde_json::from_slice(&common::fwevents(&["schema", "--strict", "onAgentAvailabilityUpdate"], b"").stdout).unwrap();
    assert_eq!(lenient["additionalProperties"], true);
    assert_eq!(strict["additionalProperties"], false);
    // An id documented as an integer (and sent as a string) is an integer only in strict mode.
    let lenient: Value = serde_json::from_slice(&common::fwevents(&["schema", "onUserAgentAvailabilityUpdate"], b"").stdout).unwrap();
    let strict: Value =
        serde_json::from_slice(&common::fwevents(&["schema", "--strict", "onUserAgentAvailabilityUpdate"], b"").stdout).unwrap();
    assert_eq!(strict["$defs"]["Actor"]["properties"]["id"]["type"], "integer");
    assert_eq!(lenient["$defs"]["Actor"]["properties"]["id"]["type"], serde_json::json!(["string", "integer", "null"]));
}

#[test]
fn schema_out_writes_one_file_per_event_and_unknown_events_fail() {
    let tmp = common::TempDir::new("schema");
    let o = common::fwevents(&["schema", "--out", tmp.0.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", common::text(&o.stderr));
    for f in [
        "freshchat/onAgentActivityCreate.schema.json",
        "freshchat/onAgentCustomStatusUpdate.schema.json",
        "freshdesk/onAgentAvailabilityUpdate.schema.json",
        "freshcaller/onAgentUpdate.schema.json",
        "freshsales/onUserAgentAvailabilityUpdate.schema.json",
    ] {
        let text = std::fs::read_to_string(tmp.0.join(f)).unwrap();
        serde_json::from_str::<Value>(&text).unwrap();
    }
    let o = common::fwevents(&["schema", "onNothing"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(common::text(&o.stderr).contains("no event \"onNothing\""));
}

/// Every node of a schema, with its JSON Pointer.
fn nodes<'a>(v: &'a Value, at: String, out: &mut Vec<(String, &'a Value)>) {
    match v {
        Value::Object(map) => {
            out.push((at.clone(), v));
            for (k, child) in map {
                nodes(child, format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                nodes(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn schemas_are_shaped_for_code_generators() {
    let files = codegen::source::read_spec_dir(&common::root().join("spec")).unwrap();
    let ir = codegen::compile(&files).unwrap();
    for event in &ir.events {
        let name = ir.qualified_name(event);
        let mut ids = Vec::new();
        for strict in [false, true] {
            let args: &[&str] = if strict { &["schema", "--strict", &name] } else { &["schema", &name] };
            let schema: Value = serde_json::from_slice(&common::fwevents(args, b"").stdout).unwrap();
            ids.push(schema["$id"].clone());
            // A literal to discriminate on.
            assert_eq!(schema["properties"]["event"]["const"], event.name.as_str(), "{name}");
            // typify ignores `const`: the one-value enum is what its types check.
            assert_eq!(schema["properties"]["event"]["enum"], serde_json::json!([event.name]), "{name}");
            let mut all = Vec::new();
            nodes(&schema, String::new(), &mut all);
            for (at, node) in &all {
                // Generators intersect a `type` with the alternatives beside it.
                let combined = ["anyOf", "oneOf", "allOf"].iter().any(|k| node.get(k).is_some());
                assert!(!(combined && node.get("type").is_some()), "{name} (strict {strict}): type beside alternatives at {at}: {node}");
            }
            // Open enums: the known values as one alternative, any other value as the other,
            // so that exactly one holds (oneOf), in the lenient reading; closed in the strict one.
            for t in &ir.types {
                let codegen::ir::TypeKind::Enum(e) = &t.kind else { continue };
                let Some(def) = schema["$defs"].get(&t.name) else { continue };
                let known: Vec<Value> = e
                    .variants
                    .iter()
                    .map(|v| match &v.wire {
                        codegen::ir::Literal::Str(s) => Value::from(s.as_str()),
                        codegen::ir::Literal::Int(i) => Value::from(*i),
                        other => panic!("{other:?}"),
                    })
                    .collect();
                if e.open && (!strict || e.documented) {
                    let alts = def["oneOf"].as_array().unwrap_or_else(|| panic!("{name}: {} is not oneOf: {def}", t.name));
                    assert_eq!(alts[0]["enum"], Value::from(known.clone()), "{name}: {}", t.name);
                    assert_eq!(alts[1]["not"]["enum"], Value::from(known), "{name}: {}", t.name);
                } else {
                    assert_eq!(def["enum"], Value::from(known), "{name}: {} (strict {strict})", t.name);
                }
            }
        }
        assert_ne!(ids[0], ids[1], "{name}: the readings have their own $id");
    }
}

#[test]
fn timestamps_are_one_node_with_their_forms() {
    let lenient: Value = serde_json::from_slice(&common::fwevents(&["schema", "onUserAgentAvailabilityUpdate"], b"").stdout).unwrap();
    let strict: Value =
        serde_json::from_slice(&common::fwevents(&["schema", "--strict", "onUserAgentAvailabilityUpdate"], b"").stdout).unwrap();
    // The envelope's documented forms: integer or float epoch, or a numeric string.
    let ts = &strict["properties"]["timestamp"];
    assert_eq!(ts["type"], serde_json::json!(["string", "number"]), "{ts}");
    assert_eq!(ts["pattern"], r"^-?\d{1,19}$", "{ts}");
    // Lenient: every form; the envelope is required and not null, as every real payload has it.
    let ts = &lenient["properties"]["timestamp"];
    assert_eq!(ts["type"], serde_json::json!(["string", "number"]), "{ts}");
    assert_eq!(ts["pattern"].as_str().unwrap().matches("$|^").count(), 2, "three text forms: {ts}");
}
