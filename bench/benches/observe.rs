//! `fwevents observe` against `fwevents validate --ndjson` on the same log, in one process:
//! - `validate`: the command's own NDJSON loop (`cmd::validate::ndjson`, one thread, lenient,
//!   text reports to a sink), every line parsed and validated;
//! - `observe`: the observer over the same lines (`Observer::lines`), every line parsed,
//!   validated in both readings where needed and walked for its counts.
//!
//! The log: seeded fixtures of every event of the spec, 200 each, one per line (about 1 MB).
//! The target is observe at no less than 70% of validate's throughput.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use freshworks_events::{Event, EventKind, Mode};
use fwevents::cmd::validate::{ndjson, Format, Validator};
use fwevents::observe::Observer;

fn log() -> Vec<u8> {
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

/// Each line's number and place, as the command's reader hands them to the observer.
fn lines(log: &[u8]) -> Vec<(usize, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, line) in log.split(|&b| b == b'\n').enumerate() {
        if !line.is_empty() {
            out.push((i + 1, start..start + line.len()));
        }
        start += line.len() + 1;
    }
    out
}

fn observe_vs_validate(c: &mut Criterion) {
    let log: &'static [u8] = Box::leak(log().into_boxed_slice());
    let files = codegen::source::read_spec_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec")).unwrap();
    let ir = codegen::compile(&files).unwrap();
    let blank = Observer::new(&ir);
    let mut g = c.benchmark_group("observe");
    g.throughput(Throughput::Bytes(log.len() as u64));
    g.sample_size(20);
    g.bench_function("validate", |b| {
        b.iter(|| {
            let mut v = Validator::new(Mode::Lenient, None, Format::Text);
            ndjson(&mut v, &mut std::io::sink(), "log", std::io::Cursor::new(log), 1).unwrap();
            black_box(v)
        })
    });
    g.bench_function("observe", |b| {
        b.iter(|| {
            let mut o = blank.fresh();
            o.lines("log", log, &lines(log));
            black_box(o.payloads)
        })
    });
    g.finish();
}

criterion_group!(benches, observe_vs_validate);
criterion_main!(benches);
