//! The generator's tests, one module per behaviour, in one test binary: the cases of
//! `tests/specs/` (each small spec's every output, expected whole), checks of what the
//! outputs do not show, hostile specs, the npm package's JavaScript, the error types. The
//! crate in `tests/specs/compiled/` compiles every case's expected Rust.

mod cases;
mod checks;
mod errors;
mod hostile;
mod npm;
