//! `validate`: every violation of every payload, as text lines or JSON objects.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use freshworks_events::{Event, Mode, Report};
use serde::Serialize;

#[derive(clap::Args)]
pub struct Args {
    /// Payload files, or - for standard input.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Hold payloads to the documentation to the letter.
    #[arg(long)]
    strict: bool,
    /// The event, when the envelope does not tell (`product/event` or `event`).
    #[arg(long)]
    event: Option<String>,
    /// Output: one line per error (text) or one JSON object per payload (json).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Read one payload per line (a webhook log) and report per line.
    #[arg(long)]
    ndjson: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// One payload's result, as `--format json` prints it.
#[derive(Serialize)]
struct Outcome<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    event: Option<String>,
    valid: bool,
    errors: Vec<ErrorOut<'a>>,
}

#[derive(Serialize)]
struct ErrorOut<'a> {
    path: &'a str,
    kind: &'a str,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    expected: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    found: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a str>,
}

/// Validates payloads one after another and writes their reports; counts as it goes.
pub struct Validator {
    mode: Mode,
    event: Option<usize>,
    format: Format,
    /// Payloads checked so far.
    pub checked: usize,
    /// Of which invalid.
    pub invalid: usize,
}

impl Validator {
    /// A validator in `mode`, for `event` (an index into `EVENTS`) or any event.
    pub fn new(mode: Mode, event: Option<usize>, format: Format) -> Self {
        Validator { mode, event, format, checked: 0, invalid: 0 }
    }

    /// Validates one payload and writes its report.
    fn payload(&mut self, out: &mut impl Write, file: &str, line: Option<usize>, bytes: &[u8]) -> std::io::Result<()> {
        self.checked += 1;
        let parsed = match self.event {
            Some(index) => Event::parse_as(index, bytes),
            None => Event::parse(bytes),
        };
        let (event, report, failure) = match parsed {
            // An event the spec does not cover reads fine but cannot be validated: said as
            // an event error, naming what the spec covers.
            Ok(Event::Unknown(unknown)) => (None, Report::default(), Some(("event", unknown.reason.clone()))),
            Ok(event) => {
                let report = event.validate(self.mode);
                (event.info().map(|i| i.qualified()), report, None)
            }
            Err(e) => {
                let kind = match e {
                    freshworks_events::Error::Json { .. } | freshworks_events::Error::NotAnObject { .. } => "json",
                    _ => "event",
                };
                let message = match (&e, line) {
                    // The parser counts from the record; a log is read by file line.
                    (freshworks_events::Error::Json { line: at, column, message }, Some(record)) => {
                        format!("malformed JSON at line {}, column {column}: {message}", record + at.saturating_sub(1))
                    }
                    _ => e.to_string(),
                };
                (None, Report::default(), Some((kind, message)))
            }
        };
        let valid = failure.is_none() && report.is_valid();
        if !valid {
            self.invalid += 1;
        }
        let place = match line {
            Some(l) => format!("{file}:{l}"),
            None => file.to_string(),
        };
        match self.format {
            Format::Text => {
                if let Some((_, message)) = &failure {
                    writeln!(out, "{place}: {message}")?;
                }
                for v in &report.violations {
                    let path = if v.path.is_empty() { "/" } else { &v.path };
                    writeln!(out, "{place}: {path}: {}", v.message)?;
                }
            }
            Format::Json => {
                let mut errors: Vec<ErrorOut<'_>> = Vec::new();
                if let Some((kind, message)) = &failure {
                    errors.push(ErrorOut { path: "", kind, message: message.clone(), expected: None, found: None, rule: None });
                }
                errors.extend(report.violations.iter().map(|v| ErrorOut {
                    path: &v.path,
                    kind: v.kind.as_str(),
                    message: v.message.clone(),
                    expected: Some(&v.expected),
                    found: Some(&v.found),
                    rule: v.rule,
                }));
                let outcome = Outcome { file, line, event, valid, errors };
                serde_json::to_writer(&mut *out, &outcome)?;
                writeln!(out)?;
            }
        }
        Ok(())
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let event = match &args.event {
        Some(name) => Some(freshworks_events::find_event(name)?),
        None => None,
    };
    let mode = if args.strict { Mode::Strict } else { Mode::Lenient };
    let mut v = Validator::new(mode, event, args.format);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut io_failed = false;
    for path in &args.files {
        let name = path.display().to_string();
        let reader: Box<dyn Read> = if name == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    out.flush()?;
                    eprintln!("error: cannot read {name}: {e}");
                    io_failed = true;
                    continue;
                }
            }
        };
        let result = if args.ndjson { ndjson(&mut v, &mut out, &name, reader) } else { whole(&mut v, &mut out, &name, reader) };
        let result = result.context("read failed");
        if let Err(e) = result {
            out.flush()?;
            eprintln!("error: cannot read {name}: {e:#}");
            io_failed = true;
        }
    }
    out.flush()?;
    eprintln!("{} payload(s) checked, {} invalid", v.checked, v.invalid);
    Ok(if io_failed {
        ExitCode::from(2)
    } else if v.invalid > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn whole(v: &mut Validator, out: &mut impl Write, name: &str, mut reader: Box<dyn Read>) -> std::io::Result<()> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes)?;
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    v.payload(out, name, None, body)?;
    Ok(())
}

/// One payload per line; the line buffer is reused from line to line.
pub fn ndjson(v: &mut Validator, out: &mut impl Write, name: &str, reader: impl Read) -> std::io::Result<()> {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut line = Vec::with_capacity(4096);
    let mut number = 0;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(());
        }
        number += 1;
        let body = if number == 1 { line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&line) } else { &line[..] };
        if body.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        v.payload(out, name, Some(number), body)?;
    }
}
