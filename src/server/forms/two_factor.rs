//! Form endpoints of two-factor sign-in: the code after the password, and setting it up,
//! confirming and turning it off on the account page.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::{Fields, PageRequest, render_error, render_page, safe_local_path, see_other};
use crate::server::auth::session::session_cookie;
use crate::server::services::two_factor;
use crate::server::state::AppState;
use crate::ui::form_feedback::FormFeedback;

/// The code after the password (`challenge`, `code`): the session, or the form again.
pub async fn second_factor(
    State(state): State<AppState>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let challenge = fields.get("challenge").to_owned();
    let previous = page.session().presented_hash.clone();
    let client = page
        .address()
        .unwrap_or(std::net::IpAddr::from([0, 0, 0, 0]));
    let code = fields.get("code");
    match two_factor::second_step(&state, &challenge, code, client, previous.as_deref()).await {
        Ok((s, next)) => see_other(
            safe_local_path(&next).unwrap_or("/"),
            Some(session_cookie(&s.token, state.config.secure_cookies)),
        ),
        Err(e) => {
            // A wrong code keeps the sign-in waiting; anything else starts it again.
            let keep = if e.status() == StatusCode::UNPROCESSABLE_ENTITY {
                vec![("challenge".into(), challenge)]
            } else {
                vec![]
            };
            render_error(&state, page, "/login/two-factor", e, None, keep).await
        }
    }
}

/// Starts setting up two-factor sign-in: a new key for the member's app.
pub async fn two_factor_start(
    State(state): State<AppState>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let password = fields.get("password").to_owned();
    match two_factor::begin(&state, actor.as_ref(), password).await {
        Ok(()) => see_other("/account#two-factor", None),
        Err(e) => {
            render_error(
                &state,
                page,
                "/account",
                e,
                Some("two-factor".into()),
                vec![],
            )
            .await
        }
    }
}

/// The first code turns it on; the recovery codes are shown on the page this once.
pub async fn two_factor_confirm(
    State(state): State<AppState>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let session = page
        .session()
        .signed_in
        .as_ref()
        .map(|s| s.token_hash.clone())
        .unwrap_or_default();
    match two_factor::confirm(&state, actor.as_ref(), &session, fields.get("code")).await {
        Ok(codes) => {
            let feedback = FormFeedback {
                form: Some("two-factor".into()),
                values: vec![("recovery_codes".into(), codes.join(" "))],
                ..FormFeedback::default()
            };
            render_page(&state, page, "/account", feedback, StatusCode::OK).await
        }
        Err(e) => {
            render_error(
                &state,
                page,
                "/account",
                e,
                Some("two-factor".into()),
                vec![],
            )
            .await
        }
    }
}

pub async fn two_factor_disable(
    State(state): State<AppState>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    match two_factor::disable(&state, actor.as_ref(), fields.get("code")).await {
        Ok(()) => see_other("/account?notice=two-factor-off#two-factor", None),
        Err(e) => {
            render_error(
                &state,
                page,
                "/account",
                e,
                Some("two-factor".into()),
                vec![],
            )
            .await
        }
    }
}
