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
    }))
}

/// What an invite link is for; fails with 404 or 410 when it cannot be used.
#[server]
pub async fn get_invite(token: String) -> Result<InvitePreview, ApiError> {
    let state = crate::server::context::app_state()?;
    Ok(crate::server::services::accounts::preview_invite(&state, &token).await?)
}
