//! The command line on payloads and logs made to cost: many violations, over-long lines, a
//! log that stalls, an output that closes, numbers in every form JSON allows. Each answer
//! stays bounded and each run ends with the right status. (Reading such payloads: the
//! models crate's tests, `many_keys`.)

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use freshworks_events::{Event, Mode};
use serde_json::Value;

use crate::common::{self, fwevents, text, TempDir};

fn one_line(bytes: &[u8]) -> String {
    let v: Value = serde_json::from_slice(bytes).unwrap();
    serde_json::to_string(&v).unwrap()
}

fn valid_line() -> String {
    one_line(&common::payload("freshchat-onAgentActivityCreate.1.json"))
}

/// The real payload, compact, with `n` distinct attributes the spec does not list first in
/// `data`, in order.
fn unknown_keys(n: usize) -> Vec<u8> {
    let keys: String = (0..n).map(|i| format!("\"unlisted_{i}\":{i},")).collect();
    let line = valid_line();
    assert!(line.contains("\"data\":{\""), "{line}");
    line.replacen("\"data\":{", &format!("\"data\":{{{keys}"), 1).into_bytes()
}

/// `validate` on a 4 MB file of such keys, strictly, as JSON: every error counted, the
/// first 100 listed.
#[test]
fn the_command_lists_the_first_errors_of_a_payload_and_counts_them_all() {
    let dir = TempDir::new("unknown-keys");
    let file = dir.0.join("keys.json");
    std::fs::write(&file, unknown_keys(300_000)).unwrap();
    assert!(std::fs::metadata(&file).unwrap().len() > 4_000_000);
    let out = fwevents(&["validate", "--strict", "--format", "json", file.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["error_count"], 300_000);
    assert_eq!(report["errors"].as_array().unwrap().len(), 100);
    assert_eq!(report["errors"][99]["path"], "/data/unlisted_99");
    assert!(out.stdout.len() < 32 << 10, "{} bytes for the report", out.stdout.len());

    let out = fwevents(&["validate", "--strict", "--format", "json", "--max-errors", "3", file.to_str().unwrap()], b"");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((report["error_count"].as_u64(), report["errors"].as_array().unwrap().len()), (Some(300_000), 3));

    // A payload keeps its first 10,000 and counts the rest: 0 lists those kept, and the text
    // says how many more there were.
    let out = fwevents(&["validate", "--strict", "--format", "json", "--max-errors", "0", file.to_str().unwrap()], b"");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((report["error_count"].as_u64(), report["errors"].as_array().unwrap().len()), (Some(300_000), 10_000));
    let out = fwevents(&["validate", "--strict", file.to_str().unwrap()], b"");
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 10_001);
    assert!(lines[10_000].ends_with("keys.json: ... and 290000 more violations, counted and not kept"), "{}", lines[10_000]);

    // 0 lists every one.
    let small = unknown_keys(150);
    let out = fwevents(&["validate", "--strict", "--format", "json", "--max-errors", "0", "-"], &small);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((report["error_count"].as_u64(), report["errors"].as_array().unwrap().len()), (Some(150), 150));
}

/// A line over `--max-line` is skipped and said, the lines after it are checked, and the
/// status is 2; the same with either `--jobs`.
#[test]
fn a_line_over_the_limit_is_skipped_and_the_next_lines_are_checked() {
    let valid = valid_line();
    let long = format!("{{\"pad\": \"{}\"}}", "x".repeat(300_000));
    let log = format!("{valid}\n{long}\n{{broken\n{valid}\n");
    for jobs in ["1", "2"] {
        let out = fwevents(&["validate", "--ndjson", "--jobs", jobs, "--max-line", "100000", "-"], log.as_bytes());
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains(&format!(
                "error: -:2: the line is {} bytes, longer than the limit of 100000 (--max-line); not checked",
                long.len()
            )),
            "{stderr}"
        );
        assert!(stderr.contains("3 payload(s) checked, 1 invalid, 1 line(s) too long"), "{stderr}");
        assert!(text(&out.stdout).starts_with("-:3: malformed JSON at line 3"), "{}", text(&out.stdout));
    }
    // A line exactly at the limit is checked; its newline does not count.
    let at = format!("{valid}\n");
    let out = fwevents(&["validate", "--ndjson", "--max-line", &valid.len().to_string(), "-"], at.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = fwevents(&["validate", "--ndjson", "--max-line", &(valid.len() - 1).to_string(), "-"], at.as_bytes());
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
}

