//! Erasing an account (issue 18, docs/MEMBER_DATA.md): the member's name, email and sessions go;
//! their posts go too (or stay under "Former member"), from every page, search, other members'
//! exports, the outbox and the database files; refusals change nothing.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::cases::{case_form, publish};
use crate::redaction::{contains, database_bytes};
use crate::support::*;

async fn erase_own(app: &TestApp, client: &reqwest::Client, posts: &str) -> reqwest::Response {
    app.post_form(
        client,
        "/account/delete",
        &[
            ("password", GOOD_PASSWORD),
            ("posts", posts),
            ("confirm", "yes"),
        ],
    )
    .await
}

/// The member's marked case, with a peer's reply on it, and the member's reply on the peer's
/// case. Returns (member's client, member id, peer's client, member's case, peer's case).
async fn scene(
    app: &TestApp,
) -> (
    reqwest::Client,
    caseroom::model::UserId,
    reqwest::Client,
    i64,
    i64,
) {
    let member = app
        .create_member("gone@clinic.example", "Qzemembername", &[Role::Clinician])
        .await;
    let client = app.client();
    app.sign_in(&client, "gone@clinic.example", GOOD_PASSWORD)
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let mine = publish(
        app,
        &client,
        &case_form("Qzecasetitle", &[("situation", "Qzesituation words.")]),
    )
    .await;
    app.reply(&peer, mine, "Qzpeeronerased case.").await;
    let theirs = publish(app, &peer, &case_form("Peer case", &[])).await;
    app.reply(&client, theirs, "Qzereply on the peer's case.")
        .await;
    (client, member, peer, mine, theirs)
}

