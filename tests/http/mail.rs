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

pub const FROM: &str = "Caseroom <caseroom@clinic.example>";

/// A message in lower case with its random parts blanked (tokens, unsubscribe signatures,
/// the Message-ID and the date), so a check for words cannot be tripped by chance letters.
pub fn words_of(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for line in message.lines() {
        if line.starts_with("Message-ID:") || line.starts_with("Date:") {
            continue;
        }
        let mut rest = line;
        while let Some(at) = ["token=", "s="]
            .iter()
            .filter_map(|k| rest.find(k).map(|i| i + k.len()))
            .min()
        {
            out.push_str(&rest[..at]);
            let end = rest[at..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .map_or(rest.len(), |e| at + e);
            rest = &rest[end..];
        }
        out.push_str(rest);
        out.push('\n');
    }
    out.to_lowercase()
}

/// Polls `check` every 100 ms for up to ten seconds.
pub async fn eventually<F: Fn() -> Fut, Fut: std::future::Future<Output = bool>>(
    what: &str,
    check: F,
) {
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
        .expect("enqueue")
        .expect("written");
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
        .expect("enqueue")
        .expect("written");
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
        .expect("enqueue")
        .expect("written");
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
        .expect("enqueue")
        .expect("written");
    eventually("the injected address failed", || async {
        row(&app, injected).await.2.is_some()
    })
    .await;
    assert!(sink.messages().iter().all(|m| !m.contains("evil.example")));
    let failed = store.failed_mail(10).await.expect("failed");
    assert_eq!(failed.len(), 2);
    assert_eq!(sink.messages().len(), 2);

    // The admins see what failed and why; nobody else does, and no address is shown.
    let admin = named_client(&app, "admin@clinic.example", "Admin", &[Role::Admin]).await;
    let (status, page) = app.get(&admin, "/admin/outbox").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("5.1.1 Mailbox unavailable"), "{page}");
    assert!(page.contains("forum_invitation"));
    assert!(!page.contains("reader@clinic.example") && !page.contains("new@clinic.example"));
    let reader = app.client();
    app.sign_in(&reader, "reader@clinic.example", GOOD_PASSWORD)
        .await;
    assert_eq!(
        app.get(&reader, "/admin/outbox").await.0,
        StatusCode::FORBIDDEN
    );
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
        .expect("enqueue")
        .expect("written");
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

/// Signs in a member created with a name of our choosing.
pub async fn named_client(
    app: &TestApp,
    email: &str,
    name: &str,
    roles: &[Role],
) -> reqwest::Client {
    app.create_member(email, name, roles).await;
    let client = app.client();
    let res = app.sign_in(&client, email, GOOD_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    client
}

#[tokio::test]
async fn what_members_do_arrives_by_email_and_no_message_holds_a_word_of_the_case() {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app = TestApp::spawn_with(&[
        ("CASEROOM_SMTP_URL", &url),
        ("CASEROOM_MAIL_FROM", FROM),
        ("CASEROOM_REPLY_REVIEW_BELOW", "0"),
    ])
    .await;
    let author = named_client(
        &app,
        "author@clinic.example",
        "Qzxauthorname",
        &[Role::Clinician],
    )
    .await;
    let peer = named_client(
        &app,
        "peer@clinic.example",
        "Qzxpeername",
        &[Role::Clinician],
    )
    .await;
    let supervisor = named_client(
        &app,
        "sup@clinic.example",
        "Qzxsupname",
        &[Role::Supervisor],
    )
    .await;
    let admin = named_client(&app, "admin@clinic.example", "Qzxadminname", &[Role::Admin]).await;

    let id = crate::cases::submit(
        &app,
        &author,
        &crate::cases::case_form("Qzxcasetitle about a stuck point", &[]),
    )
    .await;
    app.approve(id).await;
    for (client, body) in [
        (&peer, "Qzxpeerreply: have you named the pattern?"),
        (&supervisor, "Qzxsupreply: notice your own reaction first."),
    ] {
        let res = app
            .post_form(client, &format!("/cases/{id}/replies"), &[("body", body)])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let group = crate::groups::create_group(&app, &admin, "Qzxgroupname peers").await;
    let res = app
        .post_form(
            &admin,
            &format!("/groups/{group}/invite"),
            &[("email", "peer@clinic.example"), ("role", "member")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    // The peer watches the case since their reply: the supervisor's reply tells them too.
    eventually("five messages", || async { sink.messages().len() == 5 }).await;
    let messages = sink.messages();
    let to_author = messages
        .iter()
        .filter(|m| m.contains("To: author@clinic.example"))
        .count();
    assert_eq!(to_author, 3, "approved, a reply, a supervisor's reply");
    for subject in [
        "A moderator has reviewed your case",
        "Someone replied to your case",
        "A supervisor replied to your case",
        "You are invited to a consultation group",
        "A new reply on a case you watch",
    ] {
        assert!(
            messages
                .iter()
                .any(|m| m.contains(&format!("Subject: {subject}"))),
            "{subject}"
        );
    }
    // No word of the case, of a reply, of the group, of anyone's name; the case's own words
    // from the form too.
    for message in &messages {
        let lower = words_of(message);
        for word in [
            "qzx",
            "cancels",
            "woman",
            "stuck point",
            "pattern",
            "reaction",
        ] {
            assert!(!lower.contains(word), "{word} in {message}");
        }
    }
}

#[tokio::test]
async fn without_smtp_nothing_is_written_to_the_outbox() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let id = crate::cases::submit(
        &app,
        &author,
        &crate::cases::case_form("A case that waits for a reply", &[]),
    )
    .await;
    app.approve(id).await;
    let res = app
        .post_form(
            &peer,
            &format!("/cases/{id}/replies"),
            &[("body", "A reply.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let notified: i64 = sqlx::query_scalar("select count(*) from notifications")
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert!(notified >= 2, "the site still notifies");
    let queued: i64 = sqlx::query_scalar("select count(*) from outbox")
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!(queued, 0);
}

#[tokio::test]
async fn a_flagger_is_told_by_email_when_a_moderator_acts_on_their_flag() {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app = TestApp::spawn_with(&[
        ("CASEROOM_SMTP_URL", &url),
        ("CASEROOM_MAIL_FROM", FROM),
        ("CASEROOM_REPLY_REVIEW_BELOW", "0"),
    ])
    .await;
    let author = named_client(&app, "author@clinic.example", "Author", &[Role::Clinician]).await;
    let peer = named_client(&app, "peer@clinic.example", "Peer", &[Role::Clinician]).await;
    let flagger = named_client(&app, "sup@clinic.example", "Sup", &[Role::Supervisor]).await;
    let id = crate::cases::submit(
        &app,
        &author,
        &crate::cases::case_form("A case the supervisor flags", &[]),
    )
    .await;
    app.approve(id).await;
    let res = app
        .post_form(
            &peer,
            &format!("/cases/{id}/replies"),
            &[("body", "A reply to flag.")],
        )
        .await;
    let reply = crate::support::reply_id_in(&location(&res));
    eventually("the approval and the reply", || async {
        sink.messages().len() == 2
    })
    .await;

    // The supervisor's flag takes the case back to review; the approval answers it.
    let res = app
        .post_form(
            &flagger,
            &format!("/cases/{id}/flag"),
            &[("kind", "may_identify")],
        )
        .await;
    assert_eq!(location(&res), "/cases?notice=flag-hid-case");
    app.approve(id).await;
    eventually("the flag's outcome", || async {
        sink.messages().iter().any(|m| {
            m.contains("To: sup@clinic.example") && m.contains("A moderator acted on your flag")
        })
    })
    .await;

    // A flagged reply restored by a moderator: its flagger is told too.
    let res = app
        .post_form(
            &flagger,
            &format!("/replies/{reply}/flag"),
            &[("kind", "may_identify"), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let before = sink.messages().len();
    let res = app
        .post_form(
            app.moderator().await,
            &format!("/replies/{reply}/restore"),
            &[],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    eventually("the restored reply's outcome", || async {
        sink.messages().len() > before
    })
    .await;
    let last = sink.messages().pop().unwrap_or_default();
    assert!(
        last.contains("To: sup@clinic.example") && last.contains("A moderator acted on your flag")
    );
}

#[tokio::test]
async fn a_password_kept_in_a_file_signs_in_to_the_smtp_server() {
    let sink = SmtpSink::start().await;
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("smtp-password");
    std::fs::write(&file, "s3cret pass\n").expect("write");
    let url = format!("smtp://relay@127.0.0.1:{}", sink.port);
    let file_name = file.display().to_string();
    let app = TestApp::spawn_with(&[
        ("CASEROOM_SMTP_URL", &url),
        ("CASEROOM_MAIL_FROM", FROM),
        ("CASEROOM_SMTP_PASSWORD_FILE", &file_name),
    ])
    .await;
    let member = app
        .create_member("reader@clinic.example", "Reader", &[Role::Clinician])
        .await;
    app.state
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
    eventually("the message", || async { sink.messages().len() == 1 }).await;
    assert_eq!(sink.logins(), vec!["relay:s3cret pass".to_owned()]);

    // A file that cannot be read, or a password with no user to go with it, stops start with
    // one line that shows neither the URL nor the password.
    use caseroom::server::config::Config;
    for (url, file, expect) in [
        (
            "smtp://relay@mail.example",
            "/no/such/file",
            "CASEROOM_SMTP_PASSWORD_FILE",
        ),
        (
            "smtp://mail.example",
            file_name.as_str(),
            "CASEROOM_SMTP_URL",
        ),
    ] {
        let vars = [
            ("CASEROOM_SMTP_URL", url),
            ("CASEROOM_MAIL_FROM", FROM),
            ("CASEROOM_SMTP_PASSWORD_FILE", file),
        ];
        let err = Config::load(
            |k| {
                vars.iter()
                    .find(|(name, _)| *name == k)
                    .map(|(_, v)| (*v).to_owned())
            },
            None,
        )
        .expect_err("refused");
        let text = err.to_string();
        assert!(text.contains(expect), "{text}");
        assert!(
            !text.contains("s3cret") && !text.contains("mail.example"),
            "{text}"
        );
    }
}

#[test]
fn random_parts_are_blanked_before_words_are_checked() {
    let message = "Subject: Reset\r\nMessage-ID: <outbox-1@QZXhost>\r\n\r\nhttp://h/password/reset?token=abQZXcd-_9 end\r\n<http://h/unsubscribe?u=1&k=case_reply&s=WoMaN42>\r\nQzx name\r\n";
    let words = words_of(message);
    assert_eq!(words.matches("qzx").count(), 1, "{words}");
    assert!(!words.contains("woman"));
    assert!(
        words.contains("token= end") && words.contains("k=case_reply&s=>"),
        "{words}"
    );
}
