//! Retention (issue 18, docs/MEMBER_DATA.md): a case is kept for its period after its last
//! activity, its author is told a week before, and then it is purged from every page, search,
//! the outbox and the database files; its author chooses the period; moderators' holds stop it;
//! audit rows past their period go. How the purge behaves under crashes, concurrent runs and
//! exports is in `purge.rs`.

use caseroom::domain::retention::DAY_SECS;
use caseroom::domain::role::Role;
use caseroom::server::services::retention::{RetentionRun, run_once};
use leptos::server_fn::ServerFn as _;
use reqwest::StatusCode;

use crate::cases::{case_form, publish};
use crate::mail::{FROM, eventually, named_client, words_of};
use crate::redaction::{contains, database_bytes};
use crate::smtp_sink::SmtpSink;
use crate::support::*;

/// The forum's period in the tests: the shortest allowed.
pub(crate) const PERIOD: i64 = 30 * DAY_SECS;
pub(crate) const WEEK: i64 = 7 * DAY_SECS;

/// Moves the clock, and signs `members` (and the test moderator) in again: their sessions
/// ended long before.
pub(crate) async fn later(app: &TestApp, secs: i64, members: &[(&reqwest::Client, &str)]) {
    app.clock.advance(secs);
    for (client, email) in members
        .iter()
        .copied()
        .chain([(app.moderator().await, "queue.moderator@example.org")])
    {
        let res = app.sign_in(client, email, GOOD_PASSWORD).await;
        assert_eq!(
            res.status(),
            StatusCode::SEE_OTHER,
            "{email} signs in again"
        );
    }
}

pub(crate) async fn run(app: &TestApp) -> RetentionRun {
    run_once(&app.state).await.expect("a retention run")
}