#[tokio::test]
async fn erasing_with_posts_removed_leaves_no_trace_anywhere() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (client, member, peer, mine, theirs) = scene(&app).await;
    let (admin, _) = app
        .member_client("admin@clinic.example", &[Role::Admin])
        .await;
    // An invitation emailed before they joined holds their address in the outbox.
    app.state
        .store
        .enqueue_mail(
            &caseroom::server::store::Outgoing {
                kind: "forum_invitation",
                to: caseroom::server::store::Recipient::Address("gone@clinic.example".into()),
                link: "/register?token=old".into(),
            },
            app.state.clock.now(),
        )
        .await
        .unwrap();
    // Searchable, and in the database files, before.
    let (_, found) = app.get(&peer, "/search?q=qzesituation").await;
    assert!(found.contains("Qzecasetitle"), "{found}");
    let before = database_bytes(&app).await;
    assert!(contains(&before, "Qzesituation") && contains(&before, "gone@clinic.example"));

    // Refusals change nothing: a wrong password, no confirmation, no choice.
    for form in [
        [
            ("password", "wrong password here"),
            ("posts", "remove"),
            ("confirm", "yes"),
        ],
        [
            ("password", GOOD_PASSWORD),
            ("posts", "remove"),
            ("confirm", ""),
        ],
        [
            ("password", GOOD_PASSWORD),
            ("posts", ""),
            ("confirm", "yes"),
        ],
    ] {
        let res = app.post_form(&client, "/account/delete", &form).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    assert_eq!(
        app.get(&peer, &format!("/cases/{mine}")).await.0,
        StatusCode::OK
    );

    let res = erase_own(&app, &client, "remove").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/login?notice=account-erased");
    assert_eq!(app.state.store.count_sessions(member).await.unwrap(), 0);
    assert_ne!(app.get(&client, "/account").await.0, StatusCode::OK);
    let res = app
        .sign_in(&app.client(), "gone@clinic.example", GOOD_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    // Gone from every page, search and other members' exports.
    assert_eq!(
        app.get(&peer, &format!("/cases/{mine}")).await.0,
        StatusCode::NOT_FOUND
    );
    let (status, page) = app.get(&peer, &format!("/cases/{theirs}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("Qzereply"), "{page}");
    for q in ["qzesituation", "qzereply", "qzpeeronerased"] {
        let (_, results) = app.get(&peer, &format!("/search?q={q}")).await;
        assert!(
            !results.contains("Qze") && !results.contains("Qzpeer"),
            "{q}: {results}"
        );
    }
    let (_, members) = app.get(&admin, "/admin/users").await;
    assert!(!members.contains("Qzemembername") && !members.contains("gone@clinic.example"));
    assert!(members.contains("Former member"));
    let res = app.post_form(&peer, "/account/export", &[]).await;
    let files = caseroom::server::export::zip::read_for_tests(&res.bytes().await.unwrap())
        .expect("the peer's export");
    for (_, text) in &files {
        let text = String::from_utf8_lossy(text);
        assert!(
            !text.contains("Qze") && !text.contains("Qzpeeronerased"),
            "{text}"
        );
    }
    let db = app.db().await;
    let rows: i64 = sqlx::query_scalar("select count(*) from outbox where user_id = $1")
        .bind(member.0)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(rows, 0);
    let rows: i64 = sqlx::query_scalar("select count(*) from outbox where address = $1")
        .bind("gone@clinic.example")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(rows, 0, "the invitation's address went too");
    let reply_count: i64 = sqlx::query_scalar("select reply_count from cases where id = $1")
        .bind(theirs)
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(
        reply_count, 0,
        "the peer's case no longer counts the erased reply"
    );

    // Not in the database files either (SQLite: the file and its log; PostgreSQL: the
    // database's files after `vacuum full`).
    let bytes = database_bytes(&app).await;
    for marker in [
        "Qzemembername",
        "gone@clinic.example",
        "Qzesituation",
        "qzesituation",
        "Qzereply",
        "qzereply",
        "Qzecasetitle",
    ] {
        assert!(
            !contains(&bytes, marker),
            "{marker} is still in the database files"
        );
    }
    let actions = app.audit_actions().await;
    assert!(actions.iter().any(|a| a == "member_erased"));
}

#[tokio::test]
async fn kept_posts_stay_under_former_member_and_the_name_is_gone() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (client, _, peer, mine, theirs) = scene(&app).await;
    let res = erase_own(&app, &client, "keep").await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (status, page) = app.get(&peer, &format!("/cases/{mine}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Qzesituation") && page.contains("Former member"),
        "{page}"
    );
    assert!(!page.contains("Qzemembername"));
    let (_, page) = app.get(&peer, &format!("/cases/{theirs}")).await;
    assert!(
        page.contains("Qzereply") && page.contains("Former member"),
        "{page}"
    );
    assert!(!page.contains("Qzemembername"));
    let bytes = database_bytes(&app).await;
    for marker in ["Qzemembername", "gone@clinic.example"] {
        assert!(
            !contains(&bytes, marker),
            "{marker} is still in the database files"
        );
    }
}

#[tokio::test]
async fn an_admin_erases_with_a_reason_never_the_last_admin_and_a_claim_is_released() {
    let app = TestApp::spawn_with(&[("CASEROOM_ERASURE_POSTS", "keep")]).await;
    let (admin, admin_id) = app
        .member_client("admin@clinic.example", &[Role::Admin])
        .await;
    let (moderator, moderator_id) = app
        .member_client("mod@clinic.example", &[Role::Moderator])
        .await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let pending = crate::cases::submit(&app, &author, &case_form("Claimed case", &[])).await;
    let res = app
        .post_form(&moderator, &format!("/review/{pending}/claim"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // Only admins; a reason is needed; the last admin cannot go, even by their own hand.
    let path = format!("/admin/users/{moderator_id}/erase");
    assert_eq!(
        app.post_form(
            &moderator,
            &format!("/admin/users/{admin_id}/erase"),
            &[("reason", "x")]
        )
        .await
        .status(),
        StatusCode::FORBIDDEN
    );
    for reason in [" ", "a\u{0}b"] {
        let res = app.post_form(&admin, &path, &[("reason", reason)]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{reason:?}");
    }
    let res = erase_own(&app, &admin, "").await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res.text().await.unwrap().contains("only active admin"));

    // The forum keeps posts: no choice is asked, and the moderator's claim is let go.
    let res = app
        .post_form(
            &admin,
            &path,
            &[("reason", "Left the practice; asked by email.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // Back on the list, at the row, which now says the account was erased.
    assert!(
        location(&res).starts_with("/admin/users?notice=account-erased#user-"),
        "{}",
        location(&res)
    );
    let claimed: Option<i64> = sqlx::query_scalar("select claimed_by from cases where id = $1")
        .bind(pending)
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!(claimed, None);
    let reason: String = sqlx::query_scalar("select reason from erasures where user_id = $1")
        .bind(moderator_id.0)
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!(reason, "Left the practice; asked by email.");
    assert_eq!(
        app.post_form(&admin, &path, &[("reason", "again")])
            .await
            .status(),
        StatusCode::GONE
    );
    assert_eq!(
        app.get(&moderator, "/review").await.0,
        StatusCode::UNAUTHORIZED,
        "the erased moderator's session is gone"
    );
}

#[tokio::test]
async fn a_post_sent_as_its_writer_is_erased_is_refused_and_saves_nothing() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (writer, member) = app
        .member_client("racer@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let theirs = publish(&app, &peer, &case_form("Peer case", &[])).await;
    // The erasure commits after the request passed its session check: set alone, as the
    // erasure's transaction leaves it for a request already past that check.
    let db = app.db().await;
    sqlx::query("update users set erased_at = 1 where id = $1")
        .bind(member.0)
        .execute(&db)
        .await
        .unwrap();
    let res = app
        .post_form(
            &writer,
            &format!("/cases/{theirs}/replies"),
            &[("body", "Qzrace reply after the erasure.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("This account was deleted")
    );
    let res = app
        .post_form(&writer, "/cases/new", &case_form("Qzrace case", &[]))
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    for sql in [
        "select count(*) from replies where body_md like 'Qzrace%'",
        "select count(*) from cases where title like 'Qzrace%'",
    ] {
        let n: i64 = sqlx::query_scalar(sql).fetch_one(&db).await.unwrap();
        assert_eq!(n, 0, "{sql}");
    }
}
