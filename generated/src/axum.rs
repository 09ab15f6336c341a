//! An [axum] extractor for webhook endpoints (cargo feature `axum`).
//!
//! [`Validated`] reads the request body once, up to a size limit, parses it and validates
//! it in a reading of the docs ([`Lenient`] or [`Strict`]), and hands the handler the typed
//! [`Event`] or one event's `Payload`. What it does not accept it answers with an
//! [RFC 9457] `application/problem+json` body ([`Problem`]):
//!
//! | the request                                          | status | `type`             |
//! |------------------------------------------------------|--------|--------------------|
//! | a content type other than JSON                       | 415    | [`UNSUPPORTED`]    |
//! | a body larger than [`Config::limit`]                 | 413    | [`TOO_LARGE`]      |
//! | a body not whole within [`Config::timeout`]          | 408    | [`TIMEOUT`]        |
//! | not JSON, or unreadable                              | 400    | [`MALFORMED`]      |
//! | JSON but breaks the spec                             | 422    | [`INVALID`]        |
//! | an event the spec does not cover, refused            | 422    | [`UNKNOWN_EVENT`]  |
//!
//! The content type must be `application/json` or a `+json` type (parameters such as
//! `charset` are allowed); a request without one is refused too. A 422 answer gives the
//! number of violations (`error_count`) and lists the first ones (`errors`): at most
//! [`Config::errors`], and no more once their text passes 32 KiB (the first is always
//! listed), so an answer stays within a small multiple of the request whatever it holds.
//! Bodies of more than 64 KiB are parsed and validated on tokio's blocking threads, so a
//! large payload does not hold up the requests that share its worker.
//!
//! The wait for the body is bounded by tokio's timer, so the runtime needs its timers
//! enabled (`#[tokio::main]` and `Builder::enable_all` do).
//!
//! An unknown event is passed to the handler as [`Event::Unknown`] unless the [`Config`]
//! refuses it. The config is taken from the request's extensions, so a layer sets it for a
//! router or a single route; without one, [`Config::default`] applies.
//!
//! ```no_run
//! use axum::{routing::post, Extension, Router};
//! use freshworks_events::axum::{Config, Strict, Validated};
//! use freshworks_events::freshchat::on_agent_activity_create::Payload;
//! use freshworks_events::Event;
//!
//! async fn any_event(Validated(event, _): Validated<Event>) -> String {
//!     match event.kind() {
//!         Some(kind) => format!("got {kind}"),
//!         None => "passed on an event the spec does not cover".into(),
//!     }
//! }
//!
//! async fn agent_activity(Validated(payload, Strict): Validated<Payload, Strict>) -> String {
//!     let status = payload.data().and_then(|d| d.agent_activity()).and_then(|a| a.status());
//!     format!("{:?}", status.map(|s| s.as_str()))
//! }
//!
//! let app: Router = Router::new()
//!     .route("/events", post(any_event))
//!     .route("/agent-activity", post(agent_activity))
//!     .layer(Extension(Config::default().limit(256 * 1024)));
//! ```
//!
//! The problem `type` URIs are tags: they name the problem and are not meant to be fetched.
//!
//! [RFC 9457]: https://www.rfc-editor.org/rfc/rfc9457

use std::fmt;
use std::time::Duration;

use ::axum::body::Bytes;
use ::axum::extract::{FromRequest, Request};
use ::axum::http::{header, HeaderValue, StatusCode};
use ::axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use serde::Serialize;

use crate::rt::{self, Build, EventData, Kind};
use crate::{Envelope, Error, Event, Mode, Report, Violation};

/// `type` of a request whose content type is not JSON (415).
pub const UNSUPPORTED: &str = "tag:freshworks-events,2026:unsupported-media-type";
/// `type` of a body that did not arrive whole within the timeout (408).
pub const TIMEOUT: &str = "tag:freshworks-events,2026:timeout";
/// `type` of a body larger than the limit (413).
pub const TOO_LARGE: &str = "tag:freshworks-events,2026:too-large";
/// `type` of a body that is not JSON or could not be read (400).
pub const MALFORMED: &str = "tag:freshworks-events,2026:malformed";
/// `type` of a payload that breaks the spec (422); `errors` lists every violation.
pub const INVALID: &str = "tag:freshworks-events,2026:invalid-payload";
/// `type` of an event the spec does not cover, when the config refuses those (422).
pub const UNKNOWN_EVENT: &str = "tag:freshworks-events,2026:unknown-event";

