//! `infer PAYLOAD... --event product/name`: a spec file drafted from real payloads.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use super::observe::{files, payload_of};

#[derive(clap::Args)]
pub struct Args {
    /// Payload files (`*.json`, one payload each), logs (one payload per line), folders of
    /// them, or - for a log on standard input. Payloads of other events are skipped.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The event to draft, as `product/name` (e.g. `freshdesk/onAgentUpdate`).
    #[arg(long)]
    event: String,
}

/// Payloads held for drafting: the draft needs them all, so a bound keeps memory in check.
const MAX_BYTES: usize = 256 << 20;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let Some((product, event)) = args.event.split_once('/') else {
        anyhow::bail!("--event is product/name, e.g. freshdesk/onAgentUpdate");
    };
    codegen::names::check_spec_name(product).map_err(|why| anyhow::anyhow!("the product \"{product}\" {why}"))?;
    codegen::names::check_spec_name(event).map_err(|why| anyhow::anyhow!("the event \"{event}\" {why}"))?;
    let mut payloads = Vec::new();
    let (mut other, mut unreadable, mut bytes) = (0usize, 0usize, 0usize);
    let mut take = |name: &str, line: Option<usize>, body: &[u8]| -> anyhow::Result<()> {
        bytes += body.len();
        if bytes > MAX_BYTES {
            anyhow::bail!("more than {} MB of payloads; draft from a sample", MAX_BYTES >> 20);
        }
        match serde_json::from_slice::<serde_json::Value>(body) {
            // A payload that names another event is not this one's evidence.
            Ok(p) if p.get("event").and_then(|e| e.as_str()).is_some_and(|e| e != event) => other += 1,
            Ok(p @ serde_json::Value::Object(_)) => payloads.push(p),
            Ok(_) | Err(_) => {
                unreadable += 1;
                let place = line.map_or(name.to_string(), |l| format!("{name}:{l}"));
                eprintln!("warning: {place}: not a JSON object, skipped");
            }
        }
        Ok(())
    };
    for input in &args.inputs {
        for (path, log) in files(input)? {
            let name = path.display().to_string();
            if !log {
                let text = std::fs::read(&path).with_context(|| format!("cannot read {name}"))?;
                take(&name, None, text.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&text))?;
                continue;
            }
            let reader: Box<dyn Read> = if path == Path::new("-") {
                Box::new(std::io::stdin().lock())
            } else {
                Box::new(std::fs::File::open(&path).with_context(|| format!("cannot read {name}"))?)
            };
            let mut reader = BufReader::new(reader);
            let mut line = Vec::new();
            let mut number = 0;
            loop {
                line.clear();
                if reader.read_until(b'\n', &mut line).with_context(|| format!("cannot read {name}"))? == 0 {
                    break;
                }
                number += 1;
                if let Some(body) = payload_of(&line, number) {
                    take(&name, Some(number), &line[body])?;
                }
            }
        }
    }
    if payloads.is_empty() {
        anyhow::bail!("no payload of {event} to draft from ({other} of other events, {unreadable} unreadable)");
    }
    let draft = codegen::infer::infer(event, product, &payloads);
    print!("{}", draft.yaml);
    for note in &draft.notes {
        eprintln!("note: {note}");
    }
    eprintln!(
        "drafted {} attribute(s) of {product}/{event} from {} payload(s){}",
        draft.attributes,
        payloads.len(),
        if other > 0 { format!("; {other} payload(s) of other events skipped") } else { String::new() }
    );
    Ok(ExitCode::SUCCESS)
}
