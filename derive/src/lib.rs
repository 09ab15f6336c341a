//! Derives for the generated Freshworks event models.
//!
//! The generator emits declarations only: a struct per object type with one `#[fw(...)]`
//! attribute per field saying what the spec says (wire name, presence in each reading,
//! timestamp forms, id form, example), and an enum per enumerated type. These derives
//! write the implementations once: the single-pass reader over the pull parser, the
//! validation walk, the slots the rule engine reads and writes, samples, builders,
//! accessors and the serde glue. Everything they emit calls into `crate::rt`, the models
//! crate's hidden runtime, so they are only meant for that crate.
//!
//! A malformed attribute is a compile error at the attribute, never a panic.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::{format_ident, quote};
mod events;
#[cfg(test)]
mod snapshots;

/// The expansions on `proc_macro2` tokens, so that tests can run them outside a compiler.
mod expand {
    use proc_macro2::TokenStream;
    pub fn object(input: TokenStream) -> TokenStream {
        syn::parse2(input).and_then(|i| super::object(&i)).unwrap_or_else(syn::Error::into_compile_error)
    }
    pub fn events(input: TokenStream) -> TokenStream {
        syn::parse2(input).and_then(|i| super::events::events(&i)).unwrap_or_else(syn::Error::into_compile_error)
    }
    pub fn listed(input: TokenStream) -> TokenStream {
        syn::parse2(input).and_then(|i| super::events::listed(&i)).unwrap_or_else(syn::Error::into_compile_error)
    }
    pub fn enumeration(input: TokenStream) -> TokenStream {
        syn::parse2(input).and_then(|i| super::enumeration(&i)).unwrap_or_else(syn::Error::into_compile_error)
    }
}

use syn::{Attribute, Data, DeriveInput, Error, Expr, Fields, GenericArgument, Ident, Lit, LitStr, PathArguments, Result, Type};

/// Derives the runtime of an object type: `rt::Wire`, `rt::Object`, `rt::Build`, serde's
/// `Serialize` and `Deserialize`, an accessor per attribute, and a builder named
/// `<Type>Builder`.
///
/// Field attributes: `#[fw(wire = "...", strict = P, lenient = P, forms = "a b", id = "string",
/// example = LIT, fake = "name", utc, nested)]` where P is `"required"`, `"nullable"`, `"optional"`
/// or `"any"`. The field named `unknown_fields` keeps attributes the spec does not list.
/// Struct attribute `#[fw(payload)]` marks the envelope, whose builder validates the
/// event's rules too and can apply them; `#[fw(event(product = "...", name = "...",
/// domain = "...", rules = RULES))]` makes the type an event's data (`rt::EventData`).
#[proc_macro_derive(Object, attributes(fw))]
pub fn derive_object(input: TokenStream) -> TokenStream {
    expand::object(input.into()).into()
}

/// Derives `rt::Events` for the `Event` enum: which variant holds which event kind. See
/// the `events` module for the attributes.
#[proc_macro_derive(Events, attributes(fw))]
pub fn derive_events(input: TokenStream) -> TokenStream {
    expand::events(input.into()).into()
}

/// Derives `rt::Listed` for a fieldless enum over a table (`EventKind`, `Product`).
#[proc_macro_derive(Listed, attributes(fw))]
pub fn derive_listed(input: TokenStream) -> TokenStream {
    expand::listed(input.into()).into()
}

/// Derives the runtime of an enumerated type: unit variants with `#[fw("wire")]` or
/// `#[fw(123)]`, and for an open enum (`#[fw(open)]` on the enum) a last variant
/// `Other(rt::Text)` or `Other(i64)` that keeps values the spec does not list. An open enum
/// whose page documents that other values occur (`#[fw(open, documented)]`, e.g. "or the
/// name of a custom status") accepts them in strict mode too, and seeded samples make them.
#[proc_macro_derive(Enum, attributes(fw))]
pub fn derive_enum(input: TokenStream) -> TokenStream {
    expand::enumeration(input.into()).into()
}

