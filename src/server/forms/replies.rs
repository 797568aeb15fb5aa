//! Form endpoints for what happens to a reply after it is written: its author deleting it, a
//! moderator removing a deleted one for good.

use axum::extract::{Path, State};
use axum::response::Response;

use super::{Fields, PageRequest, render_error, see_other};
use crate::model::ReplyId;
use crate::server::services::replies;
use crate::server::state::AppState;

/// The case page a refusal is shown on: the form's `case` field when it is a number.
fn case_page(fields: &Fields) -> String {
    match fields.get("case").parse::<i64>() {
        Ok(case) if case > 0 => format!("/cases/{case}"),
        _ => "/cases".to_owned(),
    }
}

/// The author deletes their reply (`confirm=yes`); back to the case, at the reply's place.
pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let confirmed = fields.get("confirm") == "yes";
    match replies::delete_reply(&state, actor.as_ref(), ReplyId(id), confirmed).await {
        Ok(case) => see_other(
            &format!("/cases/{case}?reply={id}&notice=reply-deleted#reply-{id}"),
            None,
        ),
        Err(e) => {
            let path = case_page(&fields);
            render_error(&state, page, &path, e, Some("delete-reply".into()), vec![]).await
        }
    }
}

/// A moderator removes a reply its author deleted, for good.
pub async fn remove(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    match replies::remove_reply(&state, actor.as_ref(), ReplyId(id)).await {
        Ok(case) => see_other(&format!("/cases/{case}?notice=reply-removed"), None),
        Err(e) => {
            let path = case_page(&fields);
            render_error(&state, page, &path, e, Some("delete-reply".into()), vec![]).await
        }
    }
}
