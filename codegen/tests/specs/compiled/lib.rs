//! Every case's expected Rust (`tests/specs/<case>/expected/rust/`), compiled: each case is
//! a module that stands in for the models crate's root, over the runtime and derives the
//! models crate mounts as `rt`. Building this crate is the test; it runs with the
//! workspace's build, lints and tests (`cargo build -p freshworks-events-cases` alone).

// As in the models crate: generated code documents everything and compiles without warnings.
#![deny(missing_docs, warnings)]

pub use freshworks_events_runtime as rt;

include!(concat!(env!("OUT_DIR"), "/cases.rs"));
