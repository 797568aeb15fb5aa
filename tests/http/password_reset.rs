//! Password reset (docs/EMAIL.md): "forgot password" emails a single-use link valid for 30
//! minutes and answers the same whether or not the address has an account; using the link ends
//! every session and every other link; a flood sends at most three; without email an admin
//! issues a link shown once.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::mail::{FROM, eventually};
use crate::smtp_sink::SmtpSink;
use crate::support::*;

const NEW_PASSWORD: &str = "harbour lichen compass";

/// The site path of the reset link in a message or page (`/password/reset?token=…`).
fn reset_path(text: &str) -> String {
    let start = text
        .find("/password/reset?token=")
        .unwrap_or_else(|| panic!("a reset link in {text}"));
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "/?=_-".contains(*c))
        .collect()
}

async fn ask(app: &TestApp, email: &str) -> reqwest::Response {
    app.post_form(&app.client(), "/password/forgot", &[("email", email)])
        .await
}

async fn reset(app: &TestApp, path: &str, password: &str, confirm: &str) -> reqwest::Response {
    app.post_form(
        &app.client(),
        "/password/reset",
        &[
            ("token", &token_of(path)),
            ("password", password),
            ("confirm", confirm),
        ],
    )
    .await
}

async fn reset_rows(app: &TestApp) -> i64 {
    sqlx::query_scalar("select count(*) from outbox where kind = 'password_reset'")
        .fetch_one(&app.db().await)
        .await
        .expect("count")
}

async fn with_sink() -> (SmtpSink, TestApp) {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app =
        TestApp::spawn_with(&[("CASEROOM_SMTP_URL", &url), ("CASEROOM_MAIL_FROM", FROM)]).await;
    (sink, app)
}

