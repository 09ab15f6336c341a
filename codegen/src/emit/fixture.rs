//! Emit fixture code: `Sample` impls that make realistic payloads, builders with a typed
//! setter per attribute, and each event's rules as a table that fixtures are made to keep.

use std::collections::BTreeMap;

use proc_macro2::{Literal as Lit, TokenStream};
use quote::{format_ident, quote};

use super::rust::{ident, rust_type};
use crate::ir::{ChangeOrder, Check, CondOp, Event, Field, Ir, Literal, ModuleId, Path, Ty, TypeDef, TypeId, TypeKind};

/// Literals the rules mention, per (object type, attribute): fixtures draw from them so
/// that every rule branch is reached.
pub type Hints = BTreeMap<(TypeId, String), Vec<Literal>>;

/// Rule literals and `keys_of` names by the attribute they apply to.
pub fn hints(ir: &Ir) -> Hints {
    let mut out: Hints = BTreeMap::new();
    let mut add = |data: TypeId, p: &Path, lits: &[Literal]| {
        if let Some(owner) = p.owner(data) {
            let entry = out.entry((owner, p.steps[p.steps.len() - 1].wire.clone())).or_default();
            for l in lits {
                if !entry.contains(l) {
                    entry.push(l.clone());
                }
            }
        }
    };
    for event in &ir.events {
        for rule in &event.rules {
            if let Some(c) = &rule.when {
                match &c.op {
                    CondOp::Equals(l) => add(event.data, &c.path, std::slice::from_ref(l)),
                    CondOp::In(ls) | CondOp::NotIn(ls) => add(event.data, &c.path, ls),
                }
            }
            match &rule.check {
                Check::Equals(p, l) => add(event.data, p, std::slice::from_ref(l)),
                Check::OneOf(p, ls) => add(event.data, p, ls),
                Check::KeysOf { map, names } => {
                    let lits: Vec<Literal> = names.iter().map(|n| Literal::Str(n.clone())).collect();
                    add(event.data, map, &lits)
                }
                _ => {}
            }
        }
    }
    out
}

