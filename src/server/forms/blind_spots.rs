//! "My blind spots" as a Markdown file (a GET: it changes nothing).

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::PageRequest;
use crate::server::error_page;
use crate::server::services::blind_spots;
use crate::server::state::AppState;

pub async fn markdown(State(state): State<AppState>, page: PageRequest) -> Response {
    let actor = page.session().actor().cloned();
    match blind_spots::markdown(&state, actor.as_ref()).await {
        Ok(text) => (
            [
                (header::CONTENT_TYPE, "text/markdown; charset=utf-8"),
                (
                    header::CONTENT_DISPOSITION,
                    "attachment; filename=\"caseroom-my-blind-spots.md\"",
                ),
                (header::CACHE_CONTROL, "no-store"),
            ],
            text,
        )
            .into_response(),
        Err(e) => {
            e.log();
            let title = match e.status() {
                StatusCode::UNAUTHORIZED => "Please sign in",
                _ => "Could not export",
            };
            error_page::response(e.status(), title, &e.to_string())
        }
    }
}
