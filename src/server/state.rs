use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use crate::server::auth::password_hash::PasswordHasher;
use crate::server::clock::Clock;
use crate::server::config::Config;
use crate::server::rate_limit::RateLimiter;
use crate::server::store::Store;
use crate::server::telemetry::Counters;

/// Everything a handler or server function needs, built once at start and cloned per request.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub config: Arc<Config>,
    pub store: Store,
    pub clock: Clock,
    pub hasher: PasswordHasher,
    /// Posting rate limits, counted in this process.
    pub limiter: Arc<RateLimiter>,
    pub counters: Arc<Counters>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
