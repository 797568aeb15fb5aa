//! Form endpoints for retention: the author's period for their case, and a moderator's hold.

use axum::extract::{Path, State};
use axum::response::Response;

use super::{Fields, PageRequest, render_error, see_other};
use crate::model::CaseId;
use crate::server::services::retention;
use crate::server::state::AppState;

/// `keep_for`: a period's key, or `forum`.
pub async fn keep_for(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let key = fields.get("keep_for").to_owned();
    match retention::set_keep_for(&state, actor.as_ref(), CaseId(id), &key).await {
        Ok(()) => see_other(&format!("/cases/{id}?notice=retention-set#retention"), None),
        Err(e) => {
            let path = format!("/cases/{id}");
            render_error(&state, page, &path, e, Some("retention".into()), vec![]).await
        }
    }
}

/// Place (`hold=true`, with a reason) or release (`hold=false`) a hold.
pub async fn hold(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let hold = fields.get("hold") == "true";
    let reason = fields.get("reason").to_owned();
    match retention::set_hold(&state, actor.as_ref(), CaseId(id), hold, &reason).await {
        Ok(()) => {
            let notice = if hold { "hold-placed" } else { "hold-released" };
            see_other(&format!("/cases/{id}?notice={notice}#retention"), None)
        }
        Err(e) => {
            let path = format!("/cases/{id}");
            render_error(
                &state,
                page,
                &path,
                e,
                Some("hold".into()),
                vec![("hold_reason".into(), reason)],
            )
            .await
        }
    }
}
