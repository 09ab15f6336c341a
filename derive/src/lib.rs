//! Derives for the generated Freshworks event models.
//!
//! The generator emits declarations only: a struct per object type with one `#[fw(...)]`
//! attribute per field saying what the spec says (wire name, presence in each reading,
//! timestamp forms, id form, example), and an enum per enumerated type. These derives
//! write the implementations once: the single-pass reader over the pull parser, the
//! validation walk, the slots the rule engine reads and writes, samples, builders,
//! accessors and the serde glue. Everything they emit calls into `crate::rt`, the models
//! crate's hidden runtime, so they are only meant for that crate.
//!
//! A malformed attribute is a compile error at the attribute, never a panic.

use proc_macro::TokenStream;

mod enumeration;
mod events;
mod expand;
mod internals;
mod listed;
mod object;
#[cfg(test)]
mod snapshots;

/// Derives the runtime of an object type: `rt::Wire`, `rt::Object`, `rt::Build`, serde's
/// `Serialize` and `Deserialize`, an accessor per attribute, and a builder named
/// `<Type>Builder`.
///
/// Field attributes: `#[fw(wire = "...", strict = P, lenient = P, forms = "a b", id = "string",
/// example = LIT, fake = "name", utc, nested)]` where P is `"required"`, `"nullable"`, `"optional"`
/// or `"any"`. The field named `unknown_fields` keeps attributes the spec does not list.
/// Struct attribute `#[fw(payload)]` marks the envelope, whose builder validates the
/// event's rules too and can apply them; `#[fw(event(product = "...", name = "...",
/// domain = "...", rules = RULES))]` makes the type an event's data (`rt::EventData`).
#[proc_macro_derive(Object, attributes(fw))]
pub fn derive_object(input: TokenStream) -> TokenStream {
    expand::object(input.into()).into()
}

/// Derives `rt::Events` for the `Event` enum: which variant holds which event kind. See
/// the `events` module for the attributes.
#[proc_macro_derive(Events, attributes(fw))]
pub fn derive_events(input: TokenStream) -> TokenStream {
    expand::events(input.into()).into()
}

/// Derives `rt::Listed` for a fieldless enum over a table (`EventKind`, `Product`).
#[proc_macro_derive(Listed, attributes(fw))]
pub fn derive_listed(input: TokenStream) -> TokenStream {
    expand::listed(input.into()).into()
}

/// Derives the runtime of an enumerated type: unit variants with `#[fw("wire")]` or
/// `#[fw(123)]`, and for an open enum (`#[fw(open)]` on the enum) a last variant
/// `Other(rt::Text)` or `Other(i64)` that keeps values the spec does not list. An open enum
/// whose page documents that other values occur (`#[fw(open, documented)]`, e.g. "or the
/// name of a custom status") accepts them in strict mode too, and seeded samples make them.
#[proc_macro_derive(Enum, attributes(fw))]
pub fn derive_enum(input: TokenStream) -> TokenStream {
    expand::enumeration(input.into()).into()
}
