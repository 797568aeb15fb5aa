//! The reply gate over HTTP: replies from members with few approved posts, and replies in which
//! the scanner finds anything, wait for a moderator; the thresholds are settings.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::cases::{case_form, publish};
use crate::support::*;

async fn post(app: &TestApp, client: &reqwest::Client, case: i64, body: &str) -> (i64, bool) {
    let res = app
        .post_form(client, &format!("/cases/{case}/replies"), &[("body", body)])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = location(&res);
    let id = reply_id_in(&to);
    (id, to.contains("notice=reply-held"))
}

#[tokio::test]
async fn a_newer_members_reply_waits_for_a_moderator_and_is_then_published() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("gate.author@clinic.example", &[Role::Clinician])
        .await;
    let (newcomer, _) = app
        .member_client("gate.new@clinic.example", &[Role::Clinician])
        .await;
    let (reader, _) = app
        .member_client("gate.reader@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(&app, &author, &case_form("A case with a held reply", &[])).await;
    let case = format!("/cases/{id}");

    let (reply, held) = post(&app, &newcomer, id, "Have you tried naming the pattern?").await;
    assert!(held, "a member with no approved posts is held");
    for client in [&author, &reader] {
        assert!(
            !app.get(client, &case)
                .await
                .1
                .contains("naming the pattern")
        );
    }
    let (_, own) = app.get(&newcomer, &case).await;
    assert!(own.contains("naming the pattern") && own.contains("Pending review"));
    assert!(
        !app.get(&author, "/notifications")
            .await
            .1
            .contains("replied")
    );

    let moderator = app.moderator().await;
    let (_, queue) = app.get(moderator, "/review").await;
    assert!(
        queue.contains("Replies waiting for review")
            && queue.contains(&format!("/review/replies/{reply}"))
    );
    assert!(app.get(moderator, "/").await.1.contains("Review queue (1)"));
    let (status, page) = app
        .get(moderator, &format!("/review/replies/{reply}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("naming the pattern") && page.contains("Approve and publish"));
    assert_eq!(
        app.get(&reader, &format!("/review/replies/{reply}"))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    // Incomplete checklist: refused, nothing changes.
    let res = app
        .post_form(
            moderator,
            &format!("/review/replies/{reply}/decide"),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    app.approve_reply(reply).await;
    let (_, page) = app.get(&reader, &case).await;
    assert!(page.contains("naming the pattern") && page.contains("Replies (1)"));
    assert!(
        app.get(&author, "/notifications")
            .await
            .1
            .contains("Someone replied to your case.")
    );
    assert!(
        app.get(&newcomer, "/notifications")
            .await
            .1
            .contains("A moderator approved your reply.")
    );
    assert_eq!(
        app.post_form(
            moderator,
            &format!("/review/replies/{reply}/decide"),
            &[
                ("decision", "reject"),
                ("reason", "Too late, it is already out.")
            ]
        )
        .await
        .status(),
        StatusCode::CONFLICT,
        "a decided reply is not decided twice"
    );
}

#[tokio::test]
async fn a_rejected_reply_stays_out_and_its_author_hears_why() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("reject.author@clinic.example", &[Role::Clinician])
        .await;
    let (writer, _) = app
        .member_client("reject.writer@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(
        &app,
        &author,
        &case_form("A case with a rejected reply", &[]),
    )
    .await;
    let (reply, held) = post(&app, &writer, id, "Call her sister, she will know.").await;
    assert!(held);
    let path = format!("/review/replies/{reply}/decide");
    let moderator = app.moderator().await;
    let res = app
        .post_form(
            moderator,
            &path,
            &[("decision", "reject"), ("reason", "no")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let reason = "Contacting relatives is not advice we can publish here.";
    let res = app
        .post_form(
            moderator,
            &path,
            &[("decision", "reject"), ("reason", reason)],
        )
        .await;
    assert_eq!(location(&res), "/review?notice=reply-rejected");
    assert!(
        !app.get(&author, &format!("/cases/{id}"))
            .await
            .1
            .contains("Call her sister")
    );
    let (_, notes) = app.get(&writer, "/notifications").await;
    assert!(notes.contains("decided not to publish your reply") && notes.contains(reason));

    // A moderator does not approve their own held reply.
    let (both, _) = app
        .member_client(
            "reject.both@clinic.example",
            &[Role::Moderator, Role::Clinician],
        )
        .await;
    let (own, held) = post(&app, &both, id, "A thought from a moderator.").await;
    assert!(held);
    let form = approval();
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app
        .post_form(&both, &format!("/review/replies/{own}/decide"), &form)
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn trusted_members_reply_at_once_unless_the_scanner_finds_something() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("trust.author@clinic.example", &[Role::Clinician])
        .await;
    // Three approved cases make the author a member whose replies publish at once.
    let mut last = 0;
    for n in 0..3 {
        last = publish(&app, &author, &case_form(&format!("Trusted case {n}"), &[])).await;
    }
    let (_, held) = post(&app, &author, last, "One more thought on my own case.").await;
    assert!(!held, "three approved posts: published at once");
    let (_, held) = post(&app, &author, last, "She gave me her number, 503-555-0147.").await;
    assert!(held, "a scanner finding holds any reply");
}

#[tokio::test]
async fn the_thresholds_are_settings() {
    let app = TestApp::spawn_with(&[
        ("CASEROOM_REPLY_REVIEW_BELOW", "0"),
        ("CASEROOM_REPLY_REVIEW_ON_FINDINGS", "false"),
    ])
    .await;
    let (author, _) = app
        .member_client("settings.author@clinic.example", &[Role::Clinician])
        .await;
    let (newcomer, _) = app
        .member_client("settings.new@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(&app, &author, &case_form("Settings decide", &[])).await;
    let (_, held) = post(&app, &newcomer, id, "Call 503-555-0147 about it.").await;
    assert!(!held, "both rules off: published at once");
}

#[tokio::test]
async fn an_edited_rejected_reply_goes_back_to_a_moderator_not_straight_to_readers() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (author, _) = app
        .member_client("rej.author@clinic.example", &[Role::Clinician])
        .await;
    let (writer, _) = app
        .member_client("rej.writer@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(
        &app,
        &author,
        &case_form("A case with a rejected reply", &[]),
    )
    .await;
    let (reply, held) = post(&app, &writer, id, "Call her on 503-555-0147.").await;
    assert!(held);
    let res = app
        .post_form(
            app.moderator().await,
            &format!("/review/replies/{reply}/decide"),
            &[
                ("decision", "reject"),
                ("reason", "Please leave the number out."),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = app
        .post_form(
            &writer,
            &format!("/replies/{reply}/edit"),
            &[("body", "A clean reply now.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        !app.get(&author, &format!("/cases/{id}"))
            .await
            .1
            .contains("A clean reply now."),
        "not published by its own author's edit"
    );
    let (_, queue) = app.get(app.moderator().await, "/review").await;
    assert!(
        queue.contains(&format!("/review/replies/{reply}")),
        "{queue}"
    );
    app.approve_reply(reply).await;
    assert!(
        app.get(&author, &format!("/cases/{id}"))
            .await
            .1
            .contains("A clean reply now.")
    );
}
