//! Each derive's input as the writers need it: the declaration's shape checked (a struct
//! with named fields, an enum of unit variants, ...) and its attributes read. Built by
//! `from_ast`, which records every problem in the [`Ctxt`] and returns `None` when there
//! is nothing sound to write from. The rules between attributes are `check`'s, run on
//! what is built here.

use proc_macro2::Span;
use syn::{Attribute, Data, DeriveInput, Fields, Generics, Ident, Lit, Path, Type};

use super::attr::{self, Example, Presence, Word};
use super::ctxt::Ctxt;
use super::ty;

/// The field that keeps the attributes the spec does not list.
pub const UNKNOWN_FIELDS: &str = "unknown_fields";

/// A struct deriving `Object`.
pub struct Object<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    /// The envelope (where its `#[fw(payload)]` is): generic over its event's data.
    pub payload: Option<Span>,
    pub event: Option<attr::Event>,
    /// Every field but `unknown_fields`, in declaration order.
    pub fields: Vec<Field<'a>>,
}

/// One attribute of an object.
pub struct Field<'a> {
    pub ident: &'a Ident,
    pub ty: &'a Type,
    /// The slot's value type: `T` of `rt::Field<T>`.
    pub inner: &'a Type,
    pub docs: Vec<&'a Attribute>,
    pub wire: String,
    pub strict: Presence,
    pub lenient: Presence,
    pub forms: Vec<Word>,
    pub id_form: Option<Word>,
    pub example: Option<Example>,
    pub fake: Option<Word>,
    pub utc: bool,
    /// The name of the builder's editor, for an object attribute.
    pub editor: Option<Ident>,
}

impl<'a> Object<'a> {
    pub fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Option<Object<'a>> {
        let attrs = attr::Object::from_attrs(cx, &input.attrs);
        let named = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(named) => Some(named),
                _ => {
                    cx.error_spanned_by(input, "Object needs named fields");
                    None
                }
            },
            _ => {
                cx.error_spanned_by(input, "Object is derived for structs");
                None
            }
        }?;
        let mut fields = Vec::new();
        let mut has_unknown = false;
        for f in &named.named {
            let ident = f.ident.as_ref()?;
            if ident == UNKNOWN_FIELDS {
                has_unknown = true;
            } else if let Some(field) = Field::from_ast(cx, ident, f) {
                fields.push(field);
            }
        }
        if !has_unknown {
            cx.error_spanned_by(input, "an object keeps unlisted attributes in a field `unknown_fields`");
        }
        Some(Object { ident: &input.ident, generics: &input.generics, payload: attrs.payload.span(), event: attrs.event.get(), fields })
    }
}

impl<'a> Field<'a> {
    fn from_ast(cx: &Ctxt, ident: &'a Ident, field: &'a syn::Field) -> Option<Field<'a>> {
        let a = attr::Field::from_attrs(cx, &field.attrs);
        let Some(inner) = ty::slot_inner(&field.ty) else {
            cx.error_spanned_by(&field.ty, "an attribute's type must be rt::Field<T>");
            return None;
        };
        Some(Field {
            ident,
            ty: &field.ty,
            inner,
            docs: field.attrs.iter().filter(|a| a.path().is_ident("doc")).collect(),
            wire: a.wire.get().map_or_else(|| ident.to_string().trim_start_matches("r#").to_string(), |w| w.value()),
            strict: a.strict.get().unwrap_or(Presence::Required),
            lenient: a.lenient.get().unwrap_or(Presence::Any),
            forms: a.forms.get().unwrap_or_default(),
            id_form: a.id.get(),
            example: a.example.get(),
            fake: a.fake.get(),
            utc: a.utc.is_set(),
            editor: a.editor.get(),
        })
    }
}

/// An enum deriving `Enum`: its listed values, and whether it keeps others.
pub struct Enum<'a> {
    pub ident: &'a Ident,
    pub open: bool,
    /// Where `#[fw(documented)]` is, when the page says other values occur.
    pub documented: Option<Span>,
    pub values: Vec<Value<'a>>,
    /// The values are integers (else strings).
    pub int: bool,
}

pub struct Value<'a> {
    pub ident: &'a Ident,
    pub wire: Lit,
}

