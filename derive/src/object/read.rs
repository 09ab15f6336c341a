//! `rt::WireRead`: the single pass over the pull parser that fills an object in place,
//! key by key, keeping unknown and repeated keys as sent.

use proc_macro2::TokenStream;
use quote::quote;

use super::generics::Bounds;
use crate::internals::ast::Object;

pub fn implement(object: &Object<'_>, bounds: &Bounds<'_>) -> TokenStream {
    let name = object.ident;
    let (impl_g, ty_g, where_g) = bounds.read.split_for_impl();
    let idents: Vec<_> = object.fields.iter().map(|f| f.ident).collect();
    let wires: Vec<_> = object.fields.iter().map(|f| &f.wire).collect();
    let index: Vec<usize> = (0..object.fields.len()).collect();
    let words = object.fields.len().div_ceil(64).max(1);
    let n_fields = object.fields.len();
    quote! {
        impl #impl_g crate::rt::WireRead for #name #ty_g #where_g {
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
        }
    }
}
