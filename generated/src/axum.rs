//! An [axum] extractor for webhook endpoints (cargo feature `axum`).
//!
//! [`Validated`] reads the request body once, up to a size limit, parses it and validates
//! it in a reading of the docs ([`Lenient`] or [`Strict`]), and hands the handler the typed
//! [`Event`] or one event's `Payload`. What it does not accept it answers with an
//! [RFC 9457] `application/problem+json` body ([`Problem`]):
//!
//! | the body                                   | status | `type`                     |
//! |--------------------------------------------|--------|----------------------------|
//! | larger than [`Config::limit`]              | 413    | [`TOO_LARGE`]              |
//! | not JSON, or unreadable                    | 400    | [`MALFORMED`]              |
//! | JSON but breaks the spec (every violation) | 422    | [`INVALID`]                |
//! | an event the spec does not cover, refused  | 422    | [`UNKNOWN_EVENT`]          |
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

use ::axum::body::Bytes;
use ::axum::extract::{FromRequest, Request};
use ::axum::http::{header, HeaderValue, StatusCode};
use ::axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use serde::Serialize;

use crate::rt::{self, Build, EventData, Kind};
use crate::{Envelope, Error, Event, Mode, Report, Violation};

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
}

impl Default for Config {
    fn default() -> Self {
        Config { limit: 1 << 20, unknown: Unknown::Accept }
    }
}

impl Config {
    /// The same config with another body limit, in bytes.
    pub fn limit(self, limit: usize) -> Self {
        Config { limit, ..self }
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
            false => Err(Problem::invalid(report, mode, event.kind().map(|k| k.to_string()))),
        }
    }
}

impl<D> FromPayload for Envelope<D>
where
    D: Build + EventData,
{
    fn from_payload(bytes: &[u8], mode: Mode, _: &Config) -> Result<Self, Problem> {
        let payload = Self::from_slice(bytes).map_err(Problem::unreadable)?;
        let report = payload.validate(mode);
        match report.is_valid() {
            true => Ok(payload),
            false => Err(Problem::invalid(report, mode, Some(format!("{}/{}", D::PRODUCT, D::EVENT)))),
        }
    }
}

impl<S, T, R> FromRequest<S> for Validated<T, R>
where
    S: Send + Sync,
    T: FromPayload,
    R: Reading,
{
    type Rejection = Problem;

    async fn from_request(req: Request, _: &S) -> Result<Self, Problem> {
        let config = req.extensions().get::<Config>().copied().unwrap_or_default();
        let bytes = read_body(req, config.limit).await?;
        Ok(Validated(T::from_payload(&bytes, R::MODE, &config)?, R::default()))
    }
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
    /// Every violation, each with its JSON Pointer.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<ProblemError>,
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
            body: Box::new(ProblemBody { kind, title, status: status.as_u16(), detail, event: None, reading: None, errors: Vec::new() }),
        }
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
        problem
    }

    fn invalid(report: Report, mode: Mode, event: Option<String>) -> Self {
        let count = report.violations.len();
        let reading = match mode {
            Mode::Lenient => "lenient",
            Mode::Strict => "strict",
        };
        let of = event.as_deref().map(|e| format!(" of {e}")).unwrap_or_default();
        let detail = format!("{count} violation{} of the spec in its {reading} reading{of}", if count == 1 { "" } else { "s" });
        let mut problem = Problem::new(StatusCode::UNPROCESSABLE_ENTITY, INVALID, "The payload breaks the spec", detail);
        problem.body.event = event;
        problem.body.reading = Some(reading);
        problem.body.errors = report.violations.into_iter().map(ProblemError::from).collect();
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

    /// The problem's `type` URI: one of [`TOO_LARGE`], [`MALFORMED`], [`INVALID`],
    /// [`UNKNOWN_EVENT`].
    pub fn kind(&self) -> &'static str {
        self.body.kind
    }

    /// The problem's `detail`: what was wrong, in one sentence.
    pub fn detail(&self) -> &str {
        &self.body.detail
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
