//! `rt::EventData` for an event's data (`#[fw(event(...))]`): which product and event it
//! is, where its rules are and which kind names it.

use proc_macro2::TokenStream;
use quote::quote;

use crate::internals::attr::Event;

pub fn implement(ty: &syn::Ident, event: &Event) -> TokenStream {
    let Event { product, name, domain, rules, kind } = event;
    // The kind's type is its variant's path less the variant.
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
