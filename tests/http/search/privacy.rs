//! Search never finds what the searcher may not see or what is not published, never reveals an
//! anonymous author, and writes what was searched for nowhere.

use caseroom::domain::role::Role;
use leptos::server_fn::ServerFn as _;
use reqwest::StatusCode;

use super::*;
use crate::cases::{case_form, edit, publish, submit};

#[tokio::test]
async fn only_published_text_is_found_and_only_while_it_is_published() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "3")]).await;
    let (author, peer) = author_and_peer(&app).await;
    let (supervisor, _) = app
        .member_client("sup@clinic.example", &[Role::Supervisor])
        .await;
    let moderator = app.moderator().await.clone();

    // A case waiting for review is found by nobody, not its author, not a moderator.
    let form = case_form(
        "Waiting case",
        &[("situation", "The quokkaword only appears here.")],
    );
    let id = submit(&app, &author, &form).await;
    for who in [&author, &peer, &moderator] {
        assert!(finds(&app, who, "quokkaword").await.is_empty());
    }
    app.approve(id).await;
    for who in [&author, &peer, &moderator] {
        assert_eq!(finds(&app, who, "quokkaword").await, vec![id]);
    }

    // An edit waits for review: the old text leaves search with the case, and the new text
    // is not found until a moderator approves it.
    let edited = case_form(
        "Waiting case",
        &[("situation", "Now it says wombatword instead.")],
    );
    assert_eq!(
        edit(&app, &author, id, &edited).await.status(),
        StatusCode::SEE_OTHER
    );
    for who in [&author, &peer, &moderator] {
        assert!(finds(&app, who, "quokkaword").await.is_empty());
        assert!(finds(&app, who, "wombatword").await.is_empty());
    }
    app.approve(id).await;
    assert!(finds(&app, &peer, "quokkaword").await.is_empty());
    assert_eq!(finds(&app, &peer, "wombatword").await, vec![id]);

    // A reply held at the reply gate is not found until it is approved.
    let res = app
        .post_form(
            &peer,
            &format!("/cases/{id}/replies"),
            &[("body", "Consider the numbatword angle.")],
        )
        .await;
    let to = location(&res);
    assert!(to.contains("notice=reply-held"), "{to}");
    let reply = reply_id_in(&to);
    for who in [&author, &peer, &moderator] {
        assert!(finds(&app, who, "numbatword").await.is_empty());
    }
    app.approve_reply(reply).await;
    assert_eq!(finds(&app, &author, "numbatword").await, vec![id]);

    // A reply hidden after a flag leaves search; restored, it is back.
    let res = app
        .post_form(
            &supervisor,
            &format!("/replies/{reply}/flag"),
            &[("kind", "may_identify"), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    for who in [&author, &peer, &moderator] {
        assert!(finds(&app, who, "numbatword").await.is_empty());
    }
    assert_index_in_step(&app).await;

    // A case flagged back to the queue leaves search.
    let res = app
        .post_form(
            &supervisor,
            &format!("/cases/{id}/flag"),
            &[("kind", "may_identify"), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    for who in [&author, &peer, &moderator] {
        assert!(finds(&app, who, "wombatword").await.is_empty());
    }

    // Returned and rejected cases are never found.
    let returned = submit(
        &app,
        &author,
        &case_form(
            "Returned dingo case",
            &[("situation", "The dingoword case.")],
        ),
    )
    .await;
    let res = app
        .post_form(
            &moderator,
            &format!("/review/{returned}/decide"),
            &[
                ("decision", "return"),
                ("reason", "Please say less about the town."),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(finds(&app, &author, "dingoword").await.is_empty());
    assert_index_in_step(&app).await;
}

#[tokio::test]
async fn a_reader_who_may_know_the_client_never_finds_the_case_and_counts_tell_nothing() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (knows, _) = app
        .member_client("knows@clinic.example", &[Role::Clinician])
        .await;
    let (other, _) = app
        .member_client("other@clinic.example", &[Role::Clinician])
        .await;
    let mut ids = Vec::new();
    for i in 0..3 {
        let title = format!("Shared word case {i}");
        ids.push(
            publish(
                &app,
                &author,
                &case_form(&title, &[("situation", "The pangolinword pattern again.")]),
            )
            .await,
        );
    }
    // A pending case with the word counts for nobody.
    submit(
        &app,
        &author,
        &case_form(
            "Pending pangolin case",
            &[("situation", "A pangolinword too.")],
        ),
    )
    .await;
    let res = app
        .post_form(
            &knows,
            &format!("/cases/{}/flag", ids[1]),
            &[("kind", "may_know"), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = search(&app, &knows, "pangolinword", &[]).await;
    let mut found = result_ids(&page);
    found.sort_unstable();
    assert_eq!(found, vec![ids[0], ids[2]]);
    assert!(page.contains("2 cases match."), "{page}");
    let (_, page) = search(&app, &other, "pangolinword", &[]).await;
    assert_eq!(result_ids(&page).len(), 3);
    assert!(page.contains("3 cases match."), "{page}");
    // The recused reader does not find it through one of its replies either.
    app.reply(&other, ids[1], "A capybaraword thought.").await;
    assert!(finds(&app, &knows, "capybaraword").await.is_empty());
    assert_eq!(finds(&app, &other, "capybaraword").await, vec![ids[1]]);
}

#[tokio::test]
async fn searching_an_authors_name_never_finds_their_anonymous_case() {
    let app = TestApp::spawn().await;
    app.create_member(
        "anon.author@clinic.example",
        "Theodora Vanterpool",
        &[Role::Clinician],
    )
    .await;
    let author = app.client();
    app.sign_in(&author, "anon.author@clinic.example", GOOD_PASSWORD)
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let (moderator, _) = app
        .member_client("mod2@clinic.example", &[Role::Moderator])
        .await;
    let id = publish(
        &app,
        &author,
        &case_form(
            "An anonymous case about shame",
            &[
                ("anonymous", "on"),
                ("situation", "The okapiword shame cycle."),
            ],
        ),
    )
    .await;
    app.reply(&author, id, "The author adds: more okapiword detail.")
        .await;
    for who in [&peer, &moderator, &author] {
        for q in [
            "Theodora",
            "Vanterpool",
            "\"Theodora Vanterpool\"",
            "theod*",
        ] {
            assert!(finds(&app, who, q).await.is_empty(), "{q}");
        }
    }
    let (_, page) = search(&app, &peer, "okapiword", &[]).await;
    assert_eq!(result_ids(&page), vec![id]);
    assert!(!page.contains("Vanterpool"), "{page}");
    assert!(page.contains("Anonymous"), "{page}");
}

#[tokio::test]
async fn what_was_searched_for_is_in_no_log_and_no_audit_row() {
    const SECRET: &str = "qzxsearchsecret";
    let app = TestApp::spawn_at_now().await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    app.create_member("searcher@clinic.example", "Searcher", &[Role::Clinician])
        .await;
    let id = publish(
        &app,
        &author,
        &case_form(
            "Findable case",
            &[("situation", &format!("Holds the word {SECRET}."))],
        ),
    )
    .await;
    let dir = tempfile::tempdir().expect("dir");
    let log = dir.path().join("node.log");
    // The real binary, logging at debug for every crate: more than any deployment logs.
    let mut node = crate::nodes::Node::start_logging(&app.database_url, Some(&log)).await;
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let res = client
        .post(format!("{}/login", node.base))
        .header("origin", &node.base)
        .form(&[
            ("email", "searcher@clinic.example"),
            ("password", GOOD_PASSWORD),
        ])
        .send()
        .await
        .expect("sign in");
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let long = format!("{SECRET} ").repeat(100);
    let phrase = format!("\"{SECRET} again\"");
    for q in [SECRET, &long, "\" * -", &phrase] {
        let res = client
            .get(format!("{}/search", node.base))
            .query(&[("q", q), ("tag", "grief")])
            .send()
            .await
            .expect("search");
        assert!(res.status() == StatusCode::OK || res.status() == StatusCode::BAD_REQUEST);
    }
    let page = client
        .get(format!("{}/search", node.base))
        .query(&[("q", SECRET)])
        .send()
        .await
        .expect("search")
        .text()
        .await
        .expect("page");
    assert_eq!(result_ids(&page), vec![id], "the search worked");
    let res = client
        .post(format!(
            "{}{}",
            node.base,
            caseroom::api::search::SearchCases::PATH
        ))
        .header("origin", &node.base)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .body(format!("q={SECRET}&page=1&filter[unanswered]=false&filter[mine]=false&filter[supervisor_feedback]=false"))
        .send()
        .await
        .expect("server function");
    assert_eq!(res.status(), StatusCode::OK);
    node.kill();
    let written = std::fs::read_to_string(&log).expect("log");
    assert!(
        written.contains("/search"),
        "the requests were logged: {written}"
    );
    assert!(
        !written.to_lowercase().contains(SECRET),
        "the query is in the log"
    );
    let db = app.db().await;
    let rows: i64 =
        sqlx::query_scalar("select count(*) from audit_log where detail like $1 or action like $1")
            .bind(format!("%{SECRET}%"))
            .fetch_one(&db)
            .await
            .expect("audit");
    assert_eq!(rows, 0, "the query is in the audit log");
    db.close().await;
}
