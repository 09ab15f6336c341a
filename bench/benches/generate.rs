//! Generation time: the shipped spec, and synthetic specs of 10, 100 and 1,000 events.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn generate(c: &mut Criterion) {
    let spec = codegen::source::read_spec_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec")).unwrap();
    let mut g = c.benchmark_group("generate");
    g.sample_size(10);
    g.bench_function("shipped spec", |b| b.iter(|| black_box(codegen::generate_rust(black_box(&spec)).unwrap())));
    for n in [10, 100, 1000] {
        let files = fwevents_bench::synthetic_spec(n);
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("synthetic events", n), &files, |b, files| {
            b.iter(|| black_box(codegen::generate_rust(black_box(files)).unwrap()))
        });
    }
    g.finish();
}

criterion_group!(benches, generate);
criterion_main!(benches);
