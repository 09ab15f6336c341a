//! Check and resolve: the loaded [`model`](crate::model) into the [`ir`](crate::ir).
//!
//! Every problem is reported, with the file, the attribute path and the position, and
//! resolution carries on past it so that one run shows them all. A spec that resolves
//! without diagnostics always yields Rust that compiles.

use std::collections::HashMap;

use crate::diag::{closest, Diagnostic, Diagnostics};
use crate::ir::{self, ChangeOrder, EnumRepr, Ir, ModuleId, Ty, TypeId, TypeKind};
use crate::model::{self, Attr, Defaults, Literal, Loc, Presence, PresencePatch, Spec, TypeExpr};
use crate::names::{editor_ident, field_ident, type_ident};

const BUILTINS: &[&str] = &["string", "integer", "number", "boolean", "timestamp", "id", "any", "object", "array", "map", "change"];
/// The field that keeps attributes the spec does not list.
pub const UNKNOWN_FIELDS: &str = "unknown_fields";
/// Methods every generated builder has besides one setter per attribute.
const BUILDER_METHODS: &[&str] = &["build", "build_in", "into_inner", "unknown_field"];
/// Names of the Rust prelude (and the derives) that generated code uses unqualified: a
/// generated type of that name would shadow it in its module.
pub(crate) const PRELUDE: &[&str] = &[
    "Copy",
    "Send",
    "Sized",
    "Sync",
    "Unpin",
    "Drop",
    "Fn",
    "FnMut",
    "FnOnce",
    "Box",
    "ToOwned",
    "Clone",
    "PartialEq",
    "PartialOrd",
    "Eq",
    "Ord",
    "AsRef",
    "AsMut",
    "Into",
    "From",
    "Default",
    "Iterator",
    "Extend",
    "IntoIterator",
    "DoubleEndedIterator",
    "ExactSizeIterator",
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "String",
    "ToString",
    "Vec",
    "TryFrom",
    "TryInto",
    "FromIterator",
    "Debug",
    "Hash",
];
/// Names at the root of the models crate, beside the product modules: its own modules, the
/// crates generated code names by path, and the standard crates.
const RESERVED_MODULES: &[&str] =
    &["types", "runtime", "rt", "spec", "envelope", "serde", "serde_json", "thiserror", "std", "core", "alloc"];
/// The most attributes one object may have: rustc overflows its stack on the code generated
/// for 10,000, and no payload comes near a thousand.
pub const MAX_ATTRIBUTES: usize = 1_000;
/// The deepest nesting of objects below an event's envelope (named types included).
pub const MAX_OBJECT_DEPTH: usize = 32;
/// The most attribute paths an event may expand to (what its reference page lists, one row
/// each): shared types used twice at every level would otherwise double them per level.
pub const MAX_PATHS_PER_EVENT: usize = 20_000;

pub fn resolve(spec: &Spec, diags: &mut Diagnostics) -> Option<Ir> {
    let before = diags.len();
    let mut r = Resolver {
        diags,
        defaults: spec.defaults.unwrap_or(Defaults {
            strict: Presence { nullable: false, optional: false },
            lenient: Presence { nullable: true, optional: true },
            lenient_top: None,
        }),
        ir: Ir { products: Vec::new(), modules: Vec::new(), types: Vec::new(), events: Vec::new() },
        shared: HashMap::new(),
        examples: Vec::new(),
        type_locs: Vec::new(),
        field_locs: HashMap::new(),
    };
    if spec.defaults.is_none() {
        r.error(&Loc { file: "spec.yaml".into(), pos: None }, "defaults", "no file gives `defaults`");
    }
    r.products(spec);
    r.run(spec);
    if r.diags.len() > before {
        None
    } else {
        Some(r.ir)
    }
}

struct Resolver<'d> {
    diags: &'d mut Diagnostics,
    defaults: Defaults,
    ir: Ir,
    /// Shared named types by spec name.
    shared: HashMap<String, TypeId>,
    /// Examples to check once every type is resolved.
    examples: Vec<(Loc, String, Ty, Literal)>,
    /// Where each type of `ir.types` is defined, by id.
    type_locs: Vec<Loc>,
    /// Where each attribute is, by its object type and wire name.
    field_locs: HashMap<(TypeId, String), Loc>,
}

/// Where a type expression is being resolved.
#[derive(Clone)]
struct Scope<'a> {
    module: ModuleId,
    /// Named types local to the event, by spec name.
    local: &'a HashMap<String, TypeId>,
    /// The event's `Data` type, for the envelope's `data` attribute.
    data: Option<TypeId>,
}

