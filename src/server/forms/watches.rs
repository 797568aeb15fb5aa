//! Watching a case (`watch=yes`) or stopping (`watch=no`), from the case page.

use axum::extract::{Path, State};
use axum::response::Response;

use super::{Fields, PageRequest, render_error, see_other};
use crate::model::CaseId;
use crate::server::error::AppError;
use crate::server::services::watches;
use crate::server::state::AppState;

pub async fn watch(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let watching = match fields.get("watch") {
        "yes" => Ok(true),
        "no" => Ok(false),
        _ => Err(AppError::Invalid(
            "Choose to watch the case or to stop watching it.".into(),
        )),
    };
    let done = match watching {
        Ok(watching) => watches::set_watching(&state, actor.as_ref(), CaseId(id), watching)
            .await
            .map(|()| watching),
        Err(e) => Err(e),
    };
    match done {
        Ok(true) => see_other(&format!("/cases/{id}?notice=watching"), None),
        Ok(false) => see_other(&format!("/cases/{id}?notice=not-watching"), None),
        Err(e) => {
            let path = format!("/cases/{id}");
            render_error(&state, page, &path, e, Some("watch".into()), vec![]).await
        }
    }
}
