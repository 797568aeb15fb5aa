use leptos::prelude::*;

use crate::model::{
    ApiError, CaseFilter, CaseId, CasePage, CaseSource, CaseView, FollowUpSource, NotificationPage,
    ReplyId, ReplyPageRequest, RevisionView, SupervisorOption,
};

#[server]
pub async fn list_cases(filter: CaseFilter, cursor: Option<String>) -> Result<CasePage, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    let session = current_session();
    Ok(crate::server::services::case_views::list_cases(
        &state,
        session.actor(),
        &filter,
        cursor.as_deref(),
    )
    .await?)
}

#[server]
pub async fn get_case(
    id: CaseId,
    #[server(default)] at: ReplyPageRequest,
) -> Result<CaseView, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    let case =
        crate::server::services::case_views::get_case(&state, current_session().actor(), id, at)
            .await?;
    crate::server::read_audit::note_case_read(id);
    Ok(case)
}

#[server]
pub async fn get_case_source(id: CaseId) -> Result<CaseSource, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    Ok(
        crate::server::services::case_views::get_case_source(&state, current_session().actor(), id)
            .await?,
    )
}

#[server]
pub async fn list_supervisors() -> Result<Vec<SupervisorOption>, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    Ok(crate::server::services::cases::list_supervisors(&state, current_session().actor()).await?)
}

/// The reply's case and Markdown, for its author's edit form.
#[server]
pub async fn get_reply_source(id: ReplyId) -> Result<(CaseId, String), ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    Ok(
        crate::server::services::replies::get_reply_source(&state, current_session().actor(), id)
            .await?,
    )
}

/// A page of notifications, older than `before` (the newest page without it).
#[server]
pub async fn list_notifications(before: Option<i64>) -> Result<NotificationPage, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    Ok(crate::server::services::notifications::notifications(
        &state,
        current_session().actor(),
        before,
    )
    .await?)
}

#[server]
pub async fn count_unread_notifications() -> Result<i64, ApiError> {
    let session = crate::server::context::current_session();
    Ok(crate::server::services::notifications::unread_count(
        &session,
    )?)
}

#[server]
pub async fn list_revisions(id: CaseId) -> Result<Vec<RevisionView>, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    Ok(
        crate::server::services::case_views::revisions(&state, current_session().actor(), id)
            .await?,
    )
}

/// The case's current follow-up, for its author's follow-up form.
#[server]
pub async fn get_follow_up_source(id: CaseId) -> Result<FollowUpSource, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    Ok(
        crate::server::services::case_state::follow_up_source(
            &state,
            current_session().actor(),
            id,
        )
        .await?,
    )
}

/// One of the member's saved drafts, for the composer.
#[server]
pub async fn get_draft(id: i64) -> Result<crate::model::DraftView, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    Ok(crate::server::services::drafts::get(&state, current_session().actor(), id).await?)
}

/// The member's saved drafts, for "My cases".
#[server]
pub async fn list_drafts() -> Result<Vec<crate::model::DraftSummary>, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    Ok(crate::server::services::drafts::list(&state, current_session().actor()).await?)
}

/// "My blind spots": the member's own cases and what recurs in them.
#[server]
pub async fn get_blind_spots() -> Result<crate::model::BlindSpotsView, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    Ok(crate::server::services::blind_spots::overview(&state, current_session().actor()).await?)
}
