//! A member changes their email (issue 19): with email set up, a link to the new address makes
//! the change and the old address is told; without it, the change is made at once. The
//! password is asked for first; a link works once, for a day, and the latest only.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::mail::{FROM, eventually};
use crate::smtp_sink::SmtpSink;
use crate::support::*;

/// The site path of the confirmation link in a message.
fn confirm_path(text: &str) -> String {
    let start = text
        .find("/account/email/confirm?token=")
        .unwrap_or_else(|| panic!("a confirmation link in {text}"));
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || "/?=_-".contains(*c))
        .collect()
}

fn token_in(path: &str) -> String {
    path.split("token=").nth(1).unwrap_or_default().to_owned()
}

async fn ask(
    app: &TestApp,
    client: &reqwest::Client,
    email: &str,
    password: &str,
) -> reqwest::Response {
    app.post_form(
        client,
        "/account/email-change",
        &[("new_email", email), ("password", password)],
    )
    .await
}

#[tokio::test]
async fn a_new_address_is_confirmed_from_a_link_sent_there_and_the_old_one_is_told() {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app =
        TestApp::spawn_with(&[("CASEROOM_SMTP_URL", &url), ("CASEROOM_MAIL_FROM", FROM)]).await;
    let (member, _) = app
        .member_client("old@clinic.example", &[Role::Clinician])
        .await;
    app.create_member("taken@clinic.example", "Someone Else", &[Role::Clinician])
        .await;
    let (_, page) = app.get(&member, "/account").await;
    assert!(
        page.contains("old@clinic.example") && page.contains("Change email"),
        "{page}"
    );

    // Refused, with the typed address kept.
    for (email, password, why) in [
        (
            "new@clinic.example",
            "not my password",
            "password is not right",
        ),
        ("not an address", GOOD_PASSWORD, "email"),
        ("OLD@clinic.example", GOOD_PASSWORD, "already your email"),
    ] {
        let res = ask(&app, &member, email, password).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{email}");
        let page = res.text().await.unwrap();
        assert!(page.contains(why), "{why}: {page}");
        assert!(
            !page.contains(password) || password == GOOD_PASSWORD,
            "the password is never kept"
        );
    }

    let res = ask(&app, &member, "First@Clinic.example", GOOD_PASSWORD).await;
    assert_eq!(location(&res), "/account?notice=email-link-sent#your-email");
    let res = ask(&app, &member, "new@clinic.example", GOOD_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    eventually("two links", || async { sink.messages().len() == 2 }).await;
    let messages = sink.messages();
    let first = confirm_path(&messages[0]);
    let second = confirm_path(&messages[1]);
    assert!(
        messages[1].contains("To: new@clinic.example")
            && messages[1].contains("Subject: Confirm your new Caseroom email")
    );
    // Once sent, the rows keep neither the token nor the addresses, and they name the member
    // (so erasing the member erases them).
    let db = app.db().await;
    eventually("the links erased from the outbox", || async {
        let left: i64 = sqlx::query_scalar(
            "select count(*) from outbox where kind = 'email_confirm' and (link <> '' or address <> '' or user_id is null)",
        )
        .fetch_one(&db)
        .await
        .unwrap();
        left == 0
    })
    .await;
    // The old address still signs in until the link is followed.
    assert_eq!(
        app.sign_in(&app.client(), "old@clinic.example", GOOD_PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );

    // The page of a link changes nothing, and needs no sign-in.
    let visitor = app.client();
    let (status, page) = app.get(&visitor, &second).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("new@clinic.example") && page.contains("Confirm the new email"),
        "{page}"
    );
    let (status, _) = app.get(&visitor, &first).await;
    assert_eq!(
        status,
        StatusCode::GONE,
        "a later link replaces an earlier one"
    );
    let res = app
        .post_form(
            &visitor,
            "/account/email/confirm",
            &[("token", &token_in(&second))],
        )
        .await;
    assert_eq!(location(&res), "/login?notice=email-changed");
    let res = app
        .post_form(
            &visitor,
            "/account/email/confirm",
            &[("token", &token_in(&second))],
        )
        .await;
    assert_eq!(res.status(), StatusCode::GONE, "once");
    assert_eq!(
        app.sign_in(&app.client(), "new@clinic.example", GOOD_PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_ne!(
        app.sign_in(&app.client(), "old@clinic.example", GOOD_PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    eventually("the old address told", || async {
        sink.messages().len() == 3
    })
    .await;
    let told = sink.messages()[2].clone();
    assert!(
        told.contains("To: old@clinic.example")
            && told.contains("Subject: Your Caseroom email was changed"),
        "{told}"
    );
    assert!(
        !told.contains("new@clinic"),
        "the old address is not told the new one"
    );

    // An address another account uses: the link goes, and following it changes nothing.
    let res = ask(&app, &member, "taken@clinic.example", GOOD_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    eventually("the link to a taken address", || async {
        sink.messages().len() == 4
    })
    .await;
    let path = confirm_path(&sink.messages()[3]);
    let res = app
        .post_form(
            &visitor,
            "/account/email/confirm",
            &[("token", &token_in(&path))],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    for bad in ["", "madeup", &"x".repeat(4000)] {
        let res = app
            .post_form(&visitor, "/account/email/confirm", &[("token", bad)])
            .await;
        assert_eq!(res.status(), StatusCode::GONE);
    }
    // Three links an hour (the three above), then a clear refusal.
    let res = ask(&app, &member, "fourth@clinic.example", GOOD_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let details: Vec<String> = sqlx::query_scalar(
        "select detail from audit_log where action in ('email_change_asked', 'email_changed')",
    )
    .fetch_all(&db)
    .await
    .unwrap();
    assert_eq!(details.len(), 4);
    assert!(
        details.iter().all(String::is_empty),
        "no address in the log"
    );
}

#[tokio::test]
async fn without_email_the_change_is_made_at_once() {
    let app = TestApp::spawn().await;
    let (member, _) = app
        .member_client("old@clinic.example", &[Role::Clinician])
        .await;
    app.create_member("taken@clinic.example", "Someone Else", &[Role::Clinician])
        .await;
    let res = ask(&app, &member, "taken@clinic.example", GOOD_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = ask(&app, &member, "new@clinic.example", GOOD_PASSWORD).await;
    assert_eq!(location(&res), "/account?notice=email-changed#your-email");
    let (_, page) = app.get(&member, "/account").await;
    assert!(page.contains("new@clinic.example"), "{page}");
    assert_eq!(
        app.sign_in(&app.client(), "new@clinic.example", GOOD_PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
}
