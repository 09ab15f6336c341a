//! Emit TypeScript declarations (`.d.ts`) of every event, in both readings.
//!
//! Four files: `wire.d.ts` (the wire forms of timestamps and ids), `lenient.d.ts` and
//! `strict.d.ts` (every type of the spec, once per reading, in namespaces that mirror the
//! Rust modules: `Types`, then `<Product>.<Event>`), and `index.d.ts`, which re-exports the
//! readings as `Lenient` and `Strict`.
//!
//! The types say what the reading accepts and no more: `| null` only where the reading
//! allows null, `?` only where it allows absence, literal unions for closed enums and
//! `"A" | "B" | (string & {})` for open ones (the `& {}` keeps editors offering the known
//! values). Interfaces carry no index signature: TypeScript already lets a value hold more
//! properties than its type names (only object literals written in place are held to
//! exactly the listed ones), and an index signature would let a misspelt attribute through
//! as `unknown`.
//!
//! The strict reading also says when a `null` rule lets an attribute be null: an event's
//! `Data` is then its attributes (`DataBase`) intersected with a union of the cases where
//! the rule's condition holds and where it does not (see [`nulls`]).

mod nulls;
mod syntax;

use super::text;
use crate::ir::{ChangeOrder, EnumRepr, Event, Field, IdForm, Ir, Literal, ModuleId, Presence, Ty, TypeId, TypeKind};
use syntax::{base_name, prop_name, ts_literal};

/// A generated declaration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TsFile {
    /// Path relative to the output directory, e.g. `lenient.d.ts`.
    pub path: String,
    pub contents: String,
}

/// Which reading of the docs a declaration file describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    Lenient,
    Strict,
}

const HEADER: &str = "// @generated from spec/ by `cargo run -q --bin fwevents -- generate`. Do not edit by hand.\n\n";

/// Names at the root of a reading's file. A namespace or type further in with one of these
/// names would hide the root one from the references inside it.
const ROOT_NAMES: &[&str] = &["Types", "Wire", "AnyEvent", "EventName", "EventOf", "ByQualifiedName"];

/// Every declaration file, or why the IR cannot be written as TypeScript.
pub fn generate(ir: &Ir) -> Result<Vec<TsFile>, String> {
    check_names(ir)?;
    Ok(vec![
        TsFile { path: "index.d.ts".into(), contents: index(ir) },
        TsFile { path: "lenient.d.ts".into(), contents: reading_file(ir, Reading::Lenient) },
        TsFile { path: "strict.d.ts".into(), contents: reading_file(ir, Reading::Strict) },
        TsFile { path: "wire.d.ts".into(), contents: wire() },
    ])
}

/// The namespace path of a module from the root of a reading's file.
fn namespace(ir: &Ir, module: ModuleId) -> Vec<String> {
    match ir.events.iter().find(|e| e.module == module) {
        Some(event) => vec![ir.product_of(event).variant.clone(), event.variant.clone()],
        None => vec!["Types".into()],
    }
}

/// References from inside a namespace find root names unless something nearer has the
/// same name; refuse such specs rather than emit a reference to the wrong type.
fn check_names(ir: &Ir) -> Result<(), String> {
    let roots: Vec<&str> = ROOT_NAMES.iter().copied().chain(ir.products.iter().map(|p| p.variant.as_str())).collect();
    for (m, module) in ir.modules.iter().enumerate() {
        let ns = namespace(ir, m);
        for &id in &module.types {
            let name = &ir.ty(id).name;
            if roots.contains(&name.as_str()) || ns.iter().any(|n| n == name) {
                return Err(format!(
                    "{}: the type name {name} is also a namespace of the TypeScript declarations; give it another rust_name",
                    ir.ty(id).spec_path
                ));
            }
        }
    }
    for event in &ir.events {
        if roots.contains(&event.variant.as_str()) || event.variant == "AnyEvent" {
            return Err(format!("{}: the event's name {} is taken in the TypeScript declarations", event.file, event.variant));
        }
        // A strict `Data` with conditional nulls is `DataBase & (...)`, with `Exclude<>`:
        // a type of the event by either name would stand in for them.
        if !nulls::strict_data(&Writer { ir, reading: Reading::Strict }, event).is_empty() {
            let base = base_name(&ir.ty(event.data).name);
            for &id in &ir.modules[event.module].types {
                let name = &ir.ty(id).name;
                if *name == base || name == "Exclude" {
                    return Err(format!(
                        "{}: the type name {name} is taken in the TypeScript declarations of the event's strict Data; give it another rust_name",
                        ir.ty(id).spec_path
                    ));
                }
            }
        }
    }
    Ok(())
}

