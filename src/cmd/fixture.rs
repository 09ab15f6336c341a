//! `fixture EVENT [--seed N] [--count N] [--strict]`.

use std::io::Write;
use std::process::ExitCode;

use freshworks_events::{Event, EventKind, Mode};

pub fn run(event: &str, seed: Option<u64>, count: u64, strict: bool) -> anyhow::Result<ExitCode> {
    let kind: EventKind = event.parse()?;
    if count == 0 {
        anyhow::bail!("--count must be at least 1");
    }
    if count > 1 && seed.is_none() {
        anyhow::bail!("--count needs --seed: without it every payload is the same default one");
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for i in 0..count {
        let this_seed = seed.map(|s| s.wrapping_add(i));
        let fixture = fixture_of(kind, this_seed)?;
        let modes: &[Mode] = if strict { &[Mode::Lenient, Mode::Strict] } else { &[Mode::Lenient] };
        for &mode in modes {
            let report = fixture.validate(mode);
            if !report.is_valid() {
                out.flush()?;
                eprintln!("the fixture for seed {this_seed:?} breaks the spec ({mode:?}):\n{report}");
                return Ok(ExitCode::from(1));
            }
        }
        if count == 1 {
            serde_json::to_writer_pretty(&mut out, &fixture)?;
        } else {
            serde_json::to_writer(&mut out, &fixture)?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// A fixture as pretty JSON text, or why it breaks the spec.
pub enum Made {
    Json(String),
    Invalid(String),
}

/// The fixture of `event` (`product/event`) drawn from `seed` (the default payload without
/// one), checked in both readings. The test data for an app (`test_data.rs`) reaches the
/// models crate's fixture API only through here.
pub fn make(event: &str, seed: Option<u64>) -> anyhow::Result<Made> {
    let fixture = fixture_of(event.parse()?, seed)?;
    for mode in [Mode::Lenient, Mode::Strict] {
        let report = fixture.validate(mode);
        if !report.is_valid() {
            return Ok(Made::Invalid(format!("the fixture of {event} for seed {seed:?} breaks the spec ({mode:?}):\n{report}")));
        }
    }
    Ok(Made::Json(serde_json::to_string_pretty(&fixture)?))
}

/// The fixture of `kind`, or why this build has none.
fn fixture_of(kind: EventKind, seed: Option<u64>) -> anyhow::Result<Event> {
    Event::fixture(kind, seed)
        .ok_or_else(|| anyhow::anyhow!("no fixture for {kind}: this build of fwevents leaves {} out", kind.product().title()))
}
