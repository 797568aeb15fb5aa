//! `/metrics` in the Prometheus text format (version 0.0.4): requests by method, route template
//! and status, their latency, the scanner's time, the database pool, and the lengths of the
//! review queue, the outbox and the digest. Labels are templates and fixed words only: never a
//! path as typed, an id, a name or any text of a case. Served only to a scraper presenting
//! `CASEROOM_METRICS_TOKEN`; without the setting there is no `/metrics` (404).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::server::state::AppState;

/// Upper bounds of the latency buckets, in seconds.
const BOUNDS: [f64; 12] = [
    0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// A histogram whose observations land in `BOUNDS`; sums kept in microseconds.
#[derive(Default)]
pub struct Histogram {
    buckets: [AtomicU64; BOUNDS.len()],
    count: AtomicU64,
    sum_micros: AtomicU64,
}

impl Histogram {
    pub fn observe(&self, took: Duration) {
        let secs = took.as_secs_f64();
        if let Some(i) = BOUNDS.iter().position(|b| secs <= *b) {
            self.buckets[i].fetch_add(1, Ordering::Relaxed);
        }
        self.count.fetch_add(1, Ordering::Relaxed);
        self.sum_micros
            .fetch_add(took.as_micros() as u64, Ordering::Relaxed);
    }

    /// The histogram's lines, cumulative as the format wants, `labels` before `le`.
    fn write(&self, out: &mut String, name: &str, labels: &str) {
        let sep = if labels.is_empty() { "" } else { "," };
        let mut running = 0;
        for (bound, bucket) in BOUNDS.iter().zip(&self.buckets) {
            running += bucket.load(Ordering::Relaxed);
            let _ = writeln!(
                out,
                "{name}_bucket{{{labels}{sep}le=\"{bound}\"}} {running}"
            );
        }
        let count = self.count.load(Ordering::Relaxed);
        let _ = writeln!(out, "{name}_bucket{{{labels}{sep}le=\"+Inf\"}} {count}");
        let braces = if labels.is_empty() {
            String::new()
        } else {
            format!("{{{labels}}}")
        };
        let sum = self.sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
        let _ = writeln!(out, "{name}_sum{braces} {sum}");
        let _ = writeln!(out, "{name}_count{braces} {count}");
    }
}

/// The scanner's time per text, for the whole process (the gate has no state to hand).
pub static SCANNER: std::sync::LazyLock<Histogram> = std::sync::LazyLock::new(Histogram::default);

/// What the request middleware counts, per app.
#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(&'static str, String, u16), u64>>,
    latency: Mutex<BTreeMap<String, std::sync::Arc<Histogram>>>,
}

impl Metrics {
    /// One answered request: `route` is the matched template ("(unmatched)" otherwise).
    pub fn observe(&self, method: &axum::http::Method, route: &str, status: u16, took: Duration) {
        let method: &'static str = match method.as_str() {
            "GET" => "GET",
            "POST" => "POST",
            "HEAD" => "HEAD",
            "PUT" => "PUT",
            "DELETE" => "DELETE",
            "OPTIONS" => "OPTIONS",
            "PATCH" => "PATCH",
            _ => "other",
        };
        {
            let mut requests = self.requests.lock().unwrap_or_else(|p| p.into_inner());
            *requests
                .entry((method, route.to_owned(), status))
                .or_default() += 1;
        }
        let histogram = {
            let mut latency = self.latency.lock().unwrap_or_else(|p| p.into_inner());
            latency.entry(route.to_owned()).or_default().clone()
        };
        histogram.observe(took);
    }

    fn write(&self, out: &mut String) {
        out.push_str("# HELP caseroom_http_requests_total Requests answered, by method, route template and status.\n");
        out.push_str("# TYPE caseroom_http_requests_total counter\n");
        let requests = self
            .requests
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        for ((method, route, status), n) in requests {
            let _ = writeln!(
                out,
                "caseroom_http_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {n}",
                label(&route)
            );
        }
        out.push_str(
            "# HELP caseroom_http_request_duration_seconds Time to answer, by route template.\n",
        );
        out.push_str("# TYPE caseroom_http_request_duration_seconds histogram\n");
        let latency = self
            .latency
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        for (route, histogram) in latency {
            histogram.write(
                out,
                "caseroom_http_request_duration_seconds",
                &format!("route=\"{}\"", label(&route)),
            );
        }
    }
}

/// A label value as the format escapes it.
fn label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

fn gauge(out: &mut String, name: &str, help: &str, samples: &[(&str, i64)]) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge");
    for (labels, value) in samples {
        if labels.is_empty() {
            let _ = writeln!(out, "{name} {value}");
        } else {
            let _ = writeln!(out, "{name}{{{labels}}} {value}");
        }
    }
}

pub async fn scrape(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let Some(token) = state.config.metrics_token.as_deref() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    if !crate::server::auth::token::same(presented.as_bytes(), token.as_bytes()) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            "The metrics need the scraper's token.\n",
        )
            .into_response();
    }
    let gauges = match state.store.gauges().await {
        Ok(g) => g,
        Err(e) => {
            crate::server::error::AppError::from(e).log();
            return (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n").into_response();
        }
    };
    let mut out = String::with_capacity(16 * 1024);
    state.metrics.write(&mut out);
    out.push_str("# HELP caseroom_scan_duration_seconds Time the scanner took over one text.\n# TYPE caseroom_scan_duration_seconds histogram\n");
    SCANNER.write(&mut out, "caseroom_scan_duration_seconds", "");
    let errors = i64::try_from(state.counters.server_errors()).unwrap_or(i64::MAX);
    let _ = writeln!(
        out,
        "# HELP caseroom_server_errors_total Answers 5xx other than 503: each one is a bug.\n# TYPE caseroom_server_errors_total counter\ncaseroom_server_errors_total {errors}"
    );
    gauge(
        &mut out,
        "caseroom_review_queue",
        "Posts waiting for a moderator.",
        &[
            ("kind=\"case\"", gauges.cases_waiting),
            ("kind=\"reply\"", gauges.replies_waiting),
        ],
    );
    gauge(
        &mut out,
        "caseroom_outbox",
        "Email waiting to be sent, and email given up on.",
        &[
            ("state=\"due\"", gauges.outbox_due),
            ("state=\"failed\"", gauges.outbox_failed),
        ],
    );
    gauge(
        &mut out,
        "caseroom_digest_items_waiting",
        "Items waiting for members' daily digests.",
        &[("", gauges.digest_items_waiting)],
    );
    gauge(
        &mut out,
        "caseroom_purge_scrubs_owed",
        "Scrubs of deleted text still owed.",
        &[("", gauges.scrubs_owed)],
    );
    gauge(
        &mut out,
        "caseroom_db_pool_connections",
        "Database connections of this node.",
        &[
            ("state=\"idle\"", i64::from(gauges.pool_idle)),
            (
                "state=\"in_use\"",
                i64::from(gauges.pool_open.saturating_sub(gauges.pool_idle)),
            ),
        ],
    );
    gauge(
        &mut out,
        "caseroom_db_pool_max_connections",
        "The pool's limit.",
        &[("", i64::from(gauges.pool_max))],
    );
    (
        [
            (
                header::CONTENT_TYPE,
                "text/plain; version=0.0.4; charset=utf-8",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        out,
    )
        .into_response()
}
