//! Replies to a case, and what its author does with them: mark helpful, follow up, close.

use serde_json::json;

use super::cases::{existing, signed_in};
use crate::domain::case::{TextLimit, parse_text};
use crate::domain::policy::{Action, Actor, Target, can};
use crate::domain::role::Role;
use crate::model::{CaseId, NotificationView, ReplyId, RevisionView};
use crate::server::error::AppError;
use crate::server::render::{RENDERER_VERSION, cook};
use crate::server::state::AppState;
use crate::server::store::{CookedText, ReplyRow, ReplyWrite};

pub async fn create_reply(
    state: &AppState,
    actor: Option<&Actor>,
    case_id: CaseId,
    body: &str,
) -> Result<ReplyId, AppError> {
    let case = existing(state, case_id).await?;
    can(
        actor,
        Action::Reply,
        Target::Case {
            author: case.author_id,
        },
    )?;
    let actor = signed_in(actor)?;
    let (source, html) = cook_body(body, "Your reply")?;
    let is_case_author = actor.user_id == case.author_id;
    let write = ReplyWrite {
        source: &source,
        html: html.as_str(),
        renderer_version: RENDERER_VERSION,
        anonymous: case.anonymous && is_case_author,
        supervisor_feedback: actor.has(Role::Supervisor) && !is_case_author,
        revision_source: &json!({ "body": source }).to_string(),
    };
    let id = state
        .store
        .insert_reply(case_id, actor.user_id, &write, state.clock.now())
        .await?;
    tracing::info!(case.id = %case_id, reply.id = %id, "reply posted");
    Ok(id)
}

pub async fn edit_reply(
    state: &AppState,
    actor: Option<&Actor>,
    id: ReplyId,
    body: &str,
) -> Result<CaseId, AppError> {
    let reply = existing_reply(state, id).await?;
    can(
        actor,
        Action::EditReply,
        Target::Reply {
            author: reply.author_id,
        },
    )?;
    let actor = signed_in(actor)?;
    let (source, html) = cook_body(body, "Your reply")?;
    let revision = json!({ "body": source }).to_string();
    state
        .store
        .update_reply(
            id,
            actor.user_id,
            CookedText {
                source: &source,
                html: html.as_str(),
                renderer_version: RENDERER_VERSION,
                revision: &revision,
            },
            state.clock.now(),
        )
        .await?;
    Ok(reply.case_id)
}

/// A reply's Markdown for its author's edit form.
pub async fn get_reply_source(
    state: &AppState,
    actor: Option<&Actor>,
    id: ReplyId,
) -> Result<(CaseId, String), AppError> {
    let reply = existing_reply(state, id).await?;
    can(
        actor,
        Action::EditReply,
        Target::Reply {
            author: reply.author_id,
        },
    )?;
    Ok((reply.case_id, reply.source))
}

pub async fn set_helpful(
    state: &AppState,
    actor: Option<&Actor>,
    id: ReplyId,
    helpful: bool,
) -> Result<CaseId, AppError> {
    let reply = existing_reply(state, id).await?;
    let case = existing(state, reply.case_id).await?;
    can(
        actor,
        Action::ManageOwnCase,
        Target::Case {
            author: case.author_id,
        },
    )?;
    state.store.set_helpful(id, helpful).await?;
    Ok(case.id)
}

pub async fn post_follow_up(
    state: &AppState,
    actor: Option<&Actor>,
    case_id: CaseId,
    body: &str,
) -> Result<(), AppError> {
    let case = existing(state, case_id).await?;
    can(
        actor,
        Action::ManageOwnCase,
        Target::Case {
            author: case.author_id,
        },
    )?;
    let actor = signed_in(actor)?;
    let (source, html) = cook_body(body, "The follow-up")?;
    let revision = json!({ "follow_up": source }).to_string();
    state
        .store
        .set_follow_up(
            case_id,
            actor.user_id,
            CookedText {
                source: &source,
                html: html.as_str(),
                renderer_version: RENDERER_VERSION,
                revision: &revision,
            },
            state.clock.now(),
        )
        .await?;
    Ok(())
}

pub async fn close_case(
    state: &AppState,
    actor: Option<&Actor>,
    case_id: CaseId,
) -> Result<(), AppError> {
    let case = existing(state, case_id).await?;
    can(
        actor,
        Action::ManageOwnCase,
        Target::Case {
            author: case.author_id,
        },
    )?;
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
                _ => "Someone replied to your case.",
            }
            .to_owned(),
            case_title: n.case_title,
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
    let case = existing(state, case_id).await?;
    can(
        actor,
        Action::ViewRevisions,
        Target::Case {
            author: case.author_id,
        },
    )?;
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

fn cook_body(body: &str, label: &str) -> Result<(String, crate::model::SafeHtml), AppError> {
    let source = parse_text(body, TextLimit::REPLY, true, label).map_err(AppError::Invalid)?;
    let html = cook(&source).map_err(|e| AppError::Invalid(e.to_string()))?;
    Ok((source, html))
}

async fn existing_reply(state: &AppState, id: ReplyId) -> Result<ReplyRow, AppError> {
    state
        .store
        .find_reply(id)
        .await?
        .ok_or_else(|| AppError::NotFound("There is no reply with that number.".into()))
}
