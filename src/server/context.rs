//! How server functions and page components running on the server find the app state and the
//! member asking. Both come from the request, never from the browser's say-so.

use axum::http::request::Parts;
use leptos::prelude::use_context;

use crate::server::auth::session::CurrentSession;
use crate::server::error::AppError;
use crate::server::state::AppState;

pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>()
        .ok_or_else(|| AppError::Internal("application state missing from context".into()))
}

pub fn current_session() -> CurrentSession {
    use_context::<Parts>()
        .and_then(|p| p.extensions.get::<CurrentSession>().cloned())
        .unwrap_or_default()
}

/// The client's address (`edge::ClientAddr`), for rate limits.
pub fn client_addr() -> Option<std::net::IpAddr> {
    use_context::<Parts>()
        .and_then(|p| {
            p.extensions
                .get::<crate::server::edge::ClientAddr>()
                .copied()
        })
        .map(|a| a.0)
}
