//! Saved drafts of a case (issue 19): private to their author, never scanned for anyone else
//! nor queued, picked up again in the composer, deleted when submitted, by hand or after 180
//! days unsaved.

use caseroom::domain::role::Role;
use caseroom::server::export::zip::read_for_tests;
use caseroom::server::services::retention::run_once;
use leptos::server_fn::ServerFn as _;
use reqwest::StatusCode;

use crate::cases::case_form;
use crate::support::*;

/// Saves the form as a draft; the draft's id from the redirect.
async fn save(app: &TestApp, client: &reqwest::Client, form: &[(&str, &str)]) -> i64 {
    let mut form = form.to_vec();
    form.retain(|(k, _)| *k != "intent");
    form.push(("intent", "draft"));
    let res = app.post_form(client, "/cases/new", &form).await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap_or_default()
    );
    let to = location(&res);
    to.trim_start_matches("/cases/new?draft=")
        .trim_end_matches("&notice=draft-saved")
        .parse()
        .unwrap_or_else(|_| panic!("draft id in {to}"))
}

#[tokio::test]
async fn a_draft_is_its_authors_alone_until_it_is_submitted() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    // Unfinished, and with what the scanner would stop a case for: a draft keeps it.
    let id = save(
        &app,
        &author,
        &[
            ("title", "Qdftitle half written"),
            (
                "situation",
                "Qdfsituation: Mrs Jane Doe, seen at 12 High Street.",
            ),
            ("keep_for", "1y"),
            ("tag", "anxiety"),
        ],
    )
    .await;
    let composer = format!("/cases/new?draft={id}");
    let (status, page) = app.get(&author, &composer).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains(r#"value="Qdftitle half written""#)
            && page.contains("Qdfsituation: Mrs Jane Doe")
            && page.contains(&format!(r#"name="draft" value="{id}""#))
            && page.contains(r#"<option value="1y" selected"#),
        "{page}"
    );
    let (_, mine) = app.get(&author, "/cases/mine").await;
    assert!(
        mine.contains("Qdftitle half written") && mine.contains(&composer),
        "{mine}"
    );

    // Nobody else: not a peer, not a moderator, not the queue, not search.
    let moderator = app.moderator().await;
    for client in [&peer, moderator] {
        let (status, page) = app.get(client, &composer).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(!page.contains("Qdf"), "{page}");
        let (status, body) = app
            .server_fn(
                client,
                caseroom::api::cases::GetDraft::PATH,
                format!("id={id}"),
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(!body.contains("Qdf"), "{body}");
        let (_, mine) = app.get(client, "/cases/mine").await;
        assert!(!mine.contains("Qdf"), "{mine}");
    }
    let (_, queue) = app.get(moderator, "/review").await;
    assert!(!queue.contains("Qdf"), "{queue}");
    let (_, found) = app.get(&author, "/search?q=Qdftitle").await;
    assert!(!found.contains("Qdftitle half"), "{found}");
    // Another member cannot save over it.
    let draft = id.to_string();
    let res = app
        .post_form(
            &peer,
            "/cases/new",
            &[
                ("title", "Qdfhijack"),
                ("intent", "draft"),
                ("draft", &draft),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let (_, page) = app.get(&author, &composer).await;
    assert!(page.contains("Qdftitle half written") && !page.contains("Qdfhijack"));

    // Saved again: the same draft, changed.
    let again = save(
        &app,
        &author,
        &[("title", "Qdftitle second version"), ("draft", &draft)],
    )
    .await;
    assert_eq!(again, id);
    let (_, mine) = app.get(&author, "/cases/mine").await;
    assert!(mine.contains("Qdftitle second version") && !mine.contains("half written"));

    // Submitted from the composer: the case is in review, the draft is gone.
    let mut form = case_form("Qdfcase from a draft", &[]);
    form.push(("draft", &draft));
    let res = app.post_form(&author, "/cases/new", &form).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).ends_with("?notice=submitted"));
    let (_, mine) = app.get(&author, "/cases/mine").await;
    assert!(
        !mine.contains("Qdftitle") && mine.contains("Qdfcase from a draft"),
        "{mine}"
    );
    assert_eq!(app.get(&author, &composer).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn drafts_are_refused_clearly_deleted_by_hand_and_expire() {
    let app = TestApp::spawn().await;
    let (author, author_id) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    // Nothing to keep, too long, a control character: the form again with what was typed.
    let res = app
        .post_form(
            &author,
            "/cases/new",
            &[("title", "  "), ("intent", "draft")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("nothing to save"));
    let long = "x".repeat(121);
    for (field, value) in [("title", long.as_str()), ("situation", "a\u{1}b")] {
        let res = app
            .post_form(
                &author,
                "/cases/new",
                &[(field, value), ("intent", "draft")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
    }
    let res = app
        .post_form(
            &author,
            "/cases/new",
            &[
                ("title", "Qdfkept words"),
                ("intent", "draft"),
                ("draft", "999999"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(
        res.text().await.unwrap().contains("Qdfkept words"),
        "what was typed is kept"
    );

    // Twenty at most.
    let mut ids = Vec::new();
    for n in 0..20 {
        ids.push(save(&app, &author, &[("title", &format!("Qdfdraft number {n}"))]).await);
    }
    let res = app
        .post_form(
            &author,
            "/cases/new",
            &[("title", "One too many"), ("intent", "draft")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res.text().await.unwrap().contains("One too many"));

    // In the export.
    let res = app.post_form(&author, "/account/export", &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let files = read_for_tests(&res.bytes().await.unwrap()).expect("a zip");
    let drafts = files
        .iter()
        .find(|(n, _)| n.ends_with("drafts.json"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .expect("drafts.json");
    assert!(drafts.contains("Qdfdraft number 19"), "{drafts}");

    // Deleted by hand: gone, and its bytes owed a scrub; twice is a 404.
    let path = format!("/drafts/{}/delete", ids[0]);
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    assert_eq!(
        app.post_form(&peer, &path, &[]).await.status(),
        StatusCode::NOT_FOUND
    );
    let res = app.post_form(&author, &path, &[]).await;
    assert_eq!(location(&res), "/cases/mine?notice=draft-deleted");
    assert_eq!(
        app.post_form(&author, &path, &[]).await.status(),
        StatusCode::NOT_FOUND
    );
    let db = app.db().await;
    let owed: i64 = sqlx::query_scalar("select owed from purge_scrubs where id = 1")
        .fetch_one(&db)
        .await
        .unwrap();
    assert!(owed > 0);

    // One saved again lives on; the rest go after 180 days unsaved.
    app.clock.advance(100 * 24 * 3600);
    // Sessions last at most 12 hours.
    app.sign_in(&author, "author@clinic.example", GOOD_PASSWORD)
        .await;
    let kept = ids[1].to_string();
    save(
        &app,
        &author,
        &[("title", "Qdfstill working"), ("draft", &kept)],
    )
    .await;
    app.clock.advance(81 * 24 * 3600);
    let run = run_once(&app.state).await.expect("a retention run");
    assert_eq!(run.drafts_deleted, 18);
    let left: Vec<i64> = sqlx::query_scalar("select id from case_drafts where author_id = $1")
        .bind(author_id.0)
        .fetch_all(&db)
        .await
        .unwrap();
    assert_eq!(left, vec![ids[1]]);
}