impl Resolver<'_> {
    fn error(&mut self, loc: &Loc, path: &str, message: impl Into<String>) {
        self.diags.push(Diagnostic::new(&loc.file, loc.pos, path, message));
    }

    fn products(&mut self, spec: &Spec) {
        if spec.products.is_empty() {
            self.error(&Loc { file: "spec.yaml".into(), pos: None }, "products", "no products are defined");
        }
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut seen_variants: HashMap<String, String> = HashMap::new();
        for p in &spec.products {
            let path = format!("products.{}", p.key);
            if let Err(why) = crate::names::check_spec_name(&p.key) {
                self.error(&p.loc, &path, format!("product key \"{}\" {why}", p.key));
                continue;
            }
            let (Some(ident), Some(variant)) = (field_ident(&p.key), type_ident(&p.key)) else {
                self.error(&p.loc, &path, "the product key cannot be turned into a Rust identifier");
                continue;
            };
            if RESERVED_MODULES.contains(&ident.as_str()) {
                self.error(
                    &p.loc,
                    &path,
                    format!("product \"{}\" would be Rust module `{ident}`, a name the models crate already uses", p.key),
                );
                continue;
            }
            if let Some(other) = seen.insert(ident.clone(), p.key.clone()) {
                self.error(&p.loc, &path, format!("product \"{}\" collides with \"{other}\" as Rust module `{ident}`", p.key));
                continue;
            }
            if let Some(other) = seen_variants.insert(variant.clone(), p.key.clone()) {
                self.error(&p.loc, &path, format!("product \"{}\" collides with \"{other}\" as Rust variant `{variant}`", p.key));
                continue;
            }
            // A domain is matched against the envelope's `domain` and shown in the docs and
            // the TypeScript header: a host name suffix, nothing that could be markup or code.
            for (i, d) in p.domains.iter().enumerate() {
                let host = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.';
                if d.is_empty() || d.len() > 253 || !d.chars().all(host) {
                    let shown = crate::safe::escape(d);
                    self.error(
                        &p.loc,
                        &format!("{path}.domains[{i}]"),
                        format!("domain \"{shown}\" is not a host name suffix (lowercase letters, digits, `-` and `.`, at most 253)"),
                    );
                }
            }
            self.ir.products.push(ir::Product { key: p.key.clone(), ident, variant, title: p.title.clone(), domains: p.domains.clone() });
        }
    }

    fn new_type(&mut self, name: String, module: ModuleId, spec_path: String, description: String, loc: &Loc) -> TypeId {
        self.type_locs.push(loc.clone());
        self.ir.types.push(ir::TypeDef { name, module, spec_path, description, kind: TypeKind::Object(Vec::new()) });
        TypeId(self.ir.types.len() - 1)
    }

    fn run(&mut self, spec: &Spec) {
        let shared_file = spec.types.first().map(|t| t.loc.file.clone()).unwrap_or_else(|| "types.yaml".into());
        self.ir.modules.push(ir::Module { path: vec!["types".into()], source: shared_file, types: Vec::new() });

        // Hand out ids first so that types may refer to each other in any order.
        for def in &spec.types {
            if let Some(id) = self.declare(def, 0, "types") {
                if self.shared.insert(def.name.clone(), id).is_some() {
                    self.error(&def.loc, &format!("types.{}", def.name), format!("type \"{}\" is defined twice", def.name));
                }
            }
        }
        let mut events = Vec::new();
        let mut seen_events: HashMap<(String, String), String> = HashMap::new();
        // Two events of a product may not share a module (and output file), nor two events
        // of the spec a variant of `Event` and `EventKind` (the product's name and the
        // event's, so that two products' events of one name differ).
        let mut seen_modules: HashMap<(usize, String), String> = HashMap::new();
        let mut seen_variants: HashMap<String, String> = HashMap::new();
        for event in &spec.events {
            if let Err(why) = crate::names::check_spec_name(&event.name) {
                self.error(&event.loc, "event", format!("event name \"{}\" {why}", event.name));
                continue;
            }
            let Some(product) = self.ir.products.iter().position(|p| p.key == event.product) else {
                let keys: Vec<&str> = self.ir.products.iter().map(|p| p.key.as_str()).collect();
                let hint = closest(&event.product, &keys).map(|k| format!(" (did you mean \"{k}\"?)")).unwrap_or_default();
                self.error(&event.loc, "product", format!("unknown product \"{}\"{hint}", event.product));
                continue;
            };
            let key = (event.product.clone(), event.name.clone());
            if let Some(other) = seen_events.insert(key, event.loc.file.clone()) {
                self.error(&event.loc, "event", format!("event {}/{} is also defined in {other}", event.product, event.name));
                continue;
            }
            let (Some(module_ident), Some(variant)) = (field_ident(&event.name), type_ident(&event.name)) else {
                self.error(&event.loc, "event", "the event name cannot be turned into a Rust identifier");
                continue;
            };
            if let Some(other) = seen_modules.insert((product, module_ident.clone()), event.name.clone()) {
                self.error(
                    &event.loc,
                    "event",
                    format!("event \"{}\" collides with \"{other}\" of the same product as Rust module `{module_ident}`", event.name),
                );
                continue;
            }
            let flat = format!("{}{variant}", self.ir.products[product].variant);
            let qualified = format!("{}/{}", event.product, event.name);
            if let Some(other) = seen_variants.insert(flat.clone(), qualified.clone()) {
                self.error(&event.loc, "event", format!("event {qualified} collides with {other} as Rust variant `{flat}`"));
                continue;
            }
            let module = self.ir.modules.len();
            self.ir.modules.push(ir::Module {
                path: vec![self.ir.products[product].ident.clone(), module_ident],
                source: event.loc.file.clone(),
                types: Vec::new(),
            });
            let mut local = HashMap::new();
            for def in &event.types {
                if self.shared.contains_key(&def.name) {
                    self.error(
                        &def.loc,
                        &format!("types.{}", def.name),
                        format!("type \"{}\" is also a shared type in types.yaml", def.name),
                    );
                    continue;
                }
                if let Some(id) = self.declare(def, module, "types") {
                    if local.insert(def.name.clone(), id).is_some() {
                        self.error(&def.loc, &format!("types.{}", def.name), format!("type \"{}\" is defined twice", def.name));
                    }
                }
            }
            events.push((event, product, module, variant, local));
        }

        let no_local = HashMap::new();
        for def in &spec.types {
            if let Some(&id) = self.shared.get(&def.name) {
                let scope = Scope { module: 0, local: &no_local, data: None };
                self.define(id, def, &scope);
            }
        }
        for (event, product, module, variant, local) in events {
            self.event(spec, event, product, module, variant, &local);
        }
        self.check_type_names();
        self.check_recursion();
        self.check_size();
        for (loc, path, ty, example) in std::mem::take(&mut self.examples) {
            if !self.example_fits(&ty, &example) {
                let what = self.ty_name(&ty);
                self.error(&loc, &path, format!("example {example} does not fit type {what}"));
            }
        }
    }

    /// Gives a named type its id; the body is resolved by [`Self::define`].
    fn declare(&mut self, def: &model::TypeDef, module: ModuleId, section: &str) -> Option<TypeId> {
        let path = format!("{section}.{}", def.name);
        if type_ident(&def.name).as_deref() != Some(def.name.as_str()) {
            self.error(
                &def.loc,
                &path,
                format!("type names are written in UpperCamelCase (\"{}\")", type_ident(&def.name).unwrap_or_default()),
            );
            return None;
        }
        let id = self.new_type(def.name.clone(), module, path, def.ty.description.clone(), &def.loc);
        Some(id)
    }

    fn define(&mut self, id: TypeId, def: &model::TypeDef, scope: &Scope<'_>) {
        self.ir.modules[scope.module].types.push(id);
        let path = self.ir.types[id].spec_path.clone();
        let expr = &def.ty;
        let is_enum = matches!(expr.name.as_str(), "string" | "integer") && expr.enum_values.is_some();
        if expr.name != "object" && !is_enum {
            self.error(&def.loc, &path, format!("a named type is an object or an enum, not \"{}\"", expr.name));
            return;
        }
        if expr.rust_name.is_some() {
            self.error(&def.loc, &path, "a named type is already named; drop `rust_name`");
        }
        let kind = if is_enum { self.enum_kind(expr, &path) } else { self.object_kind(id, &expr.fields, &path, scope) };
        if let Some(kind) = kind {
            self.ir.types[id].kind = kind;
        }
    }

    fn event(
        &mut self,
        spec: &Spec,
        event: &model::Event,
        product: usize,
        module: ModuleId,
        variant: String,
        local: &HashMap<String, TypeId>,
    ) {
        let payload = self.new_type(
            "Payload".into(),
            module,
            "envelope".into(),
            format!("A whole {} payload: the envelope and its `data`.", event.name),
            &event.loc,
        );
        let data = self.new_type("Data".into(), module, "data".into(), event.description.clone(), &event.loc);
        let scope = Scope { module, local, data: Some(data) };
        self.ir.modules[module].types.push(payload);
        if spec.envelope.is_empty() {
            self.error(&event.loc, "envelope", "no file gives the `envelope`");
        }
        if let Some(kind) = self.object_kind(payload, &spec.envelope, "envelope", &scope) {
            self.ir.types[payload].kind = kind;
        }
        self.check_envelope(spec, payload, data);
        self.ir.modules[module].types.push(data);
        if let Some(kind) = self.object_kind(data, &event.data, "data", &scope) {
            self.ir.types[data].kind = kind;
        }
        for def in &event.types {
            if let Some(&id) = local.get(&def.name) {
                self.define(id, def, &scope);
            }
        }
        self.specialise(data, &event.name, module, &mut HashMap::new(), 0);
        let rules: Vec<ir::Rule> = event.rules.iter().filter_map(|rule| self.rule(rule, data)).collect();
        self.conditional_nulls(&rules, data, &event.name);
        let mut seen = HashMap::new();
        for rule in &event.rules {
            if seen.insert(rule.id.as_str(), ()).is_some() {
                self.error(&rule.loc, &format!("rules.{}", rule.id), format!("rule id \"{}\" is used twice", rule.id));
            }
        }
        self.ir.events.push(ir::Event {
            name: event.name.clone(),
            product,
            module,
            variant,
            payload,
            data,
            source: event.source.clone(),
            file: event.loc.file.clone(),
            description: event.description.clone(),
            rules,
            quirks: event.quirks.clone(),
        });
    }

    /// Gives the event its own reading of the shared types it uses where its page lists
    /// fewer attributes (`doc.only` names the events whose pages list one): a copy in the
    /// event's module, of the same name, without the attributes this page does not list, so
    /// strict mode reports them as undocumented here and requires them where they are
    /// listed. Types of the event itself are changed in place; a shared type that needs no
    /// change stays shared. Returns the type the event uses for `id`.
    fn specialise(&mut self, id: TypeId, event: &str, module: ModuleId, memo: &mut HashMap<TypeId, TypeId>, depth: usize) -> TypeId {
        if let Some(&done) = memo.get(&id) {
            return done;
        }
        // Deeper than any spec may nest (check_size reports it): stop rather than recurse.
        if depth > MAX_OBJECT_DEPTH {
            return id;
        }
        if !matches!(self.ir.types[id].kind, TypeKind::Object(_)) {
            return id;
        }
        // A type met again on the way down (through an array or map) stays as it is.
        memo.insert(id, id);
        let old = self.ir.fields(id).to_vec();
        let mut fields = Vec::with_capacity(old.len());
        for f in &old {
            if !f.doc.only.is_empty() && !f.doc.only.iter().any(|e| e == event) {
                continue;
            }
            let mut f = f.clone();
            f.ty = self.specialise_ty(&f.ty, event, module, memo, depth + 1);
            fields.push(f);
        }
        let changed = fields.len() != old.len() || fields.iter().zip(&old).any(|(a, b)| a.ty != b.ty);
        if !changed {
            return id;
        }
        if self.ir.types[id].module == module {
            self.ir.types[id].kind = TypeKind::Object(fields);
            return id;
        }
        let t = self.ir.types[id].clone();
        let loc = self.type_locs[id.0].clone();
        let copy = self.new_type(
            t.name.clone(),
            module,
            t.spec_path.clone(),
            format!("{}\n\nThis event's reading of the shared type: only the attributes its page lists.", t.description.trim()),
            &loc,
        );
        for f in &fields {
            if let Some(l) = self.field_locs.get(&(id, f.wire.clone())).cloned() {
                self.field_locs.insert((copy, f.wire.clone()), l);
            }
        }
        self.ir.types[copy].kind = TypeKind::Object(fields);
        self.ir.modules[module].types.push(copy);
        memo.insert(id, copy);
        copy
    }

    fn specialise_ty(&mut self, ty: &Ty, event: &str, module: ModuleId, memo: &mut HashMap<TypeId, TypeId>, depth: usize) -> Ty {
        match ty {
            Ty::Array(inner) => Ty::Array(Box::new(self.specialise_ty(inner, event, module, memo, depth))),
            Ty::Map(inner) => Ty::Map(Box::new(self.specialise_ty(inner, event, module, memo, depth))),
            Ty::Named(id) => Ty::Named(self.specialise(*id, event, module, memo, depth)),
            other => other.clone(),
        }
    }

    /// Records, on each attribute a `null` rule names that is not nullable by itself, the
    /// condition under which strict mode allows its null.
    fn conditional_nulls(&mut self, rules: &[ir::Rule], data: TypeId, event: &str) {
        for rule in rules {
            let ir::Check::Null(paths) = &rule.check else { continue };
            let when = match &rule.when {
                Some(c) => format!("when {}", condition_text(c)),
                None => "always".to_string(),
            };
            for path in paths {
                let (Some(owner), Some(last)) = (path.owner(data), path.steps.last()) else { continue };
                let TypeKind::Object(fields) = &mut self.ir.types[owner].kind else { continue };
                if let Some(f) = fields.iter_mut().find(|f| f.wire == last.wire) {
                    if !f.strict.nullable {
                        f.null_when.push(format!("{event}: {when} (rule {})", rule.id));
                    }
                }
            }
        }
    }

    /// Dispatch and the generated rules need `event` (a string) and `data` in the envelope.
    fn check_envelope(&mut self, spec: &Spec, payload: TypeId, data: TypeId) {
        let loc = spec.envelope.first().map(|a| a.loc.clone()).unwrap_or(Loc { file: "spec.yaml".into(), pos: None });
        let fields = self.ir.fields(payload);
        let event_ok = fields.iter().any(|f| f.wire == "event" && f.ident == "event" && f.ty == Ty::String);
        let data_ok = fields.iter().any(|f| f.wire == "data" && f.ident == "data" && f.ty == Ty::Named(data));
        if !event_ok {
            self.error(&loc, "envelope.event", "the envelope needs an `event` attribute of type string");
        }
        if !data_ok {
            self.error(&loc, "envelope.data", "the envelope needs a `data` attribute of type data");
        }
    }

    fn object_kind(&mut self, owner: TypeId, attrs: &[Attr], path: &str, scope: &Scope<'_>) -> Option<TypeKind> {
        if attrs.len() > MAX_ATTRIBUTES {
            let loc = attrs.get(MAX_ATTRIBUTES).map_or_else(|| self.type_locs[owner.0].clone(), |a| a.loc.clone());
            self.error(&loc, path, format!("an object has at most {MAX_ATTRIBUTES} attributes; this one has {}", attrs.len()));
            return None;
        }
        // The envelope's attributes and data's own: every real payload has them.
        let top = path == "envelope" || path == "data";
        let mut fields = Vec::with_capacity(attrs.len());
        let mut idents: HashMap<String, String> = HashMap::new();
        idents.insert(UNKNOWN_FIELDS.into(), "(the bag of unknown fields)".into());
        // The builders' own methods share a namespace with the setters named after fields.
        for method in BUILDER_METHODS {
            idents.insert(method.to_string(), format!("(the builder method `{method}`)"));
        }
        for attr in attrs {
            let attr_path = format!("{path}.{}", attr.name);
            let Some(ident) = field_ident(&attr.name) else {
                self.error(&attr.loc, &attr_path, format!("\"{}\" cannot be turned into a Rust identifier", attr.name));
                continue;
            };
            if let Some(other) = idents.insert(ident.clone(), attr.name.clone()) {
                self.error(&attr.loc, &attr_path, format!("\"{}\" and \"{other}\" are both `{ident}` in Rust", attr.name));
                continue;
            }
            if let Some(field) = self.field(attr, ident, &attr_path, scope, top) {
                self.field_locs.insert((owner, field.wire.clone()), attr.loc.clone());
                fields.push(field);
            }
        }
        // An object attribute gets a second setter, the builder's editor, named by
        // `names::editor_ident` (`<name>_with`); the name is reserved beside every attribute,
        // whatever its type. One lookup per field, so that a large object costs no more than
        // linear time.
        let by_ident: HashMap<&str, &ir::Field> = fields.iter().map(|f| (f.ident.as_str(), f)).collect();
        for f in &fields {
            let with = editor_ident(&f.ident);
            if let Some(other) = by_ident.get(with.as_str()) {
                let loc = self.field_locs.get(&(owner, other.wire.clone())).cloned().unwrap_or(Loc { file: String::new(), pos: None });
                self.error(
                    &loc,
                    &other.spec_path,
                    format!("\"{}\" is `{with}` in Rust, the name of the builder's editor for \"{}\"", other.wire, f.wire),
                );
            }
        }
        Some(TypeKind::Object(fields))
    }

    fn field(&mut self, attr: &Attr, ident: String, path: &str, scope: &Scope<'_>, top: bool) -> Option<ir::Field> {
        let ty = self.ty(&attr.ty, &attr.name, path, scope).unwrap_or(Ty::Unresolved);
        let strict = patch(self.defaults.strict, attr.strict);
        let lenient_base = if top { self.defaults.lenient_top.unwrap_or(self.defaults.lenient) } else { self.defaults.lenient };
        let mut lenient = patch(lenient_base, attr.lenient);
        // Whatever the docs allow, real payloads may do too.
        lenient.nullable |= strict.nullable;
        lenient.optional |= strict.optional;
        let id_form = if contains(&ty, &Ty::Id) {
            match attr.doc.ty.as_deref() {
                Some("string") => Some(ir::IdForm::String),
                Some("integer") => Some(ir::IdForm::Integer),
                _ => {
                    self.error(
                        &attr.loc,
                        path,
                        "an id says which form the docs give it: `doc: { type: string }` or `doc: { type: integer }`",
                    );
                    None
                }
            }
        } else {
            None
        };
        let formats = if contains(&ty, &Ty::Timestamp) {
            match &attr.ty.formats {
                Some(list) => {
                    let mut forms = Vec::new();
                    for (name, loc) in list {
                        match ir::TimestampForm::from_name(name) {
                            Some(form) => forms.push(form),
                            None => {
                                let known: Vec<&str> = ir::TimestampForm::ALL.iter().map(|f| f.name()).collect();
                                self.error(
                                    loc,
                                    &format!("{path}.formats"),
                                    format!("unknown timestamp form \"{name}\" (known: {})", known.join(", ")),
                                );
                            }
                        }
                    }
                    if list.is_empty() {
                        self.error(&attr.loc, &format!("{path}.formats"), "list at least one timestamp form");
                    }
                    forms
                }
                None => ir::TimestampForm::DEFAULT.to_vec(),
            }
        } else {
            Vec::new()
        };
        let utc = contains(&ty, &Ty::Timestamp) && attr.ty.utc.unwrap_or(false);
        if let Some(example) = &attr.example {
            // Named types may not be resolved yet; examples are checked at the end.
            self.examples.push((attr.loc.clone(), path.to_string(), ty.clone(), example.clone()));
        }
        Some(ir::Field {
            example: attr.example.clone(),
            wire: attr.name.clone(),
            ident,
            ty,
            description: attr.ty.description.clone(),
            strict,
            lenient,
            doc: attr.doc.clone(),
            notes: attr.notes.clone(),
            quirk: attr.quirk.clone(),
            formats,
            id_form,
            utc,
            null_when: Vec::new(),
            spec_path: path.to_string(),
        })
    }

    /// Reports keys that do not belong to the kind of type at hand.
    fn only(&mut self, expr: &TypeExpr, path: &str, allowed: &[&str]) {
        let present: [(&str, bool); 9] = [
            ("fields", !expr.fields.is_empty()),
            ("items", expr.items.is_some()),
            ("values", expr.values.is_some()),
            ("enum", expr.enum_values.is_some()),
            ("open", expr.open.is_some()),
            ("rust_name", expr.rust_name.is_some()),
            ("formats", expr.formats.is_some()),
            ("order", expr.order.is_some()),
            ("utc", expr.utc.is_some()),
        ];
        for (key, is_there) in present {
            if is_there && !allowed.contains(&key) {
                self.error(&expr.loc, path, format!("`{key}` does not apply to type \"{}\"", expr.name));
            }
        }
    }

    fn ty(&mut self, expr: &TypeExpr, base: &str, path: &str, scope: &Scope<'_>) -> Option<Ty> {
        let simple = |ty: Ty| Some(ty);
        match expr.name.as_str() {
            "string" | "integer" if expr.enum_values.is_some() => {
                self.only(expr, path, &["enum", "open", "rust_name"]);
                let name = self.inline_name(expr, base, path)?;
                let id = self.new_type(name, scope.module, path.to_string(), expr.description.clone(), &expr.loc);
                self.ir.modules[scope.module].types.push(id);
                if let Some(kind) = self.enum_kind(expr, path) {
                    self.ir.types[id].kind = kind;
                }
                Some(Ty::Named(id))
            }
            "string" => {
                self.only(expr, path, &[]);
                simple(Ty::String)
            }
            "integer" => {
                self.only(expr, path, &[]);
                simple(Ty::Integer)
            }
            "number" => {
                self.only(expr, path, &[]);
                simple(Ty::Number)
            }
            "boolean" => {
                self.only(expr, path, &[]);
                simple(Ty::Boolean)
            }
            "timestamp" => {
                self.only(expr, path, &["formats", "utc"]);
                simple(Ty::Timestamp)
            }
            "id" => {
                self.only(expr, path, &[]);
                simple(Ty::Id)
            }
            "any" => {
                self.only(expr, path, &[]);
                simple(Ty::Any)
            }
            "object" => {
                self.only(expr, path, &["fields", "rust_name"]);
                let name = self.inline_name(expr, base, path)?;
                let id = self.new_type(name, scope.module, path.to_string(), expr.description.clone(), &expr.loc);
                self.ir.modules[scope.module].types.push(id);
                if let Some(kind) = self.object_kind(id, &expr.fields, path, scope) {
                    self.ir.types[id].kind = kind;
                }
                Some(Ty::Named(id))
            }
            "array" => {
                self.only(expr, path, &["items"]);
                let Some(items) = &expr.items else {
                    self.error(&expr.loc, path, "an array needs `items`");
                    return None;
                };
                Some(Ty::Array(Box::new(self.ty(items, base, &format!("{path}[]"), scope)?)))
            }
            "map" => {
                self.only(expr, path, &["values"]);
                let Some(values) = &expr.values else {
                    self.error(&expr.loc, path, "a map needs `values`");
                    return None;
                };
                Some(Ty::Map(Box::new(self.ty(values, base, &format!("{path}{{}}"), scope)?)))
            }
            "change" => {
                self.only(expr, path, &["order"]);
                match expr.order.as_deref() {
                    Some("old_new") => Some(Ty::Change(ChangeOrder::OldNew)),
                    Some("new_old") => Some(Ty::Change(ChangeOrder::NewOld)),
                    Some(other) => {
                        self.error(&expr.loc, path, format!("unknown change order \"{other}\" (old_new or new_old)"));
                        None
                    }
                    None => {
                        self.error(&expr.loc, path, "a change says its `order`: old_new or new_old");
                        None
                    }
                }
            }
            "data" => {
                self.only(expr, path, &[]);
                match scope.data {
                    Some(id) => Some(Ty::Named(id)),
                    None => {
                        self.error(&expr.loc, path, "type \"data\" is only for the envelope's data attribute");
                        None
                    }
                }
            }
            name => {
                let found = scope.local.get(name).or_else(|| self.shared.get(name)).copied();
                match found {
                    Some(id) => {
                        self.only(expr, path, &[]);
                        Some(Ty::Named(id))
                    }
                    None => {
                        let mut known: Vec<&str> = BUILTINS.to_vec();
                        known.extend(scope.local.keys().map(String::as_str));
                        known.extend(self.shared.keys().map(String::as_str));
                        let hint = closest(name, &known).map(|k| format!(" (did you mean \"{k}\"?)")).unwrap_or_default();
                        self.error(&expr.loc, path, format!("unknown type \"{name}\"{hint}"));
                        None
                    }
                }
            }
        }
    }

    fn inline_name(&mut self, expr: &TypeExpr, base: &str, path: &str) -> Option<String> {
        match &expr.rust_name {
            Some(name) => {
                if type_ident(name).as_deref() != Some(name.as_str()) {
                    self.error(&expr.loc, path, format!("rust_name \"{name}\" is not an UpperCamelCase identifier"));
                    return None;
                }
                Some(name.clone())
            }
            None => match type_ident(base) {
                Some(name) => Some(name),
                None => {
                    self.error(&expr.loc, path, format!("no Rust type name can be made from \"{base}\"; give `rust_name`"));
                    None
                }
            },
        }
    }

    fn enum_kind(&mut self, expr: &TypeExpr, path: &str) -> Option<TypeKind> {
        let values = expr.enum_values.as_deref().unwrap_or_default();
        let repr = if expr.name == "integer" { EnumRepr::Int } else { EnumRepr::Str };
        if values.is_empty() {
            self.error(&expr.loc, path, "an enum lists at least one value");
            return None;
        }
        let open = expr.open.unwrap_or(true);
        let mut variants = Vec::new();
        let mut idents: HashMap<String, String> = HashMap::new();
        let mut wires: Vec<&Literal> = Vec::new();
        for v in values {
            let vpath = format!("{path}.enum");
            if wires.contains(&&v.value) {
                self.error(&v.loc, &vpath, format!("value {} is listed twice", v.value));
                continue;
            }
            wires.push(&v.value);
            let ident = match (&v.value, repr, &v.name) {
                (Literal::Str(s), EnumRepr::Str, name) => type_ident(name.as_deref().unwrap_or(s)),
                (Literal::Int(_), EnumRepr::Int, Some(name)) => type_ident(name),
                (Literal::Int(i), EnumRepr::Int, None) => {
                    self.error(&v.loc, &vpath, format!("integer value {i} needs a `name` for its Rust variant"));
                    continue;
                }
                (other, _, _) => {
                    self.error(&v.loc, &vpath, format!("value {other} does not fit an enum of type \"{}\"", expr.name));
                    continue;
                }
            };
            let Some(ident) = ident else {
                self.error(&v.loc, &vpath, format!("value {} cannot be turned into a Rust variant; give `name`", v.value));
                continue;
            };
            if open && ident == "Other" {
                self.error(
                    &v.loc,
                    &vpath,
                    "`Other` is the variant that keeps unknown values of an open enum; give this value another `name`",
                );
                continue;
            }
            if let Some(other) = idents.insert(ident.clone(), v.value.to_string()) {
                self.error(&v.loc, &vpath, format!("values {} and {other} are both `{ident}` in Rust", v.value));
                continue;
            }
            variants.push(ir::Variant { wire: v.value.clone(), ident, description: v.description.clone() });
        }
        if expr.documented_others && expr.name == "integer" {
            // Nothing on the pages calls for it, and samples of other integers would be
            // made up: keep the format to what it is for.
            self.error(&expr.loc, path, "`open: documented` is for string enums (names the page says occur beyond its list)");
        }
        Some(TypeKind::Enum(ir::Enum { repr, open, documented: expr.documented_others, variants }))
    }

    fn check_type_names(&mut self) {
        let mut problems = Vec::new();
        for module in &self.ir.modules {
            let mut seen: HashMap<&str, &str> = HashMap::new();
            let builders: HashMap<String, &str> = module
                .types
                .iter()
                .filter(|&&id| matches!(self.ir.types[id].kind, TypeKind::Object(_)))
                .map(|&id| (format!("{}Builder", self.ir.types[id].name), self.ir.types[id].name.as_str()))
                .collect();
            for &id in &module.types {
                let t = &self.ir.types[id];
                let loc = &self.type_locs[id.0];
                if let Some(owner) = builders.get(&t.name) {
                    problems.push((
                        loc.clone(),
                        t.spec_path.clone(),
                        format!("Rust type name `{}` is taken by the builder of `{owner}`; give it another `rust_name`", t.name),
                    ));
                }
                if PRELUDE.contains(&t.name.as_str()) {
                    problems.push((
                        loc.clone(),
                        t.spec_path.clone(),
                        format!(
                            "Rust type name `{}` would hide the standard `{}` in generated code; give it another `rust_name`",
                            t.name, t.name
                        ),
                    ));
                }
                if let Some(other) = seen.insert(&t.name, &t.spec_path) {
                    problems.push((
                        loc.clone(),
                        t.spec_path.clone(),
                        format!("Rust type name `{}` is also used for {other}; give one of them `rust_name`", t.name),
                    ));
                }
            }
        }
        for (loc, path, message) in problems {
            self.error(&loc, &path, message);
        }
    }

    /// An object that holds itself (directly or through other objects) without an array or
    /// a map between would be infinitely large.
    fn check_recursion(&mut self) {
        let n = self.ir.types.len();
        // Edges from an object to the objects its attributes hold inline.
        let inline = |ir: &Ir, id: TypeId| -> Vec<(TypeId, String)> {
            ir.fields(id)
                .iter()
                .filter_map(|f| match f.ty {
                    Ty::Named(to) if matches!(ir.types[to].kind, TypeKind::Object(_)) => Some((to, f.wire.clone())),
                    _ => None,
                })
                .collect()
        };
        // 0: not seen, 1: on the walk, 2: done. An explicit stack: the chain of types can
        // be as long as the spec is.
        let mut state = vec![0u8; n];
        let mut problems = Vec::new();
        for start in (0..n).map(TypeId) {
            if state[start.0] != 0 {
                continue;
            }
            // Each entry: a type, its inline edges (target, attribute) and the next to follow.
            type Edges = Vec<(TypeId, String)>;
            let mut stack: Vec<(TypeId, Edges, usize)> = vec![(start, inline(&self.ir, start), 0)];
            state[start.0] = 1;
            while let Some((id, edges, next)) = stack.last_mut() {
                let Some((to, wire)) = edges.get(*next).cloned() else {
                    state[id.0] = 2;
                    stack.pop();
                    continue;
                };
                *next += 1;
                let from = *id;
                match state[to.0] {
                    0 => {
                        state[to.0] = 1;
                        let e = inline(&self.ir, to);
                        stack.push((to, e, 0));
                    }
                    1 => problems.push((from, to, wire)),
                    _ => {}
                }
            }
        }
        for (from, to, wire) in problems {
            let loc = self.field_locs.get(&(from, wire.clone())).cloned().unwrap_or_else(|| self.type_locs[from.0].clone());
            let path = format!("{}.{wire}", self.ir.types[from].spec_path);
            let (a, b) = (&self.ir.types[from].name, &self.ir.types[to].name);
            let message = if from == to {
                format!("`{a}` holds itself through \"{wire}\" with no array or map between, so it would be infinitely large; make \"{wire}\" an array or a map")
            } else {
                format!("`{a}` holds `{b}` through \"{wire}\", and `{b}` holds `{a}` again, with no array or map between: infinitely large; make one of them an array or a map")
            };
            self.error(&loc, &path, message);
        }
    }

    /// Bounds what every consumer of the IR walks: the nesting of objects below each event,
    /// and how many attribute paths the event expands to (shared types repeat).
    fn check_size(&mut self) {
        let mut problems = Vec::new();
        for event in &self.ir.events {
            let mut walk = Expansion { ir: &self.ir, paths: 0, stack: Vec::new(), too_deep: None };
            walk.object(event.payload);
            let loc = self.type_locs[event.payload.0].clone();
            if let Some(path) = walk.too_deep {
                problems.push((loc, path, format!("objects nest more than {MAX_OBJECT_DEPTH} levels deep below the envelope")));
            } else if walk.paths > MAX_PATHS_PER_EVENT {
                problems.push((
                    loc,
                    "data".to_string(),
                    format!("the event expands to more than {MAX_PATHS_PER_EVENT} attribute paths (shared types count once per use)"),
                ));
            }
        }
        for (loc, path, message) in problems {
            self.error(&loc, &path, message);
        }
    }

    // ---- rules ----

    fn rule(&mut self, rule: &model::Rule, data: TypeId) -> Option<ir::Rule> {
        let rpath = format!("rules.{}", rule.id);
        let when = match &rule.when {
            Some(c) => Some(self.condition(c, data, &rpath)?),
            None => None,
        };
        let check = match &rule.check {
            model::Check::Null(paths) => {
                let mut out = Vec::new();
                // An attribute that is not nullable by itself is null only when the rule
                // applies: the event's resolution records it (`Field::null_when`).
                for p in paths {
                    out.push(self.path(p, data, &rule.loc, &rpath)?);
                }
                ir::Check::Null(out)
            }
            model::Check::Equals(p, lit) => {
                let path = self.path(p, data, &rule.loc, &rpath)?;
                self.comparable(&path, std::slice::from_ref(lit), &rule.loc, &rpath);
                ir::Check::Equals(path, lit.clone())
            }
            model::Check::OneOf(p, lits) => {
                let path = self.path(p, data, &rule.loc, &rpath)?;
                if lits.is_empty() {
                    self.error(&rule.loc, &rpath, "one_of lists at least one value");
                }
                self.comparable(&path, lits, &rule.loc, &rpath);
                ir::Check::OneOf(path, lits.clone())
            }
            model::Check::Same(a, b) => {
                let (pa, pb) = (self.path(a, data, &rule.loc, &rpath), self.path(b, data, &rule.loc, &rpath));
                let (pa, pb) = (pa?, pb?);
                self.no_each(&pa, &rule.loc, &rpath);
                self.no_each(&pb, &rule.loc, &rpath);
                if !same_kind(&pa.leaf, &pb.leaf) && pa.leaf != Ty::Unresolved && pb.leaf != Ty::Unresolved {
                    self.error(
                        &rule.loc,
                        &rpath,
                        format!("{a} ({}) and {b} ({}) hold values of different types", self.ty_name(&pa.leaf), self.ty_name(&pb.leaf)),
                    );
                }
                ir::Check::Same(pa, pb)
            }
            model::Check::NotAfter(a, b) => {
                let (pa, pb) = (self.path(a, data, &rule.loc, &rpath), self.path(b, data, &rule.loc, &rpath));
                let (pa, pb) = (pa?, pb?);
                self.no_each(&pa, &rule.loc, &rpath);
                self.no_each(&pb, &rule.loc, &rpath);
                for p in [&pa, &pb] {
                    if !matches!(p.leaf, Ty::Timestamp | Ty::Unresolved) {
                        self.error(&rule.loc, &rpath, format!("not_after compares timestamps; {} is {}", p.text, self.ty_name(&p.leaf)));
                    }
                }
                ir::Check::NotAfter(pa, pb)
            }
            model::Check::KeysOf { map, object } => {
                let (pm, po) = (self.path(map, data, &rule.loc, &rpath), self.path(object, data, &rule.loc, &rpath));
                let (pm, po) = (pm?, po?);
                self.no_each(&pm, &rule.loc, &rpath);
                if !matches!(pm.leaf, Ty::Map(_)) {
                    self.error(&rule.loc, &rpath, format!("keys_of needs a map; {map} is {}", self.ty_name(&pm.leaf)));
                }
                let names = match po.leaf {
                    Ty::Named(id) if matches!(self.ir.types[id].kind, TypeKind::Object(_)) => {
                        self.ir.fields(id).iter().map(|f| f.wire.clone()).collect()
                    }
                    _ => {
                        self.error(&rule.loc, &rpath, format!("keys_of needs an object; {object} is {}", self.ty_name(&po.leaf)));
                        Vec::new()
                    }
                };
                ir::Check::KeysOf { map: pm, names }
            }
        };
        Some(ir::Rule { id: rule.id.clone(), description: rule.description.clone(), when, check, strict_only: rule.strict_only })
    }

    fn condition(&mut self, c: &model::Condition, data: TypeId, rpath: &str) -> Option<ir::Condition> {
        let path = self.path(&c.path, data, &c.loc, rpath)?;
        self.no_each(&path, &c.loc, rpath);
        let op = match &c.op {
            model::CondOp::Equals(l) => {
                self.comparable(&path, std::slice::from_ref(l), &c.loc, rpath);
                ir::CondOp::Equals(l.clone())
            }
            model::CondOp::In(ls) => {
                self.comparable(&path, ls, &c.loc, rpath);
                ir::CondOp::In(ls.clone())
            }
            model::CondOp::NotIn(ls) => {
                self.comparable(&path, ls, &c.loc, rpath);
                ir::CondOp::NotIn(ls.clone())
            }
        };
        Some(ir::Condition { path, op })
    }

    fn no_each(&mut self, path: &ir::Path, loc: &Loc, rpath: &str) {
        if path.has_each() {
            self.error(loc, rpath, format!("{} goes into an array; this kind of rule needs a single value", path.text));
        }
    }

    /// Resolves `a.b[].c` against the data type.
    fn path(&mut self, text: &str, data: TypeId, loc: &Loc, rpath: &str) -> Option<ir::Path> {
        let mut current = Ty::Named(data);
        let mut steps = Vec::new();
        let mut walked = String::from("data");
        for segment in text.split('.') {
            let (name, each) = match segment.strip_suffix("[]") {
                Some(n) => (n, true),
                None => (segment, false),
            };
            let fields = match &current {
                Ty::Named(id) if matches!(self.ir.types[*id].kind, TypeKind::Object(_)) => self.ir.fields(*id),
                Ty::Unresolved => return None,
                Ty::Array(_) => {
                    self.error(
                        loc,
                        rpath,
                        format!("{walked} is an array; write {}[] to reach into its items", walked.trim_start_matches("data.")),
                    );
                    return None;
                }
                other => {
                    let what = self.ty_name(other);
                    self.error(loc, rpath, format!("{walked} is {what}, it has no attribute \"{name}\""));
                    return None;
                }
            };
            let Some(field) = fields.iter().find(|f| f.wire == name) else {
                let names: Vec<&str> = fields.iter().map(|f| f.wire.as_str()).collect();
                let hint = closest(name, &names).map(|k| format!(" (did you mean \"{k}\"?)")).unwrap_or_default();
                self.error(loc, rpath, format!("{text}: {walked} has no attribute \"{name}\"{hint}"));
                return None;
            };
            let field_ty = field.ty.clone();
            steps.push(ir::Step { wire: field.wire.clone(), ident: field.ident.clone(), ty: field_ty.clone(), each });
            walked = format!("{walked}.{name}");
            current = match (field_ty, each) {
                (Ty::Array(item), true) => *item,
                (_, true) => {
                    self.error(loc, rpath, format!("{text}: {walked} is not an array; drop the []"));
                    return None;
                }
                (ty, false) => ty,
            };
        }
        if steps.is_empty() {
            self.error(loc, rpath, "empty attribute path");
            return None;
        }
        Some(ir::Path { text: text.to_string(), steps, leaf: current })
    }

    fn comparable(&mut self, path: &ir::Path, lits: &[Literal], loc: &Loc, rpath: &str) {
        if path.leaf == Ty::Unresolved {
            return;
        }
        for lit in lits {
            let ok = match (&path.leaf, lit) {
                (Ty::String, Literal::Str(_)) => true,
                (Ty::Integer, Literal::Int(_)) => true,
                (Ty::Number, Literal::Int(_) | Literal::Float(_)) => true,
                (Ty::Boolean, Literal::Bool(_)) => true,
                (Ty::Id, Literal::Str(_) | Literal::Int(_)) => true,
                (Ty::Named(id), lit) => match &self.ir.types[*id].kind {
                    TypeKind::Enum(e) => {
                        let fits = matches!((e.repr, lit), (EnumRepr::Str, Literal::Str(_)) | (EnumRepr::Int, Literal::Int(_)));
                        if fits && !e.open && !e.variants.iter().any(|v| &v.wire == lit) {
                            self.error(loc, rpath, format!("{} is not a value of the closed enum at {}", lit, path.text));
                        }
                        fits
                    }
                    TypeKind::Object(_) => false,
                },
                _ => false,
            };
            if !ok {
                let what = self.ty_name(&path.leaf);
                self.error(loc, rpath, format!("{} is {what} and cannot be compared with {lit}", path.text));
            }
        }
    }

    fn example_fits(&self, ty: &Ty, example: &Literal) -> bool {
        match (ty, example) {
            (Ty::String | Ty::Timestamp | Ty::Id, Literal::Str(_)) => true,
            (Ty::Integer | Ty::Id, Literal::Int(_)) => true,
            (Ty::Number, Literal::Int(_) | Literal::Float(_)) => true,
            (Ty::Boolean, Literal::Bool(_)) => true,
            (Ty::Timestamp, Literal::Int(_) | Literal::Float(_)) => true,
            (Ty::Unresolved, _) => true,
            (Ty::Named(id), lit) => match &self.ir.types[*id].kind {
                TypeKind::Enum(e) => e.variants.iter().any(|v| &v.wire == lit),
                TypeKind::Object(_) => false,
            },
            _ => false,
        }
    }

    fn ty_name(&self, ty: &Ty) -> String {
        crate::words::type_words(&self.ir, ty, crate::words::Style::Message)
    }
}

