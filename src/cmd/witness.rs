//! Real payloads of one event, read for `doc-import --payloads`.

use std::io::{BufRead, BufReader};
use std::path::Path;

use anyhow::Context;
use codegen::witness::Witness;

use super::observe::{files, payload_of};

/// Payload bytes read at most: the paths they show are what is kept, but reading is bounded.
const MAX_BYTES: u64 = 1 << 30;

/// The paths shown by the payloads in `input` (a folder, payload files or logs) whose
/// envelope names `event` or no event.
pub fn read(input: &Path, event: &str) -> anyhow::Result<Witness> {
    let mut witness = Witness::default();
    let mut read = 0u64;
    let mut take = |body: &[u8]| {
        read += body.len() as u64;
        if let Ok(p) = serde_json::from_slice::<serde_json::Value>(body) {
            if p.get("event").and_then(|e| e.as_str()).is_none_or(|e| e == event) {
                witness.add_payload(&p);
            }
        }
        read <= MAX_BYTES
    };
    for (path, log) in files(input)? {
        let name = path.display().to_string();
        if !log {
            let bytes = std::fs::read(&path).with_context(|| format!("cannot read {name}"))?;
            if !take(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes)) {
                break;
            }
            continue;
        }
        let file = std::fs::File::open(&path).with_context(|| format!("cannot read {name}"))?;
        let mut reader = BufReader::new(file);
        let (mut line, mut number) = (Vec::new(), 0);
        loop {
            line.clear();
            if reader.read_until(b'\n', &mut line).with_context(|| format!("cannot read {name}"))? == 0 {
                break;
            }
            number += 1;
            if let Some(body) = payload_of(&line, number) {
                if !take(&line[body]) {
                    break;
                }
            }
        }
    }
    Ok(witness)
}
