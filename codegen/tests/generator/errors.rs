//! Every public error type of the generator is a `std::error::Error` that can cross threads,
//! so `?` takes it into `anyhow::Error` and `Box<dyn Error + Send + Sync>`.

use std::error::Error;

/// Compiles only for a type that can go through `?` into both.
fn composes<E: Error + Send + Sync + 'static>() {}

#[test]
fn every_public_error_is_an_error() {
    composes::<codegen::Error>();
    composes::<codegen::Diagnostics>();
    composes::<codegen::Diagnostic>();
    composes::<codegen::yaml::SyntaxError>();
    composes::<codegen::docpage::PageError>();
}
