//! The generator: reads the Freshworks event spec (YAML) and emits Rust models with their
//! validators, JSON Schema and reference docs.
//!
//! The pipeline has four stages, each a module:
//! [`yaml`] parses, [`load`] reads the files into the [`model`], [`resolve`] checks it and
//! builds the [`ir`], and the [`emit`] modules turn the IR into text. None of them does I/O;
//! [`source`] is the one place that reads a spec directory, for callers that want it; [`safe`]
//! says what spec text may contain and escapes text shown outside string literals.

pub mod diag;
#[cfg(feature = "tools")]
pub mod diff;
#[cfg(feature = "tools")]
pub mod docpage;
pub mod emit;
#[cfg(feature = "tools")]
pub mod infer;
pub mod ir;
pub mod load;
#[cfg(feature = "tools")]
pub mod markdown;
pub mod model;
pub mod names;
pub mod resolve;
pub mod safe;
pub mod source;
#[doc(hidden)]
pub mod testing;
#[cfg(feature = "tools")]
pub mod witness;
pub mod words;
pub mod yaml;

pub use diag::{Diagnostic, Diagnostics};
pub use emit::rust::RustFile;
pub use ir::Ir;
pub use load::SourceFile;

/// Why generation failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The spec has problems; each diagnostic names the file and attribute.
    #[error("{0}")]
    Spec(Diagnostics),
    /// The spec passed its checks but an emitter failed: a bug in the generator.
    #[error("internal generator error: {0}")]
    Emit(String),
}

/// Loads and checks a spec: every problem at once, or the resolved IR.
///
/// Files are taken in path order whatever order they come in, so the output depends only
/// on their contents.
pub fn compile(files: &[SourceFile]) -> Result<Ir, Diagnostics> {
    let mut files = files.to_vec();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut diags = Diagnostics::default();
    let spec = load::load(&files, &mut diags);
    let ir = resolve::resolve(&spec, &mut diags);
    match ir {
        Some(ir) if diags.is_empty() => Ok(ir),
        _ => Err(diags.finish()),
    }
}

/// Spec text in, Rust source out: `mod.rs`, `types.rs` and one file per event.
pub fn generate_rust(files: &[SourceFile]) -> Result<Vec<RustFile>, Error> {
    let ir = compile(files).map_err(Error::Spec)?;
    emit::rust::generate(&ir).map_err(Error::Emit)
}
