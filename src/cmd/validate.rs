//! `validate`: every violation of every payload, as text lines or JSON objects.

use std::fmt;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;

use freshworks_events::{Checked, Event, EventKind, Mode, Report};
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
    /// Pass payloads of events the spec does not cover, instead of reporting them invalid.
    #[arg(long)]
    allow_unknown: bool,
    /// With --ndjson: validate the lines on this many threads (0: one per core). The
    /// output is the same as with one, in the log's order.
    #[arg(long, default_value_t = 1, value_name = "N")]
    jobs: usize,
    /// With --format json: list at most this many errors of a payload (`error_count` gives
    /// them all); 0 lists every one kept (a payload keeps its first 10,000). The list also ends
    /// once its text passes 32 KiB.
    #[arg(long, default_value_t = MAX_ERRORS, value_name = "N")]
    max_errors: usize,
    /// With --ndjson: the longest line checked, in bytes (its newline not counted). A
    /// longer line is skipped, said on standard error, and makes the exit status 2; the
    /// lines after it are checked.
    #[arg(long, default_value_t = MAX_LINE, value_name = "BYTES")]
    max_line: usize,
}

/// Errors listed per payload by default with `--format json`.
pub const MAX_ERRORS: usize = 100;
/// The longest `--ndjson` line by default: 16 MiB, far above any webhook payload, and a
/// bound on what one line can make the command hold (about twice that).
pub const MAX_LINE: usize = 16 << 20;
/// Text of the errors listed for one payload with `--format json`, past which no more
/// are listed.
const ERROR_TEXT: usize = 32 << 10;

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
    /// Every error of the payload; `errors` lists the first of them.
    error_count: usize,
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
    allow_unknown: bool,
    max_errors: usize,
    max_line: usize,
    /// Payloads checked so far.
    pub checked: usize,
    /// Of which invalid.
    pub invalid: usize,
    /// Of which passed as events the spec does not cover (with `allow_unknown`).
    pub unknown: usize,
    /// Lines skipped for being longer than the limit.
    pub too_long: usize,
}

impl Validator {
    /// A validator in `mode`, for the event `event` or any event, with the
    /// default limits ([`MAX_ERRORS`], [`MAX_LINE`]).
    pub fn new(mode: Mode, event: Option<EventKind>, format: Format) -> Self {
        Validator {
            mode,
            event,
            format,
            allow_unknown: false,
            max_errors: MAX_ERRORS,
            max_line: MAX_LINE,
            checked: 0,
            invalid: 0,
            unknown: 0,
            too_long: 0,
        }
    }

    /// Passes events the spec does not cover (read and kept whole, not validated) instead of
    /// reporting each as an `event` error.
    pub fn allow_unknown(mut self, allow: bool) -> Self {
        self.allow_unknown = allow;
        self
    }

    /// The same validator listing at most `max_errors` errors per JSON report (0: all) and
    /// skipping lines longer than `max_line` bytes.
    pub fn limits(self, max_errors: usize, max_line: usize) -> Self {
        Validator { max_errors, max_line, ..self }
    }

    /// A validator with the same settings and nothing counted yet, for another thread.
    fn fresh(&self) -> Self {
        Validator { checked: 0, invalid: 0, unknown: 0, too_long: 0, ..self.clone() }
    }

