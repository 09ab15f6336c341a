//! Derives for the generated Freshworks event models.
//!
//! The generator emits declarations only: a struct per object type with one `#[fw(...)]`
//! attribute per field saying what the spec says (wire name, presence in each reading,
//! timestamp forms, id form, example, the builder's editor), and an enum per enumerated
//! type. These derives write the implementations once: the single-pass reader over the
//! pull parser, the validation walk, the slots the rule engine reads and writes, samples,
//! builders, accessors and the serde glue. Everything they emit calls into `crate::rt`, the
//! models crate's hidden runtime, so they are only meant for that crate.
//!
//! The crate is laid out as serde_derive is, reading apart from writing:
//!
//! - `internals/`: what the derives read, and nothing they write. `attr` the `#[fw(...)]`
//!   grammar in each place it stands, `ast` each input's shape, `check` the rules between
//!   attributes, `ty` the shapes of types looked into, `ctxt` every error of one input.
//! - `object/`: `#[derive(Object)]`'s output, a module per thing it writes: `read` the
//!   reader, `validate` the walk and the compiled validator, `sample` fixtures, `table` and
//!   `slots` the `FIELDS` table and what the rule engine reads and writes through,
//!   `serde`, `accessors`, `builder`, `payload` the envelope's own, `event_data` an
//!   event's; `generics` the bounds they share.
//! - `enumeration` (`Enum`), `events` (`Events`), `listed` (`Listed`): one module each.
//! - `expand`: each derive on `proc_macro2` tokens: read, check, write.
//!
//! A malformed attribute is a compile error at its tokens, never a panic, and every mistake
//! of a declaration is reported in one build, not the first only (`tests/ui/` pins each
//! message). The names a declaration gives, such as an editor's, are the generator's
//! decision, never derived again here.

use proc_macro::TokenStream;

mod enumeration;
mod events;
mod expand;
mod internals;
mod listed;
mod object;
#[cfg(test)]
mod snapshots;

/// Derives the runtime of an object type: each face of `rt::Wire` (`WireRead`,
/// `WireCheck`, `WireScan`, `WireSample`, `WireNode`), `rt::Object`, `rt::Build`, serde's
/// `Serialize` and `Deserialize`, an accessor per attribute, and a builder named
/// `<Type>Builder`.
///
/// Field attributes: `#[fw(wire = "...", strict = P, lenient = P, forms = "a b", id = "string",
/// example = LIT, fake = "name", utc, editor = name_with)]` where P is `"required"`,
/// `"nullable"`, `"optional"` or `"any"`; `editor` gives an object attribute a second setter
/// of that name, which edits it with its own builder. The field named `unknown_fields`
/// keeps attributes the spec does not list. Struct attribute `#[fw(payload)]` marks the
/// envelope, whose builder validates the event's rules too and can apply them;
/// `#[fw(event(product = "...", name = "...", domain = "...", rules = RULES,
/// kind = crate::EventKind::Name))]` makes the type an event's data (`rt::EventData`).
#[proc_macro_derive(Object, attributes(fw))]
pub fn derive_object(input: TokenStream) -> TokenStream {
    expand::object(input.into()).into()
}

/// Derives `rt::Events` for the `Event` enum: which variant holds which event kind.
/// `#[fw(kind = EventKind, envelope = Envelope)]` on the enum; one variant per event,
/// `Name(Box<payload type>)`, named as the kind's variant and gated as it is; a last variant
/// `Unknown(Box<rt::UnknownEvent>)` (or unboxed).
#[proc_macro_derive(Events, attributes(fw))]
pub fn derive_events(input: TokenStream) -> TokenStream {
    expand::events(input.into()).into()
}

/// Derives `rt::Listed` for a fieldless enum over a table (`EventKind`, `Product`), its
/// variants the table's entries in order. With `#[fw(product = Product::Name)]` on every
/// variant, a `product()` method too.
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
