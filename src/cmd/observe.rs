//! `observe LOG...`: what real payloads show against the spec.

use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;

use crate::observe::{report, suggest, Observer, MAX_PAYLOAD};

#[derive(clap::Args)]
pub struct Args {
    /// Logs (one payload per line), payload files (`*.json`, one payload each), folders of
    /// them, or - for a log on standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output: readable lines (text), tables (markdown) or one JSON document (json, see
    /// docs/ci-formats.md).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Read logs on this many threads (0: one per core). The counts are the same as with one.
    #[arg(long, default_value_t = 1, value_name = "N")]
    jobs: usize,
    /// Instead of the counts, propose spec edits for a person to review, each with its
    /// evidence (Markdown; one JSON document with --format json).
    #[arg(long)]
    suggest: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let ir = super::spec_input::ir(None)?;
    let jobs = match args.jobs {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let mut observer = Observer::new(&ir);
    let mut progress = Progress::new();
    let mut failed = false;
    for input in &args.inputs {
        // An input that cannot be read is said and the others are still read; exit 2.
        let found = match files(input) {
            Ok(found) => found,
            Err(e) => {
                progress.clear();
                eprintln!("error: {e:#}");
                failed = true;
                continue;
            }
        };
        for (path, log) in found {
            let name = path.display().to_string();
            let result =
                if log { read_log(&mut observer, &path, &name, jobs, &mut progress) } else { read_one(&mut observer, &path, &name) };
            if let Err(e) = result {
                progress.clear();
                eprintln!("error: cannot read {name}: {e:#}");
                failed = true;
            }
        }
    }
    progress.clear();
    let summary = report::summary(&observer);
    let text = if args.suggest {
        let proposals = suggest::proposals(&observer);
        match args.format {
            Format::Json => format!("{}\n", serde_json::to_string_pretty(&suggest::document(&proposals))?),
            Format::Text | Format::Markdown => suggest::markdown(&proposals),
        }
    } else {
        match args.format {
            Format::Json => format!("{}\n", serde_json::to_string_pretty(&summary)?),
            Format::Text => report::text(&summary),
            Format::Markdown => report::markdown(&summary),
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(if failed { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// The files an input names, each with whether it is a log (one payload per line): a
/// folder's regular files in name order (`*.json` a payload each, others logs), a file
/// likewise, `-` a log.
pub(super) fn files(input: &Path) -> anyhow::Result<Vec<(PathBuf, bool)>> {
    let is_log = |p: &Path| p.extension().is_none_or(|e| e != "json");
    if input == Path::new("-") {
        return Ok(vec![(input.to_path_buf(), true)]);
    }
    let meta = std::fs::metadata(input).with_context(|| format!("cannot read {}", input.display()))?;
    if !meta.is_dir() {
        return Ok(vec![(input.to_path_buf(), is_log(input))]);
    }
    let mut found = Vec::new();
    for entry in std::fs::read_dir(input).with_context(|| format!("cannot read the folder {}", input.display()))? {
        let entry = entry?;
        // Only files, not what a folder links to or holds below: one level, what it shows.
        if entry.file_type()?.is_file() {
            found.push(entry.path());
        }
    }
    found.sort();
    Ok(found
        .into_iter()
        .map(|p| {
            let log = is_log(&p);
            (p, log)
        })
        .collect())
}

fn read_one(observer: &mut Observer, path: &Path, name: &str) -> anyhow::Result<()> {
    let bytes = std::fs::read(path)?;
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    observer.payload(name, None, body);
    Ok(())
}

fn read_log(observer: &mut Observer, path: &Path, name: &str, jobs: usize, progress: &mut Progress) -> anyhow::Result<()> {
    let reader: Box<dyn Read> =
        if path == Path::new("-") { Box::new(std::io::stdin().lock()) } else { Box::new(std::fs::File::open(path)?) };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut number = 0usize;
    // Batches of bounded size. One thread reads each batch's payloads, then walks them
    // (`Observer::lines`); more cut it into one run of consecutive lines per thread, and
    // each batch's counts are added in log order, so the report is the one a single thread
    // makes.
    let limit = jobs.max(1) * BATCH_PER_JOB;
    let threads = if jobs > 1 { jobs } else { 0 };
    let mut workers: Vec<Observer> = (0..threads).map(|_| observer.fresh()).collect();
    let blank = observer.fresh();
    let mut data = Vec::new();
    let mut lines: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    loop {
        data.clear();
        lines.clear();
        let mut more = true;
        while data.len() < limit {
            let start = data.len();
            let n = read_line(&mut reader, &mut data)?;
            if n == 0 {
                more = false;
                break;
            }
            number += 1;
            match payload_of(&data[start..], number) {
                Some(body) => lines.push((number, start + body.start..start + body.end)),
                None => data.truncate(start),
            }
        }
        if jobs <= 1 {
            observer.lines(name, &data, &lines);
        } else {
            let per = lines.len().div_ceil(jobs).max(1);
            std::thread::scope(|s| {
                for (worker, run) in workers.iter_mut().zip(lines.chunks(per)) {
                    let data = &data;
                    s.spawn(move || worker.lines(name, data, run));
                }
            });
            for worker in &mut workers {
                observer.merge(worker);
                worker.clone_from(&blank);
            }
        }
        progress.read(data.len() as u64, observer.payloads);
        if !more {
            return Ok(());
        }
    }
}

/// Appends one line to `buf` and returns the bytes it took from the log (0 at the end).
/// Past [`MAX_PAYLOAD`] the rest of the line is skipped: what is kept then is one byte too
/// long, which the observer counts as unreadable.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    let start = buf.len();
    let mut n = reader.by_ref().take(MAX_PAYLOAD as u64 + 1).read_until(b'\n', buf)?;
    if buf.len() - start > MAX_PAYLOAD && !buf.ends_with(b"\n") {
        loop {
            let available = reader.fill_buf()?;
            if available.is_empty() {
                break;
            }
            match available.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    reader.consume(i + 1);
                    n += i + 1;
                    break;
                }
                None => {
                    let len = available.len();
                    reader.consume(len);
                    n += len;
                }
            }
        }
    }
    Ok(n)
}

/// Bytes of log each thread gets per batch.
const BATCH_PER_JOB: usize = 512 << 10;

/// The payload of line `number`, without a byte order mark on the first; `None` when blank.
pub(super) fn payload_of(line: &[u8], number: usize) -> Option<std::ops::Range<usize>> {
    let start = if number == 1 && line.starts_with(b"\xEF\xBB\xBF") { 3 } else { 0 };
    if line[start..].iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        Some(start..line.len())
    }
}

/// A line on standard error, redrawn a few times a second, when it is a terminal; nothing
/// at all on a pipe or a file.
struct Progress {
    on: bool,
    bytes: u64,
    last: Instant,
    shown: bool,
}

impl Progress {
    fn new() -> Progress {
        Progress { on: std::io::stderr().is_terminal(), bytes: 0, last: Instant::now(), shown: false }
    }

    fn read(&mut self, bytes: u64, payloads: u64) {
        self.bytes += bytes;
        if !self.on || self.last.elapsed() < Duration::from_millis(250) {
            return;
        }
        self.last = Instant::now();
        self.shown = true;
        eprint!("\r\x1b[K{payloads} payload(s), {} MB read", self.bytes >> 20);
    }

    fn clear(&mut self) {
        if self.shown {
            eprint!("\r\x1b[K");
            self.shown = false;
        }
    }
}
