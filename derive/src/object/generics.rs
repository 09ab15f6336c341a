//! The bounds an object's impls put on its type parameters (the envelope's data), shared by
//! every writer of an object so that they agree.

use syn::{Generics, Ident};

use crate::internals::ast::Object;

pub struct Bounds<'a> {
    /// The faces of `rt::Wire`, `rt::Object` and serde: the parameter must be an
    /// attribute's type (`rt::Wire + Default`).
    pub read: Generics,
    /// Builders and payload methods: the parameter must build (`rt::Build`), and for the
    /// envelope be an event's data (`rt::EventData`).
    pub build: Generics,
    /// `read` with the `'de` of `Deserialize<'de>` first.
    pub de: Generics,
    /// The parameters as declared.
    pub params: Vec<&'a Ident>,
}

impl<'a> Bounds<'a> {
    pub fn new(object: &Object<'a>) -> Bounds<'a> {
        let mut read = object.generics.clone();
        let mut build = object.generics.clone();
        for param in read.type_params_mut() {
            param.bounds.push(syn::parse_quote!(crate::rt::Wire));
            param.bounds.push(syn::parse_quote!(Default));
        }
        for param in build.type_params_mut() {
            param.bounds.push(syn::parse_quote!(crate::rt::Build));
            if object.payload.is_some() {
                param.bounds.push(syn::parse_quote!(crate::rt::EventData));
            }
        }
        let mut de = read.clone();
        de.params.insert(0, syn::parse_quote!('de));
        Bounds { read, build, de, params: object.generics.type_params().map(|p| &p.ident).collect() }
    }
}