    /// Validates one payload and writes its report.
    fn payload(&mut self, out: &mut impl Write, file: &str, line: Option<usize>, bytes: &[u8]) -> std::io::Result<()> {
        self.checked += 1;
        // The typed path (read, then walk): measured 1.3x faster than the compiled validator
        // on the bench's mixed payloads, with the same report (generated/tests/models/compiled_validator.rs).
        let parsed = match self.event {
            Some(kind) => Event::parse_as(kind, bytes),
            None => Event::parse(bytes),
        };
        let checked = parsed.map(|event| match event {
            Event::Unknown(unknown) => Checked::Unknown(*unknown),
            event => Checked::Known { event: event.kind().map(EventKind::info), report: event.validate(self.mode) },
        });
        let (event, report, failure) = match checked {
            // An event the spec does not cover reads fine but cannot be validated: said as
            // an event error, naming what the spec covers.
            Ok(Checked::Unknown(_)) if self.allow_unknown => {
                self.unknown += 1;
                (None, Report::default(), None)
            }
            Ok(Checked::Unknown(unknown)) => (None, Report::default(), Some(("event", unknown.reason.clone()))),
            Ok(Checked::Known { event, report }) => (event, report, None),
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
                if report.omitted > 0 {
                    writeln!(out, "{place}: ... and {} more violations, counted and not kept", report.omitted)?;
                }
            }
            Format::Json => {
                let mut errors: Vec<ErrorOut<'_>> = Vec::new();
                if let Some((kind, message)) = &failure {
                    errors.push(ErrorOut { path: "", kind, message: message.clone(), expected: None, found: None, rule: None });
                }
                let error_count = errors.len() + report.count();
                let listed = match self.max_errors {
                    0 => &report.violations[..],
                    n => report.first(n, ERROR_TEXT),
                };
                errors.extend(listed.iter().map(|v| ErrorOut {
                    path: &v.path,
                    kind: v.kind.as_str(),
                    message: v.message.clone(),
                    expected: Some(&v.expected),
                    found: Some(&v.found),
                    rule: v.rule,
                }));
                let outcome = Outcome { file, line, event: event.map(|i| i.qualified()), valid, error_count, errors };
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
    let mut v = Validator::new(mode, event, args.format).limits(args.max_errors, args.max_line).allow_unknown(args.allow_unknown);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut io_failed = false;
    for path in &args.files {
        let name = path.display().to_string();
        // Standard input unlocked: `--jobs` reads it on a thread of its own.
        let reader: Box<dyn Read + Send> = if name == "-" {
            Box::new(std::io::stdin())
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    if let Err(e) = out.flush() {
                        return Ok(write_failed(&v, &e));
                    }
                    eprintln!("error: cannot read {name}: {e}");
                    io_failed = true;
                    continue;
                }
            }
        };
        let result = if args.ndjson { ndjson(&mut v, &mut out, &name, reader, jobs) } else { whole(&mut v, &mut out, &name, reader) };
        match result.and_then(|()| out.flush().map_err(Failure::Write)) {
            Ok(()) => {}
            Err(Failure::Read(e)) => {
                if let Err(e) = out.flush() {
                    return Ok(write_failed(&v, &e));
                }
                eprintln!("error: cannot read {name}: {e}");
                io_failed = true;
            }
            // Nobody reads the reports any more (a closed pipe): the other files would go
            // unreported too.
            Err(Failure::Write(e)) => return Ok(write_failed(&v, &e)),
        }
    }
    eprintln!("{}", summary(&v));
    Ok(if io_failed || v.too_long > 0 {
        ExitCode::from(2)
    } else if v.invalid > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn summary(v: &Validator) -> String {
    let mut line = format!("{} payload(s) checked, {} invalid", v.checked, v.invalid);
    if v.unknown > 0 {
        line.push_str(&format!(", {} of events the spec does not cover passed", v.unknown));
    }
    if v.too_long > 0 {
        line.push_str(&format!(", {} line(s) too long", v.too_long));
    }
    line
}

fn write_failed(v: &Validator, e: &std::io::Error) -> ExitCode {
    eprintln!("error: cannot write the reports to standard output: {e}");
    eprintln!("{}", summary(v));
    ExitCode::from(2)
}

/// Why validating a file stopped before its end.
#[derive(Debug)]
pub enum Failure {
    /// The input could not be read; what was read before is reported.
    Read(std::io::Error),
    /// The reports could not be written.
    Write(std::io::Error),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Read(e) => write!(f, "read failed: {e}"),
            Failure::Write(e) => write!(f, "write failed: {e}"),
        }
    }
}

impl std::error::Error for Failure {}

fn whole(v: &mut Validator, out: &mut impl Write, name: &str, mut reader: impl Read) -> Result<(), Failure> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(Failure::Read)?;
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    v.payload(out, name, None, body).map_err(Failure::Write)
}

