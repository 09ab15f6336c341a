//! The whole chain, one module per behaviour, in one test binary: the `fwevents` command
//! line as people and CI run it, the generator's outputs against the spec, the docs and
//! the real payloads, and the tools that read those outputs (tsc, ajv, typify, npm, cargo
//! itself on copies of the workspace, a service's handler outside it). The models'
//! behaviour on its own is tested in the models crate (`generated/tests/models/`).
//!
//! The data the modules read is beside this folder: `tests/apps/` (a Freshworks app),
//! `tests/handler/` and `tests/typify/` (crates of their own), `tests/node/` (the npm
//! tools, pinned), `tests/npm/` (scripts run against the npm package), `tests/pages/`
//! (documentation pages doc-import was not built from).

mod common;

mod app_test_data;
mod architecture;
mod ci_formats;
mod cli;
mod diff;
mod docimport_heldout;
mod docimport_payloads;
mod docpage;
mod fixtures;
mod fuzz;
mod generated_fresh;
mod handler;
mod hostile_emit;
mod hostile_payload;
mod hostile_spec;
mod infer;
mod npm_package;
mod observe;
mod packaging;
mod schema;
mod schema_tools;
mod schema_typify;
mod spec_edit;
mod typescript;
mod update_loop;
mod validate_jobs;
