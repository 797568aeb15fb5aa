use axum::extract::State;
use axum::response::Response;

use axum::http::StatusCode;

use super::{Fields, PageRequest, render_error, render_page, safe_local_path, see_other};
use crate::server::auth::session::{clear_cookie, session_cookie};
use crate::server::services::accounts::SignedInOr;
use crate::server::services::{accounts, email_change, profiles};
use crate::server::state::AppState;
use crate::ui::form_feedback::FormFeedback;

pub async fn sign_in(State(state): State<AppState>, page: PageRequest, fields: Fields) -> Response {
    let email = fields.get("email").to_owned();
    let next = fields.get("next").to_owned();
    let previous = page.session().presented_hash.clone();
    let to = safe_local_path(&next).unwrap_or("/").to_owned();
    match accounts::sign_in(
        &state,
        &email,
        fields.get("password").to_owned(),
        // Always set by `edge::client_address`; unspecified only if that layer were missing.
        page.address()
            .unwrap_or(std::net::IpAddr::from([0, 0, 0, 0])),
        previous.as_deref(),
        &to,
    )
    .await
    {
        Ok(SignedInOr::Session(s)) => see_other(
            &to,
            Some(session_cookie(&s.token, state.config.secure_cookies)),
        ),
        // The code's form, answered to this POST: its token travels in the form, never in an
        // address.
        Ok(SignedInOr::SecondFactor { challenge }) => {
            let feedback = FormFeedback {
                values: vec![("challenge".into(), challenge)],
                ..FormFeedback::default()
            };
            render_page(&state, page, "/login/two-factor", feedback, StatusCode::OK).await
        }
        Err(e) => {
            let path = match safe_local_path(&next) {
                Some(n) => format!("/login?next={}", urlencode(n)),
                None => "/login".to_owned(),
            };
            render_error(&state, page, &path, e, None, vec![("email".into(), email)]).await
        }
    }
}

pub async fn sign_out(State(state): State<AppState>, page: PageRequest) -> Response {
    if let Some(s) = &page.session().signed_in
        && let Err(e) = accounts::sign_out(&state, s).await
    {
        return render_error(&state, page, "/", e, None, vec![]).await;
    }
    see_other(
        "/login?notice=signed-out",
        Some(clear_cookie(state.config.secure_cookies)),
    )
}

pub async fn register(
    State(state): State<AppState>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let token = fields.get("token").to_owned();
    let name = fields.get("display_name").to_owned();
    let previous = page.session().presented_hash.clone();
    match accounts::register(
        &state,
        &token,
        &name,
        fields.get("password"),
        fields.get("confirm"),
        previous.as_deref(),
    )
    .await
    {
        Ok(s) => see_other(
            "/?notice=welcome",
            Some(session_cookie(&s.token, state.config.secure_cookies)),
        ),
        Err(e) => {
            // Invite tokens are short; a long one is not a token and is not echoed back.
            let path = if token.len() <= 128 {
                format!("/register?token={}", urlencode(&token))
            } else {
                "/register".to_owned()
            };
            render_error(
                &state,
                page,
                &path,
                e,
                None,
                vec![("display_name".into(), name)],
            )
            .await
        }
    }
}

pub async fn change_password(
    State(state): State<AppState>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let result = accounts::change_password(
        &state,
        actor.as_ref(),
        fields.get("current").to_owned(),
        fields.get("password"),
        fields.get("confirm"),
    )
    .await;
    match result {
        Ok(s) => see_other(
            "/account?notice=password-changed",
            Some(session_cookie(&s.token, state.config.secure_cookies)),
        ),
        Err(e) => render_error(&state, page, "/account", e, None, vec![]).await,
    }
}

/// The member's display name (`display_name`); what they typed is kept when it is refused.
pub async fn change_name(
    State(state): State<AppState>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let name = fields.get("display_name").to_owned();
    match accounts::change_display_name(&state, actor.as_ref(), &name).await {
        Ok(()) => see_other("/account?notice=name-changed", None),
        Err(e) => {
            render_error(
                &state,
                page,
                "/account",
                e,
                Some("name".into()),
                vec![("display_name".into(), name)],
            )
            .await
        }
    }
}