fn index(ir: &Ir) -> String {
    let mut s = String::from(HEADER);
    s.push_str("/**\n * Freshworks product event payloads, generated from the spec.\n *\n");
    s.push_str(" * Two readings of the documentation:\n");
    s.push_str(" * - {@link Lenient}: what real payloads do (ids in either form, every timestamp form,\n");
    s.push_str(" *   null for unset values, attributes left out, unknown values of open enums);\n");
    s.push_str(" * - {@link Strict}: the documentation to the letter.\n *\n");
    s.push_str(" * Each has `AnyEvent`, a union over every event discriminated by `event`:\n *\n");
    s.push_str(" * ```ts\n * function handle(payload: Lenient.AnyEvent) {\n");
    s.push_str(" *   if (payload.event === \"onAgentActivityCreate\") {\n");
    s.push_str(" *     payload.data?.agent_activity?.status; // Types.AgentStatusName | null | undefined\n");
    s.push_str(" *   }\n * }\n * ```\n *\n");
    s.push_str(" * Two products may raise events of the same name; then `event` narrows to both, and\n");
    s.push_str(" * the account's `domain` tells them apart (a string, so TypeScript cannot narrow on\n");
    s.push_str(" * it by itself: write a type guard returning `payload is Lenient.ByQualifiedName[K]`).\n");
    s.push_str(" * The products and their domain suffixes:\n");
    for p in &ir.products {
        let domains: Vec<String> = p.domains.iter().map(|d| format!("`{}`", comment(d))).collect();
        s.push_str(&format!(" * - {} (`{}`): {}\n", comment(&p.title), p.key, domains.join(", ")));
    }
    s.push_str(" */\n");
    s.push_str("export * as Lenient from \"./lenient.js\";\n");
    s.push_str("export * as Strict from \"./strict.js\";\n");
    s.push_str("export * as Wire from \"./wire.js\";\n");
    s
}

fn wire() -> String {
    let mut s = String::from(HEADER);
    s.push_str("// The wire forms of timestamps and ids. Timestamps are typed by the forms the spec gives\n");
    s.push_str("// them; a form's name says how to read it.\n\n");
    for (name, doc, ty) in TIMESTAMP_FORMS.iter().map(|(_, name, doc, ty)| (name, doc, ty)) {
        s.push_str(&format!("/** {doc} */\nexport type {name} = {ty};\n\n"));
    }
    let all: Vec<&str> = TIMESTAMP_FORMS.iter().map(|(_, name, _, _)| *name).collect();
    s.push_str("/** A timestamp in any of the forms real payloads use (the lenient reading). */\n");
    s.push_str(&format!("export type Timestamp = {};\n\n", all.join(" | ")));
    s.push_str("/** An id as real payloads send it: a string or an integer, whatever the docs say. */\n");
    s.push_str("export type Id = string | number;\n");
    s
}

/// The spec's timestamp form names, with the alias and TypeScript type of each.
const TIMESTAMP_FORMS: &[(&str, &str, &str, &str)] = &[
    ("iso8601", "Iso8601", "ISO 8601 date and time text, e.g. `\"2022-07-29T06:23:03.081Z\"`.", "string"),
    ("utc_text", "UtcText", "Date and time text ending in UTC, e.g. `\"2022-08-29 18:45:26 UTC\"`.", "`${string} UTC`"),
    ("epoch_millis", "EpochMillis", "Integer milliseconds since the Unix epoch, e.g. `1564592339214`.", "number"),
    ("epoch_seconds", "EpochSeconds", "Seconds since the Unix epoch, possibly with a fraction, e.g. `1661846750.123`.", "number"),
    (
        "epoch_millis_string",
        "EpochMillisString",
        "Milliseconds since the Unix epoch as a numeric string, e.g. `\"1724133753887\"`.",
        "`${number}`",
    ),
];

