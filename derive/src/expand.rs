//! Each derive on `proc_macro2` tokens, so that tests run it outside a compiler: parse the
//! input, read and check it with every error collected, then write. Nothing is written for
//! an input with an error, so the errors are all the compiler shows.

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::internals::ast;
use crate::internals::ctxt::Ctxt;

/// Reads `input` with `read`, writes it with `write` when nothing was wrong, and otherwise
/// returns every error as `compile_error!`s.
fn expand<'a, T>(input: &'a DeriveInput, read: fn(&Ctxt, &'a DeriveInput) -> Option<T>, write: fn(&T) -> TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let read = read(&cx, input);
    match (cx.check(), read) {
        (Ok(()), Some(read)) => write(&read),
        (Err(e), _) => e.into_compile_error(),
        // Every `None` of a reader comes with an error.
        (Ok(()), None) => syn::Error::new_spanned(input, "nothing to derive from").into_compile_error(),
    }
}

fn parsed(input: TokenStream, then: impl FnOnce(&DeriveInput) -> TokenStream) -> TokenStream {
    match syn::parse2::<DeriveInput>(input) {
        Ok(input) => then(&input),
        Err(e) => e.into_compile_error(),
    }
}

pub fn object(input: TokenStream) -> TokenStream {
    parsed(input, |i| expand(i, ast::Object::from_ast, crate::object::write))
}

pub fn enumeration(input: TokenStream) -> TokenStream {
    parsed(input, |i| expand(i, ast::Enum::from_ast, crate::enumeration::write))
}

pub fn events(input: TokenStream) -> TokenStream {
    parsed(input, |i| expand(i, ast::Events::from_ast, crate::events::write))
}

pub fn listed(input: TokenStream) -> TokenStream {
    parsed(input, |i| expand(i, ast::Listed::from_ast, crate::listed::write))
}
