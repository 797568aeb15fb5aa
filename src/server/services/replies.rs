//! Replies to a case: posting and editing (both through the publication gate), the author's
//! edit source, and the case author's helpful marks.

use super::access::{case_for, reply_for, signed_in};
use crate::domain::policy::{Action, Actor};
use crate::domain::role::Role;
use crate::model::{CaseId, ReplyId};
use crate::server::error::AppError;
use crate::server::gate;
use crate::server::state::AppState;
use crate::server::store::{ALREADY_DELETED, ReplyWrite};

/// A new reply: published at once, or held for a moderator by the gate (`held`).
pub struct Posted {
    pub id: ReplyId,
    pub held: bool,
}

pub async fn create_reply(
    state: &AppState,
    actor: Option<&Actor>,
    case_id: CaseId,
    body: &str,
) -> Result<Posted, AppError> {
    let case = case_for(state, actor, case_id, Action::Reply).await?;
    let actor = signed_in(actor)?;
    let gated = gate::reply(state, actor, body).await?;
    let is_case_author = actor.user_id == case.author_id;
    let write = ReplyWrite {
        reply: &gated,
        anonymous: case.anonymous && is_case_author,
        supervisor_feedback: actor.has(Role::Supervisor) && !is_case_author,
    };
    let id = state
        .store
        .insert_reply(
            case_id,
            actor.user_id,
            &write,
            &case.facts(),
            state.clock.now(),
        )
        .await?;
    let held = gated.hold().is_some();
    tracing::info!(case.id = %case_id, reply.id = %id, held, findings = gated.findings(), "reply posted");
    Ok(Posted { id, held })
}

pub async fn edit_reply(
    state: &AppState,
    actor: Option<&Actor>,
    id: ReplyId,
    body: &str,
) -> Result<CaseId, AppError> {
    let (reply, case) = reply_for(state, actor, id, Action::EditReply).await?;
    let actor = signed_in(actor)?;
    let gated = gate::reply(state, actor, body).await?;
    let seen = reply.facts(case.facts());
    state
        .store
        .update_reply(id, actor.user_id, &gated, &seen, state.clock.now())
        .await?;
    Ok(reply.case_id)
}

/// A reply's Markdown for its author's edit form.
pub async fn get_reply_source(
    state: &AppState,
    actor: Option<&Actor>,
    id: ReplyId,
) -> Result<(CaseId, String), AppError> {
    let (reply, _) = reply_for(state, actor, id, Action::EditReply).await?;
    Ok((reply.case_id, reply.source))
}

pub async fn set_helpful(
    state: &AppState,
    actor: Option<&Actor>,
    id: ReplyId,
    helpful: bool,
) -> Result<CaseId, AppError> {
    let (reply, _) = reply_for(state, actor, id, Action::MarkHelpful).await?;
    state.store.set_helpful(reply.case_id, id, helpful).await?;
    Ok(reply.case_id)
}

/// The author deletes their reply (`confirm=yes`): readers see a tombstone in its place, the
/// moderators still see it. Deleting it again is answered as such (409), not as a missing reply.
pub async fn delete_reply(
    state: &AppState,
    actor: Option<&Actor>,
    id: ReplyId,
    confirmed: bool,
) -> Result<CaseId, AppError> {
    let me = signed_in(actor)?;
    // A moderator still sees their own deleted reply; anyone else no longer does.
    let gone = match state.store.find_reply(id, me).await? {
        Some(reply) => reply.deleted && reply.author_id == me.user_id,
        None => state.store.own_deleted_reply(id, me.user_id).await?,
    };
    if gone {
        return Err(AppError::Conflict(ALREADY_DELETED.into()));
    }
    let (reply, case) = reply_for(state, actor, id, Action::DeleteReply).await?;
    if !confirmed {
        return Err(AppError::Invalid(
            "Tick the box to confirm: a deleted reply cannot be brought back.".into(),
        ));
    }
    let seen = reply.facts(case.facts());
    state
        .store
        .delete_reply(id, me.user_id, &seen, state.clock.now())
        .await?;
    tracing::info!(case.id = %reply.case_id, reply.id = %id, "reply deleted by its author");
    Ok(reply.case_id)
}

/// A moderator removes a reply its author deleted for good; its bytes are then scrubbed.
pub async fn remove_reply(
    state: &AppState,
    actor: Option<&Actor>,
    id: ReplyId,
) -> Result<CaseId, AppError> {
    let (reply, _) = reply_for(state, actor, id, Action::RemoveReply).await?;
    let me = signed_in(actor)?;
    state
        .store
        .remove_reply(id, me.user_id, state.clock.now())
        .await?;
    tracing::info!(case.id = %reply.case_id, reply.id = %id, "deleted reply removed for good");
    Ok(reply.case_id)
}
