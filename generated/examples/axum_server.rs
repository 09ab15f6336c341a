//! A webhook service on axum: `Validated` reads, parses and validates each request, and the
//! handlers get typed events. The example serves on 127.0.0.1 (a port the system picks),
//! posts a few payloads to itself over HTTP, prints each answer and stops.
//!
//!     cargo run -p freshworks-events --features axum --example axum_server

use std::net::SocketAddr;
use std::time::Duration;

use axum::routing::post;
use axum::{Extension, Router};
use freshworks_events::axum::{Config, Strict, Validated};
use freshworks_events::freshchat::on_agent_activity_create::Payload;
use freshworks_events::Event;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

/// Any event, in the lenient reading; events the spec does not cover are passed on.
async fn any_event(Validated(event, _): Validated<Event>) -> String {
    match &event {
        Event::Unknown(unknown) => format!("passed on {}", unknown.event),
        known => format!("got {}", known.kind().map(|k| k.to_string()).unwrap_or_default()),
    }
}

/// One event, to the letter of the docs, and a leaf read in one expression.
async fn agent_activity(Validated(payload, Strict): Validated<Payload, Strict>) -> String {
    let status = payload.data().and_then(|d| d.agent_activity()).and_then(|a| a.status());
    format!("agent status {}", status.map_or("unset", |s| s.as_str()))
}

/// The service: `/events` takes any event, `/known` refuses the ones the spec does not
/// cover, `/agent-activity` takes one event strictly. Bodies over 64 KiB are refused, and
/// so are bodies not whole within two seconds.
pub fn app() -> Router {
    let config = Config::default().limit(64 * 1024).timeout(Duration::from_secs(2));
    Router::new()
        .route("/events", post(any_event))
        .route("/known", post(any_event).layer(Extension(config.refuse_unknown())))
        .route("/agent-activity", post(agent_activity))
        .layer(Extension(config))
}

/// One request the example makes, and the answer.
#[derive(Debug)]
pub struct Exchange {
    /// What was sent, in words.
    pub what: &'static str,
    pub path: &'static str,
    pub status: u16,
    pub content_type: String,
    pub body: String,
}

/// The requests: valid payloads, one that breaks the spec in several places, an unknown
/// event (to a route that passes it on and to one that refuses it), malformed JSON and a
/// body over the limit.
pub fn requests() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let valid = serde_json::to_vec(&Payload::fixture()).expect("a fixture serializes");
    let mut broken: serde_json::Value = serde_json::from_slice(&valid).unwrap();
    broken["data"]["agent_activity"]["status"] = serde_json::json!(42);
    broken["data"]["agent_activity"]["updated_at"] = serde_json::json!("yesterday");
    broken.as_object_mut().unwrap().remove("account_id");
    let broken = serde_json::to_vec(&broken).unwrap();
    let unknown = br#"{"event": "onTicketCreate", "domain": "acme.freshdesk.com", "data": {"ticket": {"id": 1}}}"#.to_vec();
    let huge = format!(r#"{{"event": "onAgentActivityCreate", "padding": "{}"}}"#, "x".repeat(100 * 1024)).into_bytes();
    vec![
        ("a valid Freshchat payload", "/events", valid.clone()),
        ("the same payload, strictly", "/agent-activity", valid),
        ("a payload that breaks the spec", "/agent-activity", broken),
        ("an unknown event", "/events", unknown.clone()),
        ("an unknown event, refused", "/known", unknown),
        ("malformed JSON", "/events", br#"{"event": "onAgentActivityCreate", "#.to_vec()),
        ("a body over the limit", "/events", huge),
    ]
}

/// Serves the app on 127.0.0.1, makes the requests with a real HTTP client, shuts the
/// server down and returns the answers.
pub async fn run() -> Result<Vec<Exchange>, Box<dyn std::error::Error>> {
    serve(|addr| post_all(addr, requests())).await
}

/// Serves the app on 127.0.0.1 while `client` runs against its address, then shuts the
/// server down. Every step has a deadline, so a hung exchange fails instead of waiting.
pub async fn serve<T, F>(client: impl FnOnce(SocketAddr) -> F) -> Result<T, Box<dyn std::error::Error>>
where
    F: std::future::Future<Output = Result<T, Box<dyn std::error::Error>>>,
{
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        axum::serve(listener, app())
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });
    let result = tokio::time::timeout(Duration::from_secs(30), client(addr)).await;
    let _ = stop.send(());
    tokio::time::timeout(Duration::from_secs(10), server).await???;
    result?
}

/// Posts each body as JSON with hyper's client, one after another.
pub async fn post_all(
    addr: SocketAddr,
    requests: Vec<(&'static str, &'static str, Vec<u8>)>,
) -> Result<Vec<Exchange>, Box<dyn std::error::Error>> {
    let client = Client::builder(TokioExecutor::new()).build_http::<Full<axum::body::Bytes>>();
    let mut out = Vec::new();
    for (what, path, body) in requests {
        let request = axum::http::Request::post(format!("http://{addr}{path}"))
            .header("content-type", "application/json")
            .body(Full::new(axum::body::Bytes::from(body)))?;
        let response = client.request(request).await?;
        let status = response.status().as_u16();
        let content_type = response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
        let body = String::from_utf8(response.into_body().collect().await?.to_bytes().to_vec())?;
        out.push(Exchange { what, path, status, content_type, body });
    }
    Ok(out)
}

pub fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    for e in runtime.block_on(run())? {
        println!("POST {} ({}): {} {}\n  {}\n", e.path, e.what, e.status, e.content_type, e.body);
    }
    Ok(())
}
