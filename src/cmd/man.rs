//! `man [--out DIR]`: the man page, made from the command line's own definition so that it
//! cannot fall out of step with `--help`.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

/// `cmd` is the command line's definition, which the caller owns.
pub fn run(cmd: clap::Command, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    match out {
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(cmd).render(&mut page).context("cannot render the man page")?;
            return print(&page);
        }
        Some(dir) => {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
            // fwevents.1, then fwevents-validate.1 and the rest, as `man fwevents-validate` finds them.
            clap_mangen::generate_to(cmd, dir).with_context(|| format!("cannot write the man pages into {}", dir.display()))?;
            eprintln!("wrote the man pages into {}", dir.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes a made document to standard output. A reader that stops early (`| head`) is not
/// a failure: the rest is not wanted.
pub fn print(bytes: &[u8]) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e).context("cannot write to standard output"),
        _ => Ok(ExitCode::SUCCESS),
    }
}
