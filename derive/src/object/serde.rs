//! serde's `Serialize` (attributes in spec order, each repeated key where it was sent,
//! unknown attributes last) and `Deserialize` (through the runtime's transcoding to JSON
//! and the one reader).

use proc_macro2::TokenStream;
use quote::quote;

use super::generics::Bounds;
use crate::internals::ast::Object;

pub fn impls(object: &Object<'_>, bounds: &Bounds<'_>) -> TokenStream {
    let name = object.ident;
    let (impl_g, ty_g, where_g) = bounds.read.split_for_impl();
    let (de_impl_g, _, _) = bounds.de.split_for_impl();
    let idents: Vec<_> = object.fields.iter().map(|f| f.ident).collect();
    let wires: Vec<_> = object.fields.iter().map(|f| &f.wire).collect();
    quote! {
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
    }
}