/// What one `#[fw(...)]` field attribute says.
struct FieldSpec {
    ident: Ident,
    ty: Type,
    /// The slot's value type: `T` of `rt::Field<T>`.
    inner: Type,
    wire: String,
    strict: Tokens,
    lenient: Tokens,
    forms: Vec<Ident>,
    id_form: Option<Ident>,
    example: Option<Tokens>,
    fake: Ident,
    utc: bool,
    nested: bool,
    docs: Vec<Attribute>,
}

fn presence(s: &LitStr) -> Result<Tokens> {
    Ok(match s.value().as_str() {
        "required" => quote!(crate::rt::Presence::REQUIRED),
        "nullable" => quote!(crate::rt::Presence::NULLABLE),
        "optional" => quote!(crate::rt::Presence::OPTIONAL),
        "any" => quote!(crate::rt::Presence::ANY),
        other => return Err(Error::new(s.span(), format!("unknown presence {other:?}: use required, nullable, optional or any"))),
    })
}

/// Whether a field's type is the runtime's string type (`rt::Text`), by its last segment.
fn is_text(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.segments.last().is_some_and(|s| s.ident == "Text" && s.arguments.is_empty()))
}

fn camel(snake: &str) -> String {
    snake
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

/// `T` of `rt::Field<T>` (any path ending in `Field`).
fn slot_inner(ty: &Type) -> Result<Type> {
    if let Type::Path(p) = ty {
        if let Some(last) = p.path.segments.last() {
            if last.ident == "Field" {
                if let PathArguments::AngleBracketed(args) = &last.arguments {
                    if let Some(GenericArgument::Type(t)) = args.args.first() {
                        return Ok(t.clone());
                    }
                }
            }
        }
    }
    Err(Error::new_spanned(ty, "an attribute's type must be rt::Field<T>"))
}

fn lit_tokens(lit: &Lit) -> Result<Tokens> {
    Ok(match lit {
        Lit::Str(s) => quote!(crate::rt::Lit::Str(#s)),
        Lit::Int(i) => quote!(crate::rt::Lit::Int(#i)),
        Lit::Float(f) => quote!(crate::rt::Lit::Float(#f)),
        Lit::Bool(b) => quote!(crate::rt::Lit::Bool(#b)),
        other => return Err(Error::new_spanned(other, "an example is a string, integer, number or boolean")),
    })
}

/// A literal that may carry a leading minus sign (`example = -5`).
fn signed_lit(expr: &Expr) -> Result<Tokens> {
    match expr {
        Expr::Lit(l) => lit_tokens(&l.lit),
        Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => match &*u.expr {
            Expr::Lit(l) => match &l.lit {
                Lit::Int(i) => Ok(quote!(crate::rt::Lit::Int(-#i))),
                Lit::Float(f) => Ok(quote!(crate::rt::Lit::Float(-#f))),
                other => Err(Error::new_spanned(other, "only numbers take a sign")),
            },
            other => Err(Error::new_spanned(other, "expected a literal")),
        },
        other => Err(Error::new_spanned(other, "expected a literal")),
    }
}

fn field_spec(field: &syn::Field) -> Result<FieldSpec> {
    let ident = field.ident.clone().ok_or_else(|| Error::new_spanned(field, "fields must be named"))?;
    let bare = ident.to_string().trim_start_matches("r#").to_string();
    let mut spec = FieldSpec {
        inner: slot_inner(&field.ty)?,
        ty: field.ty.clone(),
        wire: bare,
        strict: quote!(crate::rt::Presence::REQUIRED),
        lenient: quote!(crate::rt::Presence::ANY),
        forms: Vec::new(),
        id_form: None,
        example: None,
        fake: format_ident!("Word"),
        utc: false,
        nested: false,
        docs: field.attrs.iter().filter(|a| a.path().is_ident("doc")).cloned().collect(),
        ident,
    };
    for attr in field.attrs.iter().filter(|a| a.path().is_ident("fw")) {
        attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(Ident::to_string).unwrap_or_default();
            match key.as_str() {
                "wire" => spec.wire = meta.value()?.parse::<LitStr>()?.value(),
                "strict" => spec.strict = presence(&meta.value()?.parse::<LitStr>()?)?,
                "lenient" => spec.lenient = presence(&meta.value()?.parse::<LitStr>()?)?,
                "forms" => {
                    let s: LitStr = meta.value()?.parse()?;
                    for name in s.value().split_whitespace() {
                        spec.forms.push(Ident::new(&camel(name), s.span()));
                    }
                }
                "id" => {
                    let s: LitStr = meta.value()?.parse()?;
                    spec.id_form = Some(Ident::new(&camel(&s.value()), s.span()));
                }
                "example" => spec.example = Some(signed_lit(&meta.value()?.parse::<Expr>()?)?),
                "fake" => {
                    let s: LitStr = meta.value()?.parse()?;
                    spec.fake = Ident::new(&camel(&s.value()), s.span());
                }
                "nested" => spec.nested = true,
                "utc" => spec.utc = true,
                _ => return Err(meta.error(format!("unknown field attribute {key:?}"))),
            }
            Ok(())
        })?;
    }
    Ok(spec)
}

fn object(input: &DeriveInput) -> Result<Tokens> {
    let name = &input.ident;
    let Data::Struct(data) = &input.data else {
        return Err(Error::new_spanned(input, "Object is derived for structs"));
    };
    let Fields::Named(named) = &data.fields else {
        return Err(Error::new_spanned(input, "Object needs named fields"));
    };
    let mut payload = false;
    let mut event = None;
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("fw")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("payload") {
                payload = true;
                Ok(())
            } else if meta.path.is_ident("event") {
                event = Some(events::EventAttr::parse(&meta)?);
                Ok(())
            } else {
                Err(meta.error("unknown type attribute"))
            }
        })?;
    }
    let mut fields = Vec::new();
    let mut has_unknown = false;
    for f in &named.named {
        if f.ident.as_ref().is_some_and(|i| i == "unknown_fields") {
            has_unknown = true;
        } else {
            fields.push(field_spec(f)?);
        }
    }
    if !has_unknown {
        return Err(Error::new_spanned(input, "an object keeps unlisted attributes in a field `unknown_fields`"));
    }

    // Generic envelopes: reading, checking and serde need the parameter to be readable;
    // builders and payload methods need it to be an event's data.
    let mut generics = input.generics.clone();
    let mut build_generics = input.generics.clone();
    for param in generics.type_params_mut() {
        param.bounds.push(syn::parse_quote!(crate::rt::Wire));
        param.bounds.push(syn::parse_quote!(Default));
    }
    for param in build_generics.type_params_mut() {
        param.bounds.push(syn::parse_quote!(crate::rt::Build));
        if payload {
            param.bounds.push(syn::parse_quote!(crate::rt::EventData));
        }
    }
    let (impl_g, ty_g, where_g) = generics.split_for_impl();
    let (bimpl_g, _, bwhere_g) = build_generics.split_for_impl();
    let mut de_generics = generics.clone();
    de_generics.params.insert(0, syn::parse_quote!('de));
    let (de_impl_g, _, _) = de_generics.split_for_impl();
    let params: Vec<&Ident> = input.generics.type_params().map(|p| &p.ident).collect();
    let idents: Vec<&Ident> = fields.iter().map(|f| &f.ident).collect();
    let wires: Vec<&String> = fields.iter().map(|f| &f.wire).collect();
    let index: Vec<usize> = (0..fields.len()).collect();
    let inners: Vec<&Type> = fields.iter().map(|f| &f.inner).collect();
    let words = fields.len().div_ceil(64).max(1);
    let n_fields = fields.len();
    let specs = fields.iter().map(|f| {
        let (wire, strict, lenient) = (&f.wire, &f.strict, &f.lenient);
        let forms = &f.forms;
        let id_form = match &f.id_form {
            Some(i) => quote!(Some(crate::rt::IdForm::#i)),
            None => quote!(None),
        };
        let example = match &f.example {
            Some(e) => quote!(Some(#e)),
            None => quote!(None),
        };
        let (fake, utc) = (&f.fake, f.utc);
        quote! {
            crate::rt::FieldSpec {
                wire: #wire,
                strict: #strict,
                lenient: #lenient,
                forms: &[#(crate::rt::TimestampFormat::#forms),*],
                id_form: #id_form,
                example: #example,
                fake: crate::rt::Fake::#fake,
                utc: #utc,
            }
        }
    });

    let accessors = fields.iter().map(|f| {
        let (ident, inner, docs) = (&f.ident, &f.inner, &f.docs);
        // A string reads as `&str`: the storage type is the crate's business.
        let (ret, get) = if is_text(inner) {
            (quote!(Option<&str>), quote!(self.#ident.get().map(|t| t.as_str())))
        } else {
            (quote!(Option<&#inner>), quote!(self.#ident.get()))
        };
        quote! {
            #(#docs)*
            ///
            /// `None` when the attribute is absent, null or of the wrong type; the field of
            /// the same name tells these apart.
            #[inline]
            pub fn #ident(&self) -> #ret {
                #get
            }
        }
    });

    let builder = format_ident!("{}Builder", name);
    let setters = fields.iter().map(|f| {
        let (ident, ty, inner, wire) = (&f.ident, &f.ty, &f.inner, &f.wire);
        let doc = format!("Sets `{wire}`: a value, `Field::Null`, `Field::Absent` or a raw invalid value.");
        let setter = quote! {
            #[doc = #doc]
            pub fn #ident(mut self, value: impl Into<#ty>) -> Self {
                self.0.#ident = value.into();
                self
            }
        };
        if !f.nested {
            return setter;
        }
        // `self_` gives `self_with`, the name the checker reserves (`emit::editor_name`).
        let with = format_ident!("{}_with", ident.to_string().trim_start_matches("r#").trim_end_matches('_'));
        let doc = format!("Edits `{wire}` with its own builder, starting from its current value (or a default sample when it has none).");
        quote! {
            #setter
            #[doc = #doc]
            pub fn #with(mut self, edit: impl FnOnce(<#inner as crate::rt::Build>::Builder) -> <#inner as crate::rt::Build>::Builder) -> Self {
                let start = match std::mem::take(&mut self.0.#ident) {
                    crate::rt::Field::Value(v) => v,
                    _ => crate::rt::sample_default::<#inner>(),
                };
                self.0.#ident = crate::rt::Field::Value(crate::rt::Build::from_builder(edit(crate::rt::Build::into_builder(start))));
                self
            }
        }
    });
    let (validate, payload_extras) = if payload {
        (
            quote!(crate::rt::validate_payload(&self.0, mode)),
            quote! {
                /// Makes the payload keep every documented rule of its event, as seeded
                /// fixtures do: a system actor gets the nulls the docs promise, a value a
                /// rule rules out is replaced by one it allows.
                pub fn apply_rules(mut self) -> Self {
                    crate::rt::event::enforce(&mut self.0);
                    self
                }
            },
        )
    } else {
        (quote!(crate::rt::check_value(&self.0, mode)), quote!())
    };
    let builder_doc = format!("Builds a [`{name}`] attribute by attribute; see [`{name}::builder`].");
    let start_doc = format!("A builder for a [`{name}`], starting from the default fixture.");
    let name_str = name.to_string();

    let event_data = event.map(|e| e.implement(name));
    let start = if payload { quote!(crate::rt::event_fixture::<Self>(None)) } else { quote!(crate::rt::sample_default::<Self>()) };
    let payload_impls = if payload {
        let others: Vec<&Ident> = fields.iter().map(|f| &f.ident).filter(|i| *i != "data").collect();
        let param = params.first().copied().ok_or_else(|| Error::new_spanned(input, "a payload is generic over its data"))?;
        let common = events::envelope_accessors(&fields);
        quote! {
            impl #impl_g crate::rt::Envelope for #name #ty_g #where_g {
                type Data = #param;
                type With<E: crate::rt::Wire + Default> = #name<E>;

                #common

                fn data_field(&self) -> &crate::rt::Field<#param> {
                    &self.data
                }

                fn with_data<E: crate::rt::Wire + Default>(self, data: crate::rt::Field<E>) -> #name<E> {
                    #name { data, #(#others: self.#others,)* unknown_fields: self.unknown_fields }
                }
            }

            impl #bimpl_g #name #ty_g #bwhere_g {
                /// Reads a payload of this event in one pass over the bytes. Only malformed
                /// JSON or a non-object fails: attributes of the wrong type, unknown ones and
                /// repeated keys are kept for [`Self::validate`] to report.
                pub fn from_slice(bytes: &[u8]) -> Result<Self, crate::rt::Error> {
                    crate::rt::from_slice(bytes)
                }

                /// Every violation of the spec in `mode`: attributes, the event name, the rules.
                pub fn validate(&self, mode: crate::rt::Mode) -> crate::rt::Report {
                    crate::rt::validate_payload(self, mode)
                }

                /// Every violation of the spec in `mode`, read straight from the bytes without
                /// building the payload: the same report as [`Self::from_slice`] and
                /// [`Self::validate`], and the same error where that fails.
                pub fn validate_slice(bytes: &[u8], mode: crate::rt::Mode) -> Result<crate::rt::Report, crate::rt::Error> {
                    crate::rt::scan_payload::<Self>(bytes, mode).map(|s| s.report)
                }

                /// Reads and validates: the typed payload when it is valid, every violation
                /// when it is not.
                pub fn from_slice_validated(bytes: &[u8], mode: crate::rt::Mode) -> Result<Self, crate::rt::Rejected> {
                    let payload = Self::from_slice(bytes).map_err(crate::rt::Rejected::Unreadable)?;
                    let report = payload.validate(mode);
                    if report.is_valid() { Ok(payload) } else { Err(crate::rt::Rejected::Invalid(report)) }
                }

                /// The default fixture: realistic, valid in both readings, the same on every run.
                pub fn fixture() -> Self {
                    crate::rt::event_fixture(None)
                }

                /// A fixture drawn from `seed`: the same seed gives the same payload, and it
                /// keeps every documented rule.
                pub fn fixture_seeded(seed: u64) -> Self {
                    crate::rt::event_fixture(Some(seed))
                }
            }
        }
    } else {
        quote!()
    };
    Ok(quote! {
        impl #impl_g crate::rt::Wire for #name #ty_g #where_g {
            const EXPECTED: &'static str = "an object";

            fn read(r: &mut crate::rt::Reader<'_>, peek: crate::rt::Peek) -> Result<crate::rt::Field<Self>, crate::rt::Error> {
                let mut slot = crate::rt::Field::Absent;
                Self::read_into(r, peek, &mut slot)?;
                Ok(slot)
            }

            fn read_into(
                r: &mut crate::rt::Reader<'_>,
                peek: crate::rt::Peek,
                slot: &mut crate::rt::Field<Self>,
            ) -> Result<(), crate::rt::Error> {
                if peek != crate::rt::Peek::Object {
                    *slot = r.invalid(peek)?;
                    return Ok(());
                }
                *slot = crate::rt::Field::Value(Self::default());
                let crate::rt::Field::Value(out) = slot else { return Ok(()) };
                let mut seen = [0u64; #words];
                // Where each attribute's value was, so that a key sent again keeps the
                // earlier value exactly as it was written.
                let mut spans = [(0usize, 0usize); #n_fields];
                let mut key = r.first_key()?;
                while let Some(k) = key {
                    match k {
                        #(#wires => {
                            if crate::rt::seen(&mut seen, #index) {
                                let (start, end) = spans[#index];
                                out.unknown_fields.push_duplicate(#index, #wires, r.raw_between(start, end)?);
                            }
                            let start = r.field_into(&mut out.#idents)?;
                            spans[#index] = (start, r.mark());
                        })*
                        _ => {
                            let k = k.to_owned();
                            let v = r.raw()?;
                            out.unknown_fields.push(k, v);
                        }
                    }
                    key = r.next_key()?;
                }
                r.leave();
                Ok(())
            }

            fn scan(
                s: &mut crate::rt::Scan<'_>,
                peek: crate::rt::Peek,
                _: &'static crate::rt::FieldSpec,
            ) -> Result<(), crate::rt::Error> {
                if peek != crate::rt::Peek::Object {
                    return s.wrong::<Self>(peek);
                }
                let specs = <Self as crate::rt::Object>::FIELDS;
                let mut o = s.open();
                let mut seen = [0u64; #words];
                let mut key = s.reader().first_key()?;
                while let Some(k) = key {
                    match k {
                        #(#wires => {
                            let repeated = crate::rt::seen(&mut seen, #index);
                            s.field::<#inners>(&mut o, repeated, #index, &specs[#index])?;
                        })*
                        _ => {
                            let k = crate::rt::Text::from(k);
                            s.unknown(&mut o, k)?;
                        }
                    }
                    key = s.reader().next_key()?;
                }
                s.reader().leave();
                #(
                    if seen[#index / 64] & (1u64 << (#index % 64)) == 0 {
                        s.absent(#index, &specs[#index], <#inners as crate::rt::Wire>::EXPECTED);
                    }
                )*
                s.close(o, specs)
            }

            fn check<'a>(&'a self, cx: &mut crate::rt::Cx<'a>, _: &'static crate::rt::FieldSpec) {
                let specs = <Self as crate::rt::Object>::FIELDS;
                #(cx.field(&self.#idents, &specs[#index]);)*
                cx.unknown(&self.unknown_fields);
            }

            fn sample(g: &mut crate::rt::Gen, _: &'static crate::rt::FieldSpec) -> Self {
                let specs = <Self as crate::rt::Object>::FIELDS;
                g.enter();
                let out = Self {
                    #(#idents: g.field(&specs[#index]),)*
                    unknown_fields: Default::default(),
                };
                g.leave();
                out
            }

            fn node(&self) -> crate::rt::Node<'_> {
                crate::rt::Node::Object(self)
            }

            fn node_mut(&mut self) -> crate::rt::NodeMut<'_> {
                crate::rt::NodeMut::Object(self)
            }
        }

        impl #impl_g crate::rt::Object for #name #ty_g #where_g {
            const NAME: &'static str = #name_str;
            const FIELDS: &'static [crate::rt::FieldSpec] = &[#(#specs),*];

            fn slot(&self, wire: &str) -> Option<&dyn crate::rt::Slot> {
                match wire {
                    #(#wires => Some(&self.#idents),)*
                    _ => None,
                }
            }

            fn slot_mut(&mut self, wire: &str) -> Option<&mut dyn crate::rt::Slot> {
                match wire {
                    #(#wires => Some(&mut self.#idents),)*
                    _ => None,
                }
            }

            fn unknown_fields(&self) -> &crate::rt::UnknownFields {
                &self.unknown_fields
            }
        }

        impl #impl_g serde::Serialize for #name #ty_g #where_g {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = s.serialize_map(None)?;
                let unknown = &self.unknown_fields;
                #(
                    unknown.write_duplicates(&mut map, #wires)?;
                    crate::rt::entry(&mut map, #wires, &self.#idents)?;
                )*
                unknown.write(&mut map)?;
                map.end()
            }
        }

        impl #de_impl_g serde::Deserialize<'de> for #name #ty_g #where_g {
            fn deserialize<De: serde::Deserializer<'de>>(d: De) -> Result<Self, De::Error> {
                crate::rt::deserialize(d)
            }
        }

        impl #impl_g #name #ty_g #where_g {
            #(#accessors)*
        }

        impl #bimpl_g #name #ty_g #bwhere_g {
            #[doc = #start_doc]
            pub fn builder() -> #builder #ty_g {
                #builder(#start)
            }
        }

        #payload_impls

        #event_data

        #[doc = #builder_doc]
        #[derive(Debug, Clone)]
        pub struct #builder #impl_g (#name #ty_g) #where_g;

        impl #bimpl_g #builder #ty_g #bwhere_g {
            #(#setters)*

            #payload_extras

            /// The value, if it is valid in the lenient reading; otherwise every violation.
            pub fn build(self) -> Result<#name #ty_g, crate::rt::Report> {
                self.build_in(crate::rt::Mode::Lenient)
            }

            /// The value, if it is valid in `mode`; otherwise every violation, in spec order.
            pub fn build_in(self, mode: crate::rt::Mode) -> Result<#name #ty_g, crate::rt::Report> {
                let report = #validate;
                if report.is_valid() { Ok(self.0) } else { Err(report) }
            }

            /// The value as set, valid or not.
            pub fn unchecked(self) -> #name #ty_g {
                self.0
            }
        }

        impl #bimpl_g crate::rt::Build for #name #ty_g #bwhere_g {
            type Builder = #builder #ty_g;

            fn into_builder(self) -> Self::Builder {
                #builder(self)
            }

            fn from_builder(builder: Self::Builder) -> Self {
                builder.0
            }
        }
    })
}

fn enumeration(input: &DeriveInput) -> Result<Tokens> {
    let name = &input.ident;
    let Data::Enum(data) = &input.data else {
        return Err(Error::new_spanned(input, "Enum is derived for enums"));
    };
    let mut open = false;
    let mut documented = false;
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("fw")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("open") {
                open = true;
                Ok(())
            } else if meta.path.is_ident("documented") {
                documented = true;
                Ok(())
            } else {
                Err(meta.error("unknown enum attribute"))
            }
        })?;
    }
    if documented && !open {
        return Err(Error::new_spanned(input, "`documented` says which values beyond the list occur; it needs `open`"));
    }
    let mut idents = Vec::new();
    let mut lits: Vec<Lit> = Vec::new();
    for v in &data.variants {
        if v.ident == "Other" && open {
            continue;
        }
        if !matches!(v.fields, Fields::Unit) {
            return Err(Error::new_spanned(v, "listed values are unit variants; only an open enum's `Other` holds a value"));
        }
        let mut wire = None;
        for attr in v.attrs.iter().filter(|a| a.path().is_ident("fw")) {
            wire = Some(attr.parse_args::<Lit>()?);
        }
        let wire = wire.ok_or_else(|| Error::new_spanned(v, "a value needs its wire form: #[fw(\"value\")] or #[fw(1)]"))?;
        idents.push(v.ident.clone());
        lits.push(wire);
    }
    let int = match lits.first() {
        Some(Lit::Int(_)) => true,
        Some(Lit::Str(_)) | None => false,
        Some(other) => return Err(Error::new_spanned(other, "enum values are strings or integers")),
    };
    if lits.iter().any(|l| matches!(l, Lit::Int(_)) != int) {
        return Err(Error::new(Span::call_site(), "an enum's values are all strings or all integers"));
    }
    let shown: Vec<String> = lits
        .iter()
        .map(|l| match l {
            Lit::Str(s) => format!("{:?}", s.value()),
            Lit::Int(i) => i.base10_digits().to_string(),
            _ => String::new(),
        })
        .collect();
    let expected = format!("one of {}", shown.join(", "));
    let ints: Vec<Tokens> = lits.iter().map(|l| quote!(#l)).collect();

    // Reading: the value's first token decides; a value of the right JSON type that the
    // spec does not list is kept as sent (open enums) or as raw invalid JSON (closed ones).
    let (read_known, to_scalar_other, serialize_other, from_lit_other, sample_other) = if int {
        (
            quote! {
                if !peek.is_num() { return r.invalid(peek); }
                let start = r.mark();
                let Some(n) = r.int(peek)? else { return r.invalid_since(start) };
            },
            quote!(crate::rt::Scalar::Int(*n)),
            quote!(s.serialize_i64(*n)),
            quote!(crate::rt::Scalar::Int(n) => Some(#name::Other(*n)),),
            quote!(#name::Other(g.other_integer())),
        )
    } else {
        (
            quote! {
                if peek != crate::rt::Peek::String { return r.invalid(peek); }
                let start = r.mark();
                let n = r.str()?;
            },
            quote!(crate::rt::Scalar::Str(n)),
            quote!(s.serialize_str(n)),
            quote!(crate::rt::Scalar::Str(n) => Some(#name::Other(crate::rt::Text::from(*n))),),
            quote!(#name::Other(crate::rt::Text::from(g.other_text()))),
        )
    };
    let other_read = match (open, int) {
        (true, true) => quote!(Ok(crate::rt::Field::Value(#name::Other(n)))),
        (true, false) => quote!(Ok(crate::rt::Field::Value(#name::Other(crate::rt::Text::from(n))))),
        (false, _) => quote!({
            let _ = n;
            r.invalid_since(start)
        }),
    };
    let (other_arm_scalar, other_arm_ser, other_lit, listed_check, n_listed) = if open {
        (
            quote!(#name::Other(n) => #to_scalar_other,),
            quote!(#name::Other(n) => #serialize_other,),
            from_lit_other,
            // Values the page says occur beyond its list are not undocumented.
            if documented {
                quote!()
            } else {
                quote! {
                    if let #name::Other(n) = self {
                        cx.unlisted(#to_scalar_other, #expected);
                    }
                }
            },
            quote!(#name::Other(_) => None,),
        )
    } else {
        (quote!(), quote!(), quote!(), quote!(), quote!())
    };
    let scalars: Vec<Tokens> =
        lits.iter().map(|l| if int { quote!(crate::rt::Scalar::Int(#l)) } else { quote!(crate::rt::Scalar::Str(#l)) }).collect();
    let n = idents.len();
    let wire_doc =
        format!("The value as the wire carries it{}.", if open { "; for a value the spec does not list, what was sent" } else { "" });
    let index_doc = "The position of the value in the spec's list; `None` for a value the spec does not list.";
    let matches_read = if int {
        quote! { match n { #(#ints => Ok(crate::rt::Field::Value(#name::#idents)),)* n => #other_read } }
    } else {
        quote! { match n { #(#lits => Ok(crate::rt::Field::Value(#name::#idents)),)* n => #other_read } }
    };
    // Only an open enum has an `Other` to name.
    let other_wire = match (open, int) {
        (true, true) => quote!(#name::Other(n) => *n,),
        (true, false) => quote!(#name::Other(n) => n,),
        (false, _) => quote!(),
    };
    let wire_fn = if int {
        quote! {
            #[doc = #wire_doc]
            pub fn wire(&self) -> i64 {
                match self { #(#name::#idents => #ints,)* #other_wire }
            }
        }
    } else {
        quote! {
            #[doc = #wire_doc]
            pub fn as_str(&self) -> &str {
                match self { #(#name::#idents => #lits,)* #other_wire }
            }
        }
    };
    let index: Vec<usize> = (0..n).collect();
    // Seeded fixtures reach the values the page documents beyond its list.
    let sample_documented = if documented {
        quote! {
            if g.documented_other() {
                return #sample_other;
            }
        }
    } else {
        quote!()
    };

    Ok(quote! {
        impl crate::rt::Wire for #name {
            const EXPECTED: &'static str = #expected;
            // Only an open enum has something to say about a value it read.
            const CHECKS: bool = #open;

            fn read(r: &mut crate::rt::Reader<'_>, peek: crate::rt::Peek) -> Result<crate::rt::Field<Self>, crate::rt::Error> {
                #read_known
                #matches_read
            }

            fn mismatch(found: &crate::rt::Raw) -> crate::rt::Mismatch {
                crate::rt::Mismatch::enumeration(#expected, #int, found)
            }

            fn check<'a>(&'a self, cx: &mut crate::rt::Cx<'a>, _: &'static crate::rt::FieldSpec) {
                let _ = &cx;
                #listed_check
            }

            fn sample(g: &mut crate::rt::Gen, spec: &'static crate::rt::FieldSpec) -> Self {
                const ALL: [#name; #n] = [#(#name::#idents),*];
                #sample_documented
                ALL[g.pick_hinted(spec, &[#(#scalars),*])].clone()
            }

            fn node(&self) -> crate::rt::Node<'_> {
                crate::rt::Node::Scalar(match self {
                    #(#name::#idents => #scalars,)*
                    #other_arm_scalar
                })
            }

            fn from_scalar(value: &crate::rt::Scalar<'_>) -> Option<Self> {
                const ALL: [#name; #n] = [#(#name::#idents),*];
                const WIRES: [crate::rt::Scalar<'static>; #n] = [#(#scalars),*];
                match WIRES.iter().position(|w| w.same(value)) {
                    Some(i) => Some(ALL[i].clone()),
                    None => match value {
                        #other_lit
                        _ => None,
                    },
                }
            }
        }

        impl #name {
            #wire_fn

            #[doc = #index_doc]
            pub fn index(&self) -> Option<usize> {
                match self {
                    #(#name::#idents => Some(#index),)*
                    #n_listed
                }
            }
        }

        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                match self {
                    #(#name::#idents => crate::rt::serialize_scalar(&#scalars, s),)*
                    #other_arm_ser
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<De: serde::Deserializer<'de>>(d: De) -> Result<Self, De::Error> {
                crate::rt::deserialize(d)
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                match crate::rt::Wire::node(self).scalar() {
                    Some(crate::rt::Scalar::Str(s)) => f.write_str(s),
                    Some(other) => write!(f, "{other}"),
                    None => Ok(()),
                }
            }
        }
    })
}
