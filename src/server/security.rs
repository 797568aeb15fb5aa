//! Response headers every answer carries, and the cross-origin refusal for state-changing requests.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::server::auth::token::new_secret;
use crate::server::error_page;
use crate::server::state::AppState;

/// The per-response CSP nonce; the page shell hands it to Leptos so its hydration script runs.
#[derive(Clone)]
pub struct CspNonce(pub String);

pub async fn security_headers(mut req: Request, next: Next) -> Response {
    let nonce = new_secret();
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    let is_asset = req.uri().path().starts_with("/pkg/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    // No inline script runs unless it carries this response's nonce; wasm needs
    // 'wasm-unsafe-eval' (not 'unsafe-eval'). Images only from this origin, so a post cannot
    // plant a tracking pixel.
    let csp = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(v) = HeaderValue::from_str(&csp) {
        h.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        // Pages hold clinical material: never keep them in a shared or disk cache.
        let cache = if is_asset {
            "public, max-age=300"
        } else {
            "no-store"
        };
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    }
    res
}

/// Refuses (403) any request that could change state unless it provably comes from our own pages.
///
/// Our pages send `Referrer-Policy: no-referrer`, which makes browsers send `Origin: null` and no
/// Referer on same-origin form posts. So: a real Origin must match; otherwise the browser's
/// `Sec-Fetch-Site: same-origin` is accepted; otherwise a Referer must match; otherwise refuse.
pub async fn refuse_cross_origin(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    // A one-click unsubscribe (RFC 8058) is posted by the member's mail program, from anywhere.
    // It carries no session's authority, only its link's signature, so there is nothing a
    // forged cross-site post could do that holding the link does not already allow.
    if req.uri().path() == "/unsubscribe" {
        return next.run(req).await;
    }
    if is_same_origin(req.headers(), &state.config.public_url) {
        next.run(req).await
    } else {
        tracing::info!(path = %req.uri().path(), "refused cross-origin request");
        error_page::response(
            StatusCode::FORBIDDEN,
            "Request refused",
            "This form was not sent from a Caseroom page, so it was refused and nothing was changed. \
             Go back to Caseroom, reload the page and try again.",
        )
    }
}

fn is_same_origin(headers: &HeaderMap, public_url: &str) -> bool {
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let matches = |origin: &str| {
        let origin = origin.trim_end_matches('/');
        origin == public_url
            || host.is_some_and(|h| {
                origin
                    .strip_prefix("http://")
                    .or_else(|| origin.strip_prefix("https://"))
                    == Some(h)
            })
    };
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        Some(origin) if origin != "null" => return matches(origin),
        _ => {}
    }
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return site == "same-origin";
    }
    match headers.get(header::REFERER).and_then(|v| v.to_str().ok()) {
        Some(referer) => {
            // Keep scheme://host[:port] only.
            let after_scheme = referer.find("://").map(|i| i + 3).unwrap_or(0);
            let end = referer[after_scheme..]
                .find('/')
                .map(|i| i + after_scheme)
                .unwrap_or(referer.len());
            matches(&referer[..end])
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    const SITE: &str = "http://127.0.0.1:3000";

    #[test]
    fn the_origin_check_table_holds() {
        let table: &[(&[(&str, &str)], bool)] = &[
            (&[("origin", "http://127.0.0.1:3000")], true),
            (
                &[
                    ("host", "localhost:3000"),
                    ("origin", "http://localhost:3000"),
                ],
                true,
            ),
            (
                &[
                    ("host", "127.0.0.1:3000"),
                    ("origin", "https://evil.example"),
                ],
                false,
            ),
            (
                &[
                    ("host", "127.0.0.1:3000"),
                    ("origin", "http://127.0.0.1:3000.evil.example"),
                ],
                false,
            ),
            (
                &[("origin", "null"), ("sec-fetch-site", "same-origin")],
                true,
            ),
            (
                &[("origin", "null"), ("sec-fetch-site", "cross-site")],
                false,
            ),
            (&[("origin", "null")], false),
            (&[("sec-fetch-site", "same-site")], false),
            (&[("referer", "http://127.0.0.1:3000/login")], true),
            (
                &[("referer", "http://127.0.0.1:3000.evil.example/x")],
                false,
            ),
            (
                &[("referer", "https://evil.example/http://127.0.0.1:3000")],
                false,
            ),
            (&[], false),
        ];
        for (pairs, expected) in table {
            assert_eq!(
                is_same_origin(&headers(pairs), SITE),
                *expected,
                "{pairs:?}"
            );
        }
    }
}
