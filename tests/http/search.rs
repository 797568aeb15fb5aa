//! Search over HTTP, as a member uses it with JavaScript off (a GET form): what it finds, how it
//! matches, and that it never finds what the searcher may not see or what is not published.
//! The same tests run on PostgreSQL under the test command.

use caseroom::domain::role::Role;
use leptos::server_fn::ServerFn as _;
use reqwest::{Client, StatusCode};

use crate::cases::{case_form, edit, publish, submit};
use crate::support::*;

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

async fn assert_index_in_step(app: &TestApp) {
    let drift = app.state.store.search_index_drift().await.expect("drift");
    assert!(drift.is_clean(), "the index is out of step: {drift:?}");
}

#[tokio::test]
async fn a_member_finds_a_case_by_words_from_its_body() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
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
async fn only_published_text_is_found_and_only_while_it_is_published() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "3")]).await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
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
async fn filters_narrow_the_results_and_pages_hold_twenty() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
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
async fn a_deleted_case_leaves_no_index_rows_and_a_rebuild_matches_the_live_index() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let keep = publish(&app, &author, &case_form("Kept case", &[])).await;
    let gone = publish(&app, &author, &case_form("Deleted case", &[])).await;
    app.reply(&peer, gone, "A reply to the case that goes.")
        .await;
    app.reply(&peer, keep, "A reply to the case that stays.")
        .await;
    assert_index_in_step(&app).await;
    let before = finds(&app, &peer, "case").await.len();
    assert_eq!(before, 2);
    // A rebuild from the stored text gives the index the writes kept.
    let docs = app
        .state
        .store
        .rebuild_search_index()
        .await
        .expect("rebuild");
    assert_eq!(docs, 2);
    assert_index_in_step(&app).await;
    assert_eq!(finds(&app, &peer, "case").await.len(), 2);

    // Deleting a case (issue 18's purge will) takes its documents and index entries with it.
    let db = app.db().await;
    sqlx::query("delete from cases where id = $1")
        .bind(gone)
        .execute(&db)
        .await
        .expect("delete");
    let rows: i64 = sqlx::query_scalar("select count(*) from search_docs where case_id = $1")
        .bind(gone)
        .fetch_one(&db)
        .await
        .expect("count");
    assert_eq!(rows, 0);
    if !app.on_postgres() {
        let entries: i64 = sqlx::query_scalar("select count(*) from search_fts_docsize")
            .fetch_one(&db)
            .await
            .expect("count");
        assert_eq!(entries, 1, "only the kept case's document");
    }
    db.close().await;
    assert_index_in_step(&app).await;
    assert_eq!(finds(&app, &peer, "case").await, vec![keep]);
}

#[tokio::test]
async fn migrating_a_forum_from_before_search_fills_the_index_from_what_is_published() {
    let mut app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(
        &app,
        &author,
        &case_form("An older case", &[("situation", "The axolotlword case.")]),
    )
    .await;
    app.reply(&peer, id, "An older reply with a marmotword.")
        .await;
    submit(
        &app,
        &author,
        &case_form("Still pending", &[("situation", "The axolotlword too.")]),
    )
    .await;
    let url = app.database_url.clone();
    app.shut_down().await;

    // The database as the release before search left it.
    let db = app.db().await;
    let undo: &[&str] = if app.on_postgres() {
        &["drop table search_docs"]
    } else {
        &[
            "drop trigger search_docs_delete",
            "drop table search_fts",
            "drop table search_docs",
        ]
    };
    for sql in undo {
        sqlx::query(sql).execute(&db).await.expect(sql);
    }
    sqlx::query("delete from _sqlx_migrations where version = 11")
        .execute(&db)
        .await
        .expect("forget the migration");
    db.close().await;

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_caseroom"))
        .arg("migrate")
        .env("DATABASE_URL", &url)
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("RUST_LOG", "off")
        .output()
        .expect("caseroom migrate runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = caseroom::server::store::Store::connect(&url)
        .await
        .expect("open");
    let drift = store.search_index_drift().await.expect("drift");
    assert!(drift.is_clean(), "{drift:?}");
    let docs: i64 = sqlx::query_scalar("select count(*) from search_docs")
        .fetch_one(&app.db().await)
        .await
        .expect("count");
    assert_eq!(docs, 1, "the published case only");
    store.close().await;

    // `caseroom search-index --check` says whether the index is in step; `caseroom
    // search-index` rewrites it.
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_caseroom"))
            .args(args)
            .env("DATABASE_URL", &url)
            .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
            .env("RUST_LOG", "off")
            .output()
            .expect("caseroom runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr),
        )
    };
    let (code, said) = run(&["search-index", "--check"]);
    assert_eq!(code, Some(0), "{said}");
    let db = app.db().await;
    sqlx::query("delete from search_docs")
        .execute(&db)
        .await
        .expect("lose the index");
    db.close().await;
    let (code, said) = run(&["search-index", "--check"]);
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("1 cases missing"), "{said}");
    assert!(!said.contains("axolotlword"), "{said}");
    let (code, said) = run(&["search-index"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("1 published cases"), "{said}");
    let (code, said) = run(&["search-index", "--check"]);
    assert_eq!(code, Some(0), "{said}");
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
