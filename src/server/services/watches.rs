//! Watching a case: a member chooses to be told of its new replies, or not.

use super::access::{case_for, signed_in};
use crate::domain::policy::{Action, Actor};
use crate::model::CaseId;
use crate::server::error::AppError;
use crate::server::state::AppState;

/// `watching`: the member watches the case from now on; otherwise they stop, and their later
/// replies do not start it again.
pub async fn set_watching(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    watching: bool,
) -> Result<(), AppError> {
    case_for(state, actor, id, Action::WatchCase).await?;
    let me = signed_in(actor)?;
    state
        .store
        .set_watching(id, me.user_id, watching, state.clock.now())
        .await?;
    tracing::info!(case.id = %id, user.id = %me.user_id, watching, "case watch set");
    Ok(())
}
