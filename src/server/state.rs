use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use crate::server::auth::password_hash::PasswordHasher;
use crate::server::clock::Clock;
use crate::server::config::Config;
use crate::server::mail::UnsubscribeKey;
use crate::server::rate_limit::RateLimiter;
use crate::server::store::Store;
use crate::server::telemetry::Counters;

/// Everything a handler or server function needs, built once at start. Every middleware layer
/// and the page renderer take their own copy per request, so a copy is one reference count:
/// copying the fields themselves (Leptos's options alone hold a dozen shared strings) was
/// about 5% of a page's CPU under load.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> AppState {
        AppState(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

#[derive(Clone)]
pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub config: Arc<Config>,
    pub store: Store,
    pub clock: Clock,
    pub hasher: PasswordHasher,
    /// Posting rate limits, counted in this process.
    pub limiter: Arc<RateLimiter>,
    pub counters: Arc<Counters>,
    /// What `/metrics` reports of this node's requests.
    pub metrics: Arc<crate::server::metrics::Metrics>,
    /// Signs and checks unsubscribe links (the same key on every node).
    pub unsubscribe_key: UnsubscribeKey,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
