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

pub async fn set_roles(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    match admin::set_roles(&state, actor.as_ref(), UserId(id), &fields.all("role")).await {
        Ok(()) => see_other(&format!("/admin/users?notice=roles-saved#user-{id}"), None),
        Err(e) => {
            render_error(
                &state,
                page,
                "/admin/users",
                e,
                Some(format!("user-{id}")),
                vec![],
            )
            .await
        }
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
    match admin::set_disabled(&state, actor.as_ref(), UserId(id), disabled).await {
        Ok(()) => see_other(&format!("/admin/users?notice=status-saved#user-{id}"), None),
        Err(e) => {
            render_error(
                &state,
                page,
                "/admin/users",
                e,
                Some(format!("user-{id}")),
                vec![],
            )
            .await
        }
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
    match crate::server::services::erasure::erase_other(
        &state,
        actor.as_ref(),
        UserId(id),
        fields.get("posts"),
        fields.get("reason"),
    )
    .await
    {
        Ok(()) => see_other("/admin/users?notice=account-erased", None),
        Err(e) => {
            render_error(
                &state,
                page,
                "/admin/users",
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
