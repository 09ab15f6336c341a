//! The models' behaviour, one module per behaviour, in one test binary: reading the real
//! payloads, event kinds and dispatch, validation and each rule, the pages' wording,
//! fixtures, builders, serde in a service's own types, the compiled validator against the
//! typed path, costly and fuzzed payloads, the error types, the axum extractor and the
//! README's Rust examples. Nothing here runs the generator or the command line; those
//! tests are the workspace's (`tests/chain/`).
//!
//! `product_features` and `rule_literals` hold in every build of the crate; the other
//! modules read payloads of every product and need every product's feature (the default).
//! `.ci/run` also runs `cargo test -p freshworks-events --no-default-features --features
//! freshchat --test models product_features`.

// The derives write `crate::rt::` paths, as in the models crate: `rule_literals` declares
// an event of its own, as the generator would.
use freshworks_events::rt;

mod product_features;
mod rule_literals;

/// Modules that read payloads of every product: compiled when every product's feature is on.
macro_rules! with_every_product {
    ($($item:item)*) => {
        $(#[cfg(all(feature = "freshchat", feature = "freshdesk", feature = "freshcaller", feature = "freshsales"))] $item)*
    };
}

with_every_product! {
    mod common;
    mod mutate;
    mod axum_server;
    mod builders;
    mod compiled_validator;
    mod errors;
    mod fixtures;
    mod fuzz;
    mod kinds;
    mod many_keys;
    mod page_words;
    mod payloads;
    mod readme;
    mod user;
    mod validation;
}