fn reading_file(ir: &Ir, reading: Reading) -> String {
    let mut s = String::from(HEADER);
    let (title, what) = match reading {
        Reading::Lenient => (
            "lenient",
            "what real payloads do: ids in either form, every timestamp form, null for unset values, attributes left out, unknown values of open enums",
        ),
        Reading::Strict => ("strict", "the documentation to the letter"),
    };
    s.push_str(&format!("// The {title} reading: {what}.\n\n"));
    s.push_str("import type * as Wire from \"./wire.js\";\n\n");
    let w = Writer { ir, reading };
    // The shared types.
    s.push_str("/** Types that more than one event uses. */\nexport namespace Types {\n");
    w.module_types(&mut s, 0, 1);
    s.push_str("}\n");
    for (p, product) in ir.products.iter().enumerate() {
        let events: Vec<&Event> = ir.events.iter().filter(|e| e.product == p).collect();
        if events.is_empty() {
            continue;
        }
        s.push_str(&format!("\n/** {} events. */\nexport namespace {} {{\n", comment(&product.title), product.variant));
        let members: Vec<String> = events.iter().map(|e| format!("{}.Payload", e.variant)).collect();
        s.push_str(&format!(
            "  /** Every {} event in the spec. */\n  export type AnyEvent = {};\n",
            comment(&product.title),
            members.join(" | ")
        ));
        for event in events {
            s.push('\n');
            s.push_str(&doc(1, &event_doc(ir, event)));
            s.push_str(&format!("  export namespace {} {{\n", event.variant));
            w.module_types(&mut s, event.module, 2);
            s.push_str("  }\n");
        }
        s.push_str("}\n");
    }
    let all: Vec<String> = ir.events.iter().map(|e| payload_ref(ir, e)).collect();
    s.push_str("\n/** Every event of the spec, discriminated by `event`. */\n");
    s.push_str(&format!("export type AnyEvent =\n  | {};\n\n", all.join("\n  | ")));
    s.push_str("/** The name of every event in the spec, as the envelope's `event` gives it. */\n");
    s.push_str("export type EventName = AnyEvent[\"event\"];\n\n");
    s.push_str("/** The payloads of the events named `N` (several when products share the name). */\n");
    s.push_str("export type EventOf<N extends EventName> = Extract<AnyEvent, { event: N }>;\n\n");
    s.push_str("/** Every event by `product/event`, the name the command line uses; the key to narrow on `domain`. */\n");
    s.push_str("export interface ByQualifiedName {\n");
    for e in &ir.events {
        s.push_str(&format!("  \"{}\": {};\n", ir.qualified_name(e), payload_ref(ir, e)));
    }
    s.push_str("}\n");
    s
}

fn payload_ref(ir: &Ir, e: &Event) -> String {
    format!("{}.{}.Payload", ir.product_of(e).variant, e.variant)
}

fn event_doc(ir: &Ir, event: &Event) -> Vec<String> {
    let mut lines = paragraph(event.description.trim());
    lines.push(String::new());
    lines.push(format!("Raised by {}; `event` is `\"{}\"`.", ir.product_of(event).title, event.name));
    if !event.rules.is_empty() {
        lines.push(String::new());
        lines.push("Rules the validator checks:".into());
        for rule in &event.rules {
            let only = if rule.strict_only { " (strict reading only)" } else { "" };
            lines.push(format!("- `{}`: {}{only}", rule.id, rule.description.trim()));
        }
    }
    lines
}

impl nulls::Types for Writer<'_> {
    fn ir(&self) -> &Ir {
        self.ir
    }

    fn nullable(&self, f: &Field) -> bool {
        Writer::nullable(self, f)
    }

    fn ty(&self, here: ModuleId, ty: &Ty, f: &Field) -> String {
        Writer::ty(self, here, ty, f)
    }
}

struct Writer<'a> {
    ir: &'a Ir,
    reading: Reading,
}

