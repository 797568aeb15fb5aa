//! Email preferences, the daily digest and unsubscribing (docs/EMAIL.md): a member chooses per
//! kind; a digest counts what waited and says nothing else; every message a member subscribes
//! to carries a signed one-click unsubscribe link that needs no sign-in and changes nothing on
//! GET.

use caseroom::domain::role::Role;
use caseroom::model::{MailDelivery, UserId};
use caseroom::server::store::{Outgoing, Recipient};
use reqwest::StatusCode;

use crate::mail::{FROM, eventually, named_client};
use crate::smtp_sink::SmtpSink;
use crate::support::*;

async fn with_sink(extra: &[(&str, &str)]) -> (SmtpSink, TestApp) {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let mut vars = vec![
        ("CASEROOM_SMTP_URL", url.as_str()),
        ("CASEROOM_MAIL_FROM", FROM),
    ];
    vars.extend_from_slice(extra);
    let app = TestApp::spawn_with(&vars).await;
    (sink, app)
}

/// The site path in a message's `List-Unsubscribe` header.
fn unsubscribe_path(message: &str) -> String {
    let line = message
        .lines()
        .find(|l| l.starts_with("List-Unsubscribe: <"))
        .unwrap_or_else(|| panic!("no List-Unsubscribe in {message}"));
    let url = line
        .trim_start_matches("List-Unsubscribe: <")
        .trim_end()
        .trim_end_matches('>');
    let start = url.find("/unsubscribe?").expect("a path");
    url[start..].to_owned()
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.db().await)
        .await
        .expect(sql)
}

