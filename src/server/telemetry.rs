//! Logging. Lines carry ids, counts, route templates and statuses; never post text, names,
//! emails, query strings or search terms.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use tracing::Instrument as _;
use tracing_subscriber::EnvFilter;

use crate::server::config::LogFormat;
use crate::server::state::AppState;

/// Counts kept for the life of the process.
pub struct Counters {
    /// Answers 5xx other than 503 (which says "not ready", not "broken"): each one is a bug. The
    /// tests fail when any request made this non-zero.
    server_errors: AtomicU64,
    next_request: AtomicU64,
    /// Random per process, so ids from two app nodes or two runs do not collide in merged logs.
    prefix: u32,
}

impl Counters {
    pub fn new() -> Counters {
        Counters {
            server_errors: AtomicU64::new(0),
            next_request: AtomicU64::new(1),
            prefix: rand::random(),
        }
    }

    pub fn server_errors(&self) -> u64 {
        self.server_errors.load(Ordering::Relaxed)
    }

    fn request_id(&self) -> RequestId {
        let n = self.next_request.fetch_add(1, Ordering::Relaxed);
        RequestId(format!("{:08x}-{n:x}", self.prefix))
    }
}

impl Default for Counters {
    fn default() -> Self {
        Counters::new()
    }
}

/// The id of the request being answered: in every log line it causes (a span field), in the
/// `X-Request-Id` header, and on the error page, so a member's report finds the log line.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

pub fn init(format: LogFormat) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("caseroom=info,warn"));
    // A second init (tests start several apps) is harmless, so its error is ignored.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false);
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        // One object a line: the event's fields (ids, counts, the route template) under
        // `fields`, the request span's id under `span`, as in text.
        LogFormat::Json => builder
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .try_init(),
    };
}

/// For the server: a panic is logged with where it happened and the request id of the span it
/// happened in, but not its message, which can quote the text being handled (a string slice's
/// panic prints the string). The location and the request id are enough to find it again.
pub fn log_panics_without_text() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        tracing::error!(at, "panic (message withheld: it may quote member text)");
    }));
}

/// One line per request: method, the route template (not the raw path, which can hold tokens),
/// status and duration, inside a span carrying the request id.
pub async fn log_requests(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_owned())
        .unwrap_or_else(|| {
            if req.uri().path().starts_with("/pkg/") {
                "/pkg/*".into()
            } else {
                "(unmatched)".into()
            }
        });
    let id = state.counters.request_id();
    let span = tracing::info_span!("request", id = %id.0);
    req.extensions_mut().insert(id.clone());
    let mut res = next.run(req).instrument(span.clone()).await;
    let status = res.status();
    let took = started.elapsed();
    let ms = took.as_millis() as u64;
    state
        .metrics
        .observe(&method, &route, status.as_u16(), took);
    let _entered = span.enter();
    if status.is_server_error() && status != StatusCode::SERVICE_UNAVAILABLE {
        state.counters.server_errors.fetch_add(1, Ordering::Relaxed);
        tracing::error!(%method, route, status = status.as_u16(), ms, "request failed");
    } else {
        tracing::info!(%method, route, status = status.as_u16(), ms, "request");
    }
    if let Ok(v) = HeaderValue::from_str(&id.0) {
        res.headers_mut().insert("x-request-id", v);
    }
    res
}