impl Writer<'_> {
    fn module_types(&self, s: &mut String, module: ModuleId, depth: usize) {
        let ids = &self.ir.modules[module].types;
        for (i, &id) in ids.iter().enumerate() {
            if i > 0 {
                s.push('\n');
            }
            self.type_def(s, id, module, depth);
        }
    }

    fn type_def(&self, s: &mut String, id: TypeId, here: ModuleId, depth: usize) {
        let t = self.ir.ty(id);
        let pad = "  ".repeat(depth);
        match &t.kind {
            TypeKind::Object(fields) => {
                let payload_of = self.ir.events.iter().find(|e| e.payload == id);
                let mut lines = paragraph(t.description.trim());
                if lines.is_empty() {
                    lines.push(format!("`{}` in the spec.", t.spec_path));
                }
                // A strict `Data` whose rules make attributes null under a condition: its
                // attributes as `DataBase`, then `Data`, which says when.
                let strict = match self.ir.events.iter().find(|e| e.data == id) {
                    Some(event) if self.reading == Reading::Strict => Some(nulls::strict_data(self, event)),
                    _ => None,
                };
                // What the types leave to the validator is said either way.
                if let Some(c) = strict.as_ref().filter(|c| c.is_empty() && !c.doc.is_empty()) {
                    lines.push(String::new());
                    lines.extend(c.doc.iter().cloned());
                }
                let conditions = strict.filter(|c| !c.is_empty());
                let name = match &conditions {
                    Some(_) => {
                        let base = base_name(&t.name);
                        s.push_str(&doc(
                            depth,
                            &[format!(
                                "The attributes of `{}` as their types give them: an attribute a `null` rule lets be null under a condition is `T | null` here, and `{}` says when it is null.",
                                t.name, t.name
                            )],
                        ));
                        base
                    }
                    None => {
                        s.push_str(&doc(depth, &lines));
                        t.name.clone()
                    }
                };
                s.push_str(&format!("{pad}export interface {name} {{"));
                if !fields.is_empty() {
                    s.push('\n');
                }
                for f in fields {
                    s.push_str(&doc(depth + 1, &self.field_doc(f)));
                    let ty = match payload_of {
                        // The envelope's `event` is the discriminant of the union of events.
                        Some(event) if f.wire == "event" => format!("\"{}\"", event.name),
                        _ => self.field_type(here, f),
                    };
                    let optional = if self.presence(f).optional { "?" } else { "" };
                    s.push_str(&format!("{pad}  {}{optional}: {ty};\n", prop_name(&f.wire)));
                }
                if fields.is_empty() {
                    s.push_str("}\n");
                } else {
                    s.push_str(&format!("{pad}}}\n"));
                }
                if let Some(c) = conditions {
                    lines.push(String::new());
                    lines.extend(c.doc.iter().cloned());
                    s.push('\n');
                    s.push_str(&doc(depth, &lines));
                    s.push_str(&c.declaration(&t.name, &base_name(&t.name), depth));
                }
            }
            TypeKind::Enum(e) => {
                let mut lines = paragraph(t.description.trim());
                if !lines.is_empty() {
                    lines.push(String::new());
                }
                for v in &e.variants {
                    let name = match (&v.wire, e.repr) {
                        (Literal::Int(_), EnumRepr::Int) => format!(" ({})", v.ident),
                        _ => String::new(),
                    };
                    let desc = v.description.trim();
                    let sep = if desc.is_empty() { "" } else { ": " };
                    lines.push(format!("- `{}`{name}{sep}{desc}", text::literal(&v.wire)));
                }
                let open = e.open && (self.reading == Reading::Lenient || e.documented);
                if e.documented {
                    lines.push(String::new());
                    lines.push("Open: the page says other values occur (e.g. custom names); both readings accept them.".into());
                } else if open {
                    lines.push(String::new());
                    lines.push("Open: other values are read too, and kept.".into());
                } else if e.open {
                    lines.push(String::new());
                    lines.push("Open in the lenient reading; the strict one allows only the listed values.".into());
                }
                s.push_str(&doc(depth, &lines));
                let mut members: Vec<String> = e.variants.iter().map(|v| ts_literal(&v.wire)).collect();
                if open {
                    members.push(if e.repr == EnumRepr::Int { "(number & {})".into() } else { "(string & {})".into() });
                }
                if members.is_empty() {
                    members.push("never".into());
                }
                s.push_str(&format!("{pad}export type {} = {};\n", t.name, members.join(" | ")));
            }
        }
    }

    fn presence(&self, f: &Field) -> Presence {
        match self.reading {
            Reading::Lenient => f.lenient,
            Reading::Strict => f.strict,
        }
    }

    /// Whether the attribute's own type admits null. In the strict reading an attribute a
    /// rule lets be null under a condition does, in every event that shares its type: the
    /// strict `Data` of an event whose rule names it says when ([`nulls`]).
    fn nullable(&self, f: &Field) -> bool {
        self.presence(f).nullable || (self.reading == Reading::Strict && !f.null_when.is_empty())
    }

    fn field_type(&self, here: ModuleId, f: &Field) -> String {
        let ty = self.ty(here, &f.ty, f);
        if self.nullable(f) {
            format!("{ty} | null")
        } else {
            ty
        }
    }

    fn ty(&self, here: ModuleId, ty: &Ty, f: &Field) -> String {
        let strict = self.reading == Reading::Strict;
        match ty {
            Ty::String => "string".into(),
            Ty::Integer | Ty::Number => "number".into(),
            Ty::Boolean => "boolean".into(),
            Ty::Any | Ty::Unresolved => "unknown".into(),
            Ty::Id if strict => match f.id_form {
                Some(IdForm::Integer) => "number".into(),
                _ => "string".into(),
            },
            Ty::Id => "Wire.Id".into(),
            Ty::Timestamp if strict => {
                let forms: Vec<&str> = TIMESTAMP_FORMS
                    .iter()
                    .filter(|(form, ..)| f.formats.iter().any(|x| x.name() == *form))
                    .map(|(_, name, ..)| *name)
                    .collect();
                if forms.is_empty() {
                    "Wire.Timestamp".into()
                } else {
                    forms.iter().map(|n| format!("Wire.{n}")).collect::<Vec<_>>().join(" | ")
                }
            }
            Ty::Timestamp => "Wire.Timestamp".into(),
            Ty::Change(ChangeOrder::OldNew) => "[old: unknown, new: unknown]".into(),
            Ty::Change(ChangeOrder::NewOld) => "[new: unknown, old: unknown]".into(),
            Ty::Array(item) => {
                // Items are never null, in either reading (the validator reports null items).
                let item = self.ty(here, item, f);
                if item.contains(' ') {
                    format!("({item})[]")
                } else {
                    format!("{item}[]")
                }
            }
            Ty::Map(value) => {
                // Keys are data; the lenient reading lets a value be null.
                let value = self.ty(here, value, f);
                if strict {
                    format!("{{ [key: string]: {value} }}")
                } else {
                    format!("{{ [key: string]: {value} | null }}")
                }
            }
            Ty::Named(id) => {
                let t = self.ir.ty(*id);
                if t.module == here {
                    t.name.clone()
                } else {
                    format!("{}.{}", namespace(self.ir, t.module).join("."), t.name)
                }
            }
        }
    }

    fn field_doc(&self, f: &Field) -> Vec<String> {
        let mut lines = paragraph(f.description.trim());
        for note in &f.notes {
            lines.push(String::new());
            lines.extend(paragraph(note.trim()));
        }
        if let Some(q) = &f.quirk {
            lines.push(String::new());
            lines.extend(paragraph(&format!("Where the docs differ: {}", q.trim())));
        }
        let mut wire = Vec::new();
        if has(&f.ty, &|t| *t == Ty::Timestamp) {
            let forms: Vec<&str> = TIMESTAMP_FORMS
                .iter()
                .filter(|(form, ..)| f.formats.iter().any(|x| x.name() == *form))
                .map(|(_, name, ..)| *name)
                .collect();
            wire.push(match self.reading {
                Reading::Strict => format!("Timestamp, documented as {}.", forms.join(" or ")),
                Reading::Lenient => format!("Timestamp in any form; documented as {}.", forms.join(" or ")),
            });
        }
        if has(&f.ty, &|t| *t == Ty::Id) {
            let form = if f.id_form == Some(IdForm::Integer) { "an integer" } else { "a string" };
            wire.push(match self.reading {
                Reading::Strict => format!("An id, documented as {form}."),
                Reading::Lenient => {
                    format!("An id, documented as {form}; read in either form.")
                }
            });
        }
        if !wire.is_empty() {
            lines.push(String::new());
            lines.extend(wire);
        }
        let other = match self.reading {
            Reading::Lenient => f.strict,
            Reading::Strict => f.lenient,
        };
        if other != self.presence(f) {
            let name = if self.reading == Reading::Lenient { "Strict" } else { "Lenient" };
            lines.push(String::new());
            lines.push(format!("{name} reading: {}.", text::presence(other)));
        }
        let when = text::null_when(f);
        if !when.is_empty() {
            lines.push(String::new());
            lines.extend(when.into_iter().map(|w| format!("Strict reading: {w}.")));
        }
        lines
    }
}

