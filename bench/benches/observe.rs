//! `fwevents observe` against `fwevents validate --ndjson` on the same log, in one process:
//! - `validate`: the command's own NDJSON loop (`cmd::validate::ndjson`, one thread, lenient,
//!   text reports to a sink), every line parsed and validated;
//! - `observe`: the observer over the same lines (`Observer::lines`), every line parsed,
//!   validated in both readings where needed and walked for its counts; one observer for
//!   every round, as the command keeps one for every batch of a log;
//! - `parse+strict`: what observe's reading costs without its walk (parse, strict walk), for
//!   the breakdown.
//!
//! The log: seeded fixtures of every event of the spec, 200 each, one per line (about 1 MB),
//! or the NDJSON file `LOG=path` names (the whole-process script's, say).
//! The target is observe at no less than 70% of validate's throughput.
//!
//! On a machine shared with other work, criterion's windows can differ by a third from one
//! pipeline to the next; `INTERLEAVE=1 cargo bench --bench observe` runs the pipelines in
//! turn, 40 rounds, and prints the best time of each, which the README quotes.

use std::cell::RefCell;
use std::hint::black_box;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use freshworks_events::{Event, EventKind, Mode};
use fwevents::cmd::validate::{ndjson, Format, Validator};
use fwevents::observe::Observer;

/// The log: the file `LOG` names, or seeded fixtures of every event.
fn log() -> Vec<u8> {
    if let Some(path) = std::env::var_os("LOG") {
        return std::fs::read(&path).unwrap_or_else(|e| panic!("LOG={}: {e}", path.to_string_lossy()));
    }
    let mut log = Vec::new();
    for seed in 0..200 {
        for &kind in EventKind::ALL {
            let event = Event::fixture(kind, Some(seed)).expect("a fixture");
            serde_json::to_writer(&mut log, &event).expect("serializable");
            log.push(b'\n');
        }
    }
    log
}

/// The log's lines read as the command reads them (`read_until` into one buffer): the
/// bytes, and each line's number and place in them.
fn read_lines(log: &[u8]) -> (Vec<u8>, Vec<(usize, std::ops::Range<usize>)>) {
    use std::io::BufRead;
    let mut reader = std::io::Cursor::new(log);
    let (mut data, mut lines) = (Vec::with_capacity(log.len()), Vec::new());
    loop {
        let start = data.len();
        match reader.read_until(b'\n', &mut data) {
            Ok(0) | Err(_) => break,
            Ok(_) => {
                let end = if data.ends_with(b"\n") { data.len() - 1 } else { data.len() };
                lines.push((lines.len() + 1, start..end));
            }
        }
    }
    (data, lines)
}

fn validate(log: &'static [u8]) {
    let mut v = Validator::new(Mode::Lenient, None, Format::Text);
    ndjson(&mut v, &mut std::io::sink(), "log", std::io::Cursor::new(log), 1).unwrap();
    black_box(v);
}

/// One observer counts every round, as the command's one observer (`--jobs 1`) counts
/// every batch of a long log: its paths made and its kept values full, past the first.
fn observe(o: &RefCell<Observer>, log: &[u8]) {
    let mut o = o.borrow_mut();
    let (data, lines) = read_lines(log);
    o.lines("log", &data, &lines);
    black_box(o.payloads);
}

fn parse_strict(log: &[u8]) {
    let (data, lines) = read_lines(log);
    for (_, r) in lines {
        let event = Event::parse(&data[r]).unwrap();
        black_box(event.validate(Mode::Strict));
    }
}

fn observe_vs_validate(c: &mut Criterion) {
    let log: &'static [u8] = Box::leak(log().into_boxed_slice());
    let files = codegen::source::read_spec_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec")).unwrap();
    let ir = codegen::compile(&files).unwrap();
    let observer = RefCell::new(Observer::new(&ir));
    if std::env::var_os("INTERLEAVE").is_some() {
        let mut best = [f64::MAX; 3];
        for _ in 0..40 {
            let runs: [&dyn Fn(); 3] = [&|| validate(log), &|| observe(&observer, log), &|| parse_strict(log)];
            for (best, run) in best.iter_mut().zip(runs) {
                let t = Instant::now();
                run();
                *best = best.min(t.elapsed().as_secs_f64());
            }
        }
        let [v, o, p] = best.map(|s| s * 1e3);
        println!("best of 40, ms: validate {v:.2}, observe {o:.2}, parse+strict {p:.2}; observe at {:.0}% of validate", 100.0 * v / o);
        return;
    }
    let mut g = c.benchmark_group("observe");
    g.throughput(Throughput::Bytes(log.len() as u64));
    g.sample_size(20);
    g.bench_function("validate", |b| b.iter(|| validate(log)));
    g.bench_function("observe", |b| b.iter(|| observe(&observer, log)));
    g.bench_function("parse+strict", |b| b.iter(|| parse_strict(log)));
    g.finish();
}

criterion_group!(benches, observe_vs_validate);
criterion_main!(benches);
