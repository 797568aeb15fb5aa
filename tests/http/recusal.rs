//! "I may know this client" as a reader's recusal, from a case or from one of its replies, for
//! members and moderators alike; and moderators do not lock their own cases.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::cases::{case_form, publish, submit};
use crate::support::*;

#[tokio::test]
async fn may_know_said_on_a_reply_hides_the_whole_case_from_that_reader() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (author, _) = app
        .member_client("rec.author@clinic.example", &[Role::Clinician])
        .await;
    let (knows, _) = app
        .member_client("rec.knows@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("rec.peer@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(&app, &author, &case_form("A case someone may know", &[])).await;
    let reply = app.reply(&peer, id, "A thought from a peer.").await;
    let res = app
        .post_form(
            &knows,
            &format!("/replies/{reply}/flag"),
            &[("kind", "may_know"), ("note", "")],
        )
        .await;
    assert_eq!(location(&res), "/cases?notice=hidden-from-you");
    assert_eq!(
        app.get(&knows, &format!("/cases/{id}")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&knows, &format!("/replies/{reply}/flag")).await.0,
        StatusCode::NOT_FOUND
    );
    assert!(
        !app.get(&knows, "/cases")
            .await
            .1
            .contains("A case someone may know")
    );
    // Everyone else still reads it.
    assert_eq!(
        app.get(&peer, &format!("/cases/{id}")).await.0,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_moderator_who_may_know_the_client_recuses_and_another_reviews() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("recmod.author@clinic.example", &[Role::Clinician])
        .await;
    let (first, _) = app
        .member_client("recmod.first@clinic.example", &[Role::Moderator])
        .await;
    let id = submit(
        &app,
        &author,
        &case_form("A case in review a moderator may know", &[]),
    )
    .await;
    let (_, queue) = app.get(&first, "/review").await;
    assert!(queue.contains("A case in review a moderator may know"));
    let res = app
        .post_form(
            &first,
            &format!("/cases/{id}/flag"),
            &[("kind", "may_know")],
        )
        .await;
    assert_eq!(location(&res), "/cases?notice=hidden-from-you");
    for path in [format!("/review/{id}"), format!("/cases/{id}")] {
        assert_eq!(
            app.get(&first, &path).await.0,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let (_, queue) = app.get(&first, "/review").await;
    assert!(
        !queue.contains("A case in review a moderator may know"),
        "{queue}"
    );
    // The other moderator reviews it.
    app.approve(id).await;
}

#[tokio::test]
async fn a_moderator_does_not_lock_their_own_case() {
    let app = TestApp::spawn().await;
    let (both, _) = app
        .member_client(
            "lockown.both@clinic.example",
            &[Role::Moderator, Role::Clinician],
        )
        .await;
    let id = publish(&app, &both, &case_form("A moderator's own case", &[])).await;
    let res = app
        .post_form(
            &both,
            &format!("/cases/{id}/lock"),
            &[
                ("lock", "true"),
                ("reason", "Locking my own case for a while."),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let (_, page) = app.get(&both, &format!("/cases/{id}")).await;
    assert!(!page.contains("Lock this case"));
}
