use caseroom::domain::role::Role;
use leptos::server_fn::ServerFn as _;
use reqwest::{Client, StatusCode};

use crate::support::*;

/// A complete, valid case form; `extra` overrides or adds fields.
pub(crate) fn case_form<'a>(
    title: &'a str,
    extra: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("title", title),
        ("age_band", "adult"),
        ("setting", "outpatient"),
        ("modality", "cbt"),
        ("sessions", "6-15"),
        ("tag", "anxiety"),
        ("tag", "rupture"),
        (
            "situation",
            "A woman in her 30s who **cancels** every third session.",
        ),
        ("tried", "Naming the pattern gently."),
        ("stuck", "She agrees, then cancels again."),
        ("asking", "What am I not seeing?"),
        ("intent", "publish"),
        ("disguise", "composite"),
    ];
    form.extend(
        caseroom::domain::review::AUTHOR_ITEMS
            .iter()
            .map(|i| ("confirm", i.key)),
    );
    for (k, v) in extra {
        form.retain(|(fk, _)| fk != k || *k == "tag" || *k == "confirm");
        form.push((k, v));
    }
    form
}

/// The follow-up form with the author's checklist complete.
pub(crate) fn follow_up_form(body: &str) -> Vec<(&str, &str)> {
    let mut form = vec![("follow_up", body), ("disguise", "composite")];
    form.extend(
        caseroom::domain::review::AUTHOR_ITEMS
            .iter()
            .map(|i| ("confirm", i.key)),
    );
    form
}

/// Submits a case for review and returns its id; nobody but its author and moderators can
/// read it yet.
pub(crate) async fn submit(app: &TestApp, client: &Client, form: &[(&str, &str)]) -> i64 {
    let res = app.post_form(client, "/cases/new", form).await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "{}",
        res.text().await.unwrap_or_default()
    );
    let to = location(&res);
    to.trim_start_matches("/cases/")
        .trim_end_matches("?notice=submitted")
        .parse()
        .unwrap_or_else(|_| panic!("case id in location {to}"))
}

