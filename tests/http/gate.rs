//! The publication gate and the side doors it closes: follow-ups are gated and reviewed,
//! identifiers hidden in the Markdown are found (and redacted) as readers see them, closing
//! and locking are enforced by the server, and notifications carry no text the reader may not
//! see right now.

use caseroom::domain::role::Role;
use leptos::server_fn::ServerFn as _;
use reqwest::{Client, StatusCode};

use crate::cases::{case_form, edit, follow_up_form, publish};
use crate::support::*;

/// Posts a reply and returns (id, held).
async fn reply(app: &TestApp, client: &Client, case: i64, body: &str) -> (i64, bool) {
    let res = app
        .post_form(client, &format!("/cases/{case}/replies"), &[("body", body)])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "reply to {case}");
    let to = location(&res);
    let id = reply_id_in(&to);
    (id, to.contains("notice=reply-held"))
}

#[tokio::test]
async fn a_follow_up_passes_the_scanner_and_the_review_queue_before_peers_read_it() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("fu.author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("fu.peer@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(
        &app,
        &author,
        &case_form("What happened after the rupture", &[]),
    )
    .await;
    let case = format!("/cases/{id}");
    let follow = format!("{case}/follow-up");

    // A name, a phone number and a street: refused with the findings, nothing saved, the
    // typed text kept.
    let leak = "Maria Okafor rang from 503-555-0199; she moved to 14 Alder Street.";
    let res = app.post_form(&author, &follow, &follow_up_form(leak)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(page.contains("could identify a client"), "{page}");
    assert!(
        page.contains("<mark ") && page.contains("finding block"),
        "findings highlighted: {page}"
    );
    assert!(
        page.contains("503-555-0199"),
        "typed text kept for the author"
    );
    let (_, seen) = app.get(&peer, &case).await;
    assert!(
        !seen.contains("Okafor") && !seen.contains("503-555"),
        "{seen}"
    );

    // The form page itself, for the author only.
    let (status, form) = app.get(&author, &follow).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains("De-identification checklist"));
    assert_eq!(app.get(&peer, &follow).await.0, StatusCode::FORBIDDEN);

    // A de-identified follow-up goes to the queue with the case; peers lose sight of both.
    let res = app
        .post_form(
            &author,
            &follow,
            &follow_up_form("She came back after the break and we repaired it."),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("{case}?notice=follow-up-submitted"));
    assert_eq!(app.get(&peer, &case).await.0, StatusCode::NOT_FOUND);
    let moderator = app.moderator().await;
    let (_, review) = app.get(moderator, &format!("/review/{id}")).await;
    assert!(
        review.contains("What happened next") && review.contains("we repaired it"),
        "the moderator sees the follow-up, in the diff too: {review}"
    );
    assert!(
        app.audit_actions()
            .await
            .contains(&"follow_up_submitted".to_owned())
    );
    app.approve(id).await;
    let (status, page) = app.get(&peer, &case).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("we repaired it") && page.contains("Follow-up posted"));
}

#[tokio::test]
async fn identifiers_hidden_in_markdown_are_found_as_readers_see_them() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("hide.author@clinic.example", &[Role::Clinician])
        .await;
    let hidden = [
        ("Her name is M&#97;ria Ok&#97;for.", "M&#97;ria Ok&#97;for"),
        ("Call her on 503\\-555\\-0199 today.", "503\\-555\\-0199"),
        (
            "Call her on \u{FF15}\u{FF10}\u{FF13}-555-0199 today.",
            "\u{FF15}\u{FF10}\u{FF13}-555-0199",
        ),
        ("Her name is Ma\u{200B}ria Okafor.", "Ma\u{200B}ria Okafor"),
        ("Her name is Ma**ria** Okafor.", "Ma**ria** Okafor"),
        ("Her name is \u{041C}aria Okafor.", "\u{041C}aria Okafor"),
    ];
    for (text, typed) in hidden {
        let form = case_form("A case that hides a name", &[("situation", text)]);
        let res = app.post_form(&author, "/cases/new", &form).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{text}");
        let page = res.text().await.unwrap();
        assert!(page.contains("could identify a client"), "{text}: {page}");
        // The highlight sits on what the author typed, so they can find and change it.
        let escaped = typed.replace('&', "&amp;");
        assert!(
            page.contains(&format!(">{escaped}<sup>")),
            "{text}: the finding marks {typed:?}: {page}"
        );
    }
    // Clinical text with Markdown stays clean.
    let clean =
        "She has **panic attacks** on the bus; we tried *interoceptive exposure* and `ACT`.";
    let res = app
        .post_form(
            &author,
            "/cases/new",
            &case_form("A clean case in Markdown", &[("situation", clean)]),
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap_or_default()
    );
}

