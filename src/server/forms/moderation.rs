//! Form endpoints for moderators' actions on a case.

use axum::extract::{Path, State};
use axum::response::Response;

use super::{Fields, PageRequest, render_error, see_other};
use crate::model::CaseId;
use crate::server::services::redaction;
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
    match redaction::redact_case(&state, actor.as_ref(), CaseId(id), &text, &category).await {
        Ok(_) => see_other(&format!("/cases/{id}?notice=redacted"), None),
        Err(e) => {
            let path = format!("/cases/{id}");
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
