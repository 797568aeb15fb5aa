use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;

use crate::server::auth::password_hash::PasswordHasher;
use crate::server::clock::Clock;
use crate::server::config::Config;
use crate::server::store::Store;

/// Everything a handler or server function needs, built once at start and cloned per request.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub config: Arc<Config>,
    pub store: Store,
    pub clock: Clock,
    pub hasher: PasswordHasher,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
