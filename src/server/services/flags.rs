//! Readers flag a case or a reply; moderators restore a reply hidden by flags.

use super::access::{case_for, reply_for, signed_in};
use crate::domain::flag::{FlagKind, parse_note};
use crate::domain::policy::{Action, Actor};
use crate::domain::role::Role;
use crate::model::{CaseId, ReplyId, ReplyToFlag, SafeHtml};
use crate::server::error::AppError;
use crate::server::state::AppState;
use crate::server::store::{FlagOutcome, FlagWrite};

/// What became of a flag, for the page the reader lands on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flagged {
    /// Recorded for the moderators; nothing else changed.
    Noted,
    /// The item is hidden until a moderator looks at it.
    Hidden,
    /// The case is hidden from this reader (they may know the client).
    HiddenFromYou,
}

/// Flags a case, or one of its replies when `reply` is given (`case` is then ignored: the
/// reply's own case counts). Returns what happened and the case.
pub async fn flag(
    state: &AppState,
    actor: Option<&Actor>,
    case: CaseId,
    reply: Option<ReplyId>,
    kind: &str,
    note: &str,
) -> Result<(Flagged, CaseId), AppError> {
    let (case, reply) = match reply {
        None => (case_for(state, actor, case, Action::Flag).await?.id, None),
        // The visibility rule covers the reply's case too.
        Some(id) => {
            let (reply, _) = reply_for(state, actor, id, Action::Flag).await?;
            (reply.case_id, Some(reply.id))
        }
    };
    let actor = signed_in(actor)?;
    let kind = FlagKind::parse(kind)
        .ok_or_else(|| AppError::Invalid("Choose what the flag is about from the list.".into()))?;
    // "I may know this client" is about the case, wherever it was said: the case is hidden from
    // this reader, replies and all.
    let reply = reply.filter(|_| kind != FlagKind::MayKnow);
    let note = parse_note(note).map_err(AppError::Invalid)?;
    let trusted = [Role::Supervisor, Role::Moderator, Role::Admin]
        .into_iter()
        .any(|r| actor.has(r));
    let write = FlagWrite {
        case,
        reply,
        flagger: actor.user_id,
        kind,
        note: &note,
        trusted,
    };
    let outcome = state.store.add_flag(&write, state.clock.now()).await?;
    tracing::info!(case.id = %case, kind = kind.key(), hidden = outcome == FlagOutcome::Hidden, "flag recorded");
    let flagged = match outcome {
        FlagOutcome::Hidden => Flagged::Hidden,
        _ if kind == FlagKind::MayKnow && reply.is_none() => Flagged::HiddenFromYou,
        // A second identical flag from the same member changes nothing.
        FlagOutcome::Recorded | FlagOutcome::Duplicate => Flagged::Noted,
    };
    Ok((flagged, case))
}

/// A moderator shows a reply hidden by flags again.
pub async fn restore_reply(
    state: &AppState,
    actor: Option<&Actor>,
    id: ReplyId,
) -> Result<CaseId, AppError> {
    let (reply, _) = reply_for(state, actor, id, Action::RestoreReply).await?;
    let actor = signed_in(actor)?;
    if !state
        .store
        .restore_reply(id, reply.case_id, actor.user_id, state.clock.now())
        .await?
    {
        return Err(AppError::Conflict(
            "This reply is not hidden. Nothing was changed.".into(),
        ));
    }
    Ok(reply.case_id)
}

/// The reply a reader is about to flag, for the flag page: its text and its case.
pub async fn reply_to_flag(
    state: &AppState,
    actor: Option<&Actor>,
    id: ReplyId,
) -> Result<ReplyToFlag, AppError> {
    let (reply, case) = reply_for(state, actor, id, Action::Flag).await?;
    Ok(ReplyToFlag {
        id,
        case: case.id,
        case_title: case.title,
        html: SafeHtml::from_cooked(reply.html),
    })
}
