//! Search over HTTP, as a member uses it with JavaScript off (a GET form): what it finds, how it
//! matches, and that it never finds what the searcher may not see or what is not published.
//! The same tests run on PostgreSQL under the test command.

use reqwest::{Client, StatusCode};

use crate::support::*;

mod finding;
mod index;
mod privacy;
mod window;

/// The search page for `q` (and more query pairs), as the member's browser asks for it.
pub(crate) async fn search(
    app: &TestApp,
    client: &Client,
    q: &str,
    more: &[(&str, &str)],
) -> (StatusCode, String) {
    let mut pairs = vec![("q", q)];
    pairs.extend_from_slice(more);
    let res = client
        .get(app.url("/search"))
        .query(&pairs)
        .send()
        .await
        .expect("search request");
    let status = res.status();
    (status, res.text().await.expect("body"))
}

/// The case ids of the results on a page, in order.
pub(crate) fn result_ids(page: &str) -> Vec<i64> {
    page.split("class=\"case-item panel\"")
        .skip(1)
        .filter_map(|item| {
            let rest = item.split("href=\"/cases/").nth(1)?;
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect()
}

/// The ids `q` finds for this member, asserting the page answered 200.
pub(crate) async fn finds(app: &TestApp, client: &Client, q: &str) -> Vec<i64> {
    let (status, page) = search(app, client, q, &[]).await;
    assert_eq!(status, StatusCode::OK, "search {q:?}: {page}");
    result_ids(&page)
}

/// Two signed-in clinicians: one who brings cases and one who searches.
pub(crate) async fn author_and_peer(app: &TestApp) -> (Client, Client) {
    let (author, _) = app
        .member_client(
            "author@clinic.example",
            &[caseroom::domain::role::Role::Clinician],
        )
        .await;
    let (peer, _) = app
        .member_client(
            "peer@clinic.example",
            &[caseroom::domain::role::Role::Clinician],
        )
        .await;
    (author, peer)
}

pub(crate) async fn assert_index_in_step(app: &TestApp) {
    let drift = app.state.store.search_index_drift().await.expect("drift");
    assert!(drift.is_clean(), "the index is out of step: {drift:?}");
}
