//! Invitations to join by email (docs/EMAIL.md): from `/admin/invites` the link goes to the
//! invitee through the outbox instead of being shown; the token leaves the outbox once sent.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::mail::{FROM, eventually, named_client};
use crate::smtp_sink::SmtpSink;
use crate::support::*;

#[tokio::test]
async fn an_admin_emails_an_invite_and_the_invitee_registers_from_the_message() {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app =
        TestApp::spawn_with(&[("CASEROOM_SMTP_URL", &url), ("CASEROOM_MAIL_FROM", FROM)]).await;
    let admin = named_client(&app, "admin@clinic.example", "Qzxadminname", &[Role::Admin]).await;

    let (status, page) = app.get(&admin, "/admin/invites").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Email it to them now"), "{page}");
    let res = app
        .post_form(
            &admin,
            "/admin/invites",
            &[
                ("email", "new@clinic.example"),
                ("role", "supervisor"),
                ("send", "email"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/admin/invites?notice=invite-emailed");
    let (_, page) = app.get(&admin, &location(&res)).await;
    assert!(page.contains("on its way by email"), "{page}");
    assert!(!page.contains("/register?token="), "the link is not shown");

    eventually("the invitation", || async { sink.messages().len() == 1 }).await;
    let message = sink.messages()[0].clone();
    assert!(
        message.contains("Subject: You are invited to join Caseroom"),
        "{message}"
    );
    assert!(message.contains("To: new@clinic.example"));
    assert!(
        !crate::mail::words_of(&message).contains("qzx"),
        "no inviter's name"
    );
    let start = message.find("/register?token=").expect("a link");
    let link: String = message[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    eventually("the link erased from the outbox", || async {
        let link: String = sqlx::query_scalar("select link from outbox")
            .fetch_one(&app.db().await)
            .await
            .expect("link");
        link.is_empty()
    })
    .await;

    let (status, page) = app.get(&app.client(), &link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("new@clinic.example"), "{page}");
    let res = app
        .post_form(
            &app.client(),
            "/register",
            &[
                ("token", &token_of(&link)),
                ("display_name", "New Supervisor"),
                ("password", GOOD_PASSWORD),
                ("confirm", GOOD_PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = app
        .sign_in(&app.client(), "new@clinic.example", GOOD_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // Choosing to see the link still shows it once, and sends nothing.
    let res = app
        .post_form(
            &admin,
            "/admin/invites",
            &[
                ("email", "other@clinic.example"),
                ("role", "clinician"),
                ("send", "link"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    assert!(res.text().await.unwrap().contains("/register?token="));
    let rows: i64 = sqlx::query_scalar("select count(*) from outbox")
        .fetch_one(&app.db().await)
        .await
        .expect("count");
    assert_eq!(rows, 1);
}

#[tokio::test]
async fn without_email_an_invite_cannot_be_emailed_and_the_form_keeps_what_was_typed() {
    let app = TestApp::spawn().await;
    let admin = named_client(&app, "admin@clinic.example", "Admin", &[Role::Admin]).await;
    let (_, page) = app.get(&admin, "/admin/invites").await;
    assert!(!page.contains("Email it to them now"), "{page}");
    let res = app
        .post_form(
            &admin,
            "/admin/invites",
            &[
                ("email", "new@clinic.example"),
                ("role", "supervisor"),
                ("send", "email"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = res.text().await.unwrap();
    assert!(page.contains("Email is not set up"), "{page}");
    assert!(page.contains("value=\"new@clinic.example\""));
    assert!(app.state.store.list_invites(10).await.unwrap().is_empty());
}
