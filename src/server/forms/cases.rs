//! Form endpoints for writing cases and replies, helpful marks and notifications.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{Fields, PageRequest, render_error, render_error_with, render_page, see_other};
use crate::domain::case::{CaseInput, SECTIONS};
use crate::model::{CaseId, DraftFields, ReplyId, reply_href, reply_href_with_notice};
use crate::server::error::AppError;
use crate::server::gate::{combination_of_draft, explanations_from, scan_field};
use crate::server::rate_limit::RateKind;
use crate::server::services::cases::{CaseSubmission, Editor};
use crate::server::services::{cases, drafts, notifications, replies, screening};
use crate::server::state::AppState;
use crate::ui::form_feedback::FormFeedback;

/// The compose and edit forms share their fields.
fn case_input(fields: &Fields) -> CaseInput {
    CaseInput {
        title: fields.get("title").to_owned(),
        age_band: fields.get("age_band").to_owned(),
        setting: fields.get("setting").to_owned(),
        modality: fields.get("modality").to_owned(),
        sessions: fields.get("sessions").to_owned(),
        tags: fields.all("tag"),
        sections: SECTIONS
            .iter()
            .map(|s| (s.key.to_owned(), fields.get(s.key).to_owned()))
            .collect(),
        anonymous: fields.get("anonymous") == "on",
    }
}

/// Everything the compose and edit forms send besides the intent.
fn submission(fields: &Fields) -> CaseSubmission {
    CaseSubmission {
        input: case_input(fields),
        supervisor: fields.get("supervisor").to_owned(),
        audience: fields.get("audience").to_owned(),
        explanations: explanations_from(fields.values()),
        confirmed: fields.all("confirm"),
        disguise: fields.get("disguise").to_owned(),
        base_revision: fields.get("revision").parse().ok(),
    }
}

/// *Preview* re-renders the form with the cooked sections and everything typed; *Submit* puts
/// the case in the review queue.
pub async fn compose(State(state): State<AppState>, page: PageRequest, fields: Fields) -> Response {
    let actor = page.session().actor().cloned();
    let submission = submission(&fields);
    let intent = fields.get("intent").to_owned();
    // Empty from a form without the choice: the forum's period.
    let keep_for = match fields.get("keep_for") {
        "" => "forum".to_owned(),
        k => k.to_owned(),
    };
    // The saved draft this composer was opened from, if any.
    let draft = fields.get("draft").parse::<i64>().ok().filter(|d| *d > 0);
    let values = fields.into_values();
    let input = &submission.input;
    if let Err(e) = page.rate(&state, post_kind(&intent)) {
        return render_error(&state, page, "/cases/new", e, None, values).await;
    }
    match intent.as_str() {
        "preview" => return preview(&state, page, "/cases/new", input, values).await,
        "check" => return check(&state, page, "/cases/new", input, values).await,
        "draft" => {
            let fields = DraftFields {
                input: input.clone(),
                supervisor: submission.supervisor.clone(),
                audience: submission.audience.clone(),
                keep_for,
            };
            return match drafts::save(&state, actor.as_ref(), draft, &fields).await {
                Ok(id) => see_other(&format!("/cases/new?draft={id}&notice=draft-saved"), None),
                Err(e) => render_error(&state, page, "/cases/new", e, None, values).await,
            };
        }
        _ => {}
    }
    match cases::submit_case(&state, actor.as_ref(), &submission, &keep_for).await {
        Ok(id) => {
            if let (Some(draft), Some(actor)) = (draft, actor.as_ref())
                && let Err(e) = drafts::submitted(&state, actor, draft).await
            {
                // The case is in; a draft left behind is deleted by hand or expires.
                e.log();
            }
            see_other(&format!("/cases/{id}?notice=submitted"), None)
        }
        Err(e) => refused(&state, page, "/cases/new", e, input, values).await,
    }
}

/// The member deletes a saved draft, from "My cases".
pub async fn delete_draft(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
) -> Response {
    let actor = page.session().actor().cloned();
    match drafts::delete(&state, actor.as_ref(), id).await {
        Ok(()) => see_other("/cases/mine?notice=draft-deleted", None),
        Err(e) => render_error(&state, page, "/cases/mine", e, None, vec![]).await,
    }
}

pub async fn edit(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let submission = submission(&fields);
    let intent = fields.get("intent").to_owned();
    let values = fields.into_values();
    let path = format!("/cases/{id}/edit");
    let input = &submission.input;
    if let Err(e) = page.rate(&state, post_kind(&intent)) {
        return render_error(&state, page, &path, e, None, values).await;
    }
    match intent.as_str() {
        "preview" => return preview(&state, page, &path, input, values).await,
        "check" => return check(&state, page, &path, input, values).await,
        _ => {}
    }
    match cases::update_case(&state, actor.as_ref(), CaseId(id), &submission).await {
        Ok(Editor::Author) => see_other(&format!("/cases/{id}?notice=resubmitted"), None),
        Ok(Editor::Moderator) => see_other(&format!("/review/{id}?notice=moderator-edited"), None),
        Err(e) => refused(&state, page, &path, e, input, values).await,
    }
}

/// A submission the gate or the form checks sent back: the form again with what to fix. When
/// the author is to fix the text (422), the combination warning comes too, as *Check* shows it,
/// so it is in front of them while they edit; it is never why a case is refused.
async fn refused(
    state: &AppState,
    page: PageRequest,
    path: &str,
    error: AppError,
    input: &CaseInput,
    values: Vec<(String, String)>,
) -> Response {
    let combination = (error.status() == StatusCode::UNPROCESSABLE_ENTITY)
        .then(|| combination_of_draft(input))
        .flatten();
    let feedback = FormFeedback {
        values,
        combination,
        ..FormFeedback::default()
    };
    render_error_with(state, page, path, error, feedback).await
}

