//! Parse + validate, side by side on the same payloads:
//! - `generated`: the models crate (typed parse, full validation, rules, unknown fields kept);
//! - `value`: `serde_json::from_slice::<Value>` alone;
//! - `jsonschema`: `Value` plus the jsonschema crate against `fwevents schema` output;
//! - `bare`: `#[derive(Deserialize)]` of the same types, nothing validated or kept;
//! - `compiled`: the models crate's compiled validator, violations straight from the bytes
//!   (`validate_slice`), nothing of the payload built;
//! - `jiter walk`: jiter's tokens alone, every key and string decoded, nothing checked: the
//!   floor for a validator over the same tokens.

use std::hint::black_box;

use jiter::{Jiter, JiterError, Peek};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use freshworks_events::{Checked, Event, EventKind, Mode, EVENTS};
use fwevents_bench::payloads;
use serde_json::Value;

const FIXTURES: u64 = 64;

fn schema_validator(kind: EventKind) -> jsonschema::Validator {
    let files = codegen::source::read_spec_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec")).unwrap();
    let ir = codegen::compile(&files).unwrap();
    let event = ir.events.iter().find(|e| ir.qualified_name(e) == kind.to_string()).unwrap();
    let text = codegen::emit::schema::to_string(&codegen::emit::schema::event_schema(&ir, event, codegen::emit::schema::Reading::Lenient));
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

/// Follows every token of one value, decoding every key and string.
fn walk(j: &mut Jiter<'_>, peek: Peek) -> Result<(), JiterError> {
    match peek {
        Peek::Object => {
            let mut key = j.known_object()?.map(|k| k.len());
            while let Some(k) = key {
                black_box(k);
                let p = j.peek()?;
                walk(j, p)?;
                key = j.next_key()?.map(|k| k.len());
            }
        }
        Peek::Array => {
            let mut next = j.known_array()?;
            while let Some(p) = next {
                walk(j, p)?;
                next = j.array_step()?;
            }
        }
        Peek::String => {
            black_box(j.known_str()?.len());
        }
        Peek::Null => j.known_null()?,
        Peek::True | Peek::False => {
            black_box(j.known_bool(peek)?);
        }
        _ => {
            black_box(j.known_number_bytes(peek)?.len());
        }
    }
    Ok(())
}

fn jiter_walk(bytes: &[u8]) {
    let mut j = Jiter::new(bytes);
    let peek = j.peek().unwrap();
    walk(&mut j, peek).unwrap();
    j.finish().unwrap();
}

macro_rules! per_event {
    ($c:expr, $kind:expr, $module:path, $bare:ty) => {{
        use $module as m;
        let kind = $kind;
        let inputs = payloads(kind, FIXTURES);
        let bytes: usize = inputs.iter().map(Vec::len).sum();
        let validator = schema_validator(kind);
        // Every pipeline must accept every input, or the comparison means nothing.
        for b in &inputs {
            let p = m::Payload::from_slice(b).unwrap();
            assert!(p.validate(Mode::Lenient).is_valid());
            assert!(m::Payload::validate_slice(b, Mode::Lenient).unwrap().is_valid());
            assert!(validator.is_valid(&serde_json::from_slice::<Value>(b).unwrap()));
            serde_json::from_slice::<$bare>(b).unwrap();
        }
        let mut g = $c.benchmark_group(format!("parse/{kind}"));
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function("generated", |bench| {
            bench.iter(|| {
                for b in &inputs {
                    let p = m::Payload::from_slice(black_box(b)).unwrap();
                    black_box(p.validate(Mode::Lenient).is_valid());
                }
            })
        });
        g.bench_function("compiled", |bench| {
            bench.iter(|| {
                for b in &inputs {
                    black_box(m::Payload::validate_slice(black_box(b), Mode::Lenient).unwrap().is_valid());
                }
            })
        });
        g.bench_function("jiter walk", |bench| {
            bench.iter(|| {
                for b in &inputs {
                    jiter_walk(black_box(b));
                }
            })
        });
        g.bench_function("value", |bench| {
            bench.iter(|| {
                for b in &inputs {
                    black_box(serde_json::from_slice::<Value>(black_box(b)).unwrap());
                }
            })
        });
        g.bench_function("jsonschema", |bench| {
            bench.iter(|| {
                for b in &inputs {
                    let v: Value = serde_json::from_slice(black_box(b)).unwrap();
                    black_box(validator.is_valid(&v));
                }
            })
        });
        g.bench_function("bare", |bench| {
            bench.iter(|| {
                for b in &inputs {
                    black_box(serde_json::from_slice::<$bare>(black_box(b)).unwrap());
                }
            })
        });
        g.finish();
    }};
}

fn events(c: &mut Criterion) {
    use fwevents_bench as b;
    // The interleaved mode times the mixed inputs only.
    if std::env::var_os("INTERLEAVE").is_some() {
        return;
    }
    per_event!(
        c,
        EventKind::FreshchatOnAgentActivityCreate,
        freshworks_events::freshchat::on_agent_activity_create,
        b::freshchat_on_agent_activity_create::Payload
    );
    per_event!(
        c,
        EventKind::FreshchatOnAgentCustomStatusUpdate,
        freshworks_events::freshchat::on_agent_custom_status_update,
        b::freshchat_on_agent_custom_status_update::Payload
    );
    per_event!(
        c,
        EventKind::FreshdeskOnAgentAvailabilityUpdate,
        freshworks_events::freshdesk::on_agent_availability_update,
        b::freshdesk_on_agent_availability_update::Payload
    );
    per_event!(
        c,
        EventKind::FreshcallerOnAgentUpdate,
        freshworks_events::freshcaller::on_agent_update,
        b::freshcaller_on_agent_update::Payload
    );
    per_event!(
        c,
        EventKind::FreshsalesOnUserAgentAvailabilityUpdate,
        freshworks_events::freshsales::on_user_agent_availability_update,
        b::freshsales_on_user_agent_availability_update::Payload
    );
}

/// Every event interleaved, found from the envelope as a webhook receiver must.
fn mixed(c: &mut Criterion) {
    let mut inputs: Vec<(usize, Vec<u8>)> = Vec::new();
    let per_event: Vec<Vec<Vec<u8>>> = EventKind::ALL.iter().map(|&k| payloads(k, FIXTURES)).collect();
    for k in 0..per_event.iter().map(Vec::len).max().unwrap_or(0) {
        for (i, list) in per_event.iter().enumerate() {
            if let Some(p) = list.get(k) {
                inputs.push((i, p.clone()));
            }
        }
    }
    if std::env::var_os("INTERLEAVE").is_some() {
        interleaved(&inputs);
        return;
    }
    let validators: Vec<jsonschema::Validator> = EventKind::ALL.iter().map(|&k| schema_validator(k)).collect();
    let bytes: usize = inputs.iter().map(|(_, b)| b.len()).sum();
    let mut g = c.benchmark_group("parse/mixed");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("generated", |bench| bench.iter(|| typed(&inputs)));
    for (_, b) in &inputs {
        assert!(matches!(Event::validate_slice(b, Mode::Lenient), Ok(Checked::Known { report, .. }) if report.is_valid()));
    }
    g.bench_function("compiled", |bench| bench.iter(|| compiled(&inputs)));
    g.bench_function("jiter walk", |bench| bench.iter(|| walked(&inputs)));
    g.bench_function("value", |bench| bench.iter(|| value(&inputs)));
    g.bench_function("jsonschema", |bench| {
        bench.iter(|| {
            for (_, b) in &inputs {
                let v: Value = serde_json::from_slice(black_box(b)).unwrap();
                let name = v.get("event").and_then(Value::as_str).unwrap_or_default();
                let i = EVENTS.iter().position(|e| e.name == name).unwrap_or(0);
                black_box(validators[i].is_valid(&v));
            }
        })
    });
    g.finish();

    // End to end: `fwevents validate --ndjson` on a log of every input, 50 times over.
    let mut log = Vec::new();
    for _ in 0..50 {
        for (_, b) in &inputs {
            let line: Vec<u8> = b.iter().copied().filter(|&c| c != b'\n').collect();
            log.extend_from_slice(&line);
            log.push(b'\n');
        }
    }
    // The command reads a log on a thread of its own, so it takes a reader that lives as
    // long as the program: the log is leaked once, not copied per iteration.
    let log: &'static [u8] = Box::leak(log.into_boxed_slice());
    let mut g = c.benchmark_group("ndjson");
    g.throughput(Throughput::Bytes(log.len() as u64));
    g.sample_size(20);
    // `--jobs 1` validates as it reads; `--jobs 2` reads in batches and validates each on
    // two threads (on this 2-core machine, the most it can use).
    for jobs in [1, 2] {
        g.bench_with_input(BenchmarkId::new(format!("fwevents validate --ndjson --jobs {jobs}"), log.len()), &log, |bench, log| {
            bench.iter(|| {
                let mut v = fwevents::cmd::validate::Validator::new(Mode::Lenient, None, fwevents::cmd::validate::Format::Text);
                let mut sink = std::io::sink();
                fwevents::cmd::validate::ndjson(&mut v, &mut sink, "log", *log, jobs).unwrap();
                assert_eq!(v.invalid, 0);
                black_box(v.checked)
            })
        });
    }
    g.bench_with_input(BenchmarkId::new("value per line", log.len()), &log, |bench, log| {
        bench.iter(|| {
            let mut n = 0;
            for line in log.split(|&c| c == b'\n').filter(|l| !l.is_empty()) {
                black_box(serde_json::from_slice::<Value>(line).unwrap());
                n += 1;
            }
            n
        })
    });
    g.finish();
}

/// `INTERLEAVE=1 cargo bench --bench pipelines`: the mixed inputs through the typed path,
/// the compiled validator, the jiter walk and a `Value` parse in turn, 40 rounds, and the
/// best time of each. On a machine whose speed drifts from one second to the next (this
/// one's criterion medians move by a seventh from run to run), pipelines timed side by side
/// give ratios that one criterion window after another does not.
fn interleaved(inputs: &[(usize, Vec<u8>)]) {
    let runs: [(&str, Pipeline); 4] = [("typed", typed), ("compiled", compiled), ("jiter walk", walked), ("value", value)];
    // `ONLY=compiled` (or another name): that pipeline alone, for a profiler.
    if let Some(only) = std::env::var_os("ONLY") {
        let Some((_, run)) = runs.iter().find(|(name, _)| std::ffi::OsStr::new(name) == only) else {
            let names: Vec<&str> = runs.iter().map(|(name, _)| *name).collect();
            panic!("ONLY={only:?} names no pipeline; it takes one of {names:?}");
        };
        for _ in 0..400 {
            run(inputs);
        }
        return;
    }
    let mut best = [f64::MAX; 4];
    for _ in 0..40 {
        for (best, (_, run)) in best.iter_mut().zip(runs) {
            let t = std::time::Instant::now();
            run(inputs);
            *best = best.min(t.elapsed().as_secs_f64());
        }
    }
    let line: Vec<String> = runs.iter().zip(best).map(|((name, _), b)| format!("{name} {:.3}", b * 1e3)).collect();
    println!("mixed, best of 40, ms: {}", line.join(", "));
    println!(
        "compiled / typed {:.2}, compiled / jiter walk {:.2}, value / compiled {:.2}",
        best[1] / best[0],
        best[1] / best[2],
        best[3] / best[1]
    );
}

/// One pass of a pipeline over the mixed inputs, as both modes time it.
type Pipeline = fn(&[(usize, Vec<u8>)]);

/// The typed path: `Event::parse`, then every check and rule.
fn typed(inputs: &[(usize, Vec<u8>)]) {
    for (_, b) in inputs {
        let e = Event::parse(black_box(b)).unwrap();
        black_box(e.validate(Mode::Lenient).is_valid());
    }
}

/// The compiled validator, straight from the bytes.
fn compiled(inputs: &[(usize, Vec<u8>)]) {
    for (_, b) in inputs {
        black_box(matches!(Event::validate_slice(black_box(b), Mode::Lenient), Ok(Checked::Known { report, .. }) if report.is_valid()));
    }
}

/// jiter's tokens, every key and string decoded, nothing checked.
fn walked(inputs: &[(usize, Vec<u8>)]) {
    for (_, b) in inputs {
        jiter_walk(black_box(b));
    }
}

/// A `serde_json::Value` parse alone.
fn value(inputs: &[(usize, Vec<u8>)]) {
    for (_, b) in inputs {
        black_box(serde_json::from_slice::<Value>(black_box(b)).unwrap());
    }
}

criterion_group!(benches, events, mixed);
criterion_main!(benches);
