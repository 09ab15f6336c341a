//! Emit the npm package: the TypeScript declarations, the JSON Schemas of both readings,
//! and a validator for Node.js that reports what the Rust validator reports.
//!
//! The validator is one hand-written engine (`npm/engine.cjs`, the same for every spec)
//! and the spec as data (`spec.json`): types, attributes, presence in both readings, enum
//! values and rules. Spec text reaches the package only as JSON string values written by
//! serde_json, never as JavaScript source, so no name or description in a spec can become
//! code. The messages the engine builds from the spec (an enum's "one of ..." list) are
//! made here, by the same formatting the derive uses, so they read exactly as Rust's.

use serde_json::{json, Value};

use super::schema::{self, Reading};
use crate::ir::{ChangeOrder, Check, CondOp, EnumRepr, Field, Ir, Literal, Path, Rule, Ty, TypeKind};

/// A file of the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NpmFile {
    /// Path relative to the package folder, e.g. `schema/strict/freshchat/onAgentActivityCreate.json`.
    pub path: String,
    pub contents: String,
}

/// The package's name on npm.
pub const PACKAGE: &str = "freshworks-events";

const ENGINE: &str = include_str!("npm/engine.cjs");
const INDEX_CJS: &str = include_str!("npm/index.cjs");
const INDEX_MJS: &str = include_str!("npm/index.mjs");
const INDEX_DTS: &str = include_str!("npm/index.d.ts");

