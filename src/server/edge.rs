//! What every request passes before any handler: its body read whole within a deadline, and the
//! client's address worked out once.

use std::net::{IpAddr, SocketAddr};

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;

use crate::server::error_page;
use crate::server::state::AppState;

/// The client's address: the connection's peer, or, behind a proxy that is configured with
/// `CASEROOM_CLIENT_ADDRESS_HEADER`, the last address in that header. Sign-in throttling and
/// rate limits count by it.
#[derive(Clone, Copy, Debug)]
pub struct ClientAddr(pub IpAddr);

pub async fn client_address(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let forwarded = state
        .config
        .limits
        .client_address_header
        .as_ref()
        .and_then(|name| req.headers().get_all(name).iter().next_back())
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .and_then(|v| v.trim().parse::<IpAddr>().ok());
    if let Some(ip) = forwarded.or(peer) {
        req.extensions_mut().insert(ClientAddr(ip));
    }
    next.run(req).await
}

/// Reads a request's body whole before the handler sees it, within `body_read_timeout`: a
/// client that sends a few bytes of its body and stalls gets 408 and its connection closed,
/// instead of holding a handler. Bodies are forms no larger than the request size limit, so
/// holding one in memory costs what the handler would spend anyway.
pub async fn read_body_within(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let limit = state.config.request_size_limit;
    let deadline = state.config.limits.body_read_timeout;
    let (parts, body) = req.into_parts();
    let read = tokio::time::timeout(deadline, axum::body::to_bytes(body, limit)).await;
    let bytes = match read {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(e)) => {
            let too_large =
                std::iter::successors(Some(&e as &(dyn std::error::Error + 'static)), |e| {
                    e.source()
                })
                .any(|e| e.is::<http_body_util::LengthLimitError>());
            return if too_large {
                error_page::response(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "Too large",
                    "What you sent is larger than Caseroom accepts, so nothing was saved. \
                     Go back, shorten it and send it again.",
                )
            } else {
                error_page::response(
                    StatusCode::BAD_REQUEST,
                    "Could not read that form",
                    "The form arrived incomplete, so nothing was saved. Go back and send it again.",
                )
            };
        }
        Err(_) => {
            tracing::info!("request body not received in time");
            let mut res = error_page::response(
                StatusCode::REQUEST_TIMEOUT,
                "Took too long",
                "The form did not arrive in time, so nothing was saved. Go back and send it again.",
            );
            res.headers_mut().insert(
                header::CONNECTION,
                header::HeaderValue::from_static("close"),
            );
            return res;
        }
    };
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}