/// One payload per line, on `jobs` threads.
///
/// Each report is written as soon as its line is checked, and the output is flushed
/// whenever the next read may wait (the input has nothing buffered), so a log followed as
/// it grows (`tail -f`) is reported as it goes. A line longer than the validator's limit is
/// skipped without being held, said on standard error, and counted in `too_long`.
///
/// With more than one job, a thread of its own reads the log into chunks, handing each on
/// when it reaches 64 KiB or when the input has nothing more for now; a batch is the chunks
/// ready (at least one, up to `jobs` × 512 KiB), cut into `jobs` runs of consecutive lines,
/// each validated on a thread into a buffer of its own, and the buffers are written in
/// order, so the output is the same for any `jobs`. Memory stays flat however long the
/// log: the reader is at most `8 × jobs` chunks ahead.
pub fn ndjson(v: &mut Validator, out: &mut impl Write, name: &str, reader: impl Read + Send + 'static, jobs: usize) -> Result<(), Failure> {
    let mut lines = Lines { reader: BufReader::with_capacity(1 << 16, reader), number: 0, max: v.max_line };
    if jobs <= 1 {
        // One thread: no batches, no buffers.
        let mut batch = Batch::default();
        loop {
            if lines.may_wait() {
                out.flush().map_err(Failure::Write)?;
            }
            batch.clear();
            if !batch.read_line(&mut lines).map_err(Failure::Read)? {
                return Ok(());
            }
            v.skipped(out, name, &batch.too_long).map_err(Failure::Write)?;
            if let Some((number, range)) = batch.lines.first() {
                v.payload(out, name, Some(*number), &batch.data[range.clone()]).map_err(Failure::Write)?;
            }
        }
    }
    let (chunks, ready) = mpsc::sync_channel(8 * jobs);
    // Not scoped: when the output closes, this thread may be waiting on an input that never
    // ends, and the command must still stop.
    let reading = std::thread::spawn(move || lines.chunks(chunks));
    let limit = jobs * BATCH_PER_JOB;
    let mut results: Vec<(Validator, Vec<u8>)> = (0..jobs).map(|_| (v.fresh(), Vec::new())).collect();
    let mut next = None;
    loop {
        let first = match next.take() {
            Some(chunk) => chunk,
            None => match ready.recv() {
                Ok(chunk) => chunk,
                Err(mpsc::RecvError) => {
                    // The reader is done; a panic there is not the end of the log.
                    reading.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
                    return Ok(());
                }
            },
        };
        let mut current = first.map_err(Failure::Read)?;
        let mut failed = None;
        while current.data.len() < limit {
            match ready.try_recv() {
                Ok(Ok(chunk)) => current.append(chunk),
                Ok(Err(e)) => {
                    failed = Some(e);
                    break;
                }
                Err(_) => break,
            }
        }
        std::thread::scope(|s| {
            let workers: Vec<_> = current
                .runs(results.len())
                .zip(results.iter_mut())
                .map(|(lines, (worker, buffer))| {
                    let data = &current.data;
                    s.spawn(move || worker.lines(buffer, name, data, lines))
                })
                .collect();
            for w in workers {
                w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)).map_err(Failure::Write)?;
            }
            Ok::<_, Failure>(())
        })?;
        v.add(out, &mut results).map_err(Failure::Write)?;
        v.skipped(out, name, &current.too_long).map_err(Failure::Write)?;
        // Lines before a read failure are reported, then the failure.
        if let Some(e) = failed {
            return Err(Failure::Read(e));
        }
        match ready.try_recv() {
            Ok(chunk) => next = Some(chunk),
            // The next batch may be a while: what is known goes out now.
            Err(_) => out.flush().map_err(Failure::Write)?,
        }
    }
}

/// A log's lines, numbered from 1, none held longer than `max` bytes.
struct Lines<R> {
    reader: BufReader<R>,
    number: usize,
    max: usize,
}

impl<R: Read> Lines<R> {
    /// Whether the next read may wait for the input: nothing of it is buffered.
    fn may_wait(&self) -> bool {
        self.reader.buffer().is_empty()
    }

    /// Reads the next line onto `out`, without its newline if it is longer than `max`
    /// (then only its length is kept); `None` at the end of the log.
    fn next_into(&mut self, out: &mut Vec<u8>) -> std::io::Result<Option<Line>> {
        let start = out.len();
        let limit = (self.max as u64).saturating_add(1);
        let n = (&mut self.reader).take(limit).read_until(b'\n', out)?;
        if n == 0 {
            return Ok(None);
        }
        self.number += 1;
        if out.ends_with(b"\n") || (n as u64) < limit {
            return Ok(Some(Line::Read));
        }
        // Longer than the limit: the rest is passed over, not held.
        out.truncate(start);
        let mut length = n;
        loop {
            let buffered = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buffered.is_empty() {
                return Ok(Some(Line::TooLong(length)));
            }
            match buffered.iter().position(|&b| b == b'\n') {
                Some(end) => {
                    self.reader.consume(end + 1);
                    return Ok(Some(Line::TooLong(length + end)));
                }
                None => {
                    let all = buffered.len();
                    self.reader.consume(all);
                    length += all;
                }
            }
        }
    }

