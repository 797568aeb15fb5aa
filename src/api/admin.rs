use leptos::prelude::*;

use crate::model::{ApiError, FailedMailView, InviteList, MemberList};

/// A page of members whose name or email holds `words` (every member without).
#[server]
pub async fn list_users(words: Option<String>, page: Option<u32>) -> Result<MemberList, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    let session = current_session();
    Ok(crate::server::services::admin::list_users(
        &state,
        session.actor(),
        words.as_deref().unwrap_or(""),
        page.unwrap_or(1),
    )
    .await?)
}

#[server]
pub async fn list_invites() -> Result<InviteList, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    let session = current_session();
    Ok(crate::server::services::admin::list_invites(&state, session.actor()).await?)
}

#[server]
pub async fn audit_page(
    filter: crate::model::AuditFilterInput,
) -> Result<crate::model::AuditPage, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    let session = current_session();
    Ok(crate::server::services::audit::page(&state, session.actor(), &filter).await?)
}

/// The messages that could not be sent, for admins.
#[server]
pub async fn list_failed_mail() -> Result<Vec<FailedMailView>, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    let session = current_session();
    Ok(crate::server::services::admin::failed_mail(&state, session.actor()).await?)
}