/// Walks an event's attribute tree the way the reference docs list it (a type already on
/// the walk is not entered again), and stops at either limit, so it costs little whatever
/// the spec.
struct Expansion<'a> {
    ir: &'a Ir,
    paths: usize,
    stack: Vec<TypeId>,
    /// The spec path of the object found too deep.
    too_deep: Option<String>,
}

impl Expansion<'_> {
    fn object(&mut self, id: TypeId) {
        if self.stack.contains(&id) || self.too_deep.is_some() || self.paths > MAX_PATHS_PER_EVENT {
            return;
        }
        if self.stack.len() >= MAX_OBJECT_DEPTH {
            self.too_deep = Some(self.ir.types[id].spec_path.clone());
            return;
        }
        self.stack.push(id);
        for f in self.ir.fields(id) {
            self.paths += 1;
            let mut ty = &f.ty;
            while let Ty::Array(inner) | Ty::Map(inner) = ty {
                ty = inner;
            }
            if let Ty::Named(inner) = ty {
                if matches!(self.ir.types[*inner].kind, TypeKind::Object(_)) {
                    self.object(*inner);
                }
            }
        }
        self.stack.pop();
    }
}

/// A rule's condition in words: `actor.type is "system"`.
pub fn condition_text(c: &ir::Condition) -> String {
    let list = |ls: &[Literal]| ls.iter().map(|l| l.to_string()).collect::<Vec<_>>().join(", ");
    match &c.op {
        ir::CondOp::Equals(l) => format!("{} is {l}", c.path.text),
        ir::CondOp::In(ls) => format!("{} is one of {}", c.path.text, list(ls)),
        ir::CondOp::NotIn(ls) => format!("{} is none of {}", c.path.text, list(ls)),
    }
}

fn patch(base: Presence, p: PresencePatch) -> Presence {
    Presence { nullable: p.nullable.unwrap_or(base.nullable), optional: p.optional.unwrap_or(base.optional) }
}

fn contains(ty: &Ty, wanted: &Ty) -> bool {
    match ty {
        Ty::Array(inner) | Ty::Map(inner) => contains(inner, wanted),
        other => other == wanted,
    }
}

/// Whether two attributes can be compared for equality.
fn same_kind(a: &Ty, b: &Ty) -> bool {
    let idish = |t: &Ty| matches!(t, Ty::Id | Ty::String | Ty::Integer);
    a == b || ((*a == Ty::Id || *b == Ty::Id) && idish(a) && idish(b))
}
