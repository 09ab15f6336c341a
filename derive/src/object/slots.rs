//! How the rule engine sees an object: `rt::WireNode` (an object node), and `rt::Object`:
//! the `FIELDS` table and the slot of each attribute by its wire name, the dynamic walk
//! the one rule interpreter reads and writes through.

use proc_macro2::TokenStream;
use quote::quote;

use super::generics::Bounds;
use super::table;
use crate::internals::ast::Object;

/// `rt::WireNode`: the object as a node, to read and to change.
pub fn node(object: &Object<'_>, bounds: &Bounds<'_>) -> TokenStream {
    let name = object.ident;
    let (impl_g, ty_g, where_g) = bounds.read.split_for_impl();
    quote! {
        impl #impl_g crate::rt::WireNode for #name #ty_g #where_g {
            fn node(&self) -> crate::rt::Node<'_> {
                crate::rt::Node::Object(self)
            }

            fn node_mut(&mut self) -> crate::rt::NodeMut<'_> {
                crate::rt::NodeMut::Object(self)
            }
        }
    }
}

/// `impl rt::Object`.
pub fn object_impl(object: &Object<'_>, bounds: &Bounds<'_>) -> TokenStream {
    let name = object.ident;
    let (impl_g, ty_g, where_g) = bounds.read.split_for_impl();
    let name_str = name.to_string();
    let specs = table::fields(&object.fields);
    let idents: Vec<_> = object.fields.iter().map(|f| f.ident).collect();
    let wires: Vec<_> = object.fields.iter().map(|f| &f.wire).collect();
    quote! {
        impl #impl_g crate::rt::Object for #name #ty_g #where_g {
            const NAME: &'static str = #name_str;
            const FIELDS: &'static [crate::rt::FieldSpec] = #specs;

            fn slot(&self, wire: &str) -> Option<&dyn crate::rt::Slot> {
                match wire {
                    #(#wires => Some(&self.#idents),)*
                    _ => None,
                }
            }

            fn slot_mut(&mut self, wire: &str) -> Option<&mut dyn crate::rt::Slot> {
                match wire {
                    #(#wires => Some(&mut self.#idents),)*
                    _ => None,
                }
            }

            fn unknown_fields(&self) -> &crate::rt::UnknownFields {
                &self.unknown_fields
            }
        }
    }
}
