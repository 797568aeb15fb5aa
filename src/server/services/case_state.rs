//! What happens to a case after it is written: its author posts a follow-up (through the gate,
//! back to review like an edit), closes it or opens it again; a moderator locks or unlocks it.

use super::access::{case_for, signed_in};
use crate::domain::policy::{Action, Actor};
use crate::domain::review::Reason;
use crate::model::{CaseId, FollowUpSource};
use crate::server::error::AppError;
use crate::server::gate::{self, FollowUpSubmission};
use crate::server::state::AppState;

/// The current follow-up, for the follow-up form.
pub async fn follow_up_source(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
) -> Result<FollowUpSource, AppError> {
    let case = case_for(state, actor, id, Action::PostFollowUp).await?;
    Ok(FollowUpSource {
        id,
        title: case.title.clone(),
        body: case
            .section_source(gate::FOLLOW_UP.0)
            .unwrap_or_default()
            .to_owned(),
    })
}

/// Posts (or replaces) the follow-up. It passes the gate like an edit, with the author's
/// checklist, and the case waits for a moderator again.
pub async fn post_follow_up(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    submission: &FollowUpSubmission,
) -> Result<(), AppError> {
    let case = case_for(state, actor, id, Action::PostFollowUp).await?;
    let actor = signed_in(actor)?;
    let gated = gate::follow_up(&case, submission)?;
    state
        .store
        .submit_follow_up(id, actor.user_id, &gated, &case.facts(), state.clock.now())
        .await?;
    tracing::info!(case.id = %id, findings = gated.findings(), "follow-up submitted for review");
    Ok(())
}

/// Closes the case to new replies and follow-ups (`closed`), or opens it again.
pub async fn set_closed(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    closed: bool,
) -> Result<(), AppError> {
    let action = if closed {
        Action::CloseCase
    } else {
        Action::ReopenCase
    };
    case_for(state, actor, id, action).await?;
    let actor = signed_in(actor)?;
    state
        .store
        .set_case_closed(id, actor.user_id, closed, state.clock.now())
        .await?;
    Ok(())
}

/// The author withdraws their case from the review queue: it is deleted. `confirmed`: the
/// form's box saying they understand.
pub async fn withdraw(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    confirmed: bool,
) -> Result<(), AppError> {
    let case = case_for(state, actor, id, Action::WithdrawCase).await?;
    let actor = signed_in(actor)?;
    if !confirmed {
        return Err(AppError::Invalid(
            "Tick the box to confirm: a withdrawn case is deleted and cannot be brought back."
                .into(),
        ));
    }
    state
        .store
        .withdraw_case(id, actor.user_id, &case.facts(), state.clock.now())
        .await?;
    tracing::info!(case.id = %id, "case withdrawn by its author");
    Ok(())
}

/// A moderator locks (`lock`) or unlocks the case, with a reason the author and moderators see.
pub async fn set_lock(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    lock: bool,
    reason: &str,
) -> Result<(), AppError> {
    case_for(state, actor, id, Action::LockCase).await?;
    let actor = signed_in(actor)?;
    let reason = Reason::parse(reason).map_err(AppError::Invalid)?;
    let changed = state
        .store
        .set_case_lock(id, actor.user_id, lock, reason.as_str(), state.clock.now())
        .await?;
    if !changed {
        return Err(AppError::Conflict(if lock {
            "This case is already locked. Nothing was changed.".into()
        } else {
            "This case is not locked. Nothing was changed.".into()
        }));
    }
    tracing::info!(case.id = %id, lock, "case lock changed");
    Ok(())
}
