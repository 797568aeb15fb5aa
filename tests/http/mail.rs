//! Email through a real SMTP conversation (docs/EMAIL.md): the server's own sender delivers an
//! outbox row to an SMTP sink on loopback; a refusal for now is retried after its backoff, one
//! for good fails the row for the admins; an address carrying a header is never sent; an
//! unreachable server leaves the site working and the row waiting.

use std::time::Duration;

use caseroom::domain::role::Role;
use caseroom::server::store::{BACKOFF_SECS, Outgoing, Recipient};
use reqwest::StatusCode;

use crate::smtp_sink::{Mode, SmtpSink};
use crate::support::*;

const FROM: &str = "Caseroom <caseroom@clinic.example>";

/// Polls `check` every 100 ms for up to ten seconds.
async fn eventually<F: Fn() -> Fut, Fut: std::future::Future<Output = bool>>(what: &str, check: F) {
    for _ in 0..100 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("timed out waiting for {what}");
}

async fn row(app: &TestApp, id: i64) -> (i64, Option<i64>, Option<i64>, Option<String>) {
    sqlx::query_as("select attempts, sent_at, failed_at, last_error from outbox where id = $1")
        .bind(id)
        .fetch_one(&app.db().await)
        .await
        .expect("the row")
}

#[tokio::test]
async fn the_sender_delivers_retries_after_a_refusal_and_fails_what_cannot_be_sent() {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app =
        TestApp::spawn_with(&[("CASEROOM_SMTP_URL", &url), ("CASEROOM_MAIL_FROM", FROM)]).await;
    let store = &app.state.store;
    let member = app
        .create_member("reader@clinic.example", "Reader", &[Role::Clinician])
        .await;
    let reply = |link: &str| Outgoing {
        kind: "supervisor_feedback",
        to: Recipient::Member(member),
        link: link.to_owned(),
    };

    // Delivered, with its fixed subject and a link to the site, and marked sent.
    let first = store
        .enqueue_mail(&reply("/cases/5"), app.state.clock.now())
        .await
        .expect("enqueue");
    eventually("the first message", || async { sink.messages().len() == 1 }).await;
    let message = &sink.messages()[0];
    assert!(
        message.contains("Subject: A supervisor replied to your case"),
        "{message}"
    );
    assert!(message.contains("To: reader@clinic.example"));
    assert!(message.contains("/cases/5"));
    assert!(message.contains(&format!("Message-ID: <outbox-{first}@")));
    eventually("the row marked sent", || async {
        row(&app, first).await.1.is_some()
    })
    .await;

    // Refused for now: counted, kept, and sent once its backoff has passed.
    sink.set_mode(Mode::RefuseForNow);
    let second = store
        .enqueue_mail(&reply("/cases/6"), app.state.clock.now())
        .await
        .expect("enqueue");
    eventually("the refusal counted", || async {
        row(&app, second).await.0 == 1
    })
    .await;
    let (_, sent, failed, error) = row(&app, second).await;
    assert_eq!((sent, failed), (None, None));
    assert!(error.unwrap_or_default().contains("451"));
    sink.set_mode(Mode::Accept);
    app.clock.advance(BACKOFF_SECS[0]);
    eventually("the retried message", || async {
        sink.messages().len() == 2
    })
    .await;
    eventually("the retry marked sent", || async {
        row(&app, second).await.1.is_some()
    })
    .await;

    // Refused for good: failed at once, listed for the admins.
    sink.set_mode(Mode::RefuseForGood);
    let third = store
        .enqueue_mail(&reply("/cases/7"), app.state.clock.now())
        .await
        .expect("enqueue");
    eventually("the permanent refusal", || async {
        row(&app, third).await.2.is_some()
    })
    .await;
    sink.set_mode(Mode::Accept);

    // An address that carries a header is never handed to SMTP.
    let injected = store
        .enqueue_mail(
            &Outgoing {
                kind: "forum_invitation",
                to: Recipient::Address("new@clinic.example\r\nBcc: spy@evil.example".into()),
                link: "/register?token=abc".into(),
            },
            app.state.clock.now(),
        )
        .await
        .expect("enqueue");
    eventually("the injected address failed", || async {
        row(&app, injected).await.2.is_some()
    })
    .await;
    assert!(sink.messages().iter().all(|m| !m.contains("evil.example")));
    let failed = store.failed_mail(10).await.expect("failed");
    assert_eq!(failed.len(), 2);
    assert_eq!(sink.messages().len(), 2);
}

#[tokio::test]
async fn an_unreachable_smtp_server_leaves_the_site_working_and_the_row_waiting() {
    // A port nothing listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    let url = format!("smtp://127.0.0.1:{port}");
    let app =
        TestApp::spawn_with(&[("CASEROOM_SMTP_URL", &url), ("CASEROOM_MAIL_FROM", FROM)]).await;
    let member = app
        .create_member("reader@clinic.example", "Reader", &[Role::Clinician])
        .await;
    let id = app
        .state
        .store
        .enqueue_mail(
            &Outgoing {
                kind: "case_reply",
                to: Recipient::Member(member),
                link: "/cases/1".into(),
            },
            app.state.clock.now(),
        )
        .await
        .expect("enqueue");
    eventually("the failed attempt counted", || async {
        row(&app, id).await.0 == 1
    })
    .await;
    let (_, sent, failed, _) = row(&app, id).await;
    assert_eq!((sent, failed), (None, None), "waiting for its next attempt");
    assert_eq!(app.get(&app.client(), "/login").await.0, StatusCode::OK);
}

#[tokio::test]
async fn a_bad_smtp_setting_stops_start_with_one_line_and_no_password() {
    use caseroom::server::config::Config;
    for (url, from, expect) in [
        (
            "http://user:secretpw@mail.example",
            Some(FROM),
            "CASEROOM_SMTP_URL",
        ),
        (
            "smtp://user:secretpw@mail.example",
            None,
            "CASEROOM_MAIL_FROM",
        ),
        (
            "smtp://user:secretpw@mail.example",
            Some("not an address"),
            "CASEROOM_MAIL_FROM",
        ),
    ] {
        let mut vars = vec![("CASEROOM_SMTP_URL", url)];
        if let Some(f) = from {
            vars.push(("CASEROOM_MAIL_FROM", f));
        }
        let map: std::collections::HashMap<&str, &str> = vars.into_iter().collect();
        let error = Config::load(|k| map.get(k).map(|v| (*v).to_owned()), None)
            .expect_err("refused")
            .to_string();
        assert!(error.contains(expect), "{error}");
        assert!(!error.contains("secretpw"), "{error}");
    }
}
