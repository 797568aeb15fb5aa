//! Every kind of message, caused the way members cause it (through the forms), reaches its
//! member through a real SMTP conversation, and not one holds a word of the case, of a reply,
//! of a group's name or of anyone's name (docs/EMAIL.md, "The one rule").

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::mail::{FROM, eventually, named_client};
use crate::smtp_sink::SmtpSink;
use crate::support::*;

#[tokio::test]
async fn every_kind_arrives_and_none_holds_a_word_of_the_case() {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    // Members with no published post yet have their replies held for a moderator.
    let app = TestApp::spawn_with(&[
        ("CASEROOM_SMTP_URL", &url),
        ("CASEROOM_MAIL_FROM", FROM),
        ("CASEROOM_REPLY_REVIEW_BELOW", "1"),
    ])
    .await;
    let author = named_client(
        &app,
        "author@clinic.example",
        "Qzxauthor",
        &[Role::Clinician],
    )
    .await;
    let peer = named_client(&app, "peer@clinic.example", "Qzxpeer", &[Role::Clinician]).await;
    let supervisor = named_client(&app, "sup@clinic.example", "Qzxsup", &[Role::Supervisor]).await;
    let admin = named_client(&app, "admin@clinic.example", "Qzxadmin", &[Role::Admin]).await;
    let arrived = |n: usize| {
        let sink = sink.clone();
        async move { sink.messages().len() >= n }
    };

    // case_reviewed
    let id = crate::cases::submit(
        &app,
        &author,
        &crate::cases::case_form("Qzxcasetitle about a stuck point", &[]),
    )
    .await;
    app.approve(id).await;
    // reply_reviewed and case_reply; reply_reviewed and supervisor_feedback
    for (client, body) in [
        (&peer, "Qzxpeerreply: have you named the pattern?"),
        (&supervisor, "Qzxsupreply: notice your own reaction first."),
    ] {
        let res = app
            .post_form(client, &format!("/cases/{id}/replies"), &[("body", body)])
            .await;
        assert!(
            location(&res).contains("notice=reply-held"),
            "{}",
            location(&res)
        );
        app.approve_reply(reply_id_in(&location(&res))).await;
    }
    // The peer watches the case since their reply was published: the supervisor's reply
    // tells them too.
    eventually("six messages", || arrived(6)).await;
    // flag_outcome (and the case reviewed again)
    let res = app
        .post_form(
            &supervisor,
            &format!("/cases/{id}/flag"),
            &[("kind", "may_identify")],
        )
        .await;
    assert_eq!(location(&res), "/cases?notice=flag-hid-case");
    app.approve(id).await;
    // group_invitation
    let group = crate::groups::create_group(&app, &admin, "Qzxgroupname peers").await;
    let res = app
        .post_form(
            &admin,
            &format!("/groups/{group}/invite"),
            &[("email", "peer@clinic.example"), ("role", "member")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // forum_invitation
    let res = app
        .post_form(
            &admin,
            "/admin/invites",
            &[
                ("email", "new@clinic.example"),
                ("role", "clinician"),
                ("send", "email"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // password_reset
    let res = app
        .post_form(
            &app.client(),
            "/password/forgot",
            &[("email", "author@clinic.example")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    eventually("eleven messages", || arrived(11)).await;
    // digest: the author now takes replies in the daily digest; the peer's second reply is
    // published at once (they have a published post) and waits for it.
    let res = app
        .post_form(&author, "/account/email", &[("case_reply", "digest")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    app.reply(&peer, id, "Qzxpeeragain: and the rupture?").await;
    // The supervisor, who replied, watches the case and is told at once.
    eventually("the supervisor's watched reply", || arrived(12)).await;
    app.clock.advance(24 * 3600);
    eventually("the digest", || arrived(13)).await;

    let messages = sink.messages();
    for (to, subject) in [
        ("author", "A moderator has reviewed your case"),
        ("peer", "A moderator has reviewed your reply"),
        ("sup", "A moderator has reviewed your reply"),
        ("author", "Someone replied to your case"),
        ("author", "A supervisor replied to your case"),
        ("sup", "A moderator acted on your flag"),
        ("peer", "You are invited to a consultation group"),
        ("new", "You are invited to join Caseroom"),
        ("author", "Reset your Caseroom password"),
        ("author", "Your Caseroom digest"),
        ("peer", "A new reply on a case you watch"),
        ("sup", "A new reply on a case you watch"),
    ] {
        assert!(
            messages
                .iter()
                .any(|m| m.contains(&format!("To: {to}@clinic.example"))
                    && m.contains(&format!("Subject: {subject}"))),
            "{subject} to {to}"
        );
    }
    // Nothing else: one more message than the list holds is the case reviewed again after the
    // flag.
    assert_eq!(messages.len(), 13);
    for message in &messages {
        let lower = crate::mail::words_of(message);
        for word in [
            "qzx",
            "cancels",
            "woman",
            "stuck point",
            "pattern",
            "reaction",
            "rupture",
        ] {
            assert!(!lower.contains(word), "{word} in {message}");
        }
    }
}
