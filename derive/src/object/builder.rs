//! The builder: `Type::builder()` from the default fixture, `<Type>Builder` with a setter
//! per attribute (and an editor for a nested object, which edits it with its own builder),
//! `build` and `build_in` that validate, and `rt::Build` linking the two. An envelope's
//! builder validates its event's rules too and can apply them.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::generics::Bounds;
use crate::internals::ast::{Field, Object};

/// `Type::builder()`.
pub fn entry(object: &Object<'_>, bounds: &Bounds<'_>) -> TokenStream {
    let name = object.ident;
    let builder = format_ident!("{}Builder", name);
    let (_, ty_g, _) = bounds.read.split_for_impl();
    let (bimpl_g, _, bwhere_g) = bounds.build.split_for_impl();
    let start_doc = format!("A builder for a [`{name}`], starting from the default fixture.");
    let start =
        if object.payload.is_some() { quote!(crate::rt::event_fixture::<Self>(None)) } else { quote!(crate::rt::sample_default::<Self>()) };
    quote! {
        impl #bimpl_g #name #ty_g #bwhere_g {
            #[doc = #start_doc]
            pub fn builder() -> #builder #ty_g {
                #builder(#start)
            }
        }
    }
}

/// `<Type>Builder`, its methods and `impl rt::Build`.
pub fn builder(object: &Object<'_>, bounds: &Bounds<'_>) -> TokenStream {
    let name = object.ident;
    let builder = format_ident!("{}Builder", name);
    let (impl_g, ty_g, where_g) = bounds.read.split_for_impl();
    let (bimpl_g, _, bwhere_g) = bounds.build.split_for_impl();
    let builder_doc = format!("Builds a [`{name}`] attribute by attribute; see [`{name}::builder`].");
    let setters = object.fields.iter().map(setter);
    let (validate, payload_extras) = if object.payload.is_some() {
        (
            quote!(crate::rt::validate_payload(&self.0, mode)),
            quote! {
                /// Makes the payload keep every documented rule of its event, as seeded
                /// fixtures do: a system actor gets the nulls the docs promise, a value a
                /// rule rules out is replaced by one it allows.
                pub fn apply_rules(mut self) -> Self {
                    crate::rt::event::enforce(&mut self.0);
                    self
                }
            },
        )
    } else {
        (quote!(crate::rt::check_value(&self.0, mode)), quote!())
    };
    quote! {
        #[doc = #builder_doc]
        #[derive(Debug, Clone)]
        pub struct #builder #impl_g (#name #ty_g) #where_g;

        impl #bimpl_g #builder #ty_g #bwhere_g {
            #(#setters)*

            #payload_extras

            /// The value, if it is valid in the lenient reading; otherwise every violation.
            pub fn build(self) -> Result<#name #ty_g, crate::rt::Report> {
                self.build_in(crate::rt::Mode::Lenient)
            }

            /// The value, if it is valid in `mode`; otherwise every violation, in spec order.
            pub fn build_in(self, mode: crate::rt::Mode) -> Result<#name #ty_g, crate::rt::Report> {
                let report = #validate;
                if report.is_valid() { Ok(self.0) } else { Err(report) }
            }

            /// The value as set, valid or not.
            pub fn unchecked(self) -> #name #ty_g {
                self.0
            }
        }

        impl #bimpl_g crate::rt::Build for #name #ty_g #bwhere_g {
            type Builder = #builder #ty_g;

            fn into_builder(self) -> Self::Builder {
                #builder(self)
            }

            fn from_builder(builder: Self::Builder) -> Self {
                builder.0
            }
        }
    }
}

/// The setter of one attribute, and its editor when it has one.
fn setter(f: &Field<'_>) -> TokenStream {
    let (ident, ty, inner, wire) = (f.ident, f.ty, f.inner, &f.wire);
    let doc = format!("Sets `{wire}`: a value, `Field::Null`, `Field::Absent` or a raw invalid value.");
    let setter = quote! {
        #[doc = #doc]
        pub fn #ident(mut self, value: impl Into<#ty>) -> Self {
            self.0.#ident = value.into();
            self
        }
    };
    // The generator names the editor (`codegen::names::editor_ident`), so that the name it
    // checks for collisions is the name written here.
    let Some(with) = &f.editor else { return setter };
    let doc = format!("Edits `{wire}` with its own builder, starting from its current value (or a default sample when it has none).");
    quote! {
        #setter
        #[doc = #doc]
        pub fn #with(mut self, edit: impl FnOnce(<#inner as crate::rt::Build>::Builder) -> <#inner as crate::rt::Build>::Builder) -> Self {
            let start = match std::mem::take(&mut self.0.#ident) {
                crate::rt::Field::Value(v) => v,
                _ => crate::rt::sample_default::<#inner>(),
            };
            self.0.#ident = crate::rt::Field::Value(crate::rt::Build::from_builder(edit(crate::rt::Build::into_builder(start))));
            self
        }
    }
}
