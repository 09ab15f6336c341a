//! `roundtrip FILE`: parse into the generated types and print back.

use std::path::Path;
use std::process::ExitCode;

use freshworks_events::Event;

use super::spec_input;

pub fn run(file: &Path, event: Option<&str>) -> anyhow::Result<ExitCode> {
    let bytes = spec_input::read_input(file)?;
    // As `validate` does: a byte order mark some editors add is not part of the payload.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let parsed = match event {
        Some(name) => name.parse().and_then(|kind| Event::parse_as(kind, bytes)),
        None => Event::parse(bytes),
    };
    match parsed {
        Ok(event) => {
            if let Event::Unknown(unknown) = &event {
                eprintln!("{}: kept as an unknown event: {}", file.display(), unknown.reason);
            }
            println!("{}", serde_json::to_string_pretty(&event)?);
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            eprintln!("{}: {e}", file.display());
            Ok(ExitCode::from(1))
        }
    }
}
