//! Search results as a page shows them.

use serde::{Deserialize, Serialize};

use super::CaseSummary;

/// One case that matched, with a snippet of where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResult {
    pub case: CaseSummary,
    /// Where the snippet comes from: the case itself or one of its replies.
    pub href: String,
    pub in_reply: bool,
    /// The snippet's pieces in order; `true` marks a searched-for word. Plain text: the page
    /// escapes it like any other text.
    pub snippet: Vec<(String, bool)>,
    pub cut_before: bool,
    pub cut_after: bool,
}

/// A page of search results.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    pub results: Vec<SearchResult>,
    /// How many cases matched, among those the searcher may see; counting stops past 1,000.
    pub total: i64,
    /// Set when the search matched at least this many cases: only the newest this many were
    /// ranked (the server's `search_rank_window`), and the page says so.
    pub ranked_among: Option<i64>,
    /// This page, from 1.
    pub page: i64,
    pub pages: i64,
}
