//! `validate --ndjson --jobs N`: the same output as one thread, byte for byte, in the log's
//! order and with the file's line numbers, on a log long enough to span several batches.

use crate::common::{fwevents, text};

const EVENTS: [&str; 5] = [
    "freshchat/onAgentActivityCreate",
    "freshchat/onAgentCustomStatusUpdate",
    "freshdesk/onAgentAvailabilityUpdate",
    "freshcaller/onAgentUpdate",
    "freshsales/onUserAgentAvailabilityUpdate",
];

/// Every event's fixtures interleaved, a few thousand lines (several MB, so that four
/// threads go through more than one batch), with broken lines at known places.
fn mixed_log() -> (Vec<String>, Vec<usize>) {
    let per_event: Vec<Vec<String>> = EVENTS
        .iter()
        .map(|e| {
            let o = fwevents(&["fixture", e, "--seed", "7", "--count", "1000"], b"");
            assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
            text(&o.stdout).lines().map(str::to_owned).collect()
        })
        .collect();
    let mut lines = Vec::new();
    for k in 0..1000 {
        for list in &per_event {
            lines.push(list[k].clone());
        }
    }
    // Line numbers (from 1) of the lines made invalid, each in its own way.
    let broken = [2, 777, 1500, 2999];
    lines[1] = "{broken".into();
    lines[776] = lines[776].replacen("\"data\"", "\"dat\"", 1);
    lines[1499] = r#"{"event": "onNobodyKnows", "data": {}}"#.into();
    lines[2998] = "[1, 2]".into();
    // Blank lines count as lines but are no payloads.
    lines[99] = String::new();
    lines[2000] = "   ".into();
    (lines, broken.to_vec())
}

#[test]
fn jobs_give_the_same_output_as_one_thread_in_order() {
    let (lines, broken) = mixed_log();
    let log = lines.join("\n") + "\n";
    assert!(log.len() > 4 << 20, "the log spans several batches of 4 threads: {} bytes", log.len());
    for format in ["text", "json"] {
        let one = fwevents(&["validate", "--ndjson", "--format", format, "--jobs", "1", "-"], log.as_bytes());
        assert_eq!(one.status.code(), Some(1), "{}", text(&one.stderr));
        assert!(text(&one.stderr).contains(&format!("{} payload(s) checked, 4 invalid", lines.len() - 2)), "{}", text(&one.stderr));
        // The line numbers reported are the file's: each broken line, once, in order.
        let reported: Vec<usize> = if format == "text" {
            let mut seen: Vec<usize> = text(&one.stdout).lines().map(|l| l.split(':').nth(1).unwrap().parse().unwrap()).collect();
            seen.dedup();
            seen
        } else {
            text(&one.stdout)
                .lines()
                .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
                .filter(|o| o["valid"] == false)
                .map(|o| o["line"].as_u64().unwrap() as usize)
                .collect()
        };
        assert_eq!(reported, broken, "{format}");
        for jobs in ["4", "2", "0"] {
            let many = fwevents(&["validate", "--ndjson", "--format", format, "--jobs", jobs, "-"], log.as_bytes());
            assert_eq!(many.status.code(), one.status.code(), "--jobs {jobs}");
            assert!(many.stdout == one.stdout, "--jobs {jobs} --format {format}: the output differs from --jobs 1");
            assert_eq!(text(&many.stderr), text(&one.stderr), "--jobs {jobs}");
        }
    }
}

#[test]
fn jobs_keep_the_first_line_s_byte_order_mark_rule() {
    let one = fwevents(&["fixture", "freshchat/onAgentActivityCreate", "--seed", "1", "--count", "3"], b"");
    let log = [b"\xEF\xBB\xBF".as_slice(), &one.stdout, b"{\"event\": 1}\n"].concat();
    for jobs in ["1", "3"] {
        let o = fwevents(&["validate", "--ndjson", "--jobs", jobs, "-"], &log);
        assert_eq!(o.status.code(), Some(1), "--jobs {jobs}: {}", text(&o.stderr));
        let out = text(&o.stdout);
        assert!(out.starts_with("-:4: ") && out.lines().count() == 1, "--jobs {jobs}: {out}");
    }
}
