//! A member's professional title and discipline, on the account page: read, and changed
//! through the publication gate.

use crate::domain::policy::{Action, Actor, Target, can};
use crate::domain::theme::Theme;
use crate::model::ProfileView;
use crate::server::error::AppError;
use crate::server::gate;
use crate::server::state::AppState;

pub async fn profile(state: &AppState, actor: Option<&Actor>) -> Result<ProfileView, AppError> {
    can(actor, Action::ViewMemberArea, Target::Site)?;
    let me = super::access::signed_in(actor)?;
    let (title, discipline, theme) = state.store.profile(me.user_id).await?;
    Ok(ProfileView {
        professional_title: title.unwrap_or_default(),
        discipline: discipline.unwrap_or_default(),
        theme,
    })
}

pub async fn change_profile(
    state: &AppState,
    actor: Option<&Actor>,
    title: &str,
    discipline: &str,
) -> Result<(), AppError> {
    can(actor, Action::ViewMemberArea, Target::Site)?;
    let me = super::access::signed_in(actor)?;
    let gated = gate::profile(title, discipline)?;
    state
        .store
        .change_profile(me.user_id, &gated, state.clock.now())
        .await?;
    tracing::info!(user.id = %me.user_id, "professional title and discipline changed");
    Ok(())
}

/// The member's choice of colours (`device`, `light` or `dark`).
pub async fn set_theme(state: &AppState, actor: Option<&Actor>, key: &str) -> Result<(), AppError> {
    can(actor, Action::ViewMemberArea, Target::Site)?;
    let me = super::access::signed_in(actor)?;
    let theme = Theme::parse(key).ok_or_else(|| {
        AppError::Invalid("Choose one of the three: match your device, light or dark.".into())
    })?;
    state.store.set_theme(me.user_id, theme).await?;
    Ok(())
}
