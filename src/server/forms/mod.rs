//! Plain HTML form endpoints: every page works without JavaScript. A form posts to these; on
//! success they answer 303 See Other (POST, then redirect); on bad input they render the same
//! page again with the message, what the member typed (never a password) and a 4xx status.

mod accounts;
mod admin;
mod blind_spots;
mod case_state;
mod cases;
pub mod decode;
mod fields;
mod flags;
mod groups;
mod mail_settings;
mod moderation;
mod password_reset;
mod replies;
mod retention;
mod two_factor;
mod watches;

use axum::Router;
use axum::body::Body;
use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use leptos::prelude::provide_context;

use std::net::IpAddr;

pub use fields::Fields;

use crate::server::auth::session::CurrentSession;
use crate::server::edge::ClientAddr;
use crate::server::error::AppError;
use crate::server::rate_limit::RateKind;
use crate::server::security::CspNonce;
use crate::server::state::AppState;
use crate::ui::form_feedback::FormFeedback;

/// Every form endpoint: its path and what answers it. The route table test
/// (`tests/http/route_table.rs`) reads this list, so an endpoint added here without a row there
/// fails it.
pub fn table() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/login", post(accounts::sign_in)),
        ("/logout", post(accounts::sign_out)),
        ("/register", post(accounts::register)),
        ("/account", post(accounts::change_password)),
        ("/account/email", post(mail_settings::save)),
        ("/account/name", post(accounts::change_name)),
        ("/account/profile", post(accounts::change_profile)),
        ("/account/theme", post(accounts::change_theme)),
        ("/account/email-change", post(accounts::change_email)),
        ("/account/email/confirm", post(accounts::confirm_email)),
        ("/login/two-factor", post(two_factor::second_factor)),
        (
            "/account/two-factor/start",
            post(two_factor::two_factor_start),
        ),
        (
            "/account/two-factor/confirm",
            post(two_factor::two_factor_confirm),
        ),
        (
            "/account/two-factor/disable",
            post(two_factor::two_factor_disable),
        ),
        ("/account/export", post(accounts::export)),
        ("/account/delete", post(accounts::erase)),
        ("/admin/users/{id}/erase", post(admin::erase)),
        ("/unsubscribe", post(mail_settings::unsubscribe)),
        ("/password/forgot", post(password_reset::ask)),
        ("/password/reset", post(password_reset::complete)),
        ("/admin/users/{id}/reset", post(password_reset::issue)),
        (
            "/admin/users/{id}/two-factor/reset",
            post(admin::reset_two_factor),
        ),
        ("/admin/users/{id}/roles", post(admin::set_roles)),
        ("/admin/users/{id}/status", post(admin::set_status)),
        ("/admin/invites", post(admin::create_invite)),
        ("/admin/audit.csv", get(admin::audit_csv)),
        ("/blind-spots.md", get(blind_spots::markdown)),
        ("/cases/new", post(cases::compose)),
        ("/drafts/{id}/delete", post(cases::delete_draft)),
        ("/preview", post(cases::preview_text)),
        ("/cases/{id}/edit", post(cases::edit)),
        ("/cases/{id}/replies", post(cases::reply)),
        ("/cases/{id}/follow-up", post(case_state::follow_up)),
        ("/cases/{id}/close", post(case_state::close)),
        ("/cases/{id}/reopen", post(case_state::reopen)),
        ("/cases/{id}/withdraw", post(case_state::withdraw)),
        ("/cases/{id}/watch", post(watches::watch)),
        ("/cases/{id}/lock", post(case_state::lock)),
        ("/cases/{id}/retention", post(retention::keep_for)),
        ("/cases/{id}/hold", post(retention::hold)),
        ("/cases/{id}/redact", post(moderation::redact)),
        ("/review/{id}/claim", post(moderation::claim)),
        ("/cases/{id}/flag", post(flags::flag_case)),
        ("/replies/{id}/flag", post(flags::flag_reply)),
        ("/replies/{id}/restore", post(flags::restore_reply)),
        ("/review/{id}/decide", post(moderation::decide)),
        (
            "/review/replies/{id}/decide",
            post(moderation::decide_reply),
        ),
        ("/replies/{id}/edit", post(cases::edit_reply)),
        ("/replies/{id}/helpful", post(cases::helpful)),
        ("/replies/{id}/delete", post(replies::delete)),
        ("/replies/{id}/remove", post(replies::remove)),
        ("/notifications/read", post(cases::notifications_read)),
        ("/notifications/{id}/read", post(cases::notification_read)),
        ("/groups", post(groups::create)),
        ("/groups/{id}/invite", post(groups::invite)),
        ("/groups/{id}/leave", post(groups::leave)),
        ("/groups/{id}/members/{member}/remove", post(groups::remove)),
        ("/groups/invitations/{id}", post(groups::answer)),
    ]
}

pub fn routes() -> Router<AppState> {
    table()
        .into_iter()
        .fold(Router::new(), |router, (path, method)| {
            router.route(path, method)
        })
}

