//! `#[derive(Listed)]`'s output: a fieldless enum over a table (`EventKind`, `Product`),
//! every variant in order and its index, and each kind's product when the variants name it.

use proc_macro2::TokenStream;
use quote::quote;

use crate::internals::ast::Listed;

pub fn write(l: &Listed<'_>) -> TokenStream {
    let name = l.ident;
    let idents = &l.variants;
    let product = match &l.products {
        Some(products) if !products.is_empty() => {
            // The product type is a variant's path less the variant.
            let mut ty = products[0].clone();
            ty.segments.pop();
            ty.segments.pop_punct();
            let arms = idents.iter().zip(products).map(|(v, p)| quote!(#name::#v => #p));
            quote! {
                impl #name {
                    /// The product the event belongs to.
                    pub const fn product(self) -> #ty {
                        match self { #(#arms,)* }
                    }
                }
            }
        }
        _ => quote!(),
    };
    quote! {
        impl crate::rt::Listed for #name {
            const ALL: &'static [Self] = &[#(#name::#idents),*];

            fn index(self) -> usize {
                self as usize
            }
        }

        #product
    }
}