/// Posts the edit form as a browser would: with the revision the edit page started from.
pub(crate) async fn edit(
    app: &TestApp,
    client: &Client,
    id: i64,
    form: &[(&str, &str)],
) -> reqwest::Response {
    let path = format!("/cases/{id}/edit");
    let (_, page) = app.get(client, &path).await;
    let revision = page
        .split("name=\"revision\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("")
        .to_owned();
    let mut form = form.to_vec();
    form.push(("revision", &revision));
    app.post_form(client, &path, &form).await
}

/// Submits a case and has a moderator approve it: a published case.
pub(crate) async fn publish(app: &TestApp, client: &Client, form: &[(&str, &str)]) -> i64 {
    let id = submit(app, client, form).await;
    app.approve(id).await;
    id
}

#[tokio::test]
async fn a_clinician_publishes_a_case_and_members_read_it() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(
        &app,
        &author,
        &case_form("Cancels every third session", &[]),
    )
    .await;

    let (status, page) = app.get(&peer, &format!("/cases/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<h1>Cancels every third session</h1>"));
    assert!(
        page.contains("<strong>cancels</strong>"),
        "the stored HTML is shown"
    );
    assert!(page.contains("Where I am stuck") && page.contains("What I have tried"));
    assert!(
        page.contains("Test Member"),
        "a named author is shown to peers"
    );
    assert!(
        !page.contains("The blind spot I suspect"),
        "an empty optional section is not shown"
    );

    let (_, list) = app.get(&peer, "/cases").await;
    assert!(list.contains("Cancels every third session"));
    assert!(list.contains("No replies yet"));
    let (_, mine) = app.get(&peer, "/cases/mine").await;
    assert!(
        !mine.contains("Cancels every third session"),
        "not the peer's case"
    );
    // Visitors are asked to sign in; a case that does not exist is 404.
    assert_eq!(
        app.get(&app.client(), &format!("/cases/{id}")).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(app.get(&peer, "/cases/9999").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn bad_case_input_is_refused_field_by_field_and_keeps_what_was_typed() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("author2@clinic.example", &[Role::Clinician])
        .await;
    let long = "x".repeat(8_001);
    let res = app
        .post_form(
            &author,
            "/cases/new",
            &case_form(
                "A title kept as typed",
                &[
                    ("age_band", "exactly 37"),
                    ("stuck", "   "),
                    ("tried", &long),
                ],
            ),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(body.contains("Choose a client age band from the list."));
    assert!(body.contains("Where I am stuck is required."));
    assert!(body.contains("the limit is 8000"));
    assert!(
        body.contains("value=\"A title kept as typed\""),
        "the title is kept"
    );
    assert!(
        body.contains("She agrees, then cancels again.") || body.contains("What am I not seeing?"),
        "sections are kept"
    );
    assert!(
        body.contains(&long),
        "even the over-long section is kept for the author to shorten"
    );
    let (_, list) = app.get(&author, "/cases").await;
    assert!(!list.contains("A title kept as typed"), "nothing was saved");

    // Moderators without the clinician role do not post cases.
    let (moderator, _) = app
        .member_client("mod@clinic.example", &[Role::Moderator])
        .await;
    let res = app
        .post_form(
            &moderator,
            "/cases/new",
            &case_form("A moderator's case", &[]),
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn preview_cooks_without_saving() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("prev@clinic.example", &[Role::Clinician])
        .await;
    let res = app
        .post_form(
            &author,
            "/cases/new",
            &case_form(
                "Preview only, please",
                &[
                    ("intent", "preview"),
                    ("situation", "Some *emphasis* and <script>alert(1)</script>"),
                ],
            ),
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let body = res.text().await.unwrap();
    assert!(body.contains("<em>emphasis</em>"));
    assert!(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!body.contains("<script>alert(1)"));
    assert!(body.contains("value=\"Preview only, please\""));
    assert!(
        !app.get(&author, "/cases")
            .await
            .1
            .contains("Preview only, please")
    );
}

#[tokio::test]
async fn authors_edit_their_case_others_cannot_and_moderators_see_every_revision() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("edit@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("edit.peer@clinic.example", &[Role::Clinician])
        .await;
    let (moderator, _) = app
        .member_client("edit.mod@clinic.example", &[Role::Moderator])
        .await;
    let id = publish(&app, &author, &case_form("Before the edit", &[])).await;

    let edit_path = format!("/cases/{id}/edit");
    assert_eq!(app.get(&peer, &edit_path).await.0, StatusCode::FORBIDDEN);
    let res = app
        .post_form(&peer, &edit_path, &case_form("Hijacked title", &[]))
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    let (status, form) = app.get(&author, &edit_path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        form.contains("value=\"Before the edit\""),
        "the form starts from the stored case"
    );
    let res = edit(&app, &author, id, &case_form("After the edit", &[])).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // The edit is back in review: peers cannot read the case until a moderator approves it.
    assert_eq!(
        app.get(&peer, &format!("/cases/{id}")).await.0,
        StatusCode::NOT_FOUND
    );
    app.approve(id).await;

    let (_, page) = app.get(&peer, &format!("/cases/{id}")).await;
    assert!(page.contains("After the edit") && page.contains(">edited<"));
    assert!(!page.contains("Before the edit"));
    assert!(
        !page.contains("/revisions"),
        "peers are not offered revisions"
    );
    assert_eq!(
        app.get(&peer, &format!("/cases/{id}/revisions")).await.0,
        StatusCode::FORBIDDEN
    );

    let (status, revisions) = app.get(&moderator, &format!("/cases/{id}/revisions")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(revisions.contains("Before the edit") && revisions.contains("After the edit"));
}

#[tokio::test]
async fn a_supervisor_reply_is_feedback_and_the_author_marks_it_helpful_and_follows_up() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("flow@clinic.example", &[Role::Clinician])
        .await;
    let (supervisor, sup_id) = app
        .member_client("sup@clinic.example", &[Role::Supervisor])
        .await;
    let (peer, _) = app
        .member_client("flow.peer@clinic.example", &[Role::Clinician])
        .await;
    let sup = sup_id.0.to_string();
    let id = publish(
        &app,
        &author,
        &case_form("Needs supervisor eyes", &[("supervisor", &sup)]),
    )
    .await;

    // The supervisor of record was notified.
    let (_, notes) = app.get(&supervisor, "/notifications").await;
    assert!(
        notes.contains("You were named supervisor of record")
            && notes.contains("Needs supervisor eyes")
    );

    let reply_id = app
        .reply(&supervisor, id, "Consider the **rupture**.")
        .await;
    app.reply(&peer, id, "Same here.").await;

    let (_, page) = app.get(&author, &format!("/cases/{id}")).await;
    assert!(page.contains("reply panel supervisor-feedback"));
    assert!(page.contains("Supervisor feedback"));
    assert!(page.contains("<strong>rupture</strong>"));
    let (_, filtered) = app.get(&author, "/cases?feedback=1").await;
    assert!(filtered.contains("Needs supervisor eyes"));
    let (_, unanswered) = app.get(&author, "/cases?unanswered=1").await;
    assert!(!unanswered.contains("Needs supervisor eyes"));
    let (_, notes) = app.get(&author, "/notifications").await;
    assert!(notes.contains("A supervisor gave feedback on your case."));

    // Only the author marks helpful or follows up.
    let helpful = format!("/replies/{reply_id}/helpful");
    assert_eq!(
        app.post_form(&peer, &helpful, &[("helpful", "true")])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post_form(&author, &helpful, &[("helpful", "true")])
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert!(
        app.get(&peer, &format!("/cases/{id}"))
            .await
            .1
            .contains("Marked helpful")
    );

    // The follow-up passes the gate like an edit: the author's checklist, then the review
    // queue; peers see it (and the case) again once a moderator approves.
    let follow = format!("/cases/{id}/follow-up");
    assert_eq!(
        app.post_form(&peer, &follow, &follow_up_form("Not mine."))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let res = app
        .post_form(&author, &follow, &follow_up_form("   "))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("The follow-up is required.")
    );
    let body = "We named the pattern; she came to every session since.";
    let res = app
        .post_form(&author, &follow, &[("follow_up", body)])
        .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "no checklist"
    );
    let page = res.text().await.unwrap();
    assert!(
        page.contains("came to every session since"),
        "typed text kept: {page}"
    );
    assert_eq!(
        app.post_form(&author, &follow, &follow_up_form(body))
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        app.get(&peer, &format!("/cases/{id}")).await.0,
        StatusCode::NOT_FOUND,
        "back in review"
    );
    app.approve(id).await;
    let (_, page) = app.get(&peer, &format!("/cases/{id}")).await;
    assert!(
        page.contains("Follow-up posted")
            && page.contains("What happened next")
            && page.contains("came to every session since")
    );

    // Replies: empty is refused, a missing case is 404, the author edits their own only.
    let res = app
        .post_form(&peer, &format!("/cases/{id}/replies"), &[("body", "")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.post_form(&peer, "/cases/9999/replies", &[("body", "Hello")])
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    let edit = format!("/replies/{reply_id}/edit");
    assert_eq!(
        app.post_form(&peer, &edit, &[("body", "Vandalised")])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post_form(
            &supervisor,
            &edit,
            &[("body", "Consider the rupture and repair.")]
        )
        .await
        .status(),
        StatusCode::SEE_OTHER
    );
    // The supervisor has fewer than three approved posts, so the edit passes the reply gate.
    let (_, page) = app.get(&author, &format!("/cases/{id}")).await;
    assert!(!page.contains("Consider the rupture and repair."));
    app.approve_reply(reply_id).await;
    assert!(
        app.get(&author, &format!("/cases/{id}"))
            .await
            .1
            .contains("Consider the rupture and repair.")
    );
}

#[tokio::test]
async fn an_anonymous_author_is_never_revealed_to_peers() {
    let app = TestApp::spawn().await;
    let name = "Zebulon Quartermaine";
    // Others first, so the author's id differs from the case's and replies' ids.
    for i in 0..3 {
        app.create_member(
            &format!("filler{i}@clinic.example"),
            "Filler",
            &[Role::Clinician],
        )
        .await;
    }
    let author_id = app
        .create_member("anon@clinic.example", name, &[Role::Clinician])
        .await;
    let author = app.client();
    app.sign_in(&author, "anon@clinic.example", GOOD_PASSWORD)
        .await;
    let (supervisor, sup_id) = app
        .member_client("anon.sup@clinic.example", &[Role::Supervisor])
        .await;
    let (peer, _) = app
        .member_client("anon.peer@clinic.example", &[Role::Clinician])
        .await;
    let (moderator, _) = app
        .member_client("anon.mod@clinic.example", &[Role::Moderator])
        .await;
    let sup = sup_id.0.to_string();
    let id = publish(
        &app,
        &author,
        &case_form(
            "An anonymous case",
            &[("anonymous", "on"), ("supervisor", &sup)],
        ),
    )
    .await;
    app.reply(&author, id, "Adding a detail as the author.")
        .await;
    app.reply(&peer, id, "A peer's thought.").await;

    let mut seen_by_peers = Vec::new();
    for client in [&peer, &supervisor] {
        for path in [
            format!("/cases/{id}"),
            "/cases".to_owned(),
            "/notifications".to_owned(),
            "/".to_owned(),
        ] {
            let (status, body) = app.get(client, &path).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            seen_by_peers.push((path, body));
        }
        for (fn_path, args) in [
            (caseroom::api::cases::GetCase::PATH, format!("id={id}")),
            (caseroom::api::cases::ListCases::PATH, String::new()),
            (caseroom::api::cases::ListNotifications::PATH, String::new()),
        ] {
            let (status, body) = app.server_fn(client, fn_path, args).await;
            assert!(
                status == StatusCode::OK || fn_path == caseroom::api::cases::ListCases::PATH,
                "{fn_path}: {status} {body}"
            );
            seen_by_peers.push((fn_path.to_owned(), body));
        }
    }
    let id_marker = format!("\"id\":{}", author_id.0);
    for (path, body) in &seen_by_peers {
        assert!(
            !body.contains(name),
            "{path} reveals the anonymous author's name"
        );
        assert!(
            !body.contains("anon@clinic.example"),
            "{path} reveals the email"
        );
        assert!(
            !body.contains("RevealedAnonymous"),
            "{path} reveals the author"
        );
        assert!(
            !body.contains(&format!("\"Member\":{{{id_marker}")),
            "{path} names the author's id"
        );
        assert!(
            !body.contains(&format!("/users/{}", author_id.0)),
            "{path} links to the author"
        );
    }
    let (_, json) = seen_by_peers
        .iter()
        .find(|(p, _)| p.starts_with("/api/get_case"))
        .unwrap();
    assert_eq!(
        json.matches("\"author\":\"Anonymous\"").count(),
        2,
        "{json}"
    );
    let (_, page) = app.get(&peer, &format!("/cases/{id}")).await;
    assert_eq!(
        page.matches("Anonymous clinician").count(),
        2,
        "the case and the author's reply"
    );

    // Moderators can see who it is; the author sees that it is them.
    let (_, page) = app.get(&moderator, &format!("/cases/{id}")).await;
    assert!(page.contains(name));
    let (_, page) = app.get(&author, &format!("/cases/{id}")).await;
    assert!(page.contains("You (anonymous to other members)"));
}

#[tokio::test]
async fn the_case_list_pages_with_a_stable_cursor() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("many@clinic.example", &[Role::Clinician])
        .await;
    for i in 0..25 {
        let title = format!("Numbered case {i:02} of many");
        publish(&app, &author, &case_form(&title, &[])).await;
        app.clock.advance(60);
    }
    let (_, first) = app.get(&author, "/cases").await;
    assert_eq!(first.matches("class=\"case-item panel\"").count(), 20);
    assert!(
        first.find("Numbered case 24").unwrap() < first.find("Numbered case 23").unwrap(),
        "newest activity first"
    );
    let next = first
        .split("href=\"")
        .find_map(|s| {
            s.strip_suffix("\" rel=\"next\">Older cases</a></p>")
                .or_else(|| {
                    s.split("\" rel=\"next\"")
                        .next()
                        .filter(|h| h.contains("cursor="))
                })
        })
        .unwrap();
    let next = next.replace("&amp;", "&");
    // New activity between the two page loads does not shift the second page.
    publish(&app, &author, &case_form("A brand new case meanwhile", &[])).await;
    let (_, second) = app.get(&author, &next).await;
    assert_eq!(second.matches("class=\"case-item panel\"").count(), 5);
    for i in 0..5 {
        assert!(second.contains(&format!("Numbered case {i:02}")), "{i}");
    }
    assert!(!second.contains("A brand new case meanwhile"));
    assert!(!second.contains("rel=\"next\""));
    assert_eq!(
        app.get(&author, "/cases?cursor=not-a-cursor").await.0,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn member_text_cannot_break_out_of_titles_or_textareas() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("breakout@clinic.example", &[Role::Clinician])
        .await;
    let title = "</title><meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">";
    let section = "</textarea><script>alert(1)</script>";
    // The scanner flags the address in the title; the author explains it, as a test would.
    let id = crate::scanner::publish_explaining(
        &app,
        &author,
        &case_form(title, &[("situation", section)]),
    )
    .await;
    for path in [
        format!("/cases/{id}"),
        format!("/cases/{id}/edit"),
        "/cases".to_owned(),
    ] {
        let (status, body) = app.get(&author, &path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            !body.contains("<meta http-equiv"),
            "{path}: the title broke out"
        );
        assert!(
            !body.contains("<script>alert(1)"),
            "{path}: the section broke out"
        );
        assert_eq!(body.matches("</title>").count(), 1, "{path}");
    }
    let (_, edit) = app.get(&author, &format!("/cases/{id}/edit")).await;
    assert!(
        edit.contains("&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>"),
        "shown as typed, inert"
    );
    // The same on a re-rendered form after bad input.
    let res = app
        .post_form(
            &author,
            "/cases/new",
            &case_form("Short", &[("situation", section)]),
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!res.text().await.unwrap().contains("<script>alert(1)"));
}

#[tokio::test]
async fn the_live_preview_cooks_for_authors_only_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("live@clinic.example", &[Role::Clinician])
        .await;
    let (moderator, _) = app
        .member_client("live.mod@clinic.example", &[Role::Moderator])
        .await;
    let res = app
        .post_form(
            &author,
            "/preview",
            &[("text", "**bold** <script>x</script>")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .starts_with("text/html")
    );
    // The live check's report (nothing found here), then the cooked text.
    let body = res.text().await.unwrap();
    assert!(body.contains("No identifiers found"), "{body}");
    assert!(
        body.ends_with("<p><strong>bold</strong> &lt;script&gt;x&lt;/script&gt;</p>\n"),
        "{body}"
    );
    let res = app
        .post_form(&author, "/preview", &[("text", &">".repeat(5_000))])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("nested too deeply"));
    assert_eq!(
        app.post_form(&moderator, "/preview", &[("text", "x")])
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post_form(&app.client(), "/preview", &[("text", "x")])
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert!(
        app.get(&author, "/cases")
            .await
            .1
            .contains("No cases match")
    );
}