/// The kind of realistic value an attribute holds, from its name.
fn fake(owner: &str, wire: &str) -> TokenStream {
    let w = wire.to_ascii_lowercase();
    let kind = if owner.contains("Team") && w == "name" {
        "TeamName"
    } else if owner == "Status" && w == "name" {
        "StatusName"
    } else if w == "account_id" {
        "Account"
    } else if w.contains("email") {
        "Email"
    } else if w == "first_name" {
        "FirstName"
    } else if w == "last_name" {
        "LastName"
    } else if w.contains("status_name") || w.ends_with("status") {
        "StatusName"
    } else if w == "name" || w.ends_with("_name") {
        "FullName"
    } else if w.contains("phone") || w.contains("mobile") {
        "Phone"
    } else if w.contains("url") {
        "Url"
    } else if w.contains("uuid") || w == "id" || w.contains("org_") || w.contains("custom_status_id") {
        "Uuid"
    } else if w.contains("emoji") {
        "Emoji"
    } else if w.contains("time_zone") || w.contains("timezone") {
        "TimeZone"
    } else if w.contains("language") {
        "Language"
    } else if w == "domain" {
        "Domain"
    } else if w == "region" {
        "Region"
    } else if w == "version" {
        "Version"
    } else if w.contains("description") {
        "Sentence"
    } else if w == "channel" {
        "Channel"
    } else if w.contains("count") || w.contains("attempts") {
        "Count"
    } else if w.contains("deleted") || w.contains("locked") || w.contains("admin") {
        "FlagOff"
    } else if matches!(w.as_str(), "available" | "enabled" | "confirmed" | "logged_in" | "login_status" | "primary_email") {
        "Flag"
    } else {
        "Word"
    };
    let k = format_ident!("{}", kind);
    quote!(rt::fixture::Fake::#k)
}

fn lit_strs(lits: Option<&Vec<Literal>>) -> Vec<String> {
    lits.into_iter()
        .flatten()
        .filter_map(|l| match l {
            Literal::Str(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

/// An expression making a value of `ty` from the generator `g`.
fn make(ir: &Ir, here: ModuleId, owner: &str, ty: &Ty, f: &Field, hints: Option<&Vec<Literal>>) -> TokenStream {
    match ty {
        Ty::String => {
            let fk = fake(owner, &f.wire);
            let hs = lit_strs(hints);
            quote!(g.text(#fk, &[#(#hs),*]))
        }
        Ty::Integer => {
            let fk = fake(owner, &f.wire);
            let ints: Vec<Lit> = hints.into_iter().flatten().filter_map(|l| match l { Literal::Int(i) => Some(Lit::i64_unsuffixed(*i)), _ => None }).collect();
            if ints.is_empty() {
                quote!(g.integer(#fk))
            } else {
                quote!({ const HINTS: &[i64] = &[#(#ints),*]; if g.one_in(2) { HINTS[g.pick(HINTS.len())] } else { g.integer(#fk) } })
            }
        }
        Ty::Number => quote!(g.number()),
        Ty::Boolean => {
            let fk = fake(owner, &f.wire);
            quote!(g.boolean(#fk))
        }
        Ty::Timestamp => {
            let formats = f.formats.iter().map(|x| super::rust::format_variant(x));
            quote!(g.timestamp(&[#(#formats),*]))
        }
        Ty::Id => {
            let form = match f.id_form.as_deref() {
                Some("integer") => quote!(Some(rt::IdForm::Integer)),
                Some(_) => quote!(Some(rt::IdForm::String)),
                None => quote!(None),
            };
            let fk = fake(owner, &f.wire);
            quote!(g.id(#form, #fk))
        }
        Ty::Any | Ty::Unresolved => quote!(g.any()),
        Ty::Change(ChangeOrder::OldNew) => quote!(rt::OldNew { old: g.any(), new: g.any() }),
        Ty::Change(ChangeOrder::NewOld) => quote!(rt::NewOld { new: g.any(), old: g.any() }),
        Ty::Array(item) => {
            let inner = make(ir, here, owner, item, f, hints);
            quote!({ g.depth += 1; let n = g.count(); let items = (0..n).map(|_| rt::Field::Value(#inner)).collect(); g.depth -= 1; items })
        }
        Ty::Map(value) => {
            let inner = make(ir, here, owner, value, f, None);
            let keys = lit_strs(hints);
            quote!({
                const KEYS: &[&str] = &[#(#keys),*];
                g.depth += 1;
                let n = g.count();
                let entries = (0..n).map(|i| {
                    let key = if KEYS.is_empty() { format!("setting_{}", i + 1) } else { KEYS[(i + g.pick(KEYS.len())) % KEYS.len()].to_string() };
                    (key, rt::Field::Value(#inner))
                }).collect();
                g.depth -= 1;
                rt::Map(entries)
            })
        }
        Ty::Named(id) => {
            let t = rust_type(ir, here, &Ty::Named(*id));
            quote!(<#t as rt::fixture::Sample>::sample(g))
        }
    }
}

/// `Sample` and the builder of an object type.
pub fn object(ir: &Ir, m: ModuleId, id: TypeId, t: &TypeDef, fields: &[Field], hints: &Hints, event: Option<&Event>) -> TokenStream {
    let name = ident(&t.name);
    let builder = format_ident!("{}Builder", t.name);
    let inits = fields.iter().map(|f| {
        let fid = ident(&f.ident);
        let value = match (event, f.wire.as_str()) {
            (Some(e), "event") if f.ty == Ty::String => {
                let n = &e.name;
                quote!(#n.to_string())
            }
            (Some(e), "domain") if f.ty == Ty::String => {
                let d = ir.products[e.product].domains.first().map(|d| format!("acme.{d}")).unwrap_or_else(|| "acme.example.com".into());
                quote!(#d.to_string())
            }
            _ => {
                let made = make(ir, m, &t.name, &f.ty, f, hints.get(&(id, f.wire.clone())));
                match f.example.as_ref().and_then(|ex| example(ir, m, &f.ty, ex)) {
                    Some(ex) => quote!(if g.is_default() { #ex } else { #made }),
                    None => made,
                }
            }
        };
        let strict = super::rust::presence(f.strict);
        // A named type's sample function is the maker itself; the envelope's event and
        // domain are fixed values that need no choices.
        if let (Ty::Named(_), None) = (&f.ty, &f.example) {
            let t = rust_type(ir, m, &f.ty);
            return quote! { #fid: g.field(#strict, <#t as rt::fixture::Sample>::sample) };
        }
        let param = if event.is_some() && matches!(f.wire.as_str(), "event" | "domain") && f.ty == Ty::String { quote!(_) } else { quote!(g) };
        quote! { #fid: g.field(#strict, |#param| #value) }
    });
    let setters = fields.iter().map(|f| setter(ir, m, f));
    let unused = quote!();
    let default_body = match event {
        Some(_) => quote!(Self::fixture()),
        None => quote!(<Self as rt::fixture::Sample>::sample(&mut rt::fixture::Gen::default_fixture())),
    };
    let bdoc = format!(" Builds a [`{}`], starting from the default fixture; every attribute has a setter.", t.name);
    quote! {
        impl rt::fixture::Sample for #name {
            fn sample(g: &mut rt::fixture::Gen) -> Self {
                #unused
                // A type that contains itself stops here rather than recursing forever.
                if g.depth > 8 {
                    return Self::default();
                }
                g.depth += 1;
                let made = Self { #(#inits,)* unknown_fields: rt::UnknownFields::default() };
                g.depth -= 1;
                made
            }
        }

        #[doc = #bdoc]
        #[derive(Debug, Clone, PartialEq)]
        pub struct #builder { value: #name }

        impl #name {
            /// The default fixture of this type: realistic values, every attribute present.
            pub fn default_fixture() -> Self { #default_body }

            /// A builder starting from the default fixture.
            pub fn builder() -> #builder {
                #builder { value: Self::default_fixture() }
            }
        }

        impl From<#name> for #builder {
            fn from(value: #name) -> Self { #builder { value } }
        }

        impl #builder {
            #(#setters)*

            /// Adds an attribute the spec does not list.
            pub fn unknown_field(mut self, key: impl Into<String>, value: serde_json::Value) -> Self {
                self.value.unknown_fields.push(key.into(), value);
                self
            }

            /// The value as built, unchecked.
            pub fn into_inner(self) -> #name { self.value }

            /// The value, or every violation of the spec (lenient reading) in spec order.
            pub fn build(self) -> Result<#name, rt::Report> { self.build_in(rt::Mode::Lenient) }

            /// The value, or every violation of the spec in `mode`, in spec order.
            pub fn build_in(self, mode: rt::Mode) -> Result<#name, rt::Report> {
                let report = rt::validate::check_value(&self.value, mode);
                if report.is_valid() { Ok(self.value) } else { Err(report) }
            }
        }
    }
}

fn setter(ir: &Ir, m: ModuleId, f: &Field) -> TokenStream {
    let fid = ident(&f.ident);
    let ty = rust_type(ir, m, &f.ty);
    let doc = format!(" Sets `{}`: a value, or `Field::Null` / `Field::Absent`.", f.wire);
    let plain = quote! {
        #[doc = #doc]
        pub fn #fid(mut self, value: impl Into<rt::Field<#ty>>) -> Self { self.value.#fid = value.into(); self }
    };
    let with_name = format_ident!("{}_with", f.ident.trim_start_matches("r#"));
    let extra = match &f.ty {
        Ty::Named(id) if matches!(ir.ty(*id).kind, TypeKind::Object(_)) => {
            let t = ir.ty(*id);
            let b = if t.module == m {
                let b = format_ident!("{}Builder", t.name);
                quote!(#b)
            } else {
                let path = ir.modules[t.module].path.iter().map(|p| ident(p));
                let b = format_ident!("{}Builder", t.name);
                quote!(crate::#(#path::)*#b)
            };
            let doc = format!(" Edits `{}` with its builder, starting from its current value (or the default fixture).", f.wire);
            quote! {
                #[doc = #doc]
                pub fn #with_name(mut self, edit: impl FnOnce(#b) -> #b) -> Self {
                    let start = match std::mem::take(&mut self.value.#fid) {
                        rt::Field::Value(v) => v,
                        _ => <#ty>::default_fixture(),
                    };
                    self.value.#fid = rt::Field::Value(edit(#b::from(start)).into_inner());
                    self
                }
            }
        }
        Ty::Array(_) | Ty::Map(_) => {
            let doc = format!(" Edits `{}` in place, starting from its current value (or empty).", f.wire);
            quote! {
                #[doc = #doc]
                pub fn #with_name(mut self, edit: impl FnOnce(&mut #ty)) -> Self {
                    let mut v = match std::mem::take(&mut self.value.#fid) {
                        rt::Field::Value(v) => v,
                        _ => Default::default(),
                    };
                    edit(&mut v);
                    self.value.#fid = rt::Field::Value(v);
                    self
                }
            }
        }
        _ => quote!(),
    };
    quote! { #plain #extra }
}

/// The spec's example as a value of the field's type.
fn example(ir: &Ir, m: ModuleId, ty: &Ty, ex: &Literal) -> Option<TokenStream> {
    Some(match (ty, ex) {
        (Ty::String, Literal::Str(s)) => quote!(#s.to_string()),
        (Ty::Integer, Literal::Int(i)) => {
            let l = Lit::i64_unsuffixed(*i);
            quote!(#l)
        }
        (Ty::Number, Literal::Float(x)) => {
            let l = Lit::f64_unsuffixed(*x);
            quote!(#l)
        }
        (Ty::Boolean, Literal::Bool(b)) => quote!(#b),
        (Ty::Id, Literal::Int(i)) => {
            let l = Lit::i64_unsuffixed(*i);
            quote!(rt::Id::Integer(#l))
        }
        (Ty::Id, Literal::Str(s)) => quote!(rt::Id::String(#s.to_string())),
        (Ty::Timestamp, Literal::Str(s)) => quote!(rt::Timestamp::parse_str(#s).unwrap_or_else(|_| rt::Timestamp::from_millis(0))),
        (Ty::Timestamp, Literal::Int(i)) => {
            let l = Lit::i64_unsuffixed(*i);
            quote!(rt::Timestamp::from_millis(#l))
        }
        (Ty::Named(id), lit) => {
            let t = rust_type(ir, m, ty);
            let TypeKind::Enum(e) = &ir.ty(*id).kind else { return None };
            let v = e.variants.iter().find(|v| &v.wire == lit)?;
            let vid = ident(&v.ident);
            quote!(#t::#vid)
        }
        _ => return None,
    })
}

/// `Sample` for an enum: one of the documented values.
pub fn enumeration(t: &TypeDef) -> TokenStream {
    let name = ident(&t.name);
    quote! {
        impl rt::fixture::Sample for #name {
            fn sample(g: &mut rt::fixture::Gen) -> Self {
                Self::DOCUMENTED[g.pick(Self::DOCUMENTED.len())].clone()
            }
        }
    }
}

fn segs(p: &Path) -> TokenStream {
    let s = p.steps.iter().map(|s| if s.each { format!("{}[]", s.wire) } else { s.wire.clone() });
    quote!(&[#(#s),*])
}

fn lit(l: &Literal) -> TokenStream {
    match l {
        Literal::Str(s) => quote!(rt::fixture::Lit::Str(#s)),
        Literal::Int(i) => {
            let v = Lit::i64_unsuffixed(*i);
            quote!(rt::fixture::Lit::Int(#v))
        }
        Literal::Bool(b) => quote!(rt::fixture::Lit::Bool(#b)),
        Literal::Float(f) => {
            let s = f.to_string();
            quote!(rt::fixture::Lit::Str(#s))
        }
    }
}

/// The event's rules as data, and the fixture constructors of its payload.
pub fn event_items(event: &Event) -> TokenStream {
    let rules = event.rules.iter().map(|r| {
        let id = &r.id;
        let when = match &r.when {
            Some(c) => {
                let p = segs(&c.path);
                let cond = match &c.op {
                    CondOp::Equals(l) => {
                        let l = lit(l);
                        quote!(rt::fixture::CondSpec::In(&[#l]))
                    }
                    CondOp::In(ls) => {
                        let ls = ls.iter().map(lit);
                        quote!(rt::fixture::CondSpec::In(&[#(#ls),*]))
                    }
                    CondOp::NotIn(ls) => {
                        let ls = ls.iter().map(lit);
                        quote!(rt::fixture::CondSpec::NotIn(&[#(#ls),*]))
                    }
                };
                quote!(Some((#p, #cond)))
            }
            None => quote!(None),
        };
        let then = match &r.check {
            Check::Null(paths) => {
                let ps = paths.iter().map(segs);
                quote!(rt::fixture::ThenSpec::Null(&[#(#ps),*]))
            }
            Check::Equals(p, l) => {
                let (p, l) = (segs(p), lit(l));
                quote!(rt::fixture::ThenSpec::OneOf(#p, &[#l]))
            }
            Check::OneOf(p, ls) => {
                let p = segs(p);
                let ls = ls.iter().map(lit);
                quote!(rt::fixture::ThenSpec::OneOf(#p, &[#(#ls),*]))
            }
            Check::Same(a, b) => {
                let (a, b) = (segs(a), segs(b));
                quote!(rt::fixture::ThenSpec::Same(#a, #b))
            }
            Check::NotAfter(a, b) => {
                let (a, b) = (segs(a), segs(b));
                quote!(rt::fixture::ThenSpec::NotAfter(#a, #b))
            }
            Check::KeysOf { map, names } => {
                let p = segs(map);
                quote!(rt::fixture::ThenSpec::KeysOf(#p, &[#(#names),*]))
            }
        };
        quote!(rt::fixture::RuleSpec { id: #id, when: #when, then: #then })
    });
    quote! {
        /// This event's rules, in the form fixtures are made to keep them.
        pub static RULES: &[rt::fixture::RuleSpec] = &[#(#rules),*];

        impl Payload {
            /// The default fixture: a realistic, valid payload, the same on every call.
            pub fn fixture() -> Self {
                rt::fixture::finish(<Self as rt::fixture::Sample>::sample(&mut rt::fixture::Gen::default_fixture()), RULES)
            }

            /// A fixture drawn from `seed`: the same seed gives the same payload, and it keeps
            /// every documented rule.
            pub fn fixture_seeded(seed: u64) -> Self {
                rt::fixture::finish(<Self as rt::fixture::Sample>::sample(&mut rt::fixture::Gen::seeded(seed)), RULES)
            }
        }
    }
}
