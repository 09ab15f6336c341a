//! `#[derive(Events)]`'s output on the `Event` enum: which variant holds which event kind,
//! one match each way (building a kind's variant, visiting a variant's payload, naming its
//! kind), so that everything over all events is written once in the runtime's dispatch.

use proc_macro2::TokenStream;
use quote::quote;

use crate::internals::ast::Events;

pub fn write(e: &Events<'_>) -> TokenStream {
    let Events { ident: name, kind, envelope, .. } = e;
    let (mut builds, mut visits, mut kinds) = (Vec::new(), Vec::new(), Vec::new());
    for v in &e.variants {
        let (vid, payload, cfgs) = (v.ident, v.payload, &v.cfgs);
        // The variant exists only where its product's feature is on, and so do its arms.
        builds.push(quote! {
            #(#cfgs)*
            #kind::#vid => Some(build.build::<<#payload as crate::rt::Envelope>::Data>(#name::#vid))
        });
        visits.push(quote! { #(#cfgs)* #name::#vid(payload) => visit.known(&**payload) });
        kinds.push(quote! { #(#cfgs)* #name::#vid(_) => Some(#kind::#vid) });
    }
    let unknown = if e.unknown_boxed { quote!(Box::new(event)) } else { quote!(event) };
    quote! {
        impl crate::rt::Events for #name {
            type Kind = #kind;
            type Head = #envelope<crate::rt::Deferred>;

            // With every product's feature off, no kind has a variant.
            #[allow(unused_variables)]
            fn build<B: crate::rt::Builder<Self>>(kind: #kind, build: B) -> Option<B::Out> {
                match kind {
                    #(#builds,)*
                    // The kinds whose product this build leaves out.
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }

            fn visit<'a, V: crate::rt::Visit<'a>>(&'a self, visit: V) -> V::Out {
                match self {
                    #(#visits,)*
                    #name::Unknown(unknown) => visit.unknown(unknown),
                }
            }

            fn kind(&self) -> Option<#kind> {
                match self {
                    #(#kinds,)*
                    #name::Unknown(_) => None,
                }
            }

            fn unknown(event: crate::rt::UnknownEvent) -> Self {
                #name::Unknown(#unknown)
            }
        }
    }
}
