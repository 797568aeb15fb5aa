//! Form endpoints for what happens to a case after it is written: the follow-up, closing and
//! reopening and withdrawing from review (its author), locking and unlocking (moderators).

use axum::extract::{Path, State};
use axum::response::Response;

use super::{Fields, PageRequest, render_error, see_other};
use crate::model::CaseId;
use crate::server::gate::{FollowUpSubmission, explanations_from};
use crate::server::rate_limit::RateKind;
use crate::server::services::case_state;
use crate::server::state::AppState;

/// The follow-up form (`/cases/{id}/follow-up`): through the gate, then back to review.
pub async fn follow_up(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let submission = FollowUpSubmission {
        body: fields.get("follow_up").to_owned(),
        explanations: explanations_from(fields.values()),
        confirmed: fields.all("confirm"),
        disguise: fields.get("disguise").to_owned(),
    };
    let posted = match page.rate(&state, RateKind::FollowUp) {
        Ok(()) => case_state::post_follow_up(&state, actor.as_ref(), CaseId(id), &submission).await,
        Err(e) => Err(e),
    };
    match posted {
        Ok(()) => see_other(&format!("/cases/{id}?notice=follow-up-submitted"), None),
        Err(e) => {
            let path = format!("/cases/{id}/follow-up");
            render_error(&state, page, &path, e, None, fields.into_values()).await
        }
    }
}

pub async fn close(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
) -> Response {
    set_closed(state, id, page, true).await
}

pub async fn reopen(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
) -> Response {
    set_closed(state, id, page, false).await
}

async fn set_closed(state: AppState, id: i64, page: PageRequest, closed: bool) -> Response {
    let actor = page.session().actor().cloned();
    match case_state::set_closed(&state, actor.as_ref(), CaseId(id), closed).await {
        Ok(()) => {
            let notice = if closed {
                "case-closed"
            } else {
                "case-reopened"
            };
            see_other(&format!("/cases/{id}?notice={notice}"), None)
        }
        Err(e) => {
            let path = format!("/cases/{id}");
            render_error(&state, page, &path, e, Some("close".into()), vec![]).await
        }
    }
}

/// The author withdraws their case from the review queue (`confirm=yes`).
pub async fn withdraw(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let confirmed = fields.get("confirm") == "yes";
    match case_state::withdraw(&state, actor.as_ref(), CaseId(id), confirmed).await {
        Ok(()) => see_other("/cases/mine?notice=case-withdrawn", None),
        Err(e) => {
            let path = format!("/cases/{id}");
            render_error(&state, page, &path, e, Some("withdraw".into()), vec![]).await
        }
    }
}

/// Lock (`lock=true`) or unlock (`lock=false`) with a reason.
pub async fn lock(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let lock = fields.get("lock") == "true";
    let reason = fields.get("reason").to_owned();
    match case_state::set_lock(&state, actor.as_ref(), CaseId(id), lock, &reason).await {
        Ok(()) => {
            let notice = if lock { "case-locked" } else { "case-unlocked" };
            see_other(&format!("/cases/{id}?notice={notice}"), None)
        }
        Err(e) => {
            let path = format!("/cases/{id}");
            render_error(
                &state,
                page,
                &path,
                e,
                Some("lock".into()),
                vec![("lock_reason".into(), reason)],
            )
            .await
        }
    }
}
