//! Search as a member uses it: what it finds and how it matches, the filters and pages, and
//! the answer to queries that cannot be searched for.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use super::*;
use crate::cases::{case_form, publish};

#[tokio::test]
async fn a_member_finds_a_case_by_words_from_its_body() {
    let app = TestApp::spawn().await;
    let (author, peer) = author_and_peer(&app).await;
    let grief = publish(
        &app,
        &author,
        &case_form(
            "Stuck after a sudden loss",
            &[(
                "situation",
                "An adolescent has been grieving since the spring and refuses school most mornings.",
            )],
        ),
    )
    .await;
    let rupture = publish(
        &app,
        &author,
        &case_form(
            "Rupture after I cancelled",
            &[(
                "situation",
                "A man in his 50s went quiet after I cancelled a session at short notice.",
            )],
        ),
    )
    .await;
    let reply = app
        .reply(
            &peer,
            rupture,
            "Sandtray work helped me once with a similar withdrawal.",
        )
        .await;

    // Stemming: "grieved" finds "grieving"; the snippet marks the word as it is written.
    let (status, page) = search(&app, &peer, "grieved", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(result_ids(&page), vec![grief]);
    assert!(page.contains("<mark>grieving</mark>"), "{page}");
    assert!(page.contains("1 case matches."), "{page}");
    // A phrase, in order; the same words out of order do not match it.
    assert_eq!(finds(&app, &peer, "\"refuses school\"").await, vec![grief]);
    assert!(finds(&app, &peer, "\"school refuses\"").await.is_empty());
    // A prefix, the title, and words from a reply (its link opens the reply).
    assert_eq!(finds(&app, &peer, "adolesc*").await, vec![grief]);
    assert_eq!(finds(&app, &peer, "rupture").await, vec![rupture]);
    let (_, page) = search(&app, &peer, "sandtray", &[]).await;
    assert_eq!(result_ids(&page), vec![rupture]);
    assert!(page.contains(&format!("/cases/{rupture}?reply={reply}#reply-{reply}")));
    assert!(page.contains("In a reply"), "{page}");
    // Every word must appear, and an excluded word keeps a case out.
    assert_eq!(finds(&app, &peer, "session").await, vec![rupture]);
    let mut both = finds(&app, &peer, "agrees").await;
    both.sort_unstable();
    assert_eq!(both, vec![grief, rupture], "both cases say she agrees");
    assert_eq!(finds(&app, &peer, "agrees -sandtray").await, vec![grief]);
    assert!(finds(&app, &peer, "grieving sandtray").await.is_empty());
    // Case does not matter.
    assert_eq!(finds(&app, &peer, "GRIEVING").await, vec![grief]);
    assert_index_in_step(&app).await;
}

#[tokio::test]
async fn filters_narrow_the_results_and_pages_hold_twenty() {
    let app = TestApp::spawn().await;
    let (author, peer) = author_and_peer(&app).await;
    let (supervisor, _) = app
        .member_client("sup@clinic.example", &[Role::Supervisor])
        .await;
    let mut ids = Vec::new();
    for i in 0..23 {
        let title = format!("Tapir case number {i}");
        let (modality, tag) = if i % 2 == 0 {
            ("cbt", "grief")
        } else {
            ("act", "anxiety")
        };
        let form = case_form(
            &title,
            &[("modality", modality), ("situation", "A tapirword story.")],
        );
        let mut form: Vec<(&str, &str)> = form.into_iter().filter(|(k, _)| *k != "tag").collect();
        form.push(("tag", tag));
        let client = if i < 20 { &author } else { &peer };
        ids.push(publish(&app, client, &form).await);
    }
    // One case brought a day (sessions would not last 23 days of the test clock).
    let db = app.db().await;
    for (i, id) in ids.iter().enumerate() {
        sqlx::query("update cases set created_at = $1 where id = $2")
            .bind(START + i as i64 * 86_400)
            .bind(id)
            .execute(&db)
            .await
            .expect("date");
    }
    db.close().await;
    let (_, page) = search(&app, &peer, "tapirword", &[]).await;
    assert_eq!(result_ids(&page).len(), 20);
    assert!(page.contains("23 cases match."), "{page}");
    assert!(page.contains("Page 1 of 2."), "{page}");
    assert!(page.contains("page=2"), "a link to the next page: {page}");
    let (_, page2) = search(&app, &peer, "tapirword", &[("page", "2")]).await;
    assert_eq!(result_ids(&page2).len(), 3);
    let mut all = result_ids(&page);
    all.extend(result_ids(&page2));
    all.sort_unstable();
    assert_eq!(all, ids, "two pages hold every result once");

    let count = |page: &str| result_ids(page).len();
    let (_, page) = search(&app, &peer, "tapirword", &[("modality", "act")]).await;
    assert_eq!(count(&page), 11);
    let (_, page) = search(&app, &peer, "tapirword", &[("tag", "grief")]).await;
    assert_eq!(count(&page), 12);
    let (_, page) = search(&app, &peer, "tapirword", &[("mine", "1")]).await;
    assert_eq!(count(&page), 3, "peer brought three");
    // Dates: the first day holds one case, the first three days three.
    let day = |i: i64| caseroom::ui::time::format_day(START + i * 86_400);
    let (_, page) = search(
        &app,
        &peer,
        "tapirword",
        &[("since", &day(0)), ("until", &day(0))],
    )
    .await;
    assert_eq!(result_ids(&page), vec![ids[0]]);
    let (_, page) = search(
        &app,
        &peer,
        "tapirword",
        &[("since", &day(0)), ("until", &day(2))],
    )
    .await;
    assert_eq!(count(&page), 3);
    // Supervisor feedback and unanswered.
    app.reply(&supervisor, ids[4], "A thought from supervision.")
        .await;
    let (_, page) = search(&app, &peer, "tapirword", &[("feedback", "1")]).await;
    assert_eq!(result_ids(&page), vec![ids[4]]);
    assert!(page.contains("Supervisor feedback"), "{page}");
    let (_, page) = search(&app, &peer, "tapirword", &[("unanswered", "1")]).await;
    assert_eq!(count(&page), 20, "22 unanswered, 20 on the first page");
    assert!(page.contains("22 cases match."), "{page}");
    // The filters are kept in the page links and the form.
    let (_, page) = search(&app, &peer, "tapirword", &[("modality", "cbt")]).await;
    assert!(page.contains("value=\"cbt\" selected"), "{page}");
    // The case list takes the new filters too.
    let (_, list) = app.get(&peer, "/cases?tag=anxiety").await;
    assert_eq!(result_ids(&list).len(), 11);
}

#[tokio::test]
async fn bad_queries_get_a_clear_answer_and_never_a_server_error() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(
        &app,
        &author,
        &case_form(
            "Quoted case",
            &[(
                "situation",
                "She said: cancel NEAR the end, then title:grief.",
            )],
        ),
    )
    .await;
    // No query: the page with its form, no search.
    let (status, page) = app.get(&author, "/search").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Type a few words"), "{page}");
    let (status, _) = search(&app, &author, "   ", &[]).await;
    assert_eq!(status, StatusCode::OK);

    // Too long: refused before the database, with the limit.
    let long = "grief ".repeat(2_000);
    let (status, page) = search(&app, &author, &long, &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("at most 200 characters"), "{page}");
    // Only operators, or only common words: a message.
    for q in [
        "\"",
        "*",
        "-",
        ":",
        "\" * - : ( ) ^",
        "the and of",
        "-grief",
        "AND OR NOT",
    ] {
        let (status, page) = search(&app, &author, q, &[]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{q:?}");
        assert!(page.contains("Add a word to look for"), "{q:?}: {page}");
    }
    // Operators inside words are words; unbalanced quotes and SQL are plain words.
    assert_eq!(finds(&app, &author, "title:grief").await, vec![id]);
    assert_eq!(finds(&app, &author, "NEAR(cancel").await, vec![id]);
    assert_eq!(finds(&app, &author, "\"cancel near").await, vec![id]);
    for q in [
        "'; drop table cases; --",
        "grief') or 1=1 --",
        "\" OR \"\"=\"",
        "x\" NOT \"y",
        "grief:*",
        "!grief & |",
        "{grief}",
        "%_%",
        "\\",
    ] {
        let (status, page) = search(&app, &author, q, &[]).await;
        assert!(
            status == StatusCode::OK || status == StatusCode::BAD_REQUEST,
            "{q:?}: {status}"
        );
        assert!(!page.contains("Something went wrong"), "{q:?}: {page}");
    }
    // Invalid UTF-8 and odd page numbers.
    for path in [
        "/search?q=%FF%FE",
        "/search?q=gr%C3ief",
        "/search?q=grief&page=0",
        "/search?q=grief&page=-1",
        "/search?q=grief&page=abc",
        "/search?q=grief&page=99999999999999999999",
        "/search?q=grief&page=51",
        "/search?q=grief&since=2027-02-30&tag=nonsense&modality=%00",
    ] {
        let (status, page) = app.get(&author, path).await;
        assert!(
            status == StatusCode::OK || status == StatusCode::BAD_REQUEST,
            "{path}: {status} {page}"
        );
    }
    let (status, page) = app.get(&author, "/search?q=grief&page=51").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("page 50 at most"), "{page}");
    // A page past the last says so.
    let (status, page) = search(&app, &author, "grief", &[("page", "3")]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("results end sooner"), "{page}");
    // A visitor is asked to sign in.
    let (status, _) = search(&app, &app.client(), "grief", &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_title_outranks_a_reply_and_equal_matches_go_newest_first() {
    let app = TestApp::spawn().await;
    let (author, peer) = author_and_peer(&app).await;
    let in_title = publish(&app, &author, &case_form("The marmoset question", &[])).await;
    let in_reply = publish(&app, &author, &case_form("Another question", &[])).await;
    app.reply(&peer, in_reply, "A marmoset came up in my own work too.")
        .await;
    assert_eq!(
        finds(&app, &peer, "marmoset").await,
        vec![in_title, in_reply]
    );
    // Two cases with the same text rank the same: the newer comes first.
    let form = case_form("Twin case", &[("situation", "The ocelotword twin.")]);
    let older = publish(&app, &author, &form).await;
    let newer = publish(&app, &author, &form).await;
    assert_eq!(finds(&app, &peer, "ocelotword").await, vec![newer, older]);
}
