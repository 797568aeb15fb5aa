//! The step every case and reply use-case begins with: find the thing as this reader may see
//! it (the visibility rule, in SQL), then ask the policy whether this actor may do this action
//! to it (the same rule, then the action's own). What a reader may not see answers exactly
//! like a missing id, whatever they try to do to it; a visitor is asked to sign in before
//! anything is looked up, so no answer tells them which ids exist.

use crate::domain::policy::{Action, Actor, Denial, Target, can};
use crate::model::{CaseId, ReplyId};
use crate::server::error::AppError;
use crate::server::state::AppState;
use crate::server::store::{CaseRow, ReplyRow};

/// The member asking, or a sign-in refusal.
pub fn signed_in(actor: Option<&Actor>) -> Result<&Actor, AppError> {
    actor.ok_or(AppError::Denied(Denial::SignInRequired))
}

/// The case, if it exists, `actor` may see it, and may do `action` to it.
pub async fn case_for(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    action: Action,
) -> Result<CaseRow, AppError> {
    let actor = signed_in(actor)?;
    let case = state
        .store
        .find_case(id, actor)
        .await?
        .ok_or_else(no_case)?;
    match can(Some(actor), action, Target::Case(case.facts())) {
        Ok(()) => Ok(case),
        Err(Denial::Unseen) => Err(no_case()),
        Err(denial) => Err(denial.into()),
    }
}

/// The reply and its case, if `actor` may see the reply and may do `action` to it.
pub async fn reply_for(
    state: &AppState,
    actor: Option<&Actor>,
    id: ReplyId,
    action: Action,
) -> Result<(ReplyRow, CaseRow), AppError> {
    let actor = signed_in(actor)?;
    let reply = state
        .store
        .find_reply(id, actor)
        .await?
        .ok_or_else(no_reply)?;
    let case = state
        .store
        .find_case(reply.case_id, actor)
        .await?
        .ok_or_else(no_reply)?;
    match can(
        Some(actor),
        action,
        Target::Reply(reply.facts(case.facts())),
    ) {
        Ok(()) => Ok((reply, case)),
        Err(Denial::Unseen) => Err(no_reply()),
        Err(denial) => Err(denial.into()),
    }
}

/// The answer for a missing case, and for one the reader may not see.
pub fn no_case() -> AppError {
    AppError::NotFound("There is no case with that number.".into())
}

/// The answer for a missing reply, and for one the reader may not see.
pub fn no_reply() -> AppError {
    AppError::NotFound("There is no reply with that number.".into())
}