/// Whether `ty` is or holds a type for which `pred` holds.
fn has(ty: &Ty, pred: &dyn Fn(&Ty) -> bool) -> bool {
    match ty {
        Ty::Array(inner) | Ty::Map(inner) => has(inner, pred),
        other => pred(other),
    }
}

/// Folded spec text as comment lines (the spec's `>` blocks are already one line).
fn paragraph(text: &str) -> Vec<String> {
    if text.is_empty() {
        return Vec::new();
    }
    text.lines().map(|l| l.trim_end().to_string()).collect()
}

/// Spec text as it may stand inside a `/** */` comment: a `*/` in it would end the comment
/// early and make the rest TypeScript. Every piece of spec text in a comment goes through here.
fn comment(text: &str) -> String {
    text.replace("*/", "*\\/")
}

/// A TSDoc comment at `depth`.
fn doc(depth: usize, lines: &[String]) -> String {
    let pad = "  ".repeat(depth);
    let clean = comment;
    match lines {
        [] => String::new(),
        [one] => format!("{pad}/** {} */\n", clean(one)),
        many => {
            let mut s = format!("{pad}/**\n");
            for l in many {
                if l.is_empty() {
                    s.push_str(&format!("{pad} *\n"));
                } else {
                    s.push_str(&format!("{pad} * {}\n", clean(l)));
                }
            }
            s.push_str(&format!("{pad} */\n"));
            s
        }
    }
}