/// What re-rendering a page needs from the original request: its cookies and headers, who is
/// signed in, and this response's CSP nonce.
pub struct PageRequest {
    headers: HeaderMap,
    session: CurrentSession,
    nonce: Option<CspNonce>,
    address: Option<IpAddr>,
}

impl PageRequest {
    pub fn session(&self) -> &CurrentSession {
        &self.session
    }

    /// The client's address (`edge::ClientAddr`).
    pub fn address(&self) -> Option<IpAddr> {
        self.address
    }

    /// Counts one `kind` of post against this member and address, or refuses with 429.
    pub fn rate(&self, state: &AppState, kind: RateKind) -> Result<(), AppError> {
        state
            .limiter
            .take(kind, self.session.actor(), self.address, state.clock.now())
    }
}

impl FromRequestParts<AppState> for PageRequest {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        Ok(PageRequest {
            headers: parts.headers.clone(),
            session: parts
                .extensions
                .get::<CurrentSession>()
                .cloned()
                .unwrap_or_default(),
            nonce: parts.extensions.get::<CspNonce>().cloned(),
            address: parts.extensions.get::<ClientAddr>().map(|a| a.0),
        })
    }
}

/// Renders the Leptos page at `path` for this request with `feedback` in context, answering `status`.
pub async fn render_page(
    state: &AppState,
    page: PageRequest,
    path: &str,
    feedback: FormFeedback,
    status: StatusCode,
) -> Response {
    // A query built from what was posted (a `next`, a token) can exceed what a URI may hold;
    // the page is then drawn without it rather than not at all.
    let uri = axum::http::Uri::try_from(path)
        .or_else(|_| axum::http::Uri::try_from(path.split('?').next().unwrap_or("/")));
    let mut req = match uri.map(|uri| {
        Request::builder()
            .method(Method::GET)
            .uri(uri)
            .body(Body::empty())
    }) {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => return failure(AppError::internal(e)),
        Err(e) => return failure(AppError::internal(e)),
    };
    *req.headers_mut() = page.headers;
    req.headers_mut().remove(header::CONTENT_TYPE);
    req.headers_mut().remove(header::CONTENT_LENGTH);
    req.extensions_mut().insert(page.session);
    if let Some(n) = page.nonce {
        req.extensions_mut().insert(n);
    }
    let cx_state = state.clone();
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(cx_state.clone());
            provide_context(feedback.clone());
        },
        move || crate::app::shell(options.clone()),
    );
    let mut res = handler(req).await;
    *res.status_mut() = status;
    res
}

/// Renders `path` again with the error's message and the safe fields the member typed.
pub async fn render_error(
    state: &AppState,
    page: PageRequest,
    path: &str,
    error: AppError,
    form: Option<String>,
    keep: Vec<(String, String)>,
) -> Response {
    let feedback = FormFeedback {
        form,
        values: keep,
        ..FormFeedback::default()
    };
    render_error_with(state, page, path, error, feedback).await
}

/// [`render_error`] for a form that hands back more than its fields (the composer's
/// combination warning): `feedback` carries the form's name, the kept fields and the rest; the
/// error fills in its message, field errors and findings.
pub async fn render_error_with(
    state: &AppState,
    page: PageRequest,
    path: &str,
    error: AppError,
    feedback: FormFeedback,
) -> Response {
    error.log();
    let status = error.status();
    let retry_after = match &error {
        AppError::RateLimited { retry_after, .. } => Some(*retry_after),
        _ => None,
    };
    let field_errors = match &error {
        AppError::InvalidFields(errors) => errors.clone(),
        _ => Vec::new(),
    };
    let scan = match &error {
        AppError::Identifying(scans) => Some(scans.clone()),
        _ => None,
    };
    let feedback = FormFeedback {
        error: Some(error.to_string()),
        field_errors,
        scan,
        ..feedback
    };
    let mut res = render_page(state, page, path, feedback, status).await;
    if let Some(secs) = retry_after {
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    res
}

/// 303 to `location`, optionally setting a cookie.
pub fn see_other(location: &str, cookie: Option<HeaderValue>) -> Response {
    let mut res = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        res.headers_mut().insert(header::LOCATION, v);
    }
    if let Some(c) = cookie {
        res.headers_mut().append(header::SET_COOKIE, c);
    }
    res
}

fn failure(e: AppError) -> Response {
    e.log();
    crate::server::error_page::response(e.status(), "Something went wrong", &e.to_string())
}

/// Only a path on this site (never `//host` or a scheme), of a sensible length and without
/// spaces or control characters, may be a post-sign-in destination.
pub fn safe_local_path(next: &str) -> Option<&str> {
    (next.starts_with('/')
        && next.len() <= 2048
        && !next.chars().any(|c| c.is_whitespace() || c.is_control())
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.contains(':'))
    .then_some(next)
}

#[cfg(test)]
mod tests {
    use super::safe_local_path;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(safe_local_path("/admin/users"), Some("/admin/users"));
        assert_eq!(safe_local_path(&format!("/{}", "a".repeat(3000))), None);
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "javascript:alert(1)",
            "admin",
            "/cases/1 2",
            "/a\u{0}b",
        ] {
            assert_eq!(safe_local_path(bad), None, "{bad}");
        }
    }
}