/// "Delete my account": on success the browser's cookie goes with the account.
pub async fn erase(State(state): State<AppState>, page: PageRequest, fields: Fields) -> Response {
    let actor = page.session().actor().cloned();
    match crate::server::services::erasure::erase_own(
        &state,
        actor.as_ref(),
        fields.get("password").to_owned(),
        fields.get("posts"),
        fields.get("confirm") == "yes",
    )
    .await
    {
        Ok(()) => see_other(
            "/login?notice=account-erased",
            Some(clear_cookie(state.config.secure_cookies)),
        ),
        Err(e) => {
            render_error(
                &state,
                page,
                "/account",
                e,
                Some("erase".into()),
                vec![("posts".into(), fields.get("posts").to_owned())],
            )
            .await
        }
    }
}

/// "Download my data": the archive itself is the answer (a POST, since it is written to the
/// audit log; nothing else changes).
pub async fn export(State(state): State<AppState>, page: PageRequest) -> Response {
    use axum::http::header;
    use axum::response::IntoResponse as _;
    let actor = page.session().actor().cloned();
    match crate::server::services::export::export(
        &state,
        crate::server::services::export::ExportOf::Myself(actor.as_ref()),
    )
    .await
    {
        Ok(export) => (
            [
                (header::CONTENT_TYPE, "application/zip".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}\"", export.file_name),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            export.zip,
        )
            .into_response(),
        Err(e) => render_error(&state, page, "/account", e, Some("export".into()), vec![]).await,
    }
}

/// Percent-encodes everything but unreserved characters.
pub(super) fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The member's professional title and discipline; what they typed is kept when refused.
pub async fn change_profile(
    State(state): State<AppState>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let title = fields.get("professional_title").to_owned();
    let discipline = fields.get("discipline").to_owned();
    match profiles::change_profile(&state, actor.as_ref(), &title, &discipline).await {
        Ok(()) => see_other("/account?notice=profile-saved", None),
        Err(e) => {
            render_error(
                &state,
                page,
                "/account",
                e,
                Some("profile".into()),
                vec![
                    ("professional_title".into(), title),
                    ("discipline".into(), discipline),
                ],
            )
            .await
        }
    }
}

/// The member's choice of colours (`theme`).
pub async fn change_theme(
    State(state): State<AppState>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    match profiles::set_theme(&state, actor.as_ref(), fields.get("theme")).await {
        Ok(()) => see_other("/account?notice=theme-saved#appearance", None),
        Err(e) => render_error(&state, page, "/account", e, Some("theme".into()), vec![]).await,
    }
}

/// A new email (`new_email`, with `password`): a link to the new address, or, without email,
/// changed at once. The address typed is kept when refused; the password never is.
pub async fn change_email(
    State(state): State<AppState>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let new_email = fields.get("new_email").to_owned();
    let password = fields.get("password").to_owned();
    match email_change::ask(&state, actor.as_ref(), &new_email, password).await {
        Ok(email_change::Asked::LinkSent) => {
            see_other("/account?notice=email-link-sent#your-email", None)
        }
        Ok(email_change::Asked::Changed) => {
            see_other("/account?notice=email-changed#your-email", None)
        }
        Err(e) => {
            render_error(
                &state,
                page,
                "/account",
                e,
                Some("your-email".into()),
                vec![("new_email".into(), new_email)],
            )
            .await
        }
    }
}

/// The new address's link, confirmed with a button (`token`): no sign-in needed, the link is
/// the proof.
pub async fn confirm_email(
    State(state): State<AppState>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let token = fields.get("token").to_owned();
    match email_change::confirm(&state, &token).await {
        Ok(()) => see_other("/login?notice=email-changed", None),
        Err(e) => render_error(&state, page, "/account/email/confirm", e, None, vec![]).await,
    }
}
