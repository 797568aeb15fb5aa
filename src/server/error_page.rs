//! A plain HTML page for errors raised outside Leptos rendering (refused origin, body too large,
//! a malformed form). Every string given here is our own text, escaped anyway.

use crate::ui::html::escape;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

pub fn response(status: StatusCode, title: &str, message: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title} · Caseroom</title><link rel=\"stylesheet\" href=\"/pkg/caseroom.css\"></head>\
         <body><header class=\"site-header\"><a class=\"brand\" href=\"/\">Caseroom</a></header>\
         <main class=\"page narrow\"><div class=\"panel\" role=\"alert\"><h1>{title}</h1><p>{message}</p>\
         <p><a href=\"/\">Back to Caseroom</a></p></div></main></body></html>",
        title = escape(title),
        message = escape(message),
    );
    let mut res = Response::new(Body::from(html));
    *res.status_mut() = status;
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    res
}

/// The answer when a handler panicked. The panic's message stays in the log (the panic hook
/// prints it); the page says only that nothing was saved.
pub fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    response(
        StatusCode::INTERNAL_SERVER_ERROR,
        "Something went wrong",
        "Something went wrong on our side. Nothing was saved; please try again.",
    )
}

/// Turns the bare-text rejections of extractors and layers (413 body too large, 400/415/422
/// unreadable form) into a page a person can read. Answers whose caller is code are left as
/// they are: server functions under /api and the composer's live preview.
pub async fn humane_errors(req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/") || req.uri().path() == "/preview";
    let res = next.run(req).await;
    let status = res.status();
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_api || is_html || !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let (title, message) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => (
            "Too large",
            "What you sent is larger than Caseroom accepts, so nothing was saved. \
             Go back, shorten it and send it again.",
        ),
        StatusCode::NOT_FOUND => ("Not found", "There is nothing at this address."),
        StatusCode::METHOD_NOT_ALLOWED => (
            "Not allowed",
            "This address does not accept that kind of request.",
        ),
        s if s.is_client_error() => (
            "Could not read that form",
            "The form arrived incomplete or garbled, so nothing was saved. Go back, reload the page and try again.",
        ),
        _ => (
            "Something went wrong",
            "Something went wrong on our side. Nothing was saved; please try again.",
        ),
    };
    response(status, title, message)
}
