//! The axum extractor end to end: the models crate's example serves on 127.0.0.1 and a
//! real HTTP client posts to it; every answer is checked, problem+json bodies included.

#[path = "../generated/examples/axum_server.rs"]
mod example;

mod common;

use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

fn pointers(problem: &Value) -> Vec<&str> {
    problem["errors"].as_array().unwrap().iter().map(|e| e["pointer"].as_str().unwrap()).collect()
}

#[test]
fn the_example_runs_and_stops() {
    example::main().unwrap();
}

#[test]
fn each_answer_of_the_example() {
    let exchanges = runtime().block_on(example::run()).unwrap();
    let answer = |what: &str| exchanges.iter().find(|e| e.what == what).unwrap_or_else(|| panic!("no exchange {what:?}"));
    assert_eq!(exchanges.len(), example::requests().len());

    let ok = answer("a valid Freshchat payload");
    assert_eq!((ok.status, ok.body.as_str()), (200, "got freshchat/onAgentActivityCreate"));
    let strict = answer("the same payload, strictly");
    assert_eq!((strict.status, strict.body.as_str()), (200, "agent status AVAILABLE"));

    // Every violation, each with its JSON Pointer.
    let broken = answer("a payload that breaks the spec");
    assert_eq!((broken.status, broken.content_type.as_str()), (422, "application/problem+json"));
    let problem = json(&broken.body);
    assert_eq!(problem["type"], "tag:freshworks-events,2026:invalid-payload");
    assert_eq!(problem["status"], 422);
    assert_eq!(problem["reading"], "strict");
    assert_eq!(problem["event"], "freshchat/onAgentActivityCreate");
    assert_eq!(pointers(&problem), ["/account_id", "/data/agent_activity/status", "/data/agent_activity/updated_at"]);
    assert_eq!(problem["errors"][0]["kind"], "missing");
    assert_eq!(problem["errors"][1]["found"], "integer 42");
    assert_eq!(problem["detail"], "3 violations of the spec in its strict reading of freshchat/onAgentActivityCreate");

    let passed = answer("an unknown event");
    assert_eq!((passed.status, passed.body.as_str()), (200, "passed on onTicketCreate"));
    let refused = answer("an unknown event, refused");
    assert_eq!((refused.status, refused.content_type.as_str()), (422, "application/problem+json"));
    let problem = json(&refused.body);
    assert_eq!(problem["type"], "tag:freshworks-events,2026:unknown-event");
    assert_eq!(problem["event"], "freshdesk/onTicketCreate");
    assert!(problem["detail"].as_str().unwrap().contains("for Freshdesk the spec covers onAgentAvailabilityUpdate"), "{problem}");

    let malformed = answer("malformed JSON");
    assert_eq!((malformed.status, malformed.content_type.as_str()), (400, "application/problem+json"));
    let problem = json(&malformed.body);
    assert_eq!(problem["type"], "tag:freshworks-events,2026:malformed");
    assert!(problem["detail"].as_str().unwrap().starts_with("malformed JSON at line 1, column 35"), "{problem}");

    let huge = answer("a body over the limit");
    assert_eq!((huge.status, huge.content_type.as_str()), (413, "application/problem+json"));
    assert_eq!(json(&huge.body)["detail"], "the body is larger than 65536 bytes");
}

#[test]
fn real_payloads_and_payloads_of_other_events() {
    let mut requests = Vec::new();
    for (name, bytes) in common::real_payloads() {
        requests.push((&*Box::leak(name.into_boxed_str()), "/events", bytes));
    }
    let freshsales = common::payload("freshsales-onUserAgentAvailabilityUpdate.1.json");
    requests.push(("a Freshsales payload to the Freshchat route", "/agent-activity", freshsales));
    requests.push(("an array", "/events", b"[1, 2]".to_vec()));
    requests.push(("no event name", "/known", br#"{"domain": "acme.freshchat.com", "data": {}}"#.to_vec()));
    let exchanges = runtime().block_on(example::serve(|addr| example::post_all(addr, requests))).unwrap();
    for e in &exchanges {
        if e.what.ends_with(".json") {
            // Known events are valid in the lenient reading; the others are passed on.
            assert_eq!(e.status, 200, "{}: {}", e.what, e.body);
            assert!(e.body.starts_with("got ") || e.body.starts_with("passed on "), "{}: {}", e.what, e.body);
        }
    }
    assert!(exchanges.iter().any(|e| e.body == "got freshsales/onUserAgentAvailabilityUpdate"));
    assert!(exchanges.iter().any(|e| e.body == "passed on onAgentUpdate"), "Freshdesk's onAgentUpdate is not in the spec");

    let wrong = exchanges.iter().find(|e| e.what.starts_with("a Freshsales payload")).unwrap();
    assert_eq!(wrong.status, 422, "{}", wrong.body);
    let problem = json(&wrong.body);
    assert!(pointers(&problem).contains(&"/event"), "{problem}");
    let rules: Vec<&Value> = problem["errors"].as_array().unwrap().iter().map(|e| &e["rule"]).collect();
    assert!(rules.contains(&&Value::from("event-name")), "{problem}");

    let array = exchanges.iter().find(|e| e.what == "an array").unwrap();
    assert_eq!((array.status, pointers(&json(&array.body))), (422, vec![""]));
    assert_eq!(json(&array.body)["errors"][0]["found"], "an array of 2 items");
    let nameless = exchanges.iter().find(|e| e.what == "no event name").unwrap();
    assert_eq!((nameless.status, pointers(&json(&nameless.body))), (422, vec!["/event"]));
}

/// A body without a declared length (chunked) is refused once it passes the limit, while
/// it is read: the server answers 413 without waiting for the rest.
#[test]
fn a_chunked_body_over_the_limit_is_refused_while_read() {
    let answer = runtime()
        .block_on(example::serve(|addr| async move {
            let mut stream = tokio::net::TcpStream::connect(addr).await?;
            let head = "POST /events HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
            stream.write_all(head.as_bytes()).await?;
            let chunk = "x".repeat(16 * 1024);
            // 80 KiB against a 64 KiB limit, and no last chunk: only the limit can end it.
            for _ in 0..5 {
                stream.write_all(format!("{:x}\r\n{chunk}\r\n", chunk.len()).as_bytes()).await?;
            }
            let mut answer = vec![0; 4096];
            let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut answer)).await??;
            Ok(String::from_utf8_lossy(&answer[..n]).into_owned())
        }))
        .unwrap();
    assert!(answer.starts_with("HTTP/1.1 413 "), "{answer}");
    assert!(answer.contains("content-type: application/problem+json"), "{answer}");
    assert!(answer.contains(r#""detail":"the body is larger than 65536 bytes""#), "{answer}");
}

/// The README's axum section shows the example's code as it is.
#[test]
fn the_readme_shows_the_example() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let section = readme.split("## Webhook endpoints on axum").nth(1).expect("the README has the section");
    let code = section.split("```rust\n").nth(1).and_then(|s| s.split("```").next()).expect("the section shows code");
    let example = std::fs::read_to_string(common::root().join("generated/examples/axum_server.rs")).unwrap();
    let lines: Vec<&str> = code.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    assert!(lines.len() > 10, "{code}");
    for line in lines {
        assert!(example.lines().any(|l| l.trim() == line), "README line not in the example: {line}");
    }
}
