//! Mutated real payloads fed to the command line as a log: never a panic, a status of 0 or
//! 1, and every payload counted. (The reader and the validator get the same mutations and
//! more in the models crate's tests, `fuzz`.)

use crate::common::{self, mutate, Rng};

#[test]
fn the_cli_survives_mutated_payloads() {
    let seeds: Vec<Vec<u8>> = common::real_payloads().into_iter().map(|(_, b)| b).collect();
    let mut rng = Rng(7);
    let mut log = Vec::new();
    for i in 0..400 {
        let mut m = mutate(&mut rng, &seeds[i % seeds.len()]);
        m.retain(|&b| b != b'\n');
        log.extend(m);
        log.push(b'\n');
    }
    for args in [&["validate", "--ndjson", "-"][..], &["validate", "--ndjson", "--strict", "--format", "json", "-"][..]] {
        let o = common::fwevents(args, &log);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", common::text(&o.stderr));
        assert!(!common::text(&o.stderr).contains("panicked"));
        assert!(common::text(&o.stderr).contains("400 payload(s) checked"));
    }
}
