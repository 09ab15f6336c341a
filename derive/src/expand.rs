//! Each derive on `proc_macro2` tokens, so that tests run it outside a compiler: parse the
//! input, read it and check what was read with every error collected, then write. Nothing
//! is written for an input with an error, so the errors are all the compiler shows.

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::internals::ctxt::Ctxt;
use crate::internals::{ast, check};

/// Reads `input` with `read`, checks what it read with `check`, writes it with `write`
/// when nothing was wrong, and otherwise returns every error as `compile_error!`s.
fn expand<'a, T>(
    input: &'a DeriveInput,
    read: fn(&Ctxt, &'a DeriveInput) -> Option<T>,
    check: fn(&Ctxt, &T),
    write: fn(&T) -> TokenStream,
) -> TokenStream {
    let cx = Ctxt::new();
    let read = read(&cx, input);
    if let Some(read) = &read {
        check(&cx, read);
    }
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
    parsed(input, |i| expand(i, ast::Object::from_ast, check::object, crate::object::write))
}

pub fn enumeration(input: TokenStream) -> TokenStream {
    parsed(input, |i| expand(i, ast::Enum::from_ast, check::enumeration, crate::enumeration::write))
}

pub fn events(input: TokenStream) -> TokenStream {
    // Nothing but its shape to check, which reading it does.
    parsed(input, |i| expand(i, ast::Events::from_ast, |_, _| {}, crate::events::write))
}

pub fn listed(input: TokenStream) -> TokenStream {
    // Nothing but its shape to check, which reading it does.
    parsed(input, |i| expand(i, ast::Listed::from_ast, |_, _| {}, crate::listed::write))
}
