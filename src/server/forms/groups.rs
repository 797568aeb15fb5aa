//! Form endpoints for consultation groups: create one, invite, answer an invitation, leave,
//! remove a member. Each answers 303 on success; on a refusal the page is drawn again with the
//! message, and with what was typed in the form that was sent (`form` names it, as a page can
//! hold several).

use axum::extract::{Path, State};
use axum::response::Response;

use super::{Fields, PageRequest, render_error, see_other};
use crate::model::{GroupId, UserId};
use crate::server::rate_limit::RateKind;
use crate::server::services::groups;
use crate::server::state::AppState;

pub async fn create(State(state): State<AppState>, page: PageRequest, fields: Fields) -> Response {
    let actor = page.session().actor().cloned();
    let created = match page.rate(&state, RateKind::Invite) {
        Ok(()) => {
            groups::create(
                &state,
                actor.as_ref(),
                fields.get("name"),
                fields.get("description"),
            )
            .await
        }
        Err(e) => Err(e),
    };
    match created {
        Ok(id) => see_other(&format!("/groups/{id}?notice=group-created"), None),
        Err(e) => {
            let form = Some("create-group".to_owned());
            render_error(&state, page, "/groups", e, form, fields.into_values()).await
        }
    }
}

pub async fn invite(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let group = GroupId(id);
    let sent = match page.rate(&state, RateKind::Invite) {
        Ok(()) => {
            groups::invite(
                &state,
                actor.as_ref(),
                group,
                fields.get("email"),
                fields.get("role"),
            )
            .await
        }
        Err(e) => Err(e),
    };
    match sent {
        Ok(()) => see_other(&format!("/groups/{id}?notice=group-invited"), None),
        Err(e) => {
            let form = Some("invite".to_owned());
            let path = format!("/groups/{id}");
            render_error(&state, page, &path, e, form, fields.into_values()).await
        }
    }
}

/// Accepts or declines (`answer`) an invitation, from "my groups" or the notifications.
pub async fn answer(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let accept = match fields.get("answer") {
        "accept" => true,
        "decline" => false,
        _ => {
            let e = crate::server::error::AppError::BadRequest("Choose Accept or Decline.".into());
            return render_error(&state, page, "/groups", e, None, Vec::new()).await;
        }
    };
    match groups::answer(&state, actor.as_ref(), id, accept).await {
        Ok(group) if accept => see_other(&format!("/groups/{group}?notice=group-joined"), None),
        Ok(_) => see_other("/groups?notice=group-declined", None),
        Err(e) => render_error(&state, page, "/groups", e, None, Vec::new()).await,
    }
}

pub async fn leave(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
) -> Response {
    let actor = page.session().actor().cloned();
    match groups::leave(&state, actor.as_ref(), GroupId(id)).await {
        Ok(()) => see_other("/groups?notice=group-left", None),
        Err(e) => {
            let path = format!("/groups/{id}");
            render_error(&state, page, &path, e, None, Vec::new()).await
        }
    }
}

pub async fn remove(
    State(state): State<AppState>,
    Path((id, member)): Path<(i64, i64)>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let removed = groups::remove(
        &state,
        actor.as_ref(),
        GroupId(id),
        UserId(member),
        fields.get("reason"),
    )
    .await;
    match removed {
        Ok(()) => see_other(&format!("/groups/{id}?notice=group-member-removed"), None),
        Err(e) => {
            let form = Some(format!("remove-{member}"));
            let path = format!("/groups/{id}");
            render_error(&state, page, &path, e, form, fields.into_values()).await
        }
    }
}
