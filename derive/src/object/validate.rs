//! The two paths to a report: `rt::WireCheck`, the walk over a parsed value, and
//! `rt::WireScan`, the compiled validator straight from the bytes (every key checked as it
//! is met, then the absent ones). Both look each attribute up in `FIELDS`, so they agree.

use proc_macro2::TokenStream;
use quote::quote;

use super::generics::Bounds;
use crate::internals::ast::Object;

/// `rt::WireCheck`: what an object expects, and the walk's visit of each attribute, then
/// of the unknown ones.
pub fn check(object: &Object<'_>, bounds: &Bounds<'_>) -> TokenStream {
    let name = object.ident;
    let (impl_g, ty_g, where_g) = bounds.read.split_for_impl();
    let idents = object.fields.iter().map(|f| f.ident);
    let index = 0..object.fields.len();
    quote! {
        impl #impl_g crate::rt::WireCheck for #name #ty_g #where_g {
            const EXPECTED: &'static str = "an object";

            fn check<'a>(&'a self, walk: &mut crate::rt::Walk<'a>, _: &'static crate::rt::FieldSpec) {
                let specs = <Self as crate::rt::Object>::FIELDS;
                #(walk.field(&self.#idents, &specs[#index]);)*
                walk.unknown(&self.unknown_fields);
            }
        }
    }
}

/// `rt::WireScan`: the compiled validator's pass over one object.
pub fn scan(object: &Object<'_>, bounds: &Bounds<'_>) -> TokenStream {
    let name = object.ident;
    let (impl_g, ty_g, where_g) = bounds.read.split_for_impl();
    let wires = object.fields.iter().map(|f| &f.wire);
    let inners: Vec<_> = object.fields.iter().map(|f| f.inner).collect();
    let index: Vec<usize> = (0..object.fields.len()).collect();
    let words = object.fields.len().div_ceil(64).max(1);
    quote! {
        impl #impl_g crate::rt::WireScan for #name #ty_g #where_g {
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
                        s.absent(#index, &specs[#index], <#inners as crate::rt::WireCheck>::EXPECTED);
                    }
                )*
                s.close(o, specs)
            }
        }
    }
}