impl<'a> Enum<'a> {
    pub fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Option<Enum<'a>> {
        let attrs = attr::Enum::from_attrs(cx, &input.attrs);
        let Data::Enum(data) = &input.data else {
            cx.error_spanned_by(input, "Enum is derived for enums");
            return None;
        };
        let open = attrs.open.is_set();
        let mut values = Vec::new();
        for v in &data.variants {
            if v.ident == "Other" && open {
                continue;
            }
            let wire = attr::variant_wire(cx, &v.attrs);
            if !matches!(v.fields, Fields::Unit) {
                cx.error_spanned_by(v, "listed values are unit variants; only an open enum's `Other` holds a value");
                continue;
            }
            match wire {
                Some(wire) => values.push(Value { ident: &v.ident, wire }),
                None if v.attrs.iter().any(|a| a.path().is_ident("fw")) => {}
                None => cx.error_spanned_by(v, "a value needs its wire form: #[fw(\"value\")] or #[fw(1)]"),
            }
        }
        Some(Enum {
            ident: &input.ident,
            open,
            documented: attrs.documented.span(),
            int: matches!(values.first(), Some(Value { wire: Lit::Int(_), .. })),
            values,
        })
    }
}

/// The `Event` enum deriving `Events`.
pub struct Events<'a> {
    pub ident: &'a Ident,
    pub kind: Path,
    pub envelope: Path,
    /// One per event, in declaration order.
    pub variants: Vec<EventVariant<'a>>,
    /// Whether `Unknown` holds a `Box`.
    pub unknown_boxed: bool,
}

pub struct EventVariant<'a> {
    pub ident: &'a Ident,
    /// `T` of the variant's `Box<T>`: the event's payload type.
    pub payload: &'a Type,
    /// The variant's `#[cfg]`s: it exists only where its product's feature is on.
    pub cfgs: Vec<&'a Attribute>,
}

impl<'a> Events<'a> {
    pub fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Option<Events<'a>> {
        let attrs = attr::Events::from_attrs(cx, &input.attrs);
        let Data::Enum(data) = &input.data else {
            cx.error_spanned_by(input, "Events is derived for the Event enum");
            return None;
        };
        let (kind, envelope) = (attrs.kind.get(), attrs.envelope.get());
        if kind.is_none() {
            cx.error_spanned_by(input, "name the kind enum: #[fw(kind = EventKind)]");
        }
        if envelope.is_none() {
            cx.error_spanned_by(input, "name the envelope: #[fw(envelope = Envelope)]");
        }
        let mut variants = Vec::new();
        let mut unknown_boxed = None;
        for v in &data.variants {
            let held = match &v.fields {
                Fields::Unnamed(fields) if fields.unnamed.len() == 1 => &fields.unnamed[0].ty,
                _ => {
                    cx.error_spanned_by(v, "a variant holds one value");
                    continue;
                }
            };
            if v.ident == "Unknown" {
                unknown_boxed = Some(ty::boxed(held).is_some());
                continue;
            }
            let Some(payload) = ty::boxed(held) else {
                cx.error_spanned_by(held, "an event's variant holds Box<Payload>");
                continue;
            };
            variants.push(EventVariant { ident: &v.ident, payload, cfgs: v.attrs.iter().filter(|a| a.path().is_ident("cfg")).collect() });
        }
        if unknown_boxed.is_none() {
            cx.error_spanned_by(input, "the Event enum keeps the events it does not cover in `Unknown(Box<rt::UnknownEvent>)`");
        }
        Some(Events { ident: &input.ident, kind: kind?, envelope: envelope?, variants, unknown_boxed: unknown_boxed? })
    }
}

/// A fieldless enum deriving `Listed`: a table's entries in order.
pub struct Listed<'a> {
    pub ident: &'a Ident,
    pub variants: Vec<&'a Ident>,
    /// Each variant's product, when the variants name theirs.
    pub products: Option<Vec<Path>>,
}

impl<'a> Listed<'a> {
    pub fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Option<Listed<'a>> {
        let Data::Enum(data) = &input.data else {
            cx.error_spanned_by(input, "Listed is derived for fieldless enums");
            return None;
        };
        let mut products = Vec::new();
        for v in &data.variants {
            if !matches!(v.fields, Fields::Unit) || v.discriminant.is_some() {
                // The variant's discriminant is its place in the table.
                cx.error_spanned_by(v, "a listed variant has no fields and no explicit discriminant");
            }
            if let Some(p) = attr::listed_product(cx, &v.attrs) {
                products.push(p);
            }
        }
        let variants: Vec<&Ident> = data.variants.iter().map(|v| &v.ident).collect();
        let products = match products.len() {
            0 => None,
            n if n == variants.len() => Some(products),
            _ => {
                cx.error_spanned_by(input, "name the product of every variant, or of none");
                None
            }
        };
        Some(Listed { ident: &input.ident, variants, products })
    }
}
