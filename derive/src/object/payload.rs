//! What only the envelope (`#[fw(payload)]`) has: `rt::Envelope` (its data, swapped for
//! another's, and the common attributes every payload sends) and the payload methods a
//! user starts from: reading, validating, fixtures.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::Ident;

use super::generics::Bounds;
use crate::internals::ast::{Field, Object};
use crate::internals::ty;

pub fn impls(object: &Object<'_>, bounds: &Bounds<'_>) -> TokenStream {
    let name = object.ident;
    let (impl_g, ty_g, where_g) = bounds.read.split_for_impl();
    let (bimpl_g, _, bwhere_g) = bounds.build.split_for_impl();
    let others: Vec<&Ident> = object.fields.iter().map(|f| f.ident).filter(|i| *i != "data").collect();
    // The checks refuse a payload without a type parameter.
    let Some(param) = bounds.params.first() else { return quote!() };
    let common = common_accessors(&object.fields);
    quote! {
        impl #impl_g crate::rt::Envelope for #name #ty_g #where_g {
            type Data = #param;
            type With<E: crate::rt::Wire + Default> = #name<E>;

            #common

            fn data_field(&self) -> &crate::rt::Field<#param> {
                &self.data
            }

            fn with_data<E: crate::rt::Wire + Default>(self, data: crate::rt::Field<E>) -> #name<E> {
                #name { data, #(#others: self.#others,)* unknown_fields: self.unknown_fields }
            }
        }

        impl #bimpl_g #name #ty_g #bwhere_g {
            /// Reads a payload of this event in one pass over the bytes. Only malformed
            /// JSON or a non-object fails: attributes of the wrong type, unknown ones and
            /// repeated keys are kept for [`Self::validate`] to report.
            pub fn from_slice(bytes: &[u8]) -> Result<Self, crate::rt::Error> {
                crate::rt::from_slice(bytes)
            }

            /// Every violation of the spec in `mode`: attributes, the event name, the rules.
            pub fn validate(&self, mode: crate::rt::Mode) -> crate::rt::Report {
                crate::rt::validate_payload(self, mode)
            }

            /// Every violation of the spec in `mode`, read straight from the bytes without
            /// building the payload: the same report as [`Self::from_slice`] and
            /// [`Self::validate`], and the same error where that fails.
            pub fn validate_slice(bytes: &[u8], mode: crate::rt::Mode) -> Result<crate::rt::Report, crate::rt::Error> {
                crate::rt::scan_payload::<Self>(bytes, mode).map(|s| s.report)
            }

            /// Reads and validates: the typed payload when it is valid, every violation
            /// when it is not.
            pub fn from_slice_validated(bytes: &[u8], mode: crate::rt::Mode) -> Result<Self, crate::rt::Rejected> {
                let payload = Self::from_slice(bytes).map_err(crate::rt::Rejected::Unreadable)?;
                let report = payload.validate(mode);
                if report.is_valid() { Ok(payload) } else { Err(crate::rt::Rejected::Invalid(report)) }
            }

            /// The default fixture: realistic, valid in both readings, the same on every run.
            pub fn fixture() -> Self {
                crate::rt::event_fixture(None)
            }

            /// A fixture drawn from `seed`: the same seed gives the same payload, and it
            /// keeps every documented rule.
            pub fn fixture_seeded(seed: u64) -> Self {
                crate::rt::event_fixture(Some(seed))
            }
        }
    }
}

/// The envelope's common attributes, for `rt::Envelope`: each reads the field of its name
/// when the envelope has one of the type every payload sends, and is `None` otherwise.
fn common_accessors(fields: &[Field<'_>]) -> TokenStream {
    let accessor = |method: &str, name: &str, ty: &str, ret: TokenStream| {
        let method = Ident::new(method, Span::call_site());
        let field = fields.iter().find(|f| f.ident == name && ty::last_ident(f.inner).is_some_and(|i| i == ty));
        let body = match field {
            Some(f) if ty == "Text" => {
                let id = f.ident;
                quote!(self.#id.get().map(|t| t.as_str()))
            }
            Some(f) => {
                let id = f.ident;
                quote!(self.#id.get())
            }
            None => quote!(None),
        };
        quote! {
            fn #method(&self) -> #ret {
                #body
            }
        }
    };
    let parts = [
        accessor("event_name", "event", "Text", quote!(Option<&str>)),
        accessor("domain", "domain", "Text", quote!(Option<&str>)),
        accessor("account_id", "account_id", "Id", quote!(Option<&crate::rt::Id>)),
        accessor("region", "region", "Text", quote!(Option<&str>)),
        accessor("timestamp", "timestamp", "Timestamp", quote!(Option<&crate::rt::Timestamp>)),
        accessor("version", "version", "Text", quote!(Option<&str>)),
    ];
    quote!(#(#parts)*)
}
