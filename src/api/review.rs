use leptos::prelude::*;

use crate::model::{
    ApiError, CaseId, ReplyId, ReplyReviewView, ReplyToFlag, ReviewQueue, ReviewView,
};

#[server]
pub async fn get_review_queue() -> Result<ReviewQueue, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    Ok(crate::server::services::review::queue(&state, current_session().actor()).await?)
}

/// How many cases wait for review: a number for moderators and admins, `None` for others.
#[server]
pub async fn count_review_queue() -> Result<Option<i64>, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    Ok(crate::server::services::review::pending_count(&state, current_session().actor()).await?)
}

#[server]
pub async fn get_review(id: CaseId) -> Result<ReviewView, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    let review =
        crate::server::services::review::review_page(&state, current_session().actor(), id).await?;
    crate::server::read_audit::note_case_read(id);
    Ok(review)
}

#[server]
pub async fn get_reply_review(id: ReplyId) -> Result<ReplyReviewView, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    Ok(crate::server::services::reply_review::page(&state, current_session().actor(), id).await?)
}

#[server]
pub async fn get_reply_to_flag(id: ReplyId) -> Result<ReplyToFlag, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    Ok(
        crate::server::services::flags::reply_to_flag(&state, current_session().actor(), id)
            .await?,
    )
}
