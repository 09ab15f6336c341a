//! An accessor per attribute: the value when there is one of the right type, a string as
//! `&str` so that the storage type stays the crate's business.

use proc_macro2::TokenStream;
use quote::quote;

use super::generics::Bounds;
use crate::internals::ast::Object;
use crate::internals::ty;

pub fn impl_block(object: &Object<'_>, bounds: &Bounds<'_>) -> TokenStream {
    let name = object.ident;
    let (impl_g, ty_g, where_g) = bounds.read.split_for_impl();
    let accessors = object.fields.iter().map(|f| {
        let (ident, inner, docs) = (f.ident, f.inner, &f.docs);
        let (ret, get) = if ty::is_text(inner) {
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
    quote! {
        impl #impl_g #name #ty_g #where_g {
            #(#accessors)*
        }
    }
}
