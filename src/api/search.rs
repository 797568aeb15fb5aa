use leptos::prelude::*;

use crate::model::{ApiError, CaseFilter, SearchResults};

/// One page of search results for the signed-in member.
#[server]
pub async fn search_cases(
    q: String,
    filter: CaseFilter,
    page: i64,
) -> Result<SearchResults, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    let session = current_session();
    Ok(crate::server::services::search::search(&state, session.actor(), &q, &filter, page).await?)
}
