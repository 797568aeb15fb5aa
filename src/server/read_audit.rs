//! Who read which case, recorded once per request and only when the answer was a success (a
//! refused or failed read was not a read).
//!
//! - The case page, `GET /cases/{id}`: the page may run its data loading more than once, and
//!   not always where a request-scoped note would see it, so the layer goes by the request
//!   itself. The page answers 200 only when the policy let the reader see the case (refusals
//!   set 401, 403 or 404 before the response starts), and Leptos sets the status of these
//!   pages only after their data has loaded.
//! - The `get_case` server function, called directly: it notes the case in a set that lives
//!   as long as the request, and the layer writes what was noted.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use axum::extract::{Request, State};
use axum::http::Method;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use leptos::prelude::use_context;

use crate::domain::policy::Actor;
use crate::domain::role::Role;
use crate::model::CaseId;
use crate::server::auth::session::CurrentSession;
use crate::server::error::AppError;
use crate::server::state::AppState;

/// The cases read while answering one request.
#[derive(Clone, Default)]
pub struct CaseReads(Arc<Mutex<BTreeSet<i64>>>);

/// Notes that the current request read `case`; only a direct call of the server function
/// carries the set (see the module comment).
pub fn note_case_read(case: CaseId) {
    if let Some(reads) =
        use_context::<Parts>().and_then(|p| p.extensions.get::<CaseReads>().cloned())
    {
        reads
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(case.0);
    }
}

/// The case id of a case page or review page address, `/cases/{id}` or `/review/{id}`.
fn case_page(req: &Request) -> Option<i64> {
    if req.method() != Method::GET {
        return None;
    }
    let path = req.uri().path();
    let id = path
        .strip_prefix("/cases/")
        .or_else(|| path.strip_prefix("/review/"))?;
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    id.parse().ok()
}

pub async fn record_case_reads(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let page = case_page(&req);
    let api = ["/api/get_case", "/api/get_review"]
        .iter()
        .any(|p| req.uri().path().starts_with(p));
    if page.is_none() && !api {
        return next.run(req).await;
    }
    let reads = CaseReads::default();
    if api {
        req.extensions_mut().insert(reads.clone());
    }
    let reader = req
        .extensions()
        .get::<CurrentSession>()
        .and_then(|s| s.actor().cloned());
    let response = next.run(req).await;
    let mut cases = std::mem::take(&mut *reads.0.lock().unwrap_or_else(|p| p.into_inner()));
    cases.extend(page);
    if let Some(reader) = reader
        && response.status().is_success()
    {
        for case in cases {
            let unpublished = moderator_reads_unpublished(&state, &reader, CaseId(case)).await;
            if let Err(e) = state
                .store
                .record_case_view(state.clock.now(), reader.user_id, CaseId(case), unpublished)
                .await
            {
                // A case is shown only with its read on record: the page is withheld.
                tracing::error!(case.id = case, error = %e, "case read not written to the audit log; page withheld");
                let e = AppError::Unavailable;
                return crate::server::error_page::response(
                    e.status(),
                    "Try again in a minute",
                    &e.to_string(),
                );
            }
        }
    }
    response
}

/// Whether this is a moderator (or admin) reading a case still in review, which the audit log
/// records as its own action. Only their reads cost the extra lookup: other readers can only
/// read published cases, or their own.
async fn moderator_reads_unpublished(state: &AppState, reader: &Actor, case: CaseId) -> bool {
    if !(reader.has(Role::Moderator) || reader.has(Role::Admin)) {
        return false;
    }
    match state.store.case_review_state(case).await {
        Ok(review) => review.is_some_and(|r| !r.is_published()),
        Err(e) => {
            tracing::error!(case.id = case.0, error = %e, "review state not read for the audit log");
            // Recorded as the stricter of the two.
            true
        }
    }
}
