//! The rules between attributes, once each is read: what no single key can be wrong
//! about alone, checked on the input `ast` built. Each rule states a mistake the generator
//! never makes, so that a hand-made or damaged declaration fails here, at its tokens,
//! rather than in the expansion.

use std::collections::HashMap;

use syn::Lit;

use super::ast::{Enum, Field, Object};
use super::ctxt::Ctxt;

pub fn object(cx: &Ctxt, object: &Object<'_>) {
    for f in &object.fields {
        field(cx, f);
    }
    if let (Some(span), Some(_)) = (object.payload, &object.event) {
        cx.error_at(span, "`payload` marks the envelope and `event(...)` an event's data; a type is one or the other");
    }
    if let Some(span) = object.payload {
        if object.generics.type_params().next().is_none() {
            cx.error_at(span, "a payload is generic over its data: struct Envelope<D>");
        }
        if !object.fields.iter().any(|f| f.ident == "data") {
            cx.error_at(span, "a payload holds its event's data in a field `data`");
        }
    }
    // Two fields that read the same key: the second would never be read.
    let mut wires: HashMap<&str, &Field<'_>> = HashMap::new();
    for f in &object.fields {
        if let Some(first) = wires.insert(&f.wire, f) {
            cx.error_spanned_by(f.ident, format!("`{}` reads the key {:?}, as `{}` does", f.ident, f.wire, first.ident));
        }
    }
    // The builder's methods: a setter per field, named as the field, and the editors.
    let mut methods: HashMap<String, &syn::Ident> = object.fields.iter().map(|f| (unraw(f.ident), f.ident)).collect();
    for f in &object.fields {
        if let Some(editor) = &f.editor {
            if let Some(other) = methods.insert(unraw(editor), f.ident) {
                cx.error_spanned_by(
                    editor,
                    format!("`{editor}`, the editor of `{}`, is already the builder's method for `{other}`", f.ident),
                );
            }
        }
    }
}

fn unraw(ident: &syn::Ident) -> String {
    ident.to_string().trim_start_matches("r#").to_string()
}

fn field(cx: &Ctxt, field: &Field<'_>) {
    if let (Some(first), Some(_)) = (field.forms.first(), &field.id_form) {
        cx.error_at(first.span, "`forms` are a timestamp's and `id` an id's; a field is one or the other");
    }
}

pub fn enumeration(cx: &Ctxt, e: &Enum<'_>) {
    if let (Some(span), false) = (e.documented, e.open) {
        cx.error_at(span, "`documented` says which values beyond the list occur; it needs `open`");
    }
    if e.values.iter().any(|v| matches!(v.wire, Lit::Int(_)) != e.int) {
        cx.error_spanned_by(e.ident, "an enum's values are all strings or all integers");
    }
    let mut seen: HashMap<String, &syn::Ident> = HashMap::new();
    for v in &e.values {
        let key = match &v.wire {
            Lit::Str(s) => format!("{:?}", s.value()),
            Lit::Int(i) => i.base10_digits().to_string(),
            _ => continue,
        };
        if let Some(first) = seen.insert(key.clone(), v.ident) {
            cx.error_spanned_by(&v.wire, format!("{key} is already the wire form of `{first}`"));
        }
    }
}
