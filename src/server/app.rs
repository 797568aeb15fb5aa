//! Builds the whole application. `main` and the integration tests both call [`Application::build`],
//! so tests exercise the real router, middleware and database.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tokio::net::TcpListener;
use tower::ServiceExt as _;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;

use crate::app::{App, shell};
use crate::server::auth::password_hash::PasswordHasher;
use crate::server::auth::session::resolve_session;
use crate::server::clock::Clock;
use crate::server::config::Config;
use crate::server::error::AppError;
use crate::server::mail::{MailSettings, Mailer, UnsubscribeKey};
use crate::server::rate_limit::RateLimiter;
use crate::server::state::{AppState, Shared};
use crate::server::store::{Store, StoreError};
use crate::server::telemetry::Counters;
use crate::server::{edge, error_page, forms, security, telemetry};

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot open the database: {0}")]
    Store(#[from] StoreError),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot prepare password hashing: {0}")]
    Hasher(AppError),
    #[error("invalid setting smtp_url: {0}")]
    Mail(String),
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
}

impl Application {
    /// Opens the database (see `build_state`), builds the router and binds the listener
    /// (port 0 picks a free port, as tests do).
    pub async fn build(config: Config, clock: Clock) -> Result<Application, StartError> {
        let state = build_state(config, clock).await?;
        // In the background: the server answers at once; the scanner is ready a moment later.
        tokio::task::spawn_blocking(crate::domain::deid::warm);
        // Every read is committed before its page is sent; reads a failed commit left queued
        // are retried every two seconds, and at shutdown.
        state
            .store
            .spawn_case_view_writer(std::time::Duration::from_secs(2));
        // Every node runs the purge job; its writes are conditional, so nodes never collide
        // (docs/MEMBER_DATA.md).
        crate::server::services::retention::spawn(
            state.clone(),
            state.config.retention_check_every,
        );
        // With SMTP configured, this node sends what the outbox holds (docs/EMAIL.md).
        if let Some(mail) = state.config.mail.clone() {
            let settings = MailSettings {
                from: mail
                    .from
                    .parse()
                    .map_err(|_| StartError::Mail("mail_from is not an address".into()))?,
                public_url: state.config.public_url.trim_end_matches('/').to_owned(),
                footer: mail.footer,
            };
            // lettre's error may quote the URL, which may hold a password: not passed on.
            let mailer = Mailer::from_url(&mail.smtp_url, mail.password.as_deref(), settings)
                .map_err(|_| {
                    StartError::Mail(
                        "cannot be read as an SMTP URL (the value is not shown)".into(),
                    )
                })?;
            crate::server::mail::worker::spawn(
                state.clone(),
                mailer,
                mail.digest_hour,
                std::time::Duration::from_secs(1),
            );
        }
        let addr = state.config.site_addr;
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|source| StartError::Bind { addr, source })?;
        let router = router(state.clone());
        Ok(Application {
            listener,
            router,
            state,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .unwrap_or(self.state.config.site_addr)
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// Serves until `shutdown` completes, then lets in-flight requests finish (within the
    /// shutdown grace period), writes the buffered read audit and closes the database.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let limits = self.state.config.limits.clone();
        crate::server::serve::serve(self.listener, self.router, &limits, shutdown).await;
        self.state.store.close().await;
        Ok(())
    }
}

/// Opens the store (checking its schema, or creating it in an empty database) and assembles the
/// state; the command-line tools use this too.
pub async fn build_state(config: Config, clock: Clock) -> Result<AppState, StartError> {
    let store = Store::connect(&config.database_url)
        .await?
        .with_mail(config.mail.is_some());
    store.ensure_schema().await?;
    let hasher = PasswordHasher::new().map_err(StartError::Hasher)?;
    // Made by the first node to start, then shared by every node through the database.
    let unsubscribe_key = UnsubscribeKey::new(
        &store
            .site_key(
                crate::server::mail::unsubscribe::KEY_NAME,
                &crate::server::auth::token::new_secret(),
                clock.now(),
            )
            .await?,
    );
    let leptos_options = LeptosOptions::builder()
        .output_name("caseroom")
        .site_root(config.site_root.to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.site_addr)
        .build();
    Ok(AppState::new(Shared {
        limiter: Arc::new(RateLimiter::new(config.limits.rates.clone())),
        counters: Arc::new(Counters::new()),
        metrics: Arc::new(crate::server::metrics::Metrics::default()),
        leptos_options,
        config: Arc::new(config),
        store,
        clock,
        hasher,
        unsubscribe_key,
    }))
}

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let cx_state = state.clone();
    let options = state.leptos_options.clone();
    let body_limit = state.config.request_size_limit;
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(crate::server::metrics::scrape))
        .merge(forms::routes())
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(cx_state.clone()),
            move || shell(options.clone()),
        )
        .fallback(static_or_not_found)
        // Outermost last: headers wrap everything, so even refusals carry them.
        .layer(from_fn_with_state(
            state.clone(),
            crate::server::read_audit::record_case_reads,
        ))
        .layer(from_fn_with_state(state.clone(), resolve_session))
        .layer(from_fn_with_state(state.clone(), edge::client_address))
        .layer(from_fn_with_state(state.clone(), edge::read_body_within))
        .layer(from_fn_with_state(
            state.clone(),
            security::refuse_cross_origin,
        ))
        .layer(RequestBodyLimitLayer::new(body_limit))
        // A panic is a bug: answer 500 (logged and counted one layer out) rather than drop
        // the connection.
        .layer(CatchPanicLayer::custom(error_page::panicked))
        .layer(from_fn(error_page::humane_errors))
        .layer(from_fn_with_state(state.clone(), telemetry::log_requests))
        .layer(from_fn(security::security_headers))
        .layer(CompressionLayer::new())
        .with_state(state)
}

async fn healthz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            AppError::from(e).log();
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

/// Files under the site root (pkg/, favicon), else the app's own not-found page.
async fn static_or_not_found(State(state): State<AppState>, req: Request<Body>) -> Response {
    let root = state.leptos_options.site_root.to_string();
    let (parts, body) = req.into_parts();
    // No file has a name longer than a file system allows; asking for one is an error from the
    // file system (a 500 from ServeDir), not a missing file.
    let plausible = parts.uri.path().len() <= 1024
        && parts
            .uri
            .path()
            .split('/')
            .all(|segment| segment.len() <= 255);
    if plausible {
        let probe = Request::from_parts(parts.clone(), Body::empty());
        let Ok(res) = ServeDir::new(&root)
            .precompressed_gzip()
            .oneshot(probe)
            .await;
        let status = res.status();
        if status.is_server_error() {
            tracing::warn!(status = status.as_u16(), "static file lookup failed");
        } else if status != StatusCode::NOT_FOUND && status != StatusCode::METHOD_NOT_ALLOWED {
            return res.into_response();
        }
    }
    let req = Request::from_parts(parts, body);
    let options = state.leptos_options.clone();
    let cx_state = state.clone();
    let render = leptos_axum::render_app_async_with_context(
        move || provide_context(cx_state.clone()),
        move || shell(options.clone()),
    );
    let mut res = render(req).await;
    *res.status_mut() = StatusCode::NOT_FOUND;
    res
}
