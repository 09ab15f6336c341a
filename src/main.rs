//! `fwevents`: one command line for the Freshworks event spec and its generated models.

use std::process::ExitCode;

use fwevents::cmd;

fn main() -> ExitCode {
    let cli = cmd::parse();
    match cmd::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
