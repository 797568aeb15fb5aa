//! Search as a member uses it: the query parsed and refused with a reason before any SQL, one
//! page of the cases they may see, each shown as the case list shows it (the author as this
//! reader may see them) with a snippet of the published text that matched. Nothing here logs
//! or stores what was searched for.

use crate::domain::policy::{Action, Actor, Target, can};
use crate::domain::search::{SearchQuery, Snippet, snippet};
use crate::model::{CaseFilter, ReplyId, SearchResult, SearchResults, reply_href};
use crate::server::error::AppError;
use crate::server::render::reading;
use crate::server::services::access::signed_in;
use crate::server::services::case_views::summary;
use crate::server::state::AppState;
use crate::server::store::case_body;

/// Results on one page.
pub const PER_PAGE: i64 = 20;
/// The deepest page offered: past a thousand results, a narrower search serves better.
pub const MAX_PAGE: i64 = 50;

pub async fn search(
    state: &AppState,
    actor: Option<&Actor>,
    query: &str,
    filter: &CaseFilter,
    page: i64,
) -> Result<SearchResults, AppError> {
    can(actor, Action::ViewCase, Target::Site)?;
    let actor = signed_in(actor)?;
    // The search page before anything was typed: no search, and page 0 says so.
    if query.trim().is_empty() {
        return Ok(SearchResults::default());
    }
    let parsed = SearchQuery::parse(query).map_err(|e| AppError::BadRequest(e.to_string()))?;
    if !(1..=MAX_PAGE).contains(&page) {
        return Err(AppError::BadRequest(format!(
            "Results go to page {MAX_PAGE} at most; add a word or a filter to narrow them."
        )));
    }
    let found = state
        .store
        .search(
            &parsed,
            filter,
            actor,
            state.config.search_rank_window,
            (page - 1) * PER_PAGE,
            PER_PAGE,
        )
        .await?;
    let mut rows = state.store.find_cases(&found.cases, actor).await?;
    // A case that left the reader's view between the reads is left out.
    let shown: Vec<_> = found
        .cases
        .iter()
        .copied()
        .filter(|id| rows.iter().any(|r| r.id == *id))
        .collect();
    // Each snippet comes from the case's own text, or from the first reply that shows more of
    // the searched-for terms; replies are read only for cases whose own text lacks some.
    let all = parsed.include.len();
    let mut sections = state.store.hit_sections(&shown, actor).await?;
    let mut cuts: Vec<(Snippet, Option<ReplyId>)> = shown
        .iter()
        .map(|id| {
            let text = case_body(sections.remove(id).unwrap_or_default());
            (snippet(&text, &parsed), None)
        })
        .collect();
    let short: Vec<_> = shown
        .iter()
        .zip(&cuts)
        .filter(|(_, (cut, _))| cut.terms < all)
        .map(|(id, _)| *id)
        .collect();
    let mut replies = state.store.hit_replies(&short, actor).await?;
    for (id, best) in shown.iter().zip(cuts.iter_mut()) {
        for (reply, body) in replies.remove(id).unwrap_or_default() {
            if best.0.terms >= all {
                break;
            }
            let cut = snippet(reading(&body).text(), &parsed);
            if cut.terms > best.0.terms {
                *best = (cut, Some(reply));
            }
        }
    }
    let mut results = Vec::with_capacity(shown.len());
    for (case, (cut, reply)) in shown.into_iter().zip(cuts) {
        let Some(at) = rows.iter().position(|r| r.id == case) else {
            continue;
        };
        let row = rows.swap_remove(at);
        results.push(SearchResult {
            href: match reply {
                Some(reply) => reply_href(case, reply),
                None => format!("/cases/{case}"),
            },
            in_reply: reply.is_some(),
            case: summary(actor, row),
            snippet: cut.pieces,
            cut_before: cut.cut_before,
            cut_after: cut.cut_after,
        });
    }
    let pages = ((found.total + PER_PAGE - 1) / PER_PAGE).clamp(1, MAX_PAGE);
    Ok(SearchResults {
        results,
        total: found.total,
        ranked_among: found.window_full.then_some(state.config.search_rank_window),
        page,
        pages,
    })
}
