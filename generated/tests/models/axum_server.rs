//! The axum extractor end to end: the models crate's example serves on 127.0.0.1 and a
//! real HTTP client posts to it; every answer is checked, problem+json bodies included,
//! with the bounds on a body (size, time, content type) and on an answer's length. The
//! README's axum section shows the example's code as it is.

#[path = "../../examples/axum_server.rs"]
mod example;

use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::common;

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

/// Sends `request` as written on a connection of its own and returns the answer's head and
/// body as text, or what arrived before the server closed or the deadline.
fn raw_exchange(request: Vec<u8>) -> String {
    runtime()
        .block_on(example::serve(|addr| async move {
            let mut stream = tokio::net::TcpStream::connect(addr).await?;
            stream.write_all(&request).await?;
            let mut answer = vec![0; 1 << 16];
            let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut answer)).await??;
            Ok(String::from_utf8_lossy(&answer[..n]).into_owned())
        }))
        .unwrap()
}

fn post_with(content_type: Option<&str>, body: &[u8]) -> String {
    let mut head = String::from("POST /events HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n");
    if let Some(t) = content_type {
        head.push_str(&format!("content-type: {t}\r\n"));
    }
    head.push_str(&format!("content-length: {}\r\n\r\n", body.len()));
    let mut request = head.into_bytes();
    request.extend_from_slice(body);
    raw_exchange(request)
}

/// A valid payload with `n` wrong-typed items in `data.actor.social_profiles`: one
/// violation per item.
fn profiles_payload(n: usize) -> Vec<u8> {
    use freshworks_events::freshchat::on_agent_activity_create::Payload;
    let mut payload: Value = serde_json::to_value(Payload::fixture()).unwrap();
    payload["data"]["actor"]["social_profiles"] = Value::from(vec![1; n]);
    serde_json::to_vec(&payload).unwrap()
}

/// An answer lists the first violations and counts them all: a body of half a million
/// wrong-typed items (1 MiB, the default limit) gets a few kilobytes, not 80 MB.
#[test]
fn a_payload_of_many_violations_gets_an_answer_smaller_than_itself() {
    use freshworks_events::axum::{Config, FromPayload};
    let body = profiles_payload(522_288);
    assert!(body.len() <= 1 << 20 && body.len() > 1_000_000, "{}", body.len());
    let problem = freshworks_events::Event::from_payload(&body, freshworks_events::Mode::Lenient, &Config::default()).unwrap_err();
    assert_eq!(problem.status(), 422);
    assert_eq!(problem.error_count(), 522_288);
    assert_eq!(problem.pointers().count(), 100);
    assert_eq!(problem.pointers().next(), Some("/data/actor/social_profiles/0"));
    let answer = problem.to_json();
    assert!(answer.len() < 40 << 10, "{} bytes answered to {}", answer.len(), body.len());
    let answer = json(&answer);
    assert_eq!(answer["error_count"], 522_288);
    assert!(answer["detail"].as_str().unwrap().ends_with("; the first 100 listed"), "{answer}");

    // Fewer, if the config says so; never none.
    let few = Config::default().errors(0);
    let problem = freshworks_events::Event::from_payload(&body, freshworks_events::Mode::Lenient, &few).unwrap_err();
    assert_eq!((problem.error_count(), problem.pointers().count()), (522_288, 1));

    // Through the example's 64 KiB route, on the blocking threads.
    let body = profiles_payload(30_000);
    assert!(body.len() > 60_000 && body.len() <= 64 << 10, "{}", body.len());
    let answer = post_with(Some("application/json"), &body);
    assert!(answer.starts_with("HTTP/1.1 422 "), "{answer}");
    let problem = json(answer.split("\r\n\r\n").nth(1).unwrap());
    assert_eq!((problem["error_count"].as_u64(), pointers(&problem).len()), (Some(30_000), 100));
    assert!(answer.len() < body.len() / 2, "{} bytes answered to {}", answer.len(), body.len());
}

/// Long texts fill the list sooner: the answer stays within a small multiple of the
/// request however long each violation's text is.
#[test]
fn long_violations_are_listed_up_to_a_bound_on_their_text() {
    use freshworks_events::axum::{Config, FromPayload};
    let mut payload: Value = serde_json::from_slice(&profiles_payload(0)).unwrap();
    let key = "k".repeat(2_000);
    let data = payload["data"].as_object_mut().unwrap();
    for i in 0..400 {
        data.insert(format!("{key}{i}"), Value::from(1));
    }
    let body = serde_json::to_vec(&payload).unwrap();
    let problem = freshworks_events::Event::from_payload(&body, freshworks_events::Mode::Strict, &Config::default()).unwrap_err();
    assert_eq!(problem.error_count(), 400);
    let listed = problem.pointers().count();
    assert!((1..100).contains(&listed), "{listed} listed");
    let answer = problem.to_json();
    assert!(answer.len() < 40 << 10 && answer.len() < body.len(), "{} bytes answered to {}", answer.len(), body.len());
}

/// The body must be declared as JSON; `+json` types count.
#[test]
fn a_body_not_declared_as_json_is_refused_415() {
    let body = br#"{"event": "onTicketCreate", "domain": "acme.freshdesk.com", "data": {}}"#;
    for content_type in [None, Some("text/plain"), Some("application/jsonx"), Some("application/x-www-form-urlencoded")] {
        let answer = post_with(content_type, body);
        assert!(answer.starts_with("HTTP/1.1 415 "), "{content_type:?}: {answer}");
        assert!(answer.contains("content-type: application/problem+json"), "{answer}");
        assert!(answer.contains(r#""type":"tag:freshworks-events,2026:unsupported-media-type""#), "{answer}");
    }
    for content_type in ["application/json", "Application/JSON; charset=utf-8", "application/cloudevents+json"] {
        let answer = post_with(Some(content_type), body);
        assert!(answer.starts_with("HTTP/1.1 200 "), "{content_type}: {answer}");
        assert!(answer.ends_with("passed on onTicketCreate"), "{answer}");
    }
}

/// A body announced longer than what is sent is answered 408 once the route's timeout
/// (two seconds in the example) has passed, not held open.
#[test]
fn a_body_that_stops_arriving_is_answered_408() {
    let head = "POST /events HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n";
    let mut request = head.as_bytes().to_vec();
    request.extend_from_slice(br#"{"event": "onAgentActivityCreate","#);
    let answer = raw_exchange(request);
    assert!(answer.starts_with("HTTP/1.1 408 "), "{answer}");
    assert!(answer.contains(r#""detail":"the body did not arrive whole within 2000 ms""#), "{answer}");
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
