//! `validate`: every violation of every payload, as text lines or JSON objects.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use freshworks_events::{Event, EventKind, Mode, Report};
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
    /// With --ndjson: validate the lines on this many threads (0: one per core). The
    /// output is the same as with one, in the log's order.
    #[arg(long, default_value_t = 1, value_name = "N")]
    jobs: usize,
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
#[derive(Clone)]
pub struct Validator {
    mode: Mode,
    event: Option<EventKind>,
    format: Format,
    /// Payloads checked so far.
    pub checked: usize,
    /// Of which invalid.
    pub invalid: usize,
}

impl Validator {
    /// A validator in `mode`, for the event `event` or any event.
    pub fn new(mode: Mode, event: Option<EventKind>, format: Format) -> Self {
        Validator { mode, event, format, checked: 0, invalid: 0 }
    }

    /// A validator with the same settings and nothing counted yet, for another thread.
    fn fresh(&self) -> Self {
        Validator { checked: 0, invalid: 0, ..self.clone() }
    }

    /// Validates one payload and writes its report.
    fn payload(&mut self, out: &mut impl Write, file: &str, line: Option<usize>, bytes: &[u8]) -> std::io::Result<()> {
        self.checked += 1;
        let parsed = match self.event {
            Some(kind) => Event::parse_as(kind, bytes),
            None => Event::parse(bytes),
        };
        let (event, report, failure) = match parsed {
            // An event the spec does not cover reads fine but cannot be validated: said as
            // an event error, naming what the spec covers.
            Ok(Event::Unknown(unknown)) => (None, Report::default(), Some(("event", unknown.reason.clone()))),
            Ok(event) => {
                let report = event.validate(self.mode);
                (event.kind(), report, None)
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
        match self.format {
            // A valid payload prints nothing: nothing is formatted for it either (the common
            // case of a log, and a cost per line otherwise).
            Format::Text if valid => {}
            Format::Text => {
                let place = match line {
                    Some(l) => format!("{file}:{l}"),
                    None => file.to_string(),
                };
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
                let outcome = Outcome { file, line, event: event.map(|k| k.to_string()), valid, errors };
                serde_json::to_writer(&mut *out, &outcome)?;
                writeln!(out)?;
            }
        }
        Ok(())
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let event = match &args.event {
        Some(name) => Some(name.parse::<EventKind>()?),
        None => None,
    };
    let mode = if args.strict { Mode::Strict } else { Mode::Lenient };
    let jobs = match args.jobs {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
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
        let result = if args.ndjson { ndjson(&mut v, &mut out, &name, reader, jobs) } else { whole(&mut v, &mut out, &name, reader) };
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

/// One payload per line, on `jobs` threads. The log is read in batches of bounded size, so
/// memory stays flat however long the log is; each batch is cut into `jobs` runs of
/// consecutive lines, each thread writes its run's reports into a buffer of its own, and the
/// buffers are written in order, so the output is the same for any `jobs`. The next batch is
/// read while the threads work on the current one.
pub fn ndjson(v: &mut Validator, out: &mut impl Write, name: &str, reader: impl Read, jobs: usize) -> std::io::Result<()> {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut number = 0;
    if jobs <= 1 {
        // One thread: no batches, no buffers; reports go out as each line is read.
        let mut line = Vec::with_capacity(4096);
        loop {
            line.clear();
            if reader.read_until(b'\n', &mut line)? == 0 {
                return Ok(());
            }
            number += 1;
            if let Some(body) = payload_of(&line, number) {
                v.payload(out, name, Some(number), &line[body])?;
            }
        }
    }
    let limit = jobs * BATCH_PER_JOB;
    let mut current = Batch::default();
    let mut next = Batch::default();
    let mut read = current.fill(&mut reader, &mut number, limit);
    let mut results: Vec<(Validator, Vec<u8>)> = (0..jobs).map(|_| (v.fresh(), Vec::new())).collect();
    loop {
        let more = match read {
            Ok(more) => more,
            // Lines before the failure were read and are reported; then the failure.
            Err(e) => {
                current.run(&mut results, name)?;
                v.add(out, &mut results)?;
                return Err(e);
            }
        };
        if current.lines.is_empty() {
            return Ok(());
        }
        read = std::thread::scope(|s| {
            let workers: Vec<_> = current
                .runs(results.len())
                .zip(results.iter_mut())
                .map(|(lines, (worker, buffer))| {
                    let data = &current.data;
                    s.spawn(move || worker.lines(buffer, name, data, lines))
                })
                .collect();
            let read = if more {
                next.fill(&mut reader, &mut number, limit)
            } else {
                next.clear();
                Ok(false)
            };
            for w in workers {
                w.join().unwrap_or_else(|p| std::panic::resume_unwind(p))?;
            }
            Ok::<_, std::io::Error>(read)
        })?;
        v.add(out, &mut results)?;
        std::mem::swap(&mut current, &mut next);
    }
}

/// Bytes of log each thread gets per batch: large enough that starting the threads is
/// noise (a few milliseconds of work each), small enough that memory stays flat.
const BATCH_PER_JOB: usize = 512 << 10;

/// The payload of line `number` (counted from 1), without a leading byte order mark on the
/// first line; `None` for a blank line.
fn payload_of(line: &[u8], number: usize) -> Option<std::ops::Range<usize>> {
    let start = if number == 1 && line.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    if line[start..].iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        Some(start..line.len())
    }
}

/// Consecutive lines of a log: their bytes, and each payload's line number and place.
#[derive(Default)]
struct Batch {
    data: Vec<u8>,
    lines: Vec<(usize, std::ops::Range<usize>)>,
}

impl Batch {
    /// Reads lines until at least `limit` bytes are held or the log ends (then `false`).
    /// A line longer than `limit` is read whole.
    fn fill(&mut self, reader: &mut impl BufRead, number: &mut usize, limit: usize) -> std::io::Result<bool> {
        self.clear();
        while self.data.len() < limit {
            let start = self.data.len();
            if reader.read_until(b'\n', &mut self.data)? == 0 {
                return Ok(false);
            }
            *number += 1;
            match payload_of(&self.data[start..], *number) {
                Some(body) => self.lines.push((*number, start + body.start..start + body.end)),
                None => self.data.truncate(start),
            }
        }
        Ok(true)
    }

    fn clear(&mut self) {
        self.data.clear();
        self.lines.clear();
    }

    /// The lines cut into `n` runs of consecutive lines of about equal bytes (some may be
    /// empty).
    fn runs(&self, n: usize) -> impl Iterator<Item = &[(usize, std::ops::Range<usize>)]> {
        let total = self.data.len().max(1);
        let mut rest = &self.lines[..];
        (1..=n).map(move |k| {
            // Run k ends at the first line that ends past k/n of the bytes.
            let bound = total * k / n;
            let take = if k == n { rest.len() } else { rest.iter().position(|(_, r)| r.end >= bound).map_or(rest.len(), |i| i + 1) };
            let (run, after) = rest.split_at(take);
            rest = after;
            run
        })
    }

    /// Validates every line on this thread (the lines read before a read failure).
    fn run(&self, results: &mut [(Validator, Vec<u8>)], name: &str) -> std::io::Result<()> {
        let (worker, buffer) = &mut results[0];
        worker.lines(buffer, name, &self.data, &self.lines)
    }
}

impl Validator {
    /// Validates a run of a batch's lines, writing their reports to `out`.
    fn lines(&mut self, out: &mut Vec<u8>, name: &str, data: &[u8], lines: &[(usize, std::ops::Range<usize>)]) -> std::io::Result<()> {
        for (number, range) in lines {
            self.payload(out, name, Some(*number), &data[range.clone()])?;
        }
        Ok(())
    }

    /// Writes the threads' buffers in order, adds their counts to this one and resets them.
    fn add(&mut self, out: &mut impl Write, results: &mut [(Validator, Vec<u8>)]) -> std::io::Result<()> {
        for (worker, buffer) in results {
            out.write_all(buffer)?;
            buffer.clear();
            self.checked += std::mem::take(&mut worker.checked);
            self.invalid += std::mem::take(&mut worker.invalid);
        }
        Ok(())
    }
}
