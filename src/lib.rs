//! The `fwevents` command line as a library: the binary parses arguments and calls
//! [`cmd::run`]; benchmarks call the validation loop directly.

pub mod cmd;
pub mod observe;