/// What a press of the composer's buttons counts as: an edit is limited like a new case.
fn post_kind(intent: &str) -> RateKind {
    match intent {
        "preview" => RateKind::Preview,
        "check" => RateKind::Scan,
        // Saving a draft publishes nothing: limited like a preview.
        "draft" => RateKind::Preview,
        _ => RateKind::Case,
    }
}

/// *Check* (the no-JavaScript path): the form again, with every finding highlighted in place
/// and, when the case's details together may single out one person, that warning.
async fn check(
    state: &AppState,
    page: PageRequest,
    path: &str,
    input: &CaseInput,
    values: Vec<(String, String)>,
) -> Response {
    let checked = match screening::check_case(page.session().actor(), input) {
        Ok(c) => c,
        Err(e) => return render_error(state, page, path, e, None, values).await,
    };
    let feedback = FormFeedback {
        values,
        scan: Some(checked.scans),
        combination: checked.combination,
        ..FormFeedback::default()
    };
    render_page(state, page, path, feedback, StatusCode::OK).await
}

async fn preview(
    state: &AppState,
    page: PageRequest,
    path: &str,
    input: &CaseInput,
    values: Vec<(String, String)>,
) -> Response {
    match cases::preview(input) {
        Ok(sections) => {
            let feedback = FormFeedback {
                values,
                preview: Some(sections),
                ..FormFeedback::default()
            };
            render_page(state, page, path, feedback, StatusCode::OK).await
        }
        Err(e) => render_error(state, page, path, e, None, values).await,
    }
}

pub async fn reply(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let body = fields.get("body").to_owned();
    let posted = match page.rate(&state, RateKind::Reply) {
        Ok(()) => replies::create_reply(&state, actor.as_ref(), CaseId(id), &body).await,
        Err(e) => Err(e),
    };
    match posted {
        Ok(posted) if posted.held => see_other(
            &reply_href_with_notice(CaseId(id), posted.id, "reply-held"),
            None,
        ),
        Ok(posted) => see_other(&reply_href(CaseId(id), posted.id), None),
        Err(e) => {
            let path = format!("/cases/{id}");
            render_error(
                &state,
                page,
                &path,
                e,
                Some("reply".into()),
                vec![("body".into(), body)],
            )
            .await
        }
    }
}

pub async fn edit_reply(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let body = fields.get("body").to_owned();
    let edited = match page.rate(&state, RateKind::Reply) {
        Ok(()) => replies::edit_reply(&state, actor.as_ref(), ReplyId(id), &body).await,
        Err(e) => Err(e),
    };
    match edited {
        Ok(case) => see_other(&reply_href(case, ReplyId(id)), None),
        Err(e) => {
            let path = format!("/replies/{id}/edit");
            render_error(&state, page, &path, e, None, vec![("body".into(), body)]).await
        }
    }
}

pub async fn helpful(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let helpful = fields.get("helpful") == "true";
    match replies::set_helpful(&state, actor.as_ref(), ReplyId(id), helpful).await {
        Ok(case) => see_other(&reply_href(case, ReplyId(id)), None),
        Err(e) => render_error(&state, page, "/cases", e, None, vec![]).await,
    }
}

/// One notification marked read (`/notifications/{id}/read`); back to the page it was on
/// (`before`, a number, or the first page).
pub async fn notification_read(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    let actor = page.session().actor().cloned();
    let back = match fields.get("before").parse::<i64>() {
        Ok(before) => format!("/notifications?before={before}"),
        Err(_) => "/notifications".to_owned(),
    };
    match notifications::mark_notification_read(&state, actor.as_ref(), id).await {
        Ok(()) => see_other(&back, None),
        Err(e) => render_error(&state, page, &back, e, None, vec![]).await,
    }
}

pub async fn notifications_read(State(state): State<AppState>, page: PageRequest) -> Response {
    let actor = page.session().actor().cloned();
    match notifications::mark_notifications_read(&state, actor.as_ref()).await {
        Ok(()) => see_other("/notifications", None),
        Err(e) => render_error(&state, page, "/notifications", e, None, vec![]).await,
    }
}

/// The findings of the live check as HTML, rendered by the same component as the *Check* page.
fn live_check(scan: crate::model::FieldScan) -> String {
    use leptos::prelude::*;

    use crate::ui::case::ScanReport;

    let scans = if scan.findings.is_empty() {
        Vec::new()
    } else {
        vec![scan]
    };
    Owner::new().with(|| view! { <ScanReport scans=scans explain=false/> }.to_html())
}

/// The composer's live preview: cooks one text with the publishing cook function and answers the
/// HTML itself. Nothing is stored; the policy still decides who may use it.
pub async fn preview_text(
    State(state): State<AppState>,
    page: PageRequest,
    fields: Fields,
) -> Response {
    use axum::http::{HeaderValue, header};
    use axum::response::IntoResponse as _;

    use crate::domain::policy::{Action, Target, can};

    let text = fields.get("text");
    let result = can(page.session().actor(), Action::CreateCase, Target::Site)
        .map_err(AppError::from)
        .and_then(|()| page.rate(&state, RateKind::Preview))
        .and_then(|()| screening::check_length(text))
        .and_then(|()| {
            crate::server::render::cook(text).map_err(|e| AppError::Invalid(e.to_string()))
        });
    let (status, content_type, body) = match result {
        Ok(html) => (
            StatusCode::OK,
            "text/html; charset=utf-8",
            live_check(scan_field("draft", "This field", text)) + html.as_str(),
        ),
        Err(e) => {
            e.log();
            (e.status(), "text/plain; charset=utf-8", e.to_string())
        }
    };
    let mut res = (status, body).into_response();
    res.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    res
}