#[tokio::test]
async fn a_member_chooses_per_kind_and_the_daily_digest_counts_what_waited() {
    let (sink, app) = with_sink(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let author = named_client(
        &app,
        "author@clinic.example",
        "Qzxauthor",
        &[Role::Clinician],
    )
    .await;
    let peer = named_client(&app, "peer@clinic.example", "Qzxpeer", &[Role::Clinician]).await;
    let supervisor = named_client(&app, "sup@clinic.example", "Qzxsup", &[Role::Supervisor]).await;
    let author_id = app
        .state
        .store
        .find_auth_by_email("author@clinic.example")
        .await
        .unwrap()
        .unwrap()
        .id;

    let (status, page) = app.get(&author, "/account").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("action=\"/account/email\""), "{page}");
    assert!(page.contains("Supervisor feedback on my cases"));

    // A value that is not a choice is refused and nothing is saved.
    let res = app
        .post_form(&author, "/account/email", &[("case_reply", "hourly")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Choose immediately, a daily digest or never")
    );
    assert!(
        app.state
            .store
            .mail_preferences(author_id)
            .await
            .unwrap()
            .is_empty()
    );

    let res = app
        .post_form(
            &author,
            "/account/email",
            &[
                ("case_reply", "digest"),
                ("supervisor_feedback", "none"),
                ("case_reviewed", "immediately"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/account?notice=email-saved#email");
    let mut saved = app.state.store.mail_preferences(author_id).await.unwrap();
    saved.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        saved,
        vec![
            ("case_reply".to_owned(), MailDelivery::Digest),
            ("supervisor_feedback".to_owned(), MailDelivery::Never),
        ]
    );

    // The review comes at once; two replies wait for the digest; the supervisor's reply is not
    // emailed at all.
    let id = crate::cases::submit(
        &app,
        &author,
        &crate::cases::case_form("Qzxcasetitle about a stuck point", &[]),
    )
    .await;
    app.approve(id).await;
    // The peer does not watch the case: only the author's messages are counted here.
    let res = app
        .post_form(&peer, &format!("/cases/{id}/watch"), &[("watch", "no")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    for (client, body) in [
        (&peer, "Qzxfirst: have you named the pattern?"),
        (&peer, "Qzxsecond: and the rupture?"),
        (&supervisor, "Qzxthird: notice your own reaction first."),
    ] {
        let res = app
            .post_form(client, &format!("/cases/{id}/replies"), &[("body", body)])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    eventually("the review's message", || async {
        sink.messages().len() == 1
    })
    .await;
    let review = sink.messages()[0].clone();
    assert!(review.contains("Subject: A moderator has reviewed your case"));
    assert!(
        unsubscribe_path(&review).contains("k=case_reviewed"),
        "{review}"
    );
    assert_eq!(count(&app, "select count(*) from digest_items").await, 2);
    assert_eq!(count(&app, "select count(*) from outbox").await, 1);

    // A day on, at the digest hour, one digest with the count and nothing else.
    app.clock.advance(24 * 3600);
    eventually("the digest", || async { sink.messages().len() == 2 }).await;
    let digest = sink.messages()[1].clone();
    assert!(digest.contains("Subject: Your Caseroom digest"), "{digest}");
    assert!(digest.contains("To: author@clinic.example"));
    assert!(digest.contains("- Replies to your cases: 2"), "{digest}");
    assert!(digest.contains("/notifications"));
    assert!(unsubscribe_path(&digest).contains("k=digest"));
    let lower = crate::mail::words_of(&digest);
    for word in ["qzx", "pattern", "rupture", "reaction", "stuck point"] {
        assert!(!lower.contains(word), "{word} in {digest}");
    }
    // Made once: another day with nothing waiting sends nothing.
    assert_eq!(
        count(
            &app,
            "select count(*) from digest_items where outbox_id is null"
        )
        .await,
        0
    );
    app.clock.advance(24 * 3600);
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(sink.messages().len(), 2);
}

#[tokio::test]
async fn an_unsubscribe_link_stops_its_kind_without_sign_in_and_only_when_posted() {
    let (sink, app) = with_sink(&[]).await;
    let member = app
        .create_member("reader@clinic.example", "Reader", &[Role::Clinician])
        .await;
    let other = app
        .create_member("other@clinic.example", "Other", &[Role::Clinician])
        .await;
    let to = |kind: &'static str, user: UserId| Outgoing {
        kind,
        to: Recipient::Member(user),
        link: "/cases/1".into(),
    };
    let store = &app.state.store;
    let now = app.state.clock.now();
    store
        .enqueue_mail(&to("case_reply", member), now)
        .await
        .unwrap();
    eventually("the message", || async { sink.messages().len() == 1 }).await;
    let message = sink.messages()[0].clone();
    assert!(message.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    let path = unsubscribe_path(&message);
    assert!(
        message.contains("To stop these emails:\r\nhttp"),
        "{message}"
    );

    // Opening the link, signed in or not, only asks.
    let visitor = app.bare_client();
    let (status, page) = app.get(&visitor, &path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Stop these emails?"), "{page}");
    assert!(page.contains("replies to your cases"));
    assert!(store.mail_preferences(member).await.unwrap().is_empty());

    // The page's button (no session, no Origin: the signature is the authority).
    let (u, k, s) = parts(&path);
    let res = visitor
        .post(app.url("/unsubscribe"))
        .form(&[("u", u.as_str()), ("k", k.as_str()), ("s", s.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (status, page) = app.get(&visitor, &location(&res)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("You no longer get emails about replies to your cases"),
        "{page}"
    );
    assert_eq!(
        store.mail_preferences(member).await.unwrap(),
        vec![("case_reply".to_owned(), MailDelivery::Never)]
    );
    assert_eq!(
        store
            .enqueue_mail(&to("case_reply", member), now)
            .await
            .unwrap(),
        None
    );

    // A mail program's one-click POST to the link itself.
    let one_click = app.state.unsubscribe_key.path(member, "flag_outcome");
    let res = visitor
        .post(app.url(&one_click))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        store
            .mail_preferences(member)
            .await
            .unwrap()
            .contains(&("flag_outcome".to_owned(), MailDelivery::Never))
    );

    // Another member's id under this signature, a made-up kind, a kind with no choice: not valid,
    // and nothing changes.
    for bad in [
        path.replace(&format!("u={}", member.0), &format!("u={}", other.0)),
        path.replace("k=case_reply", "k=password_reset"),
        path.replace("k=case_reply", "k=everything"),
        format!("{}x", &path[..path.len() - 1]),
    ] {
        assert_eq!(
            app.get(&visitor, &bad).await.0,
            StatusCode::NOT_FOUND,
            "{bad}"
        );
        let res = visitor.post(app.url(&bad)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{bad}");
    }
    assert!(store.mail_preferences(other).await.unwrap().is_empty());

    // The digest's link stops the digest: what went there is not emailed any more.
    store
        .set_mail_preferences(other, &[("supervisor_feedback", MailDelivery::Digest)], now)
        .await
        .unwrap();
    let digest = app.state.unsubscribe_key.path(other, "digest");
    let res = visitor.post(app.url(&digest)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        store.mail_preferences(other).await.unwrap(),
        vec![("supervisor_feedback".to_owned(), MailDelivery::Never)]
    );
    assert!(
        app.audit_actions()
            .await
            .iter()
            .any(|a| a == "mail_unsubscribed")
    );
}

fn parts(path: &str) -> (String, String, String) {
    let query = path.split_once('?').expect("a query").1;
    let get = |name: &str| {
        query
            .split('&')
            .find_map(|p| p.strip_prefix(&format!("{name}=")))
            .expect(name)
            .to_owned()
    };
    (get("u"), get("k"), get("s"))
}

/// Two nodes on one database send from one outbox: every row exactly once, each message with
/// its row's Message-ID, and the day's digest made by one node only.
#[tokio::test]
async fn two_nodes_send_from_one_outbox_each_row_once() {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let mail = [
        ("CASEROOM_SMTP_URL", url.as_str()),
        ("CASEROOM_MAIL_FROM", FROM),
    ];
    // Node A is this test's server on the system clock, so node B (the binary) agrees on what
    // is due.
    let app = TestApp::spawn_at_now_with(&mail).await;
    let _node = crate::nodes::Node::start_with(&app.database_url, None, &mail).await;
    let member = app
        .create_member("reader@clinic.example", "Reader", &[Role::Clinician])
        .await;
    let store = &app.state.store;
    const ROWS: usize = 40;
    for i in 0..ROWS {
        store
            .enqueue_mail(
                &Outgoing {
                    kind: "case_reply",
                    to: Recipient::Member(member),
                    link: format!("/cases/{i}"),
                },
                app.state.clock.now(),
            )
            .await
            .unwrap();
    }
    eventually("every row sent", || async {
        count(&app, "select count(*) from outbox where sent_at is null").await == 0
    })
    .await;
    // Give a second copy, if there were one, time to arrive.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let messages = sink.messages();
    let mut ids: Vec<String> = messages
        .iter()
        .filter_map(|m| {
            m.lines()
                .find(|l| l.starts_with("Message-ID: "))
                .map(str::to_owned)
        })
        .collect();
    assert_eq!(ids.len(), ROWS, "one message per row");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), ROWS, "no row sent twice");
    assert_eq!(
        count(&app, "select count(*) from digest_runs").await,
        1,
        "both nodes saw today's digest period; one made it"
    );
}
