//! Watching a case (issue 19): its author, the members whose replies were published and its
//! supervisor of record are told of new replies unless they stop watching; anyone who sees the
//! case may watch it; nobody is told of what they may no longer see.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::cases::{case_form, publish, submit};
use crate::support::*;

/// How many notifications of `kind` the member has.
async fn told(app: &TestApp, user: caseroom::model::UserId, kind: &str) -> i64 {
    sqlx::query_scalar("select count(*) from notifications where user_id = $1 and kind = $2")
        .bind(user.0)
        .bind(kind)
        .fetch_one(&app.db().await)
        .await
        .unwrap()
}

#[tokio::test]
async fn watchers_are_told_of_new_replies_until_they_stop() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (author, author_id) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (supervisor, sup_id) = app
        .member_client("sup@clinic.example", &[Role::Supervisor])
        .await;
    let (replier, replier_id) = app
        .member_client("replier@clinic.example", &[Role::Clinician])
        .await;
    let (follower, follower_id) = app
        .member_client("follower@clinic.example", &[Role::Clinician])
        .await;
    let (_, bystander_id) = app
        .member_client("bystander@clinic.example", &[Role::Clinician])
        .await;
    let (knows, knows_id) = app
        .member_client("knows@clinic.example", &[Role::Clinician])
        .await;
    let sup = sup_id.0.to_string();
    let id = publish(
        &app,
        &author,
        &case_form("Qwtcase to watch", &[("supervisor", &sup)]),
    )
    .await;
    let page = format!("/cases/{id}");
    let watch = format!("/cases/{id}/watch");
    let (_, html) = app.get(&author, &page).await;
    assert!(html.contains("You are watching this case"), "{html}");
    let (_, html) = app.get(&follower, &page).await;
    assert!(html.contains("Watch this case"), "{html}");
    for client in [&follower, &knows] {
        let res = app.post_form(client, &watch, &[("watch", "yes")]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&res), format!("/cases/{id}?notice=watching"));
    }
    let (_, html) = app.get(&follower, &page).await;
    assert!(html.contains("Stop watching"), "{html}");
    // The one who may know the client says so: the case is hidden from them, watched or not.
    let res = app
        .post_form(
            &knows,
            &format!("/cases/{id}/flag"),
            &[("kind", "may_know")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    app.reply(&replier, id, "Qwtfirst reply").await;
    assert_eq!(told(&app, author_id, "reply").await, 1);
    for user in [sup_id, follower_id] {
        assert_eq!(told(&app, user, "watched_reply").await, 1, "{user:?}");
    }
    for user in [replier_id, bystander_id, knows_id] {
        assert_eq!(told(&app, user, "watched_reply").await, 0, "{user:?}");
    }
    let (_, notes) = app.get(&follower, "/notifications").await;
    assert!(
        notes.contains("There is a new reply on a case you watch.") && notes.contains("Qwtcase"),
        "{notes}"
    );

    // The replier now watches by default; the supervisor's feedback tells them, and the
    // author as supervisor feedback.
    app.reply(&supervisor, id, "Qwtfeedback").await;
    assert_eq!(told(&app, replier_id, "watched_reply").await, 1);
    assert_eq!(told(&app, author_id, "supervisor_feedback").await, 1);
    assert_eq!(
        told(&app, sup_id, "watched_reply").await,
        1,
        "not of their own reply"
    );

    // Stopping outlasts their next reply; the author may stop too.
    for client in [&replier, &author] {
        let res = app.post_form(client, &watch, &[("watch", "no")]).await;
        assert_eq!(location(&res), format!("/cases/{id}?notice=not-watching"));
    }
    app.reply(&replier, id, "Qwtsecond reply").await;
    app.reply(&follower, id, "Qwtfollower reply").await;
    assert_eq!(told(&app, replier_id, "watched_reply").await, 1);
    assert_eq!(told(&app, author_id, "reply").await, 1);
    assert_eq!(told(&app, sup_id, "watched_reply").await, 3);
    let (_, html) = app.get(&replier, &page).await;
    assert!(html.contains("Watch this case"), "{html}");
    assert_eq!(told(&app, knows_id, "watched_reply").await, 0);
}

#[tokio::test]
async fn watching_is_refused_clearly_where_it_does_not_apply() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let pending = submit(&app, &author, &case_form("Qwtpending", &[])).await;
    let res = app
        .post_form(
            &author,
            &format!("/cases/{pending}/watch"),
            &[("watch", "yes")],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "not before it is published"
    );
    let res = app
        .post_form(
            &peer,
            &format!("/cases/{pending}/watch"),
            &[("watch", "yes")],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "a case the peer cannot see"
    );
    let id = publish(&app, &author, &case_form("Qwtpublished", &[])).await;
    for bad in ["", "maybe", "yes\u{0}"] {
        let res = app
            .post_form(&peer, &format!("/cases/{id}/watch"), &[("watch", bad)])
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad:?}");
        assert!(res.text().await.unwrap().contains("Choose to watch"));
    }
    let res = app
        .post_form(
            &app.client(),
            &format!("/cases/{id}/watch"),
            &[("watch", "yes")],
        )
        .await;
    assert!(
        matches!(
            res.status(),
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
        ),
        "a visitor: {}",
        res.status()
    );
    let res = app
        .post_form(&peer, "/cases/99999/watch", &[("watch", "yes")])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}