/// Every file of the package, for the models crate at `version` (the package's version
/// follows it, so a spec change that is a minor release of the crate is one of the package).
pub fn generate(ir: &Ir, version: &str) -> Result<Vec<NpmFile>, String> {
    let mut files = vec![
        NpmFile { path: "package.json".into(), contents: package_json(ir, version) },
        NpmFile { path: "index.cjs".into(), contents: INDEX_CJS.into() },
        NpmFile { path: "index.mjs".into(), contents: INDEX_MJS.into() },
        NpmFile { path: "index.d.ts".into(), contents: INDEX_DTS.into() },
        NpmFile { path: "engine.cjs".into(), contents: ENGINE.into() },
        NpmFile { path: "spec.json".into(), contents: pretty(&tables(ir, version)) },
    ];
    for ts in super::typescript::generate(ir)? {
        files.push(NpmFile { path: format!("types/{}", ts.path), contents: ts.contents });
    }
    for reading in [Reading::Lenient, Reading::Strict] {
        for event in &ir.events {
            files.push(NpmFile {
                path: format!("schema/{}/{}/{}.json", reading.key(), ir.product_of(event).key, event.name),
                contents: schema::to_string(&schema::event_schema(ir, event, reading)),
            });
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

fn pretty(v: &Value) -> String {
    // Serializing a `Value` cannot fail.
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

fn package_json(ir: &Ir, version: &str) -> String {
    let events: Vec<String> = ir.events.iter().map(|e| ir.qualified_name(e)).collect();
    let v = json!({
        "name": PACKAGE,
        "version": version,
        "description": format!(
            "Types, JSON Schemas and a validator for Freshworks product event payloads ({}), generated from the spec",
            events.join(", ")
        ),
        "license": "MIT OR Apache-2.0",
        "keywords": ["freshworks", "webhook", "events", "json-schema", "typescript", "validation"],
        "type": "commonjs",
        "main": "./index.cjs",
        "types": "./index.d.ts",
        "exports": {
            ".": { "types": "./index.d.ts", "import": "./index.mjs", "require": "./index.cjs" },
            "./schema/*": "./schema/*",
            "./types/*": "./types/*",
            "./package.json": "./package.json"
        },
        "files": ["index.cjs", "index.mjs", "index.d.ts", "engine.cjs", "spec.json", "types", "schema"],
        "engines": { "node": ">=18" },
        "sideEffects": false
    });
    pretty(&v)
}

/// The spec as the engine reads it.
fn tables(ir: &Ir, version: &str) -> Value {
    let products: Vec<Value> = ir.products.iter().map(|p| json!({ "key": p.key, "title": p.title, "domains": p.domains })).collect();
    let events: Vec<Value> = ir
        .events
        .iter()
        .map(|e| {
            json!({
                "product": ir.product_of(e).key,
                "name": e.name,
                "payload": e.payload.index(),
                "rules": e.rules.iter().map(rule).collect::<Vec<_>>(),
            })
        })
        .collect();
    let types: Vec<Value> = ir
        .types
        .iter()
        .map(|t| match &t.kind {
            TypeKind::Object(fields) => json!({ "name": t.name, "fields": fields.iter().map(field).collect::<Vec<_>>() }),
            TypeKind::Enum(e) => {
                let int = e.repr == EnumRepr::Int;
                let shown: Vec<String> = e.variants.iter().map(|v| shown(&v.wire)).collect();
                json!({
                    "name": t.name,
                    "enum": {
                        "int": int,
                        "open": e.open,
                        "documented": e.documented,
                        "values": e.variants.iter().map(|v| lit(&v.wire)).collect::<Vec<_>>(),
                        "expected": format!("one of {}", shown.join(", ")),
                    }
                })
            }
        })
        .collect();
    json!({ "version": version, "products": products, "events": events, "types": types })
}

/// An enum value as the derive shows it in "one of ..." (a string as Rust's `{:?}`).
fn shown(l: &Literal) -> String {
    match l {
        Literal::Str(s) => format!("{s:?}"),
        Literal::Int(i) => i.to_string(),
        Literal::Bool(b) => b.to_string(),
        Literal::Float(f) => f.to_string(),
    }
}

/// A literal, tagged so that an integer keeps all 64 bits (JavaScript numbers do not).
fn lit(l: &Literal) -> Value {
    match l {
        Literal::Str(s) => json!({ "str": s }),
        Literal::Int(i) => json!({ "int": i.to_string() }),
        Literal::Bool(b) => json!({ "bool": b }),
        Literal::Float(f) => json!({ "float": f }),
    }
}

fn ty(t: &Ty) -> Value {
    match t {
        Ty::String => json!("string"),
        Ty::Integer => json!("integer"),
        Ty::Number => json!("number"),
        Ty::Boolean => json!("boolean"),
        Ty::Timestamp => json!("timestamp"),
        Ty::Id => json!("id"),
        Ty::Any | Ty::Unresolved => json!("any"),
        Ty::Change(ChangeOrder::OldNew) => json!({ "change": "old_new" }),
        Ty::Change(ChangeOrder::NewOld) => json!({ "change": "new_old" }),
        Ty::Array(item) => json!({ "array": ty(item) }),
        Ty::Map(item) => json!({ "map": ty(item) }),
        Ty::Named(id) => json!({ "type": id.index() }),
    }
}

fn field(f: &Field) -> Value {
    // As the Rust declarations carry them: forms only on a timestamp or an array of them.
    let leaf = match &f.ty {
        Ty::Array(item) => item.as_ref(),
        other => other,
    };
    let forms: Vec<&str> = if *leaf == Ty::Timestamp { f.formats.iter().map(|f| f.name()).collect() } else { Vec::new() };
    json!({
        "wire": f.wire,
        "ty": ty(&f.ty),
        "strict": { "nullable": f.strict.nullable, "optional": f.strict.optional },
        "lenient": { "nullable": f.lenient.nullable, "optional": f.lenient.optional },
        "forms": forms,
        "id": f.id_form.map(|i| i.name()),
        "utc": f.utc,
    })
}

/// A rule path as its steps, `[]` after an array's name: `["actor", "social_profiles[]", "type"]`.
fn path(p: &Path) -> Value {
    json!(p.steps.iter().map(|s| if s.each { format!("{}[]", s.wire) } else { s.wire.clone() }).collect::<Vec<_>>())
}

fn rule(r: &Rule) -> Value {
    let when = r.when.as_ref().map(|c| match &c.op {
        CondOp::Equals(l) => json!({ "path": path(&c.path), "in": [lit(l)] }),
        CondOp::In(ls) => json!({ "path": path(&c.path), "in": ls.iter().map(lit).collect::<Vec<_>>() }),
        CondOp::NotIn(ls) => json!({ "path": path(&c.path), "not_in": ls.iter().map(lit).collect::<Vec<_>>() }),
    });
    let check = match &r.check {
        Check::Null(paths) => json!({ "null": paths.iter().map(path).collect::<Vec<_>>() }),
        Check::Equals(p, l) => json!({ "one_of": [path(p), [lit(l)]] }),
        Check::OneOf(p, ls) => json!({ "one_of": [path(p), ls.iter().map(lit).collect::<Vec<_>>()] }),
        Check::Same(a, b) => json!({ "same": [path(a), path(b)] }),
        Check::NotAfter(a, b) => json!({ "not_after": [path(a), path(b)] }),
        Check::KeysOf { map, names } => json!({ "keys_of": [path(map), names] }),
    };
    json!({
        "id": r.id,
        "description": r.description.trim(),
        "strict_only": r.strict_only,
        "when": when,
        "check": check,
    })
}