#[tokio::test]
async fn the_composer_the_command_line_and_the_review_page_report_the_same_findings() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (author, _) = app
        .member_client("agree.author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("agree.peer@clinic.example", &[Role::Clinician])
        .await;
    let text = "We met M&#97;ria at Riverside Clinic on 3 March 2024; call 503\\-555\\-0199.";

    // The composer's live check (scan_draft).
    let res = author
        .post(app.url(caseroom::api::deid::ScanDraft::PATH))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .body(format!("text={}", url_encode(text)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
    let composer: Vec<(u64, u64, String)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["start"].as_u64().unwrap(),
                f["end"].as_u64().unwrap(),
                f["category"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(composer.len() >= 3, "{composer:?}");

    // `caseroom scan --json`.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_caseroom"))
        .args(["scan", "--json", "-"])
        .env("RUST_LOG", "off")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write as _;
            child.stdin.take().unwrap().write_all(text.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cli: Vec<(u64, u64, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["start"].as_u64().unwrap(),
                f["end"].as_u64().unwrap(),
                f["category"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(composer, cli);

    // The review page of the reply holding the text (the gate holds it for its findings).
    let id = publish(&app, &author, &case_form("A case to reply to", &[])).await;
    let (reply_id, held) = reply(&app, &peer, id, text).await;
    assert!(held, "a reply with findings waits for a moderator");
    let (_, page) = app
        .get(
            app.moderator().await,
            &format!("/review/replies/{reply_id}"),
        )
        .await;
    assert_eq!(page.matches("<mark ").count(), composer.len(), "{page}");
}

fn url_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn a_moderator_redacts_what_readers_see_even_when_the_source_spells_it_otherwise() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (author, _) = app
        .member_client("red.author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("red.peer@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(
        &app,
        &author,
        &case_form("A case with a disguised name", &[]),
    )
    .await;
    let (reply_id, held) =
        reply(&app, &peer, id, "I think M&#97;ria Ok&#97;for is her name.").await;
    assert!(held);
    let moderator = app.moderator().await;
    let (_, page) = app
        .get(moderator, &format!("/review/replies/{reply_id}"))
        .await;
    assert!(
        page.contains("Maria Okafor"),
        "the moderator sees it rendered: {page}"
    );

    // Copied from the page as readers see it.
    let res = app
        .post_form(
            moderator,
            &format!("/cases/{id}/redact"),
            &[("text", "Maria Okafor"), ("category", "name")],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap_or_default()
    );
    let (_, page) = app.get(moderator, &format!("/cases/{id}")).await;
    assert!(!page.contains("Maria Okafor") && !page.contains("M&amp;#97;ria"));
    assert!(page.contains("[redacted: name]"), "{page}");
    let (_, revisions) = app.get(moderator, &format!("/cases/{id}/revisions")).await;
    assert!(
        !revisions.contains("#97;ria"),
        "every revision: {revisions}"
    );
}

#[tokio::test]
async fn a_closed_case_refuses_replies_and_follow_ups_and_shows_no_such_forms() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (author, _) = app
        .member_client("close.author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("close.peer@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(&app, &author, &case_form("A case that gets closed", &[])).await;
    let case = format!("/cases/{id}");
    let (_, page) = app.get(&author, &case).await;
    assert!(page.contains("Close the case") && page.contains("Post reply"));

    assert_eq!(
        app.post_form(&peer, &format!("{case}/close"), &[])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let res = app.post_form(&author, &format!("{case}/close"), &[]).await;
    assert_eq!(location(&res), format!("{case}?notice=case-closed"));

    let res = app
        .post_form(
            &peer,
            &format!("{case}/replies"),
            &[("body", "One more thought on this.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = res.text().await.unwrap();
    assert!(page.contains("This case is closed"), "{page}");
    assert!(
        page.contains("One more thought on this."),
        "typed text kept: {page}"
    );
    let res = app
        .post_form(
            &author,
            &format!("{case}/follow-up"),
            &follow_up_form("It went well."),
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    for client in [&author, &peer] {
        let (_, page) = app.get(client, &case).await;
        assert!(page.contains("closed this case"), "{page}");
        assert!(!page.contains("Post reply") && !page.contains("Share what happened next"));
    }
    assert!(
        app.get(&author, &case)
            .await
            .1
            .contains("Open the case again")
    );
    assert!(
        app.audit_actions()
            .await
            .contains(&"case_closed".to_owned())
    );

    let res = app.post_form(&author, &format!("{case}/reopen"), &[]).await;
    assert_eq!(location(&res), format!("{case}?notice=case-reopened"));
    reply(&app, &peer, id, "Now it takes replies again.").await;
}

#[tokio::test]
async fn a_moderator_locks_a_case_with_a_reason_and_members_cannot_change_it() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (author, _) = app
        .member_client("lock.author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("lock.peer@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(&app, &author, &case_form("A case that gets locked", &[])).await;
    let (own_reply, _) = reply(&app, &peer, id, "A first reply.").await;
    let case = format!("/cases/{id}");
    let moderator = app.moderator().await;
    let lock = format!("{case}/lock");
    let reason = "The thread drifted toward identifying details.";

    assert_eq!(
        app.post_form(&peer, &lock, &[("lock", "true"), ("reason", reason)])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let res = app
        .post_form(moderator, &lock, &[("lock", "true"), ("reason", "short")])
        .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a reason is required"
    );
    let res = app
        .post_form(moderator, &lock, &[("lock", "true"), ("reason", reason)])
        .await;
    assert_eq!(location(&res), format!("{case}?notice=case-locked"));
    assert_eq!(
        app.post_form(moderator, &lock, &[("lock", "true"), ("reason", reason)])
            .await
            .status(),
        StatusCode::CONFLICT,
        "already locked"
    );

    for (path, form) in [
        (format!("{case}/replies"), vec![("body", "Another reply.")]),
        (
            format!("/replies/{own_reply}/edit"),
            vec![("body", "Changed.")],
        ),
    ] {
        let res = app.post_form(&peer, &path, &form).await;
        assert_eq!(res.status(), StatusCode::CONFLICT, "{path}");
        assert!(res.text().await.unwrap().contains("locked this case"));
    }
    let res = edit(
        &app,
        &author,
        id,
        &case_form("A case that gets locked", &[]),
    )
    .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    // Flags still work on a locked case.
    let res = app
        .post_form(
            &peer,
            &format!("{case}/flag"),
            &[("kind", "other"), ("note", "")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    let (_, page) = app.get(&author, &case).await;
    assert!(page.contains("A moderator locked this case") && page.contains(reason));
    let (_, page) = app.get(&peer, &case).await;
    assert!(page.contains("A moderator locked this case"));
    assert!(
        !page.contains(reason),
        "the reason is for the author and moderators"
    );
    assert!(!page.contains("Post reply") && !page.contains(">Edit<"));
    assert!(
        app.audit_actions()
            .await
            .contains(&"case_locked".to_owned())
    );

    let res = app
        .post_form(
            moderator,
            &lock,
            &[
                ("lock", "false"),
                ("reason", "Discussed with the author; fine now."),
            ],
        )
        .await;
    assert_eq!(location(&res), format!("{case}?notice=case-unlocked"));
    reply(&app, &peer, id, "Replies are open again.").await;
    assert!(
        app.audit_actions()
            .await
            .contains(&"case_unlocked".to_owned())
    );
}

#[tokio::test]
async fn notifications_never_show_a_title_that_waits_for_review() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (author, _) = app
        .member_client("note.author@clinic.example", &[Role::Clinician])
        .await;
    let (supervisor, sup_id) = app
        .member_client("note.sup@clinic.example", &[Role::Supervisor])
        .await;
    let sup = sup_id.0.to_string();
    let id = publish(
        &app,
        &author,
        &case_form("Approved title of the case", &[("supervisor", &sup)]),
    )
    .await;
    reply(&app, &supervisor, id, "Some supervisor feedback.").await;
    let (_, notes) = app.get(&supervisor, "/notifications").await;
    assert!(notes.contains("Approved title of the case"), "{notes}");

    // The author renames it: back in review, and the new title reaches nobody.
    let res = edit(
        &app,
        &author,
        id,
        &case_form(
            "Title naming Maria Okafor's school",
            &[("supervisor", &sup), ("explain.x", "")],
        ),
    )
    .await;
    // The scanner blocks the name; the author explains nothing and rewrites it instead.
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = edit(
        &app,
        &author,
        id,
        &case_form("A title nobody approved yet", &[("supervisor", &sup)]),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, notes) = app.get(&supervisor, "/notifications").await;
    assert!(!notes.contains("A title nobody approved yet"), "{notes}");
    assert!(notes.contains("A case you cannot see right now"), "{notes}");
    let res = supervisor
        .post(app.url(caseroom::api::cases::ListNotifications::PATH))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    let json = res.text().await.unwrap();
    assert!(!json.contains("A title nobody approved yet"), "{json}");
    // Its author still sees their own case's title and the moderator's words.
    let (_, notes) = app.get(&author, "/notifications").await;
    assert!(notes.contains("A title nobody approved yet"), "{notes}");

    app.approve(id).await;
    let (_, notes) = app.get(&supervisor, "/notifications").await;
    assert!(notes.contains("A title nobody approved yet"));
}

#[tokio::test]
async fn nothing_can_be_done_to_a_reply_one_cannot_see() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("unseen.author@clinic.example", &[Role::Clinician])
        .await;
    let (newcomer, _) = app
        .member_client("unseen.new@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("unseen.peer@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(&app, &author, &case_form("A case with a held reply", &[])).await;
    let (held, is_held) = reply(&app, &newcomer, id, "A newcomer's first reply.").await;
    assert!(is_held);
    let missing = held + 1000;
    for client in [&peer, &author] {
        for (path, form) in [
            ("flag", vec![("kind", "may_identify"), ("note", "")]),
            ("helpful", vec![("helpful", "true")]),
            ("edit", vec![("body", "Changed.")]),
            ("restore", vec![]),
        ] {
            let seen = app
                .post_form(client, &format!("/replies/{held}/{path}"), &form)
                .await;
            let absent = app
                .post_form(client, &format!("/replies/{missing}/{path}"), &form)
                .await;
            assert_eq!(seen.status(), StatusCode::NOT_FOUND, "{path}");
            assert_eq!(absent.status(), StatusCode::NOT_FOUND, "{path}");
            assert_eq!(
                strip_nonce(&seen.text().await.unwrap()),
                strip_nonce(&absent.text().await.unwrap()),
                "{path}: the same answer as a missing reply"
            );
        }
    }
    assert!(
        !app.audit_actions()
            .await
            .iter()
            .any(|a| a == "reply_flagged"),
        "no flag was recorded"
    );
}

#[tokio::test]
async fn a_signed_out_visitor_gets_the_same_answer_for_every_case_id() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("visitor.author@clinic.example", &[Role::Clinician])
        .await;
    let published = publish(&app, &author, &case_form("A published case", &[])).await;
    let pending = crate::cases::submit(&app, &author, &case_form("A pending case", &[])).await;
    let visitor = app.client();
    let mut answers = Vec::new();
    for id in [published, pending, pending + 1000] {
        for path in [
            format!("/cases/{id}"),
            format!("/cases/{id}/edit"),
            format!("/cases/{id}/revisions"),
            format!("/cases/{id}/follow-up"),
        ] {
            let (status, body) = app.get(&visitor, &path).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
            answers.push((path.replace(&id.to_string(), "N"), strip_nonce(&body)));
        }
        for path in ["replies", "flag", "close", "follow-up"] {
            let res = app
                .post_form(&visitor, &format!("/cases/{id}/{path}"), &[("body", "x")])
                .await;
            assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{path}");
            answers.push((path.to_owned(), strip_nonce(&res.text().await.unwrap())));
        }
        let res = visitor
            .post(app.url(caseroom::api::cases::GetCase::PATH))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(format!("id={id}"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        answers.push(("api".into(), res.text().await.unwrap()));
    }
    let per_id = answers.len() / 3;
    for i in 0..per_id {
        assert_eq!(answers[i], answers[i + per_id], "published vs pending");
        assert_eq!(answers[i], answers[i + 2 * per_id], "published vs missing");
    }
}