#[tokio::test]
async fn an_expired_case_is_announced_a_week_ahead_then_purged_with_no_bytes_left() {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app = TestApp::spawn_with(&[
        ("CASEROOM_RETENTION", "30d"),
        ("CASEROOM_SMTP_URL", &url),
        ("CASEROOM_MAIL_FROM", FROM),
        ("CASEROOM_REPLY_REVIEW_BELOW", "0"),
    ])
    .await;
    let author = named_client(
        &app,
        "author@clinic.example",
        "Qrtauthor",
        &[Role::Clinician],
    )
    .await;
    let peer = named_client(&app, "peer@clinic.example", "Qrtpeer", &[Role::Clinician]).await;
    let id = publish(
        &app,
        &author,
        &case_form("Qrtcasetitle", &[("situation", "Qrtsituation words.")]),
    )
    .await;
    let other = publish(&app, &peer, &case_form("A case that stays", &[])).await;
    app.reply(&peer, id, "Qrtreply on the case.").await;

    // The author, and only the author and moderators, see when it will be deleted.
    let (_, page) = app.get(&author, &format!("/cases/{id}")).await;
    assert!(page.contains("Keeping this case"), "{page}");
    assert!(page.contains("This case will be deleted on"), "{page}");
    assert!(
        page.contains("1 month, the forum&#x27;s period")
            || page.contains("1 month, the forum's period"),
        "{page}"
    );
    let (_, page) = app.get(&peer, &format!("/cases/{id}")).await;
    assert!(!page.contains("Keeping this case"), "{page}");

    // Nothing is due before the week's notice begins.
    app.clock.advance(PERIOD - WEEK - 60);
    assert_eq!(run(&app).await.warned, 0);
    let both = [
        (&author, "author@clinic.example"),
        (&peer, "peer@clinic.example"),
    ];
    later(&app, 120, &both).await;
    let first = run(&app).await;
    assert_eq!(
        (first.warned, first.purged),
        (2, 0),
        "both cases are a week from expiry"
    );
    assert_eq!(run(&app).await.warned, 0, "a warning is sent once");
    let (_, notes) = app.get(&author, "/notifications").await;
    assert!(notes.contains("will be deleted in a week"), "{notes}");
    eventually("the warning by email", || async {
        sink.messages()
            .iter()
            .any(|m| m.contains("author@clinic.example") && m.contains("deleted in a week"))
    })
    .await;
    for message in sink.messages() {
        let words = words_of(&message);
        for marker in [
            "qrtcasetitle",
            "qrtsituation",
            "qrtreply",
            "qrtauthor",
            "qrtpeer",
        ] {
            assert!(!words.contains(marker), "{marker} in {message}");
        }
    }
    // Activity moves the date: the peer's case gets a reply, so only the author's is purged.
    later(&app, DAY_SECS, &both).await;
    app.reply(&author, other, "A reply that keeps the peer's case.")
        .await;
    let (_, page) = app.get(&author, &format!("/cases/{id}")).await;
    assert!(page.contains("This case will be deleted on"), "{page}");

    let before = database_bytes(&app).await;
    assert!(contains(&before, "Qrtsituation") && contains(&before, "Qrtreply"));
    let (_, found) = app.get(&peer, "/search?q=qrtsituation").await;
    assert!(found.contains("Qrtcasetitle"), "searchable before: {found}");
    let (_, list) = app.get(&author, "/cases").await;
    assert!(list.contains("Qrtcasetitle"), "listed before: {list}");
    later(&app, WEEK, &both).await;
    let purged = run(&app).await;
    assert_eq!((purged.warned, purged.purged), (0, 1));

    for client in [&author, &peer] {
        assert_eq!(
            app.get(client, &format!("/cases/{id}")).await.0,
            StatusCode::NOT_FOUND
        );
    }
    assert_eq!(
        app.get(&peer, &format!("/cases/{other}")).await.0,
        StatusCode::OK
    );
    for q in ["qrtsituation", "qrtreply", "qrtcasetitle"] {
        let (_, results) = app.get(&peer, &format!("/search?q={q}")).await;
        assert!(
            results.contains("No published case matches"),
            "{q}: {results}"
        );
    }
    let (_, list) = app.get(&author, "/cases").await;
    assert!(!list.contains("Qrtcasetitle"), "{list}");
    // The server functions the islands call, as the author and the peer.
    for client in [&author, &peer] {
        for (path, args) in [
            (caseroom::api::cases::GetCase::PATH, format!("id={id}")),
            (caseroom::api::cases::ListCases::PATH, String::new()),
            (caseroom::api::cases::ListNotifications::PATH, String::new()),
        ] {
            let (_, body) = app.server_fn(client, path, args).await;
            assert!(
                !body.contains("Qrtcasetitle")
                    && !body.contains("Qrtsituation")
                    && !body.contains("Qrtreply"),
                "{path}: {body}"
            );
        }
    }
    let res = app.post_form(&author, "/account/export", &[]).await;
    let files = caseroom::server::export::zip::read_for_tests(&res.bytes().await.unwrap())
        .expect("the author's export");
    for (_, text) in &files {
        let text = String::from_utf8_lossy(text);
        assert!(
            !text.contains("Qrtsituation") && !text.contains("Qrtreply"),
            "{text}"
        );
    }
    // The next scrub, an hour later: a transaction open during the purge may have kept rows.
    app.clock.advance(caseroom::server::store::SCRUB_GAP);
    assert_eq!(run(&app).await, RetentionRun::default());
    let bytes = database_bytes(&app).await;
    for marker in [
        "Qrtcasetitle",
        "Qrtsituation",
        "qrtsituation",
        "Qrtreply",
        "qrtreply",
    ] {
        assert!(
            !contains(&bytes, marker),
            "{marker} is still in the database files"
        );
    }
    let db = app.db().await;
    for table in [
        "case_sections",
        "replies",
        "revisions",
        "notifications",
        "search_docs",
    ] {
        let n: i64 =
            sqlx::query_scalar(&format!("select count(*) from {table} where case_id = $1"))
                .bind(id)
                .fetch_one(&db)
                .await
                .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    let purged: i64 = sqlx::query_scalar(
        "select count(*) from audit_log where action = 'case_purged' and case_id = $1",
    )
    .bind(id)
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(purged, 1, "the purge is recorded");
}

#[tokio::test]
async fn the_author_chooses_a_period_and_nobody_else_can() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(&app, &author, &case_form("A case to keep briefly", &[])).await;
    let (_, page) = app.get(&author, &format!("/cases/{id}")).await;
    assert!(page.contains("3 years, the forum"), "the default: {page}");

    let res = app
        .post_form(
            &author,
            &format!("/cases/{id}/retention"),
            &[("keep_for", "6m")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get(&author, &format!("/cases/{id}")).await;
    assert!(page.contains("6 months, as its author chose"), "{page}");

    for bad in ["", "forever", "6m<script>", "9999"] {
        let res = app
            .post_form(
                &author,
                &format!("/cases/{id}/retention"),
                &[("keep_for", bad)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}");
        assert!(
            res.text()
                .await
                .unwrap()
                .contains("Choose one of the periods")
        );
    }
    let res = app
        .post_form(
            &peer,
            &format!("/cases/{id}/retention"),
            &[("keep_for", "5y")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let moderator = app.moderator().await;
    let res = app
        .post_form(
            moderator,
            &format!("/cases/{id}/retention"),
            &[("keep_for", "5y")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .post_form(&author, "/cases/99999/retention", &[("keep_for", "5y")])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let (_, page) = app.get(&author, &format!("/cases/{id}")).await;
    assert!(
        page.contains("6 months, as its author chose"),
        "refusals changed nothing"
    );

    // Chosen in the composer; a value not in the list is refused with what was typed kept.
    let mut form = case_form("A case kept for five years", &[]);
    form.push(("keep_for", "5y"));
    let five = crate::cases::submit(&app, &author, &form).await;
    let (_, page) = app.get(&author, &format!("/cases/{five}")).await;
    assert!(page.contains("5 years, as its author chose"), "{page}");
    let mut form = case_form("Qrkept title of a refused case", &[]);
    form.push(("keep_for", "forever"));
    let res = app.post_form(&author, "/cases/new", &form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("Choose one of the periods") && page.contains("Qrkept title"),
        "{page}"
    );
    let db = app.db().await;
    let refused: i64 = sqlx::query_scalar("select count(*) from cases where title like 'Qrkept%'")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(refused, 0);

    // Back to the forum's period.
    let res = app
        .post_form(
            &author,
            &format!("/cases/{id}/retention"),
            &[("keep_for", "forum")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get(&author, &format!("/cases/{id}")).await;
    assert!(page.contains("3 years, the forum"), "{page}");
}

async fn hold(
    app: &TestApp,
    moderator: &reqwest::Client,
    id: i64,
    reason: &str,
) -> reqwest::Response {
    app.post_form(
        moderator,
        &format!("/cases/{id}/hold"),
        &[("hold", "true"), ("reason", reason)],
    )
    .await
}

#[tokio::test]
async fn a_hold_keeps_an_expired_case_and_its_release_gives_a_fresh_week() {
    let app = TestApp::spawn_with(&[("CASEROOM_RETENTION", "30d")]).await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(&app, &author, &case_form("A case under a complaint", &[])).await;
    // The author has been told it goes in a week when the moderator holds it.
    later(&app, PERIOD - WEEK, &[(&author, "author@clinic.example")]).await;
    assert_eq!(run(&app).await.warned, 1);
    let moderator = app.moderator().await;
    let res = hold(&app, moderator, id, "short").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = hold(
        &app,
        moderator,
        id,
        "Qrhreason: a complaint is open about this case.",
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = hold(&app, moderator, id, "A second hold on the same case.").await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = app
        .post_form(&author, &format!("/cases/{id}/hold"), &[("hold", "false")])
        .await;
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "authors do not release holds"
    );

    let (_, page) = app.get(moderator, &format!("/cases/{id}")).await;
    assert!(
        page.contains("Qrhreason") && page.contains("placed a hold"),
        "{page}"
    );
    let (_, page) = app.get(&author, &format!("/cases/{id}")).await;
    assert!(
        page.contains("placed a hold") && !page.contains("Qrhreason"),
        "{page}"
    );

    later(
        &app,
        WEEK + 60 * DAY_SECS,
        &[(&author, "author@clinic.example")],
    )
    .await;
    let held = run(&app).await;
    assert_eq!((held.warned, held.purged), (0, 0));
    assert_eq!(
        app.get(&author, &format!("/cases/{id}")).await.0,
        StatusCode::OK
    );

    let res = app
        .post_form(
            moderator,
            &format!("/cases/{id}/hold"),
            &[("hold", "false")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let released = run(&app).await;
    assert_eq!(
        (released.warned, released.purged),
        (1, 0),
        "a week's notice first"
    );
    app.clock.advance(WEEK - 60);
    assert_eq!(run(&app).await.purged, 0);
    later(&app, 60, &[(&author, "author@clinic.example")]).await;
    assert_eq!(run(&app).await.purged, 1);
    assert_eq!(
        app.get(&author, &format!("/cases/{id}")).await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn audit_rows_past_their_period_go_and_the_log_still_refuses_other_deletes() {
    let app = TestApp::spawn_with(&[("CASEROOM_AUDIT_RETENTION", "1y")]).await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    publish(&app, &author, &case_form("An old case", &[])).await;
    let db = app.db().await;
    let count = |sql: &'static str| {
        let db = db.clone();
        async move {
            sqlx::query_scalar::<_, i64>(sql)
                .fetch_one(&db)
                .await
                .unwrap()
        }
    };
    app.state.store.flush_case_views().await.unwrap();
    assert!(count("select count(*) from audit_log").await > 0);
    assert_eq!(
        run(&app).await.audit_deleted,
        0,
        "nothing is a year old yet"
    );

    let old = count("select count(*) from audit_log").await;
    later(
        &app,
        365 * DAY_SECS + 60,
        &[(&author, "author@clinic.example")],
    )
    .await;
    publish(&app, &author, &case_form("A new case", &[])).await;
    app.state.store.flush_case_views().await.unwrap();
    let all = count("select count(*) from audit_log").await;
    assert!(all > old);
    let run = run(&app).await;
    assert_eq!(run.audit_deleted as i64, old);
    assert_eq!(count("select count(*) from audit_log").await, all - old);

    // Rows inside their period are still append-only.
    let refused = sqlx::query("delete from audit_log").execute(&db).await;
    assert!(refused.is_err(), "a delete of recent rows is refused");
    let refused = sqlx::query("update audit_log set detail = 'x'")
        .execute(&db)
        .await;
    assert!(refused.is_err(), "an update is refused");
    assert_eq!(count("select count(*) from audit_log").await, all - old);
}