#[tokio::test]
async fn a_member_resets_a_forgotten_password_once_and_every_session_ends() {
    let (sink, app) = with_sink().await;
    let member = app
        .create_member("reader@clinic.example", "Qzxreadername", &[Role::Clinician])
        .await;
    let gone = app
        .create_member("gone@clinic.example", "Gone", &[Role::Clinician])
        .await;
    let admin =
        crate::mail::named_client(&app, "admin@clinic.example", "Admin", &[Role::Admin]).await;
    let res = app
        .post_form(
            &admin,
            &format!("/admin/users/{gone}/status"),
            &[("disabled", "true")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let signed_in = app.client();
    app.sign_in(&signed_in, "reader@clinic.example", GOOD_PASSWORD)
        .await;

    // The sign-in page leads to the form.
    let (status, login) = app.get(&app.client(), "/login").await;
    assert_eq!(status, StatusCode::OK);
    assert!(login.contains("href=\"/password/forgot\""), "{login}");
    let (status, page) = app.get(&app.client(), "/password/forgot").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("action=\"/password/forgot\""), "{page}");

    // The same answer for a member, a stranger and a disabled account.
    let mut answers = Vec::new();
    for email in [
        "Reader@Clinic.example ",
        "stranger@clinic.example",
        "gone@clinic.example",
    ] {
        let res = ask(&app, email).await;
        answers.push((res.status(), location(&res), res.text().await.unwrap()));
    }
    assert_eq!(answers[0].0, StatusCode::SEE_OTHER);
    assert_eq!(answers[0].1, "/password/forgot?notice=reset-asked");
    assert!(answers.iter().all(|a| *a == answers[0]), "{answers:?}");
    let (_, notice) = app.get(&app.client(), &answers[0].1).await;
    assert!(
        notice.contains("If an account uses that address"),
        "{notice}"
    );

    // One message, to the member, saying nothing but how to reset.
    eventually("the reset message", || async { sink.messages().len() == 1 }).await;
    assert_eq!(
        reset_rows(&app).await,
        1,
        "nothing for a stranger or a disabled account"
    );
    let message = sink.messages()[0].clone();
    assert!(
        message.contains("Subject: Reset your Caseroom password"),
        "{message}"
    );
    assert!(message.contains("To: reader@clinic.example"));
    assert!(
        !crate::mail::words_of(&message).contains("qzx"),
        "{message}"
    );
    let link = reset_path(&message);

    // Once sent, the token is no longer in the outbox; the table keeps only its hash.
    eventually("the link erased from the outbox", || async {
        let links: Vec<String> =
            sqlx::query_scalar("select link from outbox where kind = 'password_reset'")
                .fetch_all(&app.db().await)
                .await
                .expect("links");
        links == vec![String::new()]
    })
    .await;
    let stored: String = sqlx::query_scalar("select token_hash from password_resets")
        .fetch_one(&app.db().await)
        .await
        .expect("hash");
    assert!(!stored.contains(&token_of(&link)));

    // Opening the link changes nothing; a bad password keeps it usable.
    let (status, page) = app.get(&app.client(), &link).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Choose a new password"), "{page}");
    let res = reset(&app, &link, NEW_PASSWORD, "harbour lichen compasss").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = reset(&app, &link, "short", "short").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(
        body.contains("name=\"token\""),
        "the form is shown again: {body}"
    );

    // Used: every session ends, the old password stops working, the new one works.
    let res = reset(&app, &link, NEW_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/login?notice=password-reset");
    assert_eq!(app.state.store.count_sessions(member).await.unwrap(), 0);
    assert_ne!(app.get(&signed_in, "/account").await.0, StatusCode::OK);
    let res = app
        .sign_in(&app.client(), "reader@clinic.example", GOOD_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let res = app
        .sign_in(&app.client(), "reader@clinic.example", NEW_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // Used twice: gone, page and form alike; a made-up token is not found.
    assert_eq!(app.get(&app.client(), &link).await.0, StatusCode::GONE);
    let res = reset(
        &app,
        &link,
        "another good passphrase",
        "another good passphrase",
    )
    .await;
    assert_eq!(res.status(), StatusCode::GONE);
    assert!(res.text().await.unwrap().contains("already been used"));
    assert_eq!(
        app.get(&app.client(), "/password/reset?token=madeup")
            .await
            .0,
        StatusCode::NOT_FOUND
    );
    let actions = app.audit_actions().await;
    assert!(actions.iter().any(|a| a == "password_reset_issued"));
    assert!(actions.iter().any(|a| a == "password_reset_used"));
}

#[tokio::test]
async fn a_link_expires_a_flood_sends_three_and_one_reset_ends_every_other_link() {
    let (sink, app) = with_sink().await;
    app.create_member("reader@clinic.example", "Reader", &[Role::Clinician])
        .await;
    for _ in 0..6 {
        let res = ask(&app, "reader@clinic.example").await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&res), "/password/forgot?notice=reset-asked");
    }
    eventually("three messages", || async { sink.messages().len() == 3 }).await;
    assert_eq!(
        reset_rows(&app).await,
        3,
        "the flood stops at three an hour"
    );

    // Thirty minutes later the links are gone.
    let expired = reset_path(&sink.messages()[0]);
    app.clock.advance(30 * 60 + 1);
    assert_eq!(app.get(&app.client(), &expired).await.0, StatusCode::GONE);
    let res = reset(&app, &expired, NEW_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::GONE);

    // An hour on, two more can be asked for; using one ends the other.
    app.clock.advance(3600);
    for _ in 0..2 {
        ask(&app, "reader@clinic.example").await;
    }
    eventually("two more messages", || async { sink.messages().len() == 5 }).await;
    let messages = sink.messages();
    let (first, second) = (reset_path(&messages[3]), reset_path(&messages[4]));
    assert_ne!(first, second);
    let res = reset(&app, &second, NEW_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get(&app.client(), &first).await.0, StatusCode::GONE);
}

#[tokio::test]
async fn asking_is_rate_limited_per_address_and_a_malformed_address_is_told() {
    let (sink, app) = with_sink().await;
    let res = ask(&app, "not an address").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("value=\"not an address\"")
    );

    let limited = TestApp::spawn_with(&[
        ("CASEROOM_RATE_LIMITS", "password_reset=1/1h"),
        ("CASEROOM_SMTP_URL", &sink.url()),
        ("CASEROOM_MAIL_FROM", FROM),
    ])
    .await;
    // One address gets four times a member's count.
    for _ in 0..4 {
        let res = ask(&limited, "someone@clinic.example").await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let res = ask(&limited, "someone@clinic.example").await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn without_email_an_admin_issues_a_reset_link_shown_once() {
    let app = TestApp::spawn().await;
    let member = app
        .create_member("reader@clinic.example", "Reader", &[Role::Clinician])
        .await;
    let admin =
        crate::mail::named_client(&app, "admin@clinic.example", "Admin", &[Role::Admin]).await;
    let (moderator, _) = app
        .member_client("mod@clinic.example", &[Role::Moderator])
        .await;

    // The member is told to ask an admin; asking anyway is refused with the same words.
    let (status, page) = app.get(&app.client(), "/password/forgot").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("does not send email"), "{page}");
    assert!(!page.contains("action=\"/password/forgot\""));
    let res = ask(&app, "reader@clinic.example").await;
    assert_eq!(res.status(), StatusCode::CONFLICT);

    // Only an admin, never for their own account.
    let path = format!("/admin/users/{member}/reset");
    assert_eq!(
        app.post_form(&moderator, &path, &[]).await.status(),
        StatusCode::FORBIDDEN
    );
    let admin_id = app
        .state
        .store
        .find_auth_by_email("admin@clinic.example")
        .await
        .unwrap()
        .unwrap()
        .id;
    let res = app
        .post_form(&admin, &format!("/admin/users/{admin_id}/reset"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        app.post_form(&admin, "/admin/users/999999/reset", &[])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    let (_, users) = app.get(&admin, "/admin/users").await;
    assert!(users.contains("Make a password reset link"), "{users}");
    let res = app.post_form(&admin, &path, &[]).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let page = res.text().await.unwrap();
    let link = reset_path(&page);
    assert!(page.contains("shown only now"), "{page}");
    let (_, again) = app.get(&admin, "/admin/users").await;
    assert!(!again.contains(&token_of(&link)), "shown once");

    let res = reset(&app, &link, NEW_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = app
        .sign_in(&app.client(), "reader@clinic.example", NEW_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // A disabled account gets no link.
    app.post_form(
        &admin,
        &format!("/admin/users/{member}/status"),
        &[("disabled", "true")],
    )
    .await;
    assert_eq!(
        app.post_form(&admin, &path, &[]).await.status(),
        StatusCode::CONFLICT
    );
}

#[tokio::test]
async fn with_email_an_admin_reset_goes_to_the_member_not_the_admin() {
    let (sink, app) = with_sink().await;
    let member = app
        .create_member("reader@clinic.example", "Reader", &[Role::Clinician])
        .await;
    let admin =
        crate::mail::named_client(&app, "admin@clinic.example", "Admin", &[Role::Admin]).await;
    let (_, users) = app.get(&admin, "/admin/users").await;
    assert!(users.contains("Email a password reset link"));
    let res = app
        .post_form(&admin, &format!("/admin/users/{member}/reset"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&res),
        format!("/admin/users?notice=reset-emailed#user-{member}")
    );
    eventually("the message", || async { sink.messages().len() == 1 }).await;
    let message = sink.messages()[0].clone();
    assert!(message.contains("To: reader@clinic.example"), "{message}");
    let link = reset_path(&message);
    let res = reset(&app, &link, NEW_PASSWORD, NEW_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "{message}");
}

#[tokio::test]
async fn a_password_change_or_a_disable_closes_every_open_reset_link() {
    let (sink, app) = with_sink().await;
    let member = app
        .create_member("reader@clinic.example", "Reader", &[Role::Clinician])
        .await;
    let signed_in = app.client();
    app.sign_in(&signed_in, "reader@clinic.example", GOOD_PASSWORD)
        .await;
    ask(&app, "reader@clinic.example").await;
    eventually("the link", || async { sink.messages().len() == 1 }).await;
    let link = reset_path(&sink.messages()[0]);
    // The member changes their password knowing nothing of the link: it stops working.
    let res = app
        .post_form(
            &signed_in,
            "/account",
            &[
                ("current", GOOD_PASSWORD),
                ("password", NEW_PASSWORD),
                ("confirm", NEW_PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.get(&app.client(), &link).await.0, StatusCode::GONE);

    // Disabled with a link open, then enabled again: the old link stays closed.
    ask(&app, "reader@clinic.example").await;
    eventually("a second link", || async { sink.messages().len() == 2 }).await;
    let link = reset_path(&sink.messages()[1]);
    let admin =
        crate::mail::named_client(&app, "admin@clinic.example", "Admin", &[Role::Admin]).await;
    for disabled in ["true", "false"] {
        let res = app
            .post_form(
                &admin,
                &format!("/admin/users/{member}/status"),
                &[("disabled", disabled)],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    assert_eq!(app.get(&app.client(), &link).await.0, StatusCode::GONE);
}
