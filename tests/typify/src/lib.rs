//! The Rust types typify made from `fwevents schema` output, one module per reading, product
//! and event, and [`parse`] to read a payload with the types of one event.

// The generated code is typify's, not ours: its style is not this crate's to lint.
#![allow(clippy::all, dead_code, unused_imports, non_camel_case_types)]

include!(concat!(env!("OUT_DIR"), "/types.rs"));
