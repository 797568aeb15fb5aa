//! Replies to a case, and what its author does with them: mark helpful, follow up, close.

use serde_json::json;

use super::access::{case_for, reply_for, reply_or_404, signed_in};
use crate::domain::case::{TextLimit, parse_text};
use crate::domain::policy::{Action, Actor, Target, can};
use crate::domain::role::Role;
use crate::model::{CaseId, NotificationView, ReplyId, RevisionView, SafeHtml};
use crate::server::error::AppError;
use crate::server::render::{RENDERER_VERSION, cook};
use crate::server::state::AppState;
use crate::server::store::{CookedText, ReplyWrite};

/// A new reply: published at once, or held for a moderator by the reply gate (`held`).
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
    let body = cook_body(body, "Your reply", "body")?;
    let held = reply_gate(state, actor, &body.source).await?;
    let is_case_author = actor.user_id == case.author_id;
    let write = ReplyWrite {
        text: body.text(),
        anonymous: case.anonymous && is_case_author,
        supervisor_feedback: actor.has(Role::Supervisor) && !is_case_author,
        held,
    };
    let id = state
        .store
        .insert_reply(case_id, actor.user_id, &write, state.clock.now())
        .await?;
    tracing::info!(case.id = %case_id, reply.id = %id, held, "reply posted");
    Ok(Posted { id, held })
}

/// The reply gate: a reply waits for a moderator when the scanner finds anything in it, or
/// while its author has fewer approved posts than the setting asks (both are settings).
async fn reply_gate(state: &AppState, actor: &Actor, source: &str) -> Result<bool, AppError> {
    if state.config.reply_review_on_findings && !crate::domain::deid::scan(source).is_empty() {
        return Ok(true);
    }
    if state.config.reply_review_below == 0 {
        return Ok(false);
    }
    Ok(state.store.approved_posts(actor.user_id).await? < state.config.reply_review_below)
}

pub async fn edit_reply(
    state: &AppState,
    actor: Option<&Actor>,
    id: ReplyId,
    body: &str,
) -> Result<CaseId, AppError> {
    let reply = reply_for(state, actor, id, Action::EditReply).await?;
    let actor = signed_in(actor)?;
    let body = cook_body(body, "Your reply", "body")?;
    let held = reply_gate(state, actor, &body.source).await?;
    state
        .store
        .update_reply(id, actor.user_id, body.text(), held, state.clock.now())
        .await?;
    Ok(reply.case_id)
}

/// A reply's Markdown for its author's edit form.
pub async fn get_reply_source(
    state: &AppState,
    actor: Option<&Actor>,
    id: ReplyId,
) -> Result<(CaseId, String), AppError> {
    let reply = reply_for(state, actor, id, Action::EditReply).await?;
    Ok((reply.case_id, reply.source))
}

pub async fn set_helpful(
    state: &AppState,
    actor: Option<&Actor>,
    id: ReplyId,
    helpful: bool,
) -> Result<CaseId, AppError> {
    let reply = reply_or_404(state, id).await?;
    let case = case_for(state, actor, reply.case_id, Action::ManageOwnCase).await?;
    state.store.set_helpful(id, helpful).await?;
    Ok(case.id)
}

pub async fn post_follow_up(
    state: &AppState,
    actor: Option<&Actor>,
    case_id: CaseId,
    body: &str,
) -> Result<(), AppError> {
    case_for(state, actor, case_id, Action::ManageOwnCase).await?;
    let actor = signed_in(actor)?;
    let body = cook_body(body, "The follow-up", "follow_up")?;
    state
        .store
        .set_follow_up(case_id, actor.user_id, body.text(), state.clock.now())
        .await?;
    Ok(())
}

pub async fn close_case(
    state: &AppState,
    actor: Option<&Actor>,
    case_id: CaseId,
) -> Result<(), AppError> {
    case_for(state, actor, case_id, Action::ManageOwnCase).await?;
    state.store.set_case_state(case_id, "closed").await?;
    Ok(())
}

pub async fn notifications(
    state: &AppState,
    actor: Option<&Actor>,
) -> Result<Vec<NotificationView>, AppError> {
    can(actor, Action::ViewMemberArea, Target::Site)?;
    let actor = signed_in(actor)?;
    let rows = state.store.list_notifications(actor.user_id, 50).await?;
    Ok(rows
        .into_iter()
        .map(|n| NotificationView {
            id: n.id,
            case_id: n.case_id,
            // Never the name of whoever acted: an anonymous author stays anonymous here too.
            text: match n.kind.as_str() {
                "supervisor_of_record" => "You were named supervisor of record for a case.",
                "supervisor_feedback" => "A supervisor gave feedback on your case.",
                "case_approved" => "A moderator approved your case. Members can now read it.",
                "case_returned" => {
                    "A moderator returned your case for changes. Edit it and submit it again."
                }
                "case_rejected" => "A moderator decided not to publish your case.",
                "reply_approved" => "A moderator approved your reply. Members can now read it.",
                "reply_rejected" => "A moderator decided not to publish your reply.",
                _ => "Someone replied to your case.",
            }
            .to_owned(),
            case_title: n.case_title,
            reason: n.reason,
            created_at: n.created_at,
            read: n.read,
        })
        .collect())
}

pub async fn unread_count(state: &AppState, actor: Option<&Actor>) -> Result<i64, AppError> {
    let actor = signed_in(actor)?;
    Ok(state
        .store
        .count_unread_notifications(actor.user_id)
        .await?)
}

pub async fn mark_notifications_read(
    state: &AppState,
    actor: Option<&Actor>,
) -> Result<(), AppError> {
    let actor = signed_in(actor)?;
    state
        .store
        .mark_notifications_read(actor.user_id, state.clock.now())
        .await?;
    Ok(())
}

pub async fn revisions(
    state: &AppState,
    actor: Option<&Actor>,
    case_id: CaseId,
) -> Result<Vec<RevisionView>, AppError> {
    case_for(state, actor, case_id, Action::ViewRevisions).await?;
    Ok(state
        .store
        .list_revisions(case_id)
        .await?
        .into_iter()
        .map(|(reply_id, editor, at, source)| RevisionView {
            reply_id,
            editor,
            at,
            source,
        })
        .collect())
}

/// A member's Markdown cooked for storage, with the JSON revision that records it.
struct CookedBody {
    source: String,
    html: SafeHtml,
    revision: String,
}

impl CookedBody {
    fn text(&self) -> CookedText<'_> {
        CookedText {
            source: &self.source,
            html: self.html.as_str(),
            renderer_version: RENDERER_VERSION,
            revision: &self.revision,
        }
    }
}

/// Checks `body` against the reply limits (naming it `label` in messages), cooks it, and records
/// it under `revision_key` in the revision JSON.
fn cook_body(body: &str, label: &str, revision_key: &str) -> Result<CookedBody, AppError> {
    let source = parse_text(body, TextLimit::REPLY, true, label).map_err(AppError::Invalid)?;
    let html = cook(&source).map_err(|e| AppError::Invalid(e.to_string()))?;
    let revision = json!({ revision_key: source }).to_string();
    Ok(CookedBody {
        source,
        html,
        revision,
    })
}
