//! `Wire::sample`: a fixture of the object, each attribute drawn from its `FIELDS` entry
//! (realistic values, rule literals as hints), no unknown attributes.

use proc_macro2::TokenStream;
use quote::quote;

use crate::internals::ast::Object;

pub fn method(object: &Object<'_>) -> TokenStream {
    let idents = object.fields.iter().map(|f| f.ident);
    let index = 0..object.fields.len();
    quote! {
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
