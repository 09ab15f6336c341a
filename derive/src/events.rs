//! The derives of the event layer: the generated `Event` enum's correspondence with the
//! event kinds (`Events`), the kind and product enums over their tables (`Listed`), an
//! event's `Data` naming its event (`#[fw(event(...))]`), and the envelope's common
//! attributes.

use proc_macro2::TokenStream as Tokens;
use quote::quote;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Data, DeriveInput, Error, Fields, Ident, LitStr, Path, Result, Type};

use crate::FieldSpec;

/// `#[derive(Events)]` on the `Event` enum: `#[fw(kind = EventKind, envelope = Envelope)]`
/// on the enum; one variant per event, `Name(Box<payload type>)`, named as the kind's
/// variant and gated as it is; a last variant `Unknown(Box<rt::UnknownEvent>)` (or unboxed).
pub fn events(input: &DeriveInput) -> Result<Tokens> {
    let name = &input.ident;
    let Data::Enum(data) = &input.data else {
        return Err(Error::new_spanned(input, "Events is derived for the Event enum"));
    };
    let (mut kind, mut envelope) = (None::<Path>, None::<Path>);
    for attr in fw_attrs(&input.attrs) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("kind") {
                kind = Some(meta.value()?.parse()?);
            } else if meta.path.is_ident("envelope") {
                envelope = Some(meta.value()?.parse()?);
            } else {
                return Err(meta.error("expected `kind = Type` or `envelope = Type`"));
            }
            Ok(())
        })?;
    }
    let kind = kind.ok_or_else(|| Error::new_spanned(input, "name the kind enum: #[fw(kind = EventKind)]"))?;
    let envelope = envelope.ok_or_else(|| Error::new_spanned(input, "name the envelope: #[fw(envelope = Envelope)]"))?;
    let (mut builds, mut visits, mut kinds) = (Vec::new(), Vec::new(), Vec::new());
    let mut unknown_boxed = None;
    for v in &data.variants {
        let vid = &v.ident;
        let Fields::Unnamed(fields) = &v.fields else {
            return Err(Error::new_spanned(v, "a variant holds one value"));
        };
        if fields.unnamed.len() != 1 {
            return Err(Error::new_spanned(v, "a variant holds one value"));
        }
        if vid == "Unknown" {
            unknown_boxed = Some(boxed(&fields.unnamed[0].ty).is_some());
            continue;
        }
        let payload = boxed(&fields.unnamed[0].ty)
            .ok_or_else(|| Error::new_spanned(&fields.unnamed[0].ty, "an event's variant holds Box<Payload>"))?;
        // The variant exists only where its product's feature is on, and so do its arms.
        let cfgs: Vec<&Attribute> = v.attrs.iter().filter(|a| a.path().is_ident("cfg")).collect();
        builds.push(quote! {
            #(#cfgs)*
            #kind::#vid => Some(build.build::<<#payload as crate::rt::Envelope>::Data>(#name::#vid))
        });
        visits.push(quote! { #(#cfgs)* #name::#vid(payload) => visit.known(&**payload) });
        kinds.push(quote! { #(#cfgs)* #name::#vid(_) => Some(#kind::#vid) });
    }
    let Some(unknown_boxed) = unknown_boxed else {
        return Err(Error::new_spanned(input, "the Event enum keeps the events it does not cover in `Unknown(Box<rt::UnknownEvent>)`"));
    };
    let unknown = if unknown_boxed { quote!(Box::new(event)) } else { quote!(event) };
    Ok(quote! {
        impl crate::rt::Events for #name {
            type Kind = #kind;
            type Head = #envelope<crate::rt::Deferred>;

            // With every product's feature off, no kind has a variant.
            #[allow(unused_variables)]
            fn build<B: crate::rt::Builder<Self>>(kind: #kind, build: B) -> Option<B::Out> {
                match kind {
                    #(#builds,)*
                    // The kinds whose product this build leaves out.
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }

            fn visit<'a, V: crate::rt::Visit<'a>>(&'a self, visit: V) -> V::Out {
                match self {
                    #(#visits,)*
                    #name::Unknown(unknown) => visit.unknown(unknown),
                }
            }

            fn kind(&self) -> Option<#kind> {
                match self {
                    #(#kinds,)*
                    #name::Unknown(_) => None,
                }
            }

            fn unknown(event: crate::rt::UnknownEvent) -> Self {
                #name::Unknown(#unknown)
            }
        }
    })
}

/// `T` of `Box<T>`.
fn boxed(ty: &Type) -> Option<&Type> {
    let Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if last.ident != "Box" {
        return None;
    }
    match &last.arguments {
        syn::PathArguments::AngleBracketed(a) => match a.args.first()? {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

/// `#[derive(Listed)]` on a fieldless enum whose variants are a table's entries in order.
/// With `#[fw(product = Product::Name)]` on every variant, a `product()` method too.
pub fn listed(input: &DeriveInput) -> Result<Tokens> {
    let name = &input.ident;
    let Data::Enum(data) = &input.data else {
        return Err(Error::new_spanned(input, "Listed is derived for fieldless enums"));
    };
    let mut products = Vec::new();
    for v in &data.variants {
        if !matches!(v.fields, Fields::Unit) || v.discriminant.is_some() {
            // The variant's discriminant is its place in the table.
            return Err(Error::new_spanned(v, "a listed variant has no fields and no explicit discriminant"));
        }
        for attr in fw_attrs(&v.attrs) {
            attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("product") {
                    products.push((&v.ident, meta.value()?.parse::<Path>()?));
                    Ok(())
                } else {
                    Err(meta.error("expected `product = Product::Name`"))
                }
            })?;
        }
    }
    let idents: Vec<&Ident> = data.variants.iter().map(|v| &v.ident).collect();
    let product = match products.first() {
        None => quote!(),
        Some(_) if products.len() != idents.len() => {
            return Err(Error::new_spanned(input, "name the product of every variant, or of none"));
        }
        Some((_, first)) => {
            let mut ty = first.clone();
            ty.segments.pop();
            ty.segments.pop_punct();
            let arms = products.iter().map(|(v, p)| quote!(#name::#v => #p));
            quote! {
                impl #name {
                    /// The product the event belongs to.
                    pub const fn product(self) -> #ty {
                        match self { #(#arms,)* }
                    }
                }
            }
        }
    };
    Ok(quote! {
        impl crate::rt::Listed for #name {
            const ALL: &'static [Self] = &[#(#name::#idents),*];

            fn index(self) -> usize {
                self as usize
            }
        }

        #product
    })
}

/// What `#[fw(event(product = "...", name = "...", domain = "...", rules = RULES,
/// kind = crate::EventKind::Name))]` on an event's `Data` says.
pub struct EventAttr {
    product: LitStr,
    name: LitStr,
    domain: LitStr,
    rules: Path,
    kind: Path,
}

impl EventAttr {
    /// Parses the attribute's contents.
    pub fn parse(meta: &ParseNestedMeta<'_>) -> Result<EventAttr> {
        let (mut product, mut name, mut domain, mut rules, mut kind) = (None, None, None, None, None);
        meta.parse_nested_meta(|m| {
            if m.path.is_ident("product") {
                product = Some(m.value()?.parse()?);
            } else if m.path.is_ident("name") {
                name = Some(m.value()?.parse()?);
            } else if m.path.is_ident("domain") {
                domain = Some(m.value()?.parse()?);
            } else if m.path.is_ident("rules") {
                rules = Some(m.value()?.parse()?);
            } else if m.path.is_ident("kind") {
                kind = Some(m.value()?.parse::<Path>()?);
            } else {
                return Err(m.error("expected product, name, domain, rules or kind"));
            }
            Ok(())
        })?;
        let missing = |what: &str| meta.error(format!("event(...) needs `{what}`"));
        Ok(EventAttr {
            product: product.ok_or_else(|| missing("product"))?,
            name: name.ok_or_else(|| missing("name"))?,
            domain: domain.ok_or_else(|| missing("domain"))?,
            rules: rules.ok_or_else(|| missing("rules"))?,
            kind: kind.filter(|k| k.segments.len() > 1).ok_or_else(|| missing("kind = Kind::Variant"))?,
        })
    }

    /// `rt::EventData` for the type.
    pub fn implement(&self, ty: &Ident) -> Tokens {
        let EventAttr { product, name, domain, rules, kind } = self;
        let mut kind_ty = kind.clone();
        kind_ty.segments.pop();
        kind_ty.segments.pop_punct();
        quote! {
            impl crate::rt::EventData for #ty {
                const PRODUCT: &'static str = #product;
                const EVENT: &'static str = #name;
                const DOMAIN: &'static str = #domain;
                const RULES: &'static [crate::rt::Rule] = #rules;
                type Kind = #kind_ty;
                const KIND: #kind_ty = #kind;
            }
        }
    }
}

/// The envelope's common attributes, for `rt::Envelope`: each reads the field of its name
/// when the envelope has one of the type every payload sends, and is `None` otherwise.
pub fn envelope_accessors(fields: &[FieldSpec]) -> Tokens {
    let accessor = |method: &str, name: &str, ty: &str, ret: Tokens| {
        let method = Ident::new(method, proc_macro2::Span::call_site());
        let field = fields.iter().find(|f| f.ident == name && last_ident(&f.inner).is_some_and(|i| i == ty));
        let body = match field {
            Some(f) if ty == "Text" => {
                let id = &f.ident;
                quote!(self.#id.get().map(|t| t.as_str()))
            }
            Some(f) => {
                let id = &f.ident;
                quote!(self.#id.get())
            }
            None => quote!(None),
        };
        quote! {
            fn #method(&self) -> #ret {
                #body
            }
        }
    };
    let parts = [
        accessor("event_name", "event", "Text", quote!(Option<&str>)),
        accessor("domain", "domain", "Text", quote!(Option<&str>)),
        accessor("account_id", "account_id", "Id", quote!(Option<&crate::rt::Id>)),
        accessor("region", "region", "Text", quote!(Option<&str>)),
        accessor("timestamp", "timestamp", "Timestamp", quote!(Option<&crate::rt::Timestamp>)),
        accessor("version", "version", "Text", quote!(Option<&str>)),
    ];
    quote!(#(#parts)*)
}

fn last_ident(ty: &Type) -> Option<&Ident> {
    match ty {
        Type::Path(p) => p.path.segments.last().map(|s| &s.ident),
        _ => None,
    }
}

fn fw_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("fw"))
}
