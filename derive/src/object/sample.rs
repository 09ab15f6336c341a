//! `rt::WireSample`: a fixture of the object, each attribute drawn from its `FIELDS` entry
//! (realistic values, rule literals as hints), no unknown attributes.

use proc_macro2::TokenStream;
use quote::quote;

use super::generics::Bounds;
use crate::internals::ast::Object;

pub fn implement(object: &Object<'_>, bounds: &Bounds<'_>) -> TokenStream {
    let name = object.ident;
    let (impl_g, ty_g, where_g) = bounds.read.split_for_impl();
    let idents = object.fields.iter().map(|f| f.ident);
    let index = 0..object.fields.len();
    quote! {
        impl #impl_g crate::rt::WireSample for #name #ty_g #where_g {
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
        }
    }
}