    /// Reads the log into chunks and sends them on, each when it holds 64 KiB or when the
    /// input has nothing more for now; a read failure is sent after the lines before it.
    fn chunks(mut self, to: mpsc::SyncSender<std::io::Result<Batch>>) {
        let mut chunk = Batch::default();
        loop {
            let more = match chunk.read_line(&mut self) {
                Ok(more) => more,
                Err(e) => {
                    if !chunk.is_empty() && to.send(Ok(std::mem::take(&mut chunk))).is_err() {
                        return;
                    }
                    let _ = to.send(Err(e));
                    return;
                }
            };
            if !more {
                if !chunk.is_empty() {
                    let _ = to.send(Ok(chunk));
                }
                return;
            }
            if !chunk.is_empty() && (chunk.data.len() >= CHUNK || self.may_wait()) && to.send(Ok(std::mem::take(&mut chunk))).is_err() {
                // Nobody takes the chunks any more.
                return;
            }
        }
    }
}

enum Line {
    Read,
    /// Skipped, of this many bytes.
    TooLong(usize),
}

/// Log read by the reading thread before it hands the lines on.
const CHUNK: usize = 64 << 10;

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

/// Consecutive lines of a log: their bytes, each payload's line number and place, and the
/// lines skipped for their length.
#[derive(Default)]
struct Batch {
    data: Vec<u8>,
    lines: Vec<(usize, std::ops::Range<usize>)>,
    /// Line number and length of each line over the limit.
    too_long: Vec<(usize, usize)>,
}

impl Batch {
    /// Reads one more line into the batch; `false` at the end of the log.
    fn read_line<R: Read>(&mut self, lines: &mut Lines<R>) -> std::io::Result<bool> {
        let start = self.data.len();
        match lines.next_into(&mut self.data)? {
            None => return Ok(false),
            Some(Line::TooLong(length)) => self.too_long.push((lines.number, length)),
            Some(Line::Read) => match payload_of(&self.data[start..], lines.number) {
                Some(body) => self.lines.push((lines.number, start + body.start..start + body.end)),
                None => self.data.truncate(start),
            },
        }
        Ok(true)
    }

    fn is_empty(&self) -> bool {
        self.lines.is_empty() && self.too_long.is_empty()
    }

    /// Takes the lines of the next chunk after these.
    fn append(&mut self, next: Batch) {
        let offset = self.data.len();
        self.data.extend_from_slice(&next.data);
        self.lines.extend(next.lines.into_iter().map(|(n, r)| (n, r.start + offset..r.end + offset)));
        self.too_long.extend(next.too_long);
    }

    fn clear(&mut self) {
        self.data.clear();
        self.lines.clear();
        self.too_long.clear();
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
}

impl Validator {
    /// Validates a run of a batch's lines, writing their reports to `out`.
    fn lines(&mut self, out: &mut Vec<u8>, name: &str, data: &[u8], lines: &[(usize, std::ops::Range<usize>)]) -> std::io::Result<()> {
        for (number, range) in lines {
            self.payload(out, name, Some(*number), &data[range.clone()])?;
        }
        Ok(())
    }

    /// Adds the threads' counts to this one, then writes their buffers in order, and
    /// resets them. Counted first: a payload checked is counted even when its report
    /// cannot be written.
    fn add(&mut self, out: &mut impl Write, results: &mut [(Validator, Vec<u8>)]) -> std::io::Result<()> {
        for (worker, _) in results.iter_mut() {
            self.checked += std::mem::take(&mut worker.checked);
            self.invalid += std::mem::take(&mut worker.invalid);
            self.unknown += std::mem::take(&mut worker.unknown);
        }
        for (_, buffer) in results {
            let written = out.write_all(buffer);
            buffer.clear();
            written?;
        }
        Ok(())
    }

    /// Says which lines were skipped for their length, after the reports before them.
    fn skipped(&mut self, out: &mut impl Write, name: &str, lines: &[(usize, usize)]) -> std::io::Result<()> {
        if lines.is_empty() {
            return Ok(());
        }
        out.flush()?;
        for (number, length) in lines {
            eprintln!(
                "error: {name}:{number}: the line is {length} bytes, longer than the limit of {} (--max-line); not checked",
                self.max_line
            );
        }
        self.too_long += lines.len();
        Ok(())
    }
}
