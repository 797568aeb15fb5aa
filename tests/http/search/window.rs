//! The rank window: a search ranks only the newest matches the reader may see
//! (`search_rank_window`, docs/SEARCH.md), says so, and reaches older cases through more words
//! or a filter. Cases hidden from the reader take no place in the window.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use super::*;
use crate::cases::{case_form, publish};

#[tokio::test]
async fn only_the_newest_matches_are_ranked_and_the_page_says_so() {
    let app = TestApp::spawn_with(&[("CASEROOM_SEARCH_RANK_WINDOW", "3")]).await;
    let (author, peer) = author_and_peer(&app).await;
    let (knows, _) = app
        .member_client("window.knows@clinic.example", &[Role::Clinician])
        .await;
    // The best match is the oldest: the word in its title and all through its body.
    let best = publish(
        &app,
        &author,
        &case_form(
            "Kinkajou kinkajou",
            &[
                ("modality", "act"),
                (
                    "situation",
                    "Kinkajou dreams, kinkajou drawings, a kinkajou every week.",
                ),
            ],
        ),
    )
    .await;
    let mut newer = Vec::new();
    for title in [
        "A quiet start",
        "A second quiet start",
        "A third quiet start",
    ] {
        let form = case_form(title, &[("situation", "Once she drew a kinkajou.")]);
        newer.push(publish(&app, &author, &form).await);
    }
    // The newest of all, which one reader said they may know: for that reader it is not in
    // the window at all, so the window still holds three cases they may see.
    let form = case_form(
        "A fourth quiet start",
        &[("situation", "A kinkajou again.")],
    );
    let recused = publish(&app, &author, &form).await;
    let res = app
        .post_form(
            &knows,
            &format!("/cases/{recused}/flag"),
            &[("kind", "may_know"), ("note", "")],
        )
        .await;
    assert!(res.status().is_redirection(), "{}", res.status());

    // The peer: the four newest are ranked, the oldest and best is beyond the window.
    let (status, page) = search(&app, &peer, "kinkajou", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let mut found = result_ids(&page);
    found.sort_unstable();
    assert_eq!(found, vec![newer[1], newer[2], recused]);
    assert!(page.contains("3 cases match."), "{page}");
    assert!(
        page.contains("Results are ranked among the newest 3 matching cases"),
        "{page}"
    );

    // The recused reader: the window is filled from the cases they may see.
    let (_, page) = search(&app, &knows, "kinkajou", &[]).await;
    let mut found = result_ids(&page);
    found.sort_unstable();
    assert_eq!(found, newer);
    assert!(!page.contains(&format!("/cases/{recused}\"")), "{page}");

    // More words or a filter reach the older case, and fewer matches than the window say
    // nothing about it.
    let (_, page) = search(&app, &peer, "kinkajou dreams", &[]).await;
    assert_eq!(result_ids(&page), vec![best]);
    assert!(!page.contains("ranked among the newest"), "{page}");
    let (_, page) = search(&app, &peer, "kinkajou", &[("modality", "act")]).await;
    assert_eq!(result_ids(&page), vec![best]);
}
