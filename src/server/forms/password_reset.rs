//! The password reset forms: asking for a link, using it, and an admin issuing one.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::accounts::urlencode;
use super::admin::{members_list, with_notice};
use super::{Fields, PageRequest, render_error, render_page, see_other};
use crate::model::UserId;
use crate::server::rate_limit::RateKind;
use crate::server::services::password_reset::{self, AdminReset};
use crate::server::state::AppState;
use crate::ui::form_feedback::FormFeedback;

/// "Forgot password". Every accepted request redirects to the same notice, whether or not an
/// account uses the address; only a malformed address or the rate limit answer otherwise.
pub async fn ask(State(state): State<AppState>, page: PageRequest, fields: Fields) -> Response {
    let email = fields.get("email").to_owned();
    let asked = match page.rate(&state, RateKind::PasswordReset) {
        Ok(()) => password_reset::ask(&state, &email).await,
        Err(e) => Err(e),
    };
    match asked {
        Ok(()) => see_other("/password/forgot?notice=reset-asked", None),
        Err(e) => {
            render_error(
                &state,
                page,
                "/password/forgot",
                e,
                None,
                vec![("email".into(), email)],
            )
            .await
        }
    }
}

pub async fn complete(
    State(state): State<AppState>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let token = fields.get("token").to_owned();
    match password_reset::complete(
        &state,
        &token,
        fields.get("password"),
        fields.get("confirm"),
    )
    .await
    {
        Ok(()) => see_other("/login?notice=password-reset", None),
        Err(e) => {
            // Tokens are short; a long one is not a token and is not echoed back.
            let path = if token.len() <= 128 {
                format!("/password/reset?token={}", urlencode(&token))
            } else {
                "/password/reset".to_owned()
            };
            render_error(&state, page, &path, e, None, vec![]).await
        }
    }
}

/// An admin's reset link: emailed (redirect), or shown once in this answer (like an invite).
pub async fn issue(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let form = format!("user-{id}");
    // The link is shown once: on the list it came from, or the member's row may not be there.
    let list = members_list(&fields);
    match password_reset::issue(&state, actor.as_ref(), UserId(id)).await {
        Ok(AdminReset::Emailed) => see_other(&with_notice(&list, "reset-emailed", id), None),
        Ok(AdminReset::Link(link)) => {
            let feedback = FormFeedback {
                shown_once_link: Some(link),
                form: Some(form),
                ..FormFeedback::default()
            };
            render_page(&state, page, &list, feedback, StatusCode::CREATED).await
        }
        Err(e) => render_error(&state, page, &list, e, Some(form), vec![]).await,
    }
}
