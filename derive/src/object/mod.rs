//! `#[derive(Object)]`'s output, one module per thing it writes, assembled here in the
//! order the expansion snapshots pin. `generics` is the one place the impls' bounds are
//! decided; the other modules do not use each other, except `slots` the `table` it holds.

mod accessors;
mod builder;
mod event_data;
mod generics;
mod payload;
mod read;
mod sample;
mod serde;
mod slots;
mod table;
mod validate;

use proc_macro2::TokenStream;
use quote::quote;

use crate::internals::ast::Object;
use generics::Bounds;

pub fn write(object: &Object<'_>) -> TokenStream {
    let name = object.ident;
    let bounds = Bounds::new(object);
    let read = read::implement(object, &bounds);
    let check = validate::check(object, &bounds);
    let scan = validate::scan(object, &bounds);
    let sample = sample::implement(object, &bounds);
    let node = slots::node(object, &bounds);
    let object_impl = slots::object_impl(object, &bounds);
    let serde = serde::impls(object, &bounds);
    let accessors = accessors::impl_block(object, &bounds);
    let entry = builder::entry(object, &bounds);
    let payload = if object.payload.is_some() { payload::impls(object, &bounds) } else { quote!() };
    let event_data = object.event.as_ref().map(|e| event_data::implement(name, e));
    let builder = builder::builder(object, &bounds);
    quote! {
        #read

        #check

        #scan

        #sample

        #node

        #object_impl

        #serde

        #accessors

        #entry

        #payload

        #event_data

        #builder
    }
}
