use leptos::prelude::*;

use crate::model::{ApiError, CurrentUserView, InvitePreview};

/// The signed-in member, or `None` for a visitor.
#[server]
pub async fn get_current_user() -> Result<Option<CurrentUserView>, ApiError> {
    let session = crate::server::context::current_session();
    Ok(session.signed_in.map(|s| CurrentUserView {
        id: s.actor.user_id,
        display_name: s.display_name,
        roles: s.actor.roles,
        two_factor_needed: s.two_factor_needed,
    }))
}

/// What an invite link is for; fails with 404 or 410 when it cannot be used.
#[server]
pub async fn get_invite(token: String) -> Result<InvitePreview, ApiError> {
    let state = crate::server::context::app_state()?;
    Ok(crate::server::services::accounts::preview_invite(&state, &token).await?)
}

/// Whether "forgot password" can email a link on this site (email is set up).
#[server]
pub async fn can_email_reset_links() -> Result<bool, ApiError> {
    let state = crate::server::context::app_state()?;
    Ok(state.store.mail_enabled())
}

/// Whether a password reset link can be used now; fails with 404 or 410 when it cannot.
#[server]
pub async fn check_reset_link(token: String) -> Result<(), ApiError> {
    let state = crate::server::context::app_state()?;
    Ok(crate::server::services::password_reset::check(&state, &token).await?)
}

/// Where the member's two-factor sign-in stands, for the account page.
#[server]
pub async fn get_two_factor() -> Result<crate::model::TwoFactorView, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    let session = current_session();
    Ok(crate::server::services::two_factor::view(&state, session.actor()).await?)
}

/// The signed-in member's professional title and discipline, for the account page.
#[server]
pub async fn get_profile() -> Result<crate::model::ProfileView, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    let session = current_session();
    Ok(crate::server::services::profiles::profile(&state, session.actor()).await?)
}

/// The signed-in member's email choices, for the account page.
#[server]
pub async fn get_mail_settings() -> Result<crate::model::MailSettingsView, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    let session = current_session();
    Ok(crate::server::services::mail_settings::settings(&state, session.actor()).await?)
}

/// What an unsubscribe link would stop; 404 when the link is not valid. Changes nothing.
#[server]
pub async fn get_unsubscribe(
    member: String,
    kind: String,
    signature: String,
) -> Result<crate::model::UnsubscribeView, ApiError> {
    let state = crate::server::context::app_state()?;
    Ok(crate::server::services::mail_settings::preview(&state, &member, &kind, &signature).await?)
}

/// What erasing one's account does with one's posts on this forum.
#[server]
pub async fn get_erasure_rule() -> Result<crate::model::ErasureRule, ApiError> {
    let state = crate::server::context::app_state()?;
    Ok(crate::server::services::erasure::rule(&state))
}

/// The address an email confirmation link would set (changes nothing).
#[server]
pub async fn get_email_change(token: String) -> Result<String, ApiError> {
    let state = crate::server::context::app_state()?;
    Ok(crate::server::services::email_change::preview(&state, &token).await?)
}

/// The member's own email, for the account page.
#[server]
pub async fn get_own_email() -> Result<String, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    let session = current_session();
    let me = crate::server::services::access::signed_in(session.actor())?;
    Ok(state
        .store
        .email_of(me.user_id)
        .await
        .map_err(crate::server::error::AppError::from)?
        .unwrap_or_default())
}
