use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::{Fields, PageRequest, render_error, render_page, see_other};
use crate::model::{AuditFilterInput, UserId};
use crate::server::error_page;
use crate::server::rate_limit::RateKind;
use crate::server::services::{admin, audit, invites};
use crate::server::state::AppState;
use crate::ui::form_feedback::FormFeedback;

/// The member list a row's form was posted from (its hidden `q` and `page`), so the answer
/// shows the same search and page, with the member's row on it. What cannot be read is left
/// out: the list then starts from its first page, as a link with it would.
pub fn members_list(fields: &Fields) -> String {
    list_at(fields.get("q"), fields.get("page"))
}

fn list_at(words: &str, page: &str) -> String {
    let words: String = words.trim().chars().take(100).collect();
    let page = page.parse::<u32>().ok().filter(|p| *p > 1);
    let mut query = Vec::new();
    if !words.is_empty() {
        query.push(format!("q={}", crate::ui::html::url_encode(&words)));
    }
    if let Some(page) = page {
        query.push(format!("page={page}"));
    }
    if query.is_empty() {
        "/admin/users".to_owned()
    } else {
        format!("/admin/users?{}", query.join("&"))
    }
}

/// `list` with a notice, scrolled to the member's row.
pub fn with_notice(list: &str, notice: &str, id: i64) -> String {
    let join = if list.contains('?') { '&' } else { '?' };
    format!("{list}{join}notice={notice}#user-{id}")
}

pub async fn set_roles(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let list = members_list(&fields);
    match admin::set_roles(&state, actor.as_ref(), UserId(id), &fields.all("role")).await {
        Ok(()) => see_other(&with_notice(&list, "roles-saved", id), None),
        Err(e) => render_error(&state, page, &list, e, Some(format!("user-{id}")), vec![]).await,
    }
}

pub async fn set_status(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let disabled = fields.get("disabled") == "true";
    let list = members_list(&fields);
    match admin::set_disabled(&state, actor.as_ref(), UserId(id), disabled).await {
        Ok(()) => see_other(&with_notice(&list, "status-saved", id), None),
        Err(e) => render_error(&state, page, &list, e, Some(format!("user-{id}")), vec![]).await,
    }
}

/// An admin turns off a member's two-factor sign-in (`confirm=yes`).
pub async fn reset_two_factor(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let list = members_list(&fields);
    let confirmed = fields.get("confirm") == "yes";
    match admin::reset_two_factor(&state, actor.as_ref(), UserId(id), confirmed).await {
        Ok(()) => see_other(&with_notice(&list, "two-factor-reset", id), None),
        Err(e) => render_error(&state, page, &list, e, Some(format!("user-{id}")), vec![]).await,
    }
}

/// An admin erases a member's account, with a reason.
pub async fn erase(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let list = members_list(&fields);
    match crate::server::services::erasure::erase_other(
        &state,
        actor.as_ref(),
        UserId(id),
        fields.get("posts"),
        fields.get("reason"),
    )
    .await
    {
        // Not on the search: an erased account's name and email are gone, so it would not
        // match. The page of the whole list that holds the row, which keeps its place.
        Ok(()) => {
            let page = admin::page_of(&state, UserId(id)).await.unwrap_or(1);
            let list = list_at("", &page.to_string());
            see_other(&with_notice(&list, "account-erased", id), None)
        }
        Err(e) => {
            render_error(
                &state,
                page,
                &list,
                e,
                Some(format!("user-{id}")),
                vec![
                    ("reason".into(), fields.get("reason").to_owned()),
                    ("posts".into(), fields.get("posts").to_owned()),
                ],
            )
            .await
        }
    }
}

/// Answers in place rather than redirecting when the link is to be shown: it is shown exactly
/// once, in this answer, because only its hash is stored (like an API token). An emailed invite
/// redirects like any other form.
pub async fn create_invite(
    State(state): State<AppState>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let email = fields.get("email").to_owned();
    let role = fields.get("role").to_owned();
    let delivery = if fields.get("send") == "email" {
        invites::Delivery::Email
    } else {
        invites::Delivery::ShowLink
    };
    let created = match page.rate(&state, RateKind::Invite) {
        Ok(()) => {
            invites::create(
                &state,
                invites::IssuedBy::Member(actor.as_ref()),
                &email,
                &role,
                delivery,
            )
            .await
        }
        Err(e) => Err(e),
    };
    match created {
        Ok(invites::Issued::Emailed) => see_other("/admin/invites?notice=invite-emailed", None),
        Ok(invites::Issued::Link(link)) => {
            let feedback = FormFeedback {
                shown_once_link: Some(link),
                values: vec![("invited_email".into(), email.trim().to_lowercase())],
                ..FormFeedback::default()
            };
            render_page(
                &state,
                page,
                "/admin/invites",
                feedback,
                StatusCode::CREATED,
            )
            .await
        }
        Err(e) => {
            render_error(
                &state,
                page,
                "/admin/invites",
                e,
                None,
                vec![
                    ("email".into(), email),
                    ("role".into(), role),
                    ("send".into(), fields.get("send").to_owned()),
                ],
            )
            .await
        }
    }
}

/// The audit log as a CSV download, with the page's filter (a GET: it changes nothing but
/// the log's own record of the export).
pub async fn audit_csv(
    State(state): State<AppState>,
    page: PageRequest,
    filter: Result<Query<AuditFilterInput>, QueryRejection>,
) -> Response {
    let Ok(Query(filter)) = filter else {
        return error_page::response(
            StatusCode::BAD_REQUEST,
            "Could not export",
            "The filter in the address could not be read; go back to the audit page and export from there.",
        );
    };
    let actor = page.session().actor().cloned();
    match audit::export_csv(&state, actor.as_ref(), &filter).await {
        Ok(csv) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"caseroom-audit.csv\"",
                ),
                (header::CACHE_CONTROL, "no-store"),
            ],
            csv,
        )
            .into_response(),
        Err(e) => {
            e.log();
            let title = match e.status() {
                StatusCode::UNAUTHORIZED => "Please sign in",
                StatusCode::FORBIDDEN => "Not allowed",
                _ => "Could not export",
            };
            error_page::response(e.status(), title, &e.to_string())
        }
    }
}
