//! The step every case and reply use-case begins with: find the thing (or answer 404), then ask
//! the policy whether this actor may do this action to it.

use crate::domain::policy::{Action, Actor, Denial, Target, can};
use crate::model::{CaseId, ReplyId};
use crate::server::error::AppError;
use crate::server::state::AppState;
use crate::server::store::{CaseRow, ReplyRow};

/// The member asking, or a sign-in refusal.
pub fn signed_in(actor: Option<&Actor>) -> Result<&Actor, AppError> {
    actor.ok_or(AppError::Denied(Denial::SignInRequired))
}

/// The case, if it exists and `actor` may do `action` to it.
pub async fn case_for(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    action: Action,
) -> Result<CaseRow, AppError> {
    let case = state.store.find_case(id).await?.ok_or_else(not_found)?;
    match can(actor, action, case.target()) {
        Ok(()) => Ok(case),
        // A case still in review does not exist as far as those who may not read it can tell,
        // whatever they try to do to it.
        Err(Denial::Forbidden)
            if !case.review.is_published()
                && can(actor, Action::ViewCase, case.target()).is_err() =>
        {
            Err(not_found())
        }
        Err(denial) => Err(denial.into()),
    }
}

/// The reply, if it exists and `actor` may do `action` to it.
pub async fn reply_for(
    state: &AppState,
    actor: Option<&Actor>,
    id: ReplyId,
    action: Action,
) -> Result<ReplyRow, AppError> {
    let reply = reply_or_404(state, id).await?;
    can(
        actor,
        action,
        Target::Reply {
            author: reply.author_id,
        },
    )?;
    Ok(reply)
}

/// The reply, or 404; for actions the policy decides on its case rather than on the reply.
pub async fn reply_or_404(state: &AppState, id: ReplyId) -> Result<ReplyRow, AppError> {
    state
        .store
        .find_reply(id)
        .await?
        .ok_or_else(|| AppError::NotFound("There is no reply with that number.".into()))
}

fn not_found() -> AppError {
    AppError::NotFound("There is no case with that number.".into())
}