/// A log that grows while it is read (`tail -f log | fwevents validate --ndjson -`) is
/// reported line by line: each report arrives while the input is still open.
#[test]
fn reports_arrive_while_the_log_is_still_open() {
    for jobs in ["1", "2"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_fwevents"))
            .args(["validate", "--ndjson", "--format", "json", "--jobs", jobs, "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut input = child.stdin.take().unwrap();
        let (tx, reports) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let _ = tx.send(line.unwrap());
            }
        });
        // A deadline for a report that should come at once, not a measure of speed.
        let next = || reports.recv_timeout(Duration::from_secs(30)).expect("a report while the input is open");
        writeln!(input, "{}", valid_line()).unwrap();
        input.flush().unwrap();
        let first: Value = serde_json::from_str(&next()).unwrap();
        assert_eq!((first["line"].as_u64(), first["valid"].as_bool()), (Some(1), Some(true)), "--jobs {jobs}");
        writeln!(input, "{{broken").unwrap();
        input.flush().unwrap();
        let second: Value = serde_json::from_str(&next()).unwrap();
        assert_eq!((second["line"].as_u64(), second["valid"].as_bool()), (Some(2), Some(false)), "--jobs {jobs}");
        drop(input);
        let status = child.wait().unwrap();
        reader.join().unwrap();
        assert_eq!(status.code(), Some(1), "--jobs {jobs}");
    }
}

/// When the reader of the reports goes away (`| head -1`), the command says it could not
/// write, not that it could not read, counts what it checked, and stops with 2 even while
/// its input stays open.
#[test]
fn a_closed_output_is_reported_as_a_write_failure() {
    let line = valid_line() + "\n";
    for jobs in ["1", "2"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_fwevents"))
            .args(["validate", "--ndjson", "--format", "json", "--jobs", jobs, "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut input = child.stdin.take().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut stderr = child.stderr.take().unwrap();
        let (done, stopped) = mpsc::channel::<()>();
        let line = line.clone();
        // Feeds 2,000 lines and then holds the input open until the command has stopped.
        let writer = std::thread::spawn(move || {
            for _ in 0..2_000 {
                if input.write_all(line.as_bytes()).is_err() {
                    break;
                }
            }
            let _ = input.flush();
            let _ = stopped.recv_timeout(Duration::from_secs(60));
        });
        let mut first = [0u8; 64];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let mut said = String::new();
        stderr.read_to_string(&mut said).unwrap();
        let status = child.wait().unwrap();
        let _ = done.send(());
        writer.join().unwrap();
        assert_eq!(status.code(), Some(2), "--jobs {jobs}: {said}");
        assert!(said.starts_with("error: cannot write the reports to standard output: Broken pipe"), "--jobs {jobs}: {said}");
        assert!(!said.contains("cannot read"), "--jobs {jobs}: {said}");
        let checked: usize = said.lines().nth(1).and_then(|l| l.split(' ').next()).and_then(|n| n.parse().ok()).expect(&said);
        assert!((1..=2_000).contains(&checked), "--jobs {jobs}: {said}");
    }
}

/// Numbers come back as sent, in whatever form JSON allows: an exponent, a capital `E`, a
/// trailing zero, a negative zero.
#[test]
fn timestamp_numbers_are_written_back_as_sent() {
    let line = valid_line();
    assert!(line.contains("\"timestamp\":1564592339214,"), "{line}");
    for text in ["1.564592339214E12", "1.6617e9", "-0", "1661700000.50", "1564592339214", "1632216310.817101"] {
        let sent = line.replacen("\"timestamp\":1564592339214,", &format!("\"timestamp\":{text},"), 1);
        let event = Event::parse(sent.as_bytes()).unwrap();
        let written = String::from_utf8(serde_json::to_vec(&event).unwrap()).unwrap();
        assert!(written.contains(&format!("\"timestamp\":{text},")), "{text}: {written}");
        // Read again, it is the same payload and validates the same.
        let again = Event::parse(written.as_bytes()).unwrap();
        assert_eq!(again, event, "{text}");
        assert_eq!(again.validate(Mode::Strict), event.validate(Mode::Strict), "{text}");
    }
    let out = fwevents(&["roundtrip", "-"], line.replacen(":1564592339214,", ":1.6617e9,", 1).as_bytes());
    assert!(text(&out.stdout).contains("1.6617e9"), "{}{}", text(&out.stdout), text(&out.stderr));
}