/// The media type of the problem bodies.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The lenient reading of the docs, what real payloads do ([`Mode::Lenient`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lenient;

/// The docs to the letter ([`Mode::Strict`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Strict;

/// A reading of the docs, chosen by type: [`Lenient`] or [`Strict`].
pub trait Reading: Default + Send + Sync + 'static {
    /// The validation mode.
    const MODE: Mode;
}

impl Reading for Lenient {
    const MODE: Mode = Mode::Lenient;
}

impl Reading for Strict {
    const MODE: Mode = Mode::Strict;
}

/// What to do with an event the spec does not cover.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Unknown {
    /// Hand it to the handler as [`Event::Unknown`], kept whole (the default).
    #[default]
    Accept,
    /// Answer 422 with the reason.
    Refuse,
}

/// How [`Validated`] reads a request; set it with `axum::Extension(config)` as a layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Config {
    /// The largest body read, in bytes; a larger one is answered 413 without being read
    /// further. 1 MiB by default.
    pub limit: usize,
    /// What to do with an event the spec does not cover.
    pub unknown: Unknown,
    /// The most violations a 422 answer lists (it counts them all); 100 by default. At
    /// least one is listed whatever this says.
    pub errors: usize,
    /// The longest wait for the whole body, from the first poll of the extractor; a body
    /// not whole by then is answered 408. 10 seconds by default.
    pub timeout: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config { limit: 1 << 20, unknown: Unknown::Accept, errors: 100, timeout: Duration::from_secs(10) }
    }
}

impl Config {
    /// The same config with another body limit, in bytes.
    pub fn limit(self, limit: usize) -> Self {
        Config { limit, ..self }
    }

    /// The same config, listing at most `errors` violations in a 422 answer.
    pub fn errors(self, errors: usize) -> Self {
        Config { errors, ..self }
    }

    /// The same config with another wait for the whole body.
    pub fn timeout(self, timeout: Duration) -> Self {
        Config { timeout, ..self }
    }

    /// The same config, answering 422 to an event the spec does not cover.
    pub fn refuse_unknown(self) -> Self {
        Config { unknown: Unknown::Refuse, ..self }
    }
}

/// A request body read, parsed and validated in the reading `R`: `T` is [`Event`] (any
/// event) or one event's `Payload` (e.g. `freshchat::on_agent_activity_create::Payload`).
///
/// The reading is a value too, so a handler can name it in its pattern:
/// `Validated(payload, Strict): Validated<Payload, Strict>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Validated<T = Event, R = Lenient>(pub T, pub R);

impl<T, R> Validated<T, R> {
    /// The payload.
    pub fn into_inner(self) -> T {
        self.0
    }
}

/// What [`Validated`] can hand a handler: [`Event`], or one event's `Payload`.
pub trait FromPayload: Sized {
    /// Reads and validates `bytes` in `mode`.
    fn from_payload(bytes: &[u8], mode: Mode, config: &Config) -> Result<Self, Problem>;
}

impl FromPayload for Event {
    fn from_payload(bytes: &[u8], mode: Mode, config: &Config) -> Result<Self, Problem> {
        let event = Event::parse(bytes).map_err(Problem::unreadable)?;
        if let Event::Unknown(unknown) = &event {
            return match config.unknown {
                Unknown::Accept => Ok(event),
                Unknown::Refuse => Err(Problem::unknown(unknown)),
            };
        }
        let report = event.validate(mode);
        match report.is_valid() {
            true => Ok(event),
            false => Err(Problem::invalid(report, mode, event.kind().map(|k| k.to_string()), config.errors)),
        }
    }
}

impl<D> FromPayload for Envelope<D>
where
    D: Build + EventData,
{
    fn from_payload(bytes: &[u8], mode: Mode, config: &Config) -> Result<Self, Problem> {
        let payload = Self::from_slice(bytes).map_err(Problem::unreadable)?;
        let report = payload.validate(mode);
        match report.is_valid() {
            true => Ok(payload),
            false => Err(Problem::invalid(report, mode, Some(format!("{}/{}", D::PRODUCT, D::EVENT)), config.errors)),
        }
    }
}

