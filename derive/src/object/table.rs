//! `Object::FIELDS`: each attribute's facts as the runtime's `rt::FieldSpec`, the one table
//! that reading, the walk, the compiled validator and samples all look an attribute up in.

use proc_macro2::TokenStream;
use quote::quote;
use syn::Ident;

use crate::internals::ast::Field;
use crate::internals::attr::{Example, Presence, Word};

pub fn fields(fields: &[Field<'_>]) -> TokenStream {
    let specs = fields.iter().map(|f| {
        let wire = &f.wire;
        let (strict, lenient) = (presence(f.strict), presence(f.lenient));
        let forms = f.forms.iter().map(variant);
        let id_form = match &f.id_form {
            Some(w) => {
                let i = variant(w);
                quote!(Some(crate::rt::IdForm::#i))
            }
            None => quote!(None),
        };
        let example = match &f.example {
            Some(e) => {
                let e = example(e);
                quote!(Some(#e))
            }
            None => quote!(None),
        };
        let fake = f.fake.as_ref().map_or_else(|| Ident::new("Word", proc_macro2::Span::call_site()), variant);
        let utc = f.utc;
        quote! {
            crate::rt::FieldSpec {
                wire: #wire,
                strict: #strict,
                lenient: #lenient,
                forms: &[#(crate::rt::TimestampFormat::#forms),*],
                id_form: #id_form,
                example: #example,
                fake: crate::rt::Fake::#fake,
                utc: #utc,
            }
        }
    });
    quote!(&[#(#specs),*])
}

fn presence(p: Presence) -> TokenStream {
    match p {
        Presence::Required => quote!(crate::rt::Presence::REQUIRED),
        Presence::Nullable => quote!(crate::rt::Presence::NULLABLE),
        Presence::Optional => quote!(crate::rt::Presence::OPTIONAL),
        Presence::Any => quote!(crate::rt::Presence::ANY),
    }
}

/// The runtime's variant for a snake_case name: `epoch_millis` is `EpochMillis`. The grammar
/// let through only names that make an identifier.
fn variant(word: &Word) -> Ident {
    let camel: String = word
        .text
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect();
    Ident::new(&camel, word.span)
}

fn example(e: &Example) -> TokenStream {
    use syn::Lit;
    match (&e.lit, e.negative) {
        (Lit::Str(s), _) => quote!(crate::rt::Lit::Str(#s)),
        (Lit::Int(i), false) => quote!(crate::rt::Lit::Int(#i)),
        (Lit::Int(i), true) => quote!(crate::rt::Lit::Int(-#i)),
        (Lit::Float(f), false) => quote!(crate::rt::Lit::Float(#f)),
        (Lit::Float(f), true) => quote!(crate::rt::Lit::Float(-#f)),
        (Lit::Bool(b), _) => quote!(crate::rt::Lit::Bool(#b)),
        // The grammar keeps no other literal.
        (other, _) => quote!(#other),
    }
}
