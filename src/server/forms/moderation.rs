//! Form endpoints for moderators' actions on a case: claiming and deciding in the review queue,
//! and redaction.

use axum::extract::{Path, State};
use axum::response::Response;

use super::{Fields, PageRequest, render_error, see_other};
use crate::domain::review::Decision;
use crate::model::{CaseId, ReplyId};
use crate::server::error::AppError;
use crate::server::services::{redaction, reply_review, review};
use crate::server::state::AppState;

/// A moderator redacts text from the case, its replies and every stored copy.
pub async fn redact(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let text = fields.get("text").to_owned();
    let category = fields.get("category").to_owned();
    // The review page embeds the same form; the moderator goes back to where they were.
    let page_path = if fields.get("from") == "review" {
        format!("/review/{id}")
    } else {
        format!("/cases/{id}")
    };
    match redaction::redact_case(&state, actor.as_ref(), CaseId(id), &text, &category).await {
        Ok(_) => see_other(&format!("{page_path}?notice=redacted"), None),
        Err(e) => {
            let path = page_path;
            render_error(
                &state,
                page,
                &path,
                e,
                Some("redact".into()),
                vec![("redact_text".into(), text), ("category".into(), category)],
            )
            .await
        }
    }
}

pub async fn claim(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
) -> Response {
    let actor = page.session().actor().cloned();
    match review::claim(&state, actor.as_ref(), CaseId(id)).await {
        Ok(()) => see_other(&format!("/review/{id}?notice=claimed"), None),
        Err(e) => {
            let path = format!("/review/{id}");
            render_error(&state, page, &path, e, Some("claim".into()), vec![]).await
        }
    }
}

/// Approve (with the moderator's checklist), return or reject (with a reason). Both forms of
/// the review page post here; `decision` says which.
pub async fn decide(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let decision = fields.get("decision").to_owned();
    let reason = fields.get("reason").to_owned();
    let result = review::decide(
        &state,
        actor.as_ref(),
        CaseId(id),
        fields.get("revision").parse().ok(),
        &decision,
        &reason,
        |key| fields.tick(key),
    )
    .await;
    answer_decision(&state, page, result, "", &format!("/review/{id}"), fields).await
}

/// Approve (with the moderator's checklist) or reject (with a reason) a reply held at the gate.
pub async fn decide_reply(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let decision = fields.get("decision").to_owned();
    let reason = fields.get("reason").to_owned();
    let result = reply_review::decide(
        &state,
        actor.as_ref(),
        ReplyId(id),
        fields.get("revision").parse().ok(),
        &decision,
        &reason,
        |key| fields.tick(key),
    )
    .await;
    answer_decision(
        &state,
        page,
        result,
        "reply-",
        &format!("/review/replies/{id}"),
        fields,
    )
    .await
}

/// After a decision: back to the queue with its notice (`notice` prefixes the outcome), or
/// the review page at `path` again with the refusal by the form that was used.
async fn answer_decision(
    state: &AppState,
    page: PageRequest,
    result: Result<Decision, AppError>,
    notice: &str,
    path: &str,
    fields: Fields,
) -> Response {
    match result {
        Ok(d) => see_other(
            &format!("/review?notice={notice}{}", d.outcome().key()),
            None,
        ),
        Err(e) => {
            let form = if fields.get("decision") == "approve" {
                "approve"
            } else {
                "decline"
            };
            render_error(
                state,
                page,
                path,
                e,
                Some(form.into()),
                fields.into_values(),
            )
            .await
        }
    }
}