impl<S, T, R> FromRequest<S> for Validated<T, R>
where
    S: Send + Sync,
    T: FromPayload + Send + 'static,
    R: Reading,
{
    type Rejection = Problem;

    async fn from_request(req: Request, _: &S) -> Result<Self, Problem> {
        let config = req.extensions().get::<Config>().copied().unwrap_or_default();
        check_content_type(&req)?;
        let bytes = match tokio::time::timeout(config.timeout, read_body(req, config.limit)).await {
            Ok(read) => read?,
            Err(_) => return Err(Problem::timeout(config.timeout)),
        };
        if bytes.len() <= INLINE {
            return Ok(Validated(T::from_payload(&bytes, R::MODE, &config)?, R::default()));
        }
        // Reading and validating are linear in the body, but a body near the limit still
        // takes milliseconds that the requests sharing this worker would wait.
        match tokio::task::spawn_blocking(move || T::from_payload(&bytes, R::MODE, &config)).await {
            Ok(read) => Ok(Validated(read?, R::default())),
            Err(e) => match e.try_into_panic() {
                Ok(panic) => std::panic::resume_unwind(panic),
                // The runtime is shutting down.
                Err(_) => Err(Problem::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "about:blank",
                    "Service Unavailable",
                    "the server stopped before the body was validated".into(),
                )),
            },
        }
    }
}

/// Bodies up to this size are read and validated on the worker that received them.
const INLINE: usize = 64 << 10;

/// The request says its body is JSON: `application/json` or `application/<anything>+json`,
/// with any parameters.
fn check_content_type(req: &Request) -> Result<(), Problem> {
    let value = req.headers().get(header::CONTENT_TYPE);
    let essence = value.and_then(|v| v.to_str().ok()).map(|v| v.split(';').next().unwrap_or_default().trim().to_ascii_lowercase());
    let json = essence.as_deref().and_then(|e| e.strip_prefix("application/")).is_some_and(|sub| sub == "json" || sub.ends_with("+json"));
    if json {
        return Ok(());
    }
    let detail = match value {
        None => "the request has no content type; expected application/json".to_owned(),
        // The header is the client's text: shown as a JSON string would show it, cut short.
        Some(v) => {
            let text = String::from_utf8_lossy(v.as_bytes());
            let cut: String = text.chars().take(64).collect();
            format!("the content type {cut:?} is not JSON; expected application/json or a +json type")
        }
    };
    Err(Problem::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED, "The body is not declared as JSON", detail))
}

/// The body, once, refusing it as soon as it passes `limit` bytes.
async fn read_body(req: Request, limit: usize) -> Result<Bytes, Problem> {
    // A declared length over the limit is refused before a byte is read.
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(Problem::too_large(limit));
    }
    match http_body_util::Limited::new(req.into_body(), limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => Err(Problem::too_large(limit)),
        Err(e) => {
            Err(Problem::new(StatusCode::BAD_REQUEST, MALFORMED, "The body could not be read", format!("reading the body failed: {e}")))
        }
    }
}

/// Text of the listed violations past which no more are listed.
const ERROR_TEXT: usize = 32 << 10;

/// An RFC 9457 problem: the rejection of [`Validated`], answered as
/// `application/problem+json`. A handler that takes `Result<Validated<..>, Problem>` can
/// look at it and answer otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    status: StatusCode,
    // Boxed: a rejection travels through `Result`s, and a small `Err` keeps them cheap.
    body: Box<ProblemBody>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
struct ProblemBody {
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'static str,
    status: u16,
    detail: String,
    /// `product/event`, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    event: Option<String>,
    /// `lenient` or `strict`, for a payload that breaks the spec.
    #[serde(skip_serializing_if = "Option::is_none")]
    reading: Option<&'static str>,
    /// How many violations there are; `errors` lists the first of them.
    #[serde(skip_serializing_if = "is_zero")]
    error_count: usize,
    /// The first violations, each with its JSON Pointer.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<ProblemError>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One violation, as RFC 9457's example lists errors: `pointer` and `detail`, plus what
/// the spec wanted and what was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct ProblemError {
    pointer: String,
    detail: String,
    kind: Kind,
    expected: String,
    found: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'static str>,
}

impl Problem {
    fn new(status: StatusCode, kind: &'static str, title: &'static str, detail: String) -> Self {
        Problem {
            status,
            body: Box::new(ProblemBody {
                kind,
                title,
                status: status.as_u16(),
                detail,
                event: None,
                reading: None,
                error_count: 0,
                errors: Vec::new(),
            }),
        }
    }

    fn timeout(timeout: Duration) -> Self {
        let detail = format!("the body did not arrive whole within {} ms", timeout.as_millis());
        Problem::new(StatusCode::REQUEST_TIMEOUT, TIMEOUT, "The body took too long", detail)
    }

    fn too_large(limit: usize) -> Self {
        Problem::new(StatusCode::PAYLOAD_TOO_LARGE, TOO_LARGE, "The body is too large", format!("the body is larger than {limit} bytes"))
    }

    /// Not JSON (400), or JSON that is not a payload (422: not an object, no event name,
    /// an event name several products share and no domain to tell which).
    fn unreadable(error: Error) -> Self {
        let detail = error.to_string();
        let (pointer, kind, expected, found) = match &error {
            Error::Json { .. } | Error::TooDeep { .. } => {
                return Problem::new(StatusCode::BAD_REQUEST, MALFORMED, "The body is not JSON", detail);
            }
            Error::NotAnObject { found } => ("", Kind::Type, "an object", found.clone()),
            Error::NoEventName => ("/event", Kind::Missing, "an event name", "nothing".into()),
            _ => ("/event", Kind::UnknownEvent, "an event of the spec", String::new()),
        };
        let mut problem = Problem::new(StatusCode::UNPROCESSABLE_ENTITY, INVALID, "The payload breaks the spec", detail.clone());
        problem.body.errors.push(ProblemError { pointer: pointer.into(), detail, kind, expected: expected.into(), found, rule: None });
        problem.body.error_count = 1;
        problem
    }

    /// The violations counted, and the first listed: at most `most`, and no more once
    /// their text passes [`ERROR_TEXT`] (the first always), so the answer is not many times
    /// the size of the request that caused it.
    fn invalid(report: Report, mode: Mode, event: Option<String>, most: usize) -> Self {
        let count = report.count();
        let reading = match mode {
            Mode::Lenient => "lenient",
            Mode::Strict => "strict",
        };
        let listed = report.first(most, ERROR_TEXT).len();
        let errors: Vec<ProblemError> = report.violations.into_iter().take(listed).map(ProblemError::from).collect();
        let of = event.as_deref().map(|e| format!(" of {e}")).unwrap_or_default();
        let mut detail = format!("{count} violation{} of the spec in its {reading} reading{of}", if count == 1 { "" } else { "s" });
        if errors.len() < count {
            detail.push_str(&format!("; the first {} listed", errors.len()));
        }
        let mut problem = Problem::new(StatusCode::UNPROCESSABLE_ENTITY, INVALID, "The payload breaks the spec", detail);
        problem.body.event = event;
        problem.body.reading = Some(reading);
        problem.body.error_count = count;
        problem.body.errors = errors;
        problem
    }

    fn unknown(unknown: &rt::UnknownEvent) -> Self {
        let mut problem =
            Problem::new(StatusCode::UNPROCESSABLE_ENTITY, UNKNOWN_EVENT, "The spec does not cover this event", unknown.reason.clone());
        problem.body.event = Some(match &unknown.product {
            Some(product) => format!("{product}/{}", unknown.event),
            None => unknown.event.clone(),
        });
        problem
    }

    /// The HTTP status it is answered with.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The problem's `type` URI: one of [`UNSUPPORTED`], [`TOO_LARGE`], [`TIMEOUT`],
    /// [`MALFORMED`], [`INVALID`], [`UNKNOWN_EVENT`] (or `about:blank` for a 503 while the
    /// server stops).
    pub fn kind(&self) -> &'static str {
        self.body.kind
    }

    /// The problem's `detail`: what was wrong, in one sentence.
    pub fn detail(&self) -> &str {
        &self.body.detail
    }

    /// How many violations the payload has; [`Problem::pointers`] gives those listed.
    pub fn error_count(&self) -> usize {
        self.body.error_count
    }

    /// The JSON Pointers of the violations listed, in order.
    pub fn pointers(&self) -> impl Iterator<Item = &str> {
        self.body.errors.iter().map(|e| e.pointer.as_str())
    }

    /// The problem+json body.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.body).expect("a problem serializes")
    }
}

impl From<Violation> for ProblemError {
    fn from(v: Violation) -> Self {
        ProblemError { pointer: v.path, detail: v.message, kind: v.kind, expected: v.expected, found: v.found, rule: v.rule }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: {}", self.status.as_u16(), self.body.title, self.body.detail)
    }
}

impl std::error::Error for Problem {}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let mut response = (self.status, self.to_json()).into_response();
        response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        response
    }
}
