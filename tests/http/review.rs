//! Review before publication over HTTP: a case waits in the review queue until a moderator
//! approves it with the checklist complete; every state change, and who may make it.

use caseroom::domain::role::Role;
use reqwest::{Client, StatusCode};

use crate::cases::{case_form, edit, submit};
use crate::support::*;

fn decide<'a>(decision: &'a str, reason: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("decision", decision), ("reason", reason)]
}

#[tokio::test]
async fn a_case_waits_for_a_moderator_and_reaches_peers_only_when_approved() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("queue.author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("queue.peer@clinic.example", &[Role::Clinician])
        .await;
    let (supervisor, sup_id) = app
        .member_client("queue.sup@clinic.example", &[Role::Supervisor])
        .await;
    let (moderator, _) = app
        .member_client("queue.mod@clinic.example", &[Role::Moderator])
        .await;

    // Without the author's checklist nothing is saved, and what was typed comes back.
    let sup = sup_id.0.to_string();
    let mut form = case_form("Waiting for review", &[("supervisor", &sup)]);
    form.retain(|(k, v)| !(*k == "confirm" && *v == "relations"));
    let res = app.post_form(&author, "/cases/new", &form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("Not yet confirmed: relatives, employers and schools."),
        "{page}"
    );
    assert!(page.contains("value=\"Waiting for review\""));
    assert!(
        !app.get(&moderator, "/review")
            .await
            .1
            .contains("Waiting for review"),
        "nothing reached the queue"
    );

    let id = submit(
        &app,
        &author,
        &case_form("Waiting for review", &[("supervisor", &sup)]),
    )
    .await;
    let case = format!("/cases/{id}");

    // Pending: its author sees it with the state; peers find nothing at all.
    let (status, page) = app.get(&author, &case).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Waiting for a moderator"), "{page}");
    assert_eq!(app.get(&peer, &case).await.0, StatusCode::NOT_FOUND);
    assert!(
        !app.get(&peer, "/cases")
            .await
            .1
            .contains("Waiting for review")
    );
    assert!(
        app.get(&author, "/cases/mine")
            .await
            .1
            .contains("Pending review")
    );
    let (_, notes) = app.get(&supervisor, "/notifications").await;
    assert!(
        !notes.contains("Waiting for review"),
        "nobody else hears of a pending case: {notes}"
    );

    // The moderator's navigation counts it; the queue and the review page show it.
    let (_, home) = app.get(&moderator, "/").await;
    assert!(home.contains("Review queue (1)"), "{home}");
    assert!(!app.get(&peer, "/").await.1.contains("Review queue"));
    let (_, queue) = app.get(&moderator, "/review").await;
    assert!(queue.contains("Waiting for review") && queue.contains("New case"));
    let (status, review) = app.get(&moderator, &format!("/review/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        review.contains("The author&#x27;s checklist") || review.contains("The author's checklist")
    );
    assert!(review.contains("This is a composite of more than one client."));
    assert!(review.contains("Approve and publish"));

    // Approving with the checklist incomplete is refused and changes nothing.
    let mut partial = approval();
    partial.retain(|(k, _)| k != "check.findings");
    let partial: Vec<(&str, &str)> = partial
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let res = app
        .post_form(&moderator, &format!("/review/{id}/decide"), &partial)
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("tick scanner findings as absent or redacted"),
        "{page}"
    );
    assert!(
        page.contains("value=\"absent\" required checked"),
        "ticks kept: {page}"
    );
    assert_eq!(app.get(&peer, &case).await.0, StatusCode::NOT_FOUND);

    // Approved: peers read it, the author and the supervisor of record are told.
    app.approve(id).await;
    assert_eq!(app.get(&peer, &case).await.0, StatusCode::OK);
    assert!(
        app.get(&peer, "/cases")
            .await
            .1
            .contains("Waiting for review")
    );
    let (_, notes) = app.get(&author, "/notifications").await;
    assert!(notes.contains("A moderator approved your case"), "{notes}");
    let (_, notes) = app.get(&supervisor, "/notifications").await;
    assert!(notes.contains("You were named supervisor of record"));
    assert!(
        app.get(&moderator, "/")
            .await
            .1
            .contains("Review queue (0)")
    );

    let actions = app.audit_actions().await;
    for action in ["case_submitted", "pending_case_viewed", "case_approved"] {
        assert!(actions.iter().any(|a| a == action), "{action}: {actions:?}");
    }
}

#[tokio::test]
async fn a_returned_case_comes_back_with_the_reason_and_an_edit_shows_as_a_difference() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("return.author@clinic.example", &[Role::Clinician])
        .await;
    let (moderator, _) = app
        .member_client("return.mod@clinic.example", &[Role::Moderator])
        .await;
    let id = submit(&app, &author, &case_form("Sent back once", &[])).await;
    let decide_path = format!("/review/{id}/decide");

    // A reason is required, and kept when refused.
    let res = app
        .post_form(&moderator, &decide_path, &decide("return", "short"))
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains(">short</textarea>"));

    let reason = "The employer in the second paragraph narrows it down.";
    let res = app
        .post_form(&moderator, &decide_path, &decide("return", reason))
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/review?notice=returned");
    let (_, notes) = app.get(&author, "/notifications").await;
    assert!(notes.contains("returned your case for changes") && notes.contains(reason));
    let (_, page) = app.get(&author, &format!("/cases/{id}")).await;
    assert!(page.contains("Returned to you") && page.contains(reason));

    // The author changes it and resubmits; it is back in the queue.
    let res = edit(&app, &author, id, &case_form("Sent back once, fixed", &[])).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/cases/{id}?notice=resubmitted"));
    assert!(
        app.get(&moderator, "/review")
            .await
            .1
            .contains("Sent back once, fixed")
    );
    app.approve(id).await;

    // An edit of the published case goes back to review, shown against the approved version.
    let form = case_form(
        "Sent back once, fixed",
        &[(
            "stuck",
            "She agrees, then cancels again.\nNow she also arrives late.",
        )],
    );
    assert_eq!(
        edit(&app, &author, id, &form).await.status(),
        StatusCode::SEE_OTHER
    );
    let (_, queue) = app.get(&moderator, "/review").await;
    assert!(queue.contains("Edit of a published case"), "{queue}");
    let (_, review) = app.get(&moderator, &format!("/review/{id}")).await;
    assert!(
        review.contains("What changed since it was approved"),
        "{review}"
    );
    assert!(
        review.contains("<tr class=\"added\"><td><del> </del></td><td><ins>Now she also arrives late.</ins></td></tr>"),
        "{review}"
    );
    assert!(review.contains("Earlier decisions") && review.contains(reason));
}

#[tokio::test]
async fn claims_double_submissions_stale_edits_and_own_cases_are_refused_without_losing_anything() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("claim.author@clinic.example", &[Role::Clinician])
        .await;
    let (first, _) = app
        .member_client("claim.first@clinic.example", &[Role::Moderator])
        .await;
    let (second, _) = app
        .member_client("claim.second@clinic.example", &[Role::Moderator])
        .await;
    let id = submit(&app, &author, &case_form("Claimed case", &[])).await;
    let form = approval();
    let approve: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();

    let res = app
        .post_form(&first, &format!("/review/{id}/claim"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        app.get(&second, "/review")
            .await
            .1
            .contains("Claimed by Test Member")
    );
    for path in [
        format!("/review/{id}/claim"),
        format!("/review/{id}/decide"),
    ] {
        let res = app.post_form(&second, &path, &approve).await;
        assert_eq!(res.status(), StatusCode::CONFLICT, "{path}");
        assert!(res.text().await.unwrap().contains("has claimed this case"));
    }
    // A claim lapses after an hour (the others stay active meanwhile, so their sessions do not
    // time out).
    for _ in 0..4 {
        app.clock.advance(16 * 60);
        for client in [&second, &author] {
            assert_eq!(app.get(client, "/").await.0, StatusCode::OK);
        }
    }
    let res = app
        .post_form(&second, &format!("/review/{id}/decide"), &approve)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // The same approval again (a double submission) changes nothing.
    let res = app
        .post_form(&second, &format!("/review/{id}/decide"), &approve)
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res.text().await.unwrap().contains("not waiting for review"));

    // A stale edit over a newer one is refused, and the typed text comes back.
    let path = format!("/cases/{id}/edit");
    let (_, page) = app.get(&author, &path).await;
    let old = page
        .split("name=\"revision\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_owned();
    assert_eq!(
        edit(&app, &author, id, &case_form("Newer title", &[]))
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    let mut stale = case_form("Stale title", &[]);
    stale.push(("revision", &old));
    let res = app.post_form(&author, &path, &stale).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("changed after you opened the form")
            && page.contains("value=\"Stale title\"")
    );
    let (_, page) = app.get(&author, &format!("/cases/{id}")).await;
    assert!(page.contains("Newer title") && !page.contains("Stale title"));

    // A moderator who is also a clinician cannot approve their own case.
    let (both, _) = app
        .member_client(
            "claim.both@clinic.example",
            &[Role::Moderator, Role::Clinician],
        )
        .await;
    let own = submit(&app, &both, &case_form("My own case", &[])).await;
    let res = app
        .post_form(&both, &format!("/review/{own}/decide"), &approve)
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("You cannot review your own post")
    );
    assert!(
        app.get(&both, &format!("/review/{own}"))
            .await
            .1
            .contains("another moderator reviews it")
    );
}

/// Who may do what to a case in each review state, over HTTP: every cell of role × state ×
/// action, allowed and refused.
#[tokio::test]
async fn the_role_by_state_by_action_table_holds_over_http() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("table.author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("table.peer@clinic.example", &[Role::Clinician])
        .await;
    let (supervisor, _) = app
        .member_client("table.sup@clinic.example", &[Role::Supervisor])
        .await;
    let (moderator, _) = app
        .member_client("table.mod@clinic.example", &[Role::Moderator])
        .await;
    let (admin, _) = app
        .member_client("table.admin@clinic.example", &[Role::Admin])
        .await;
    let visitor = app.client();
    let roles: [(&str, &Client); 6] = [
        ("author", &author),
        ("peer", &peer),
        ("supervisor", &supervisor),
        ("moderator", &moderator),
        ("admin", &admin),
        ("visitor", &visitor),
    ];
    const OK: u16 = 200;
    const SEE: u16 = 303;
    const UNAUTH: u16 = 401;
    const NO: u16 = 403;
    const HIDDEN: u16 = 404;
    const CONFLICT: u16 = 409;
    // Per action and role: the status in [pending, returned, rejected, approved].
    type Row = (&'static str, [(&'static str, [u16; 4]); 6]);
    let table: &[Row] = &[
        (
            "view",
            [
                ("author", [OK, OK, OK, OK]),
                ("peer", [HIDDEN, HIDDEN, HIDDEN, OK]),
                ("supervisor", [HIDDEN, HIDDEN, HIDDEN, OK]),
                ("moderator", [OK, OK, OK, OK]),
                ("admin", [OK, OK, OK, OK]),
                ("visitor", [UNAUTH; 4]),
            ],
        ),
        (
            "review page",
            [
                ("author", [NO; 4]),
                ("peer", [NO; 4]),
                ("supervisor", [NO; 4]),
                ("moderator", [OK; 4]),
                ("admin", [OK; 4]),
                ("visitor", [UNAUTH; 4]),
            ],
        ),
        (
            "claim",
            [
                ("author", [NO; 4]),
                ("peer", [HIDDEN, HIDDEN, HIDDEN, NO]),
                ("supervisor", [HIDDEN, HIDDEN, HIDDEN, NO]),
                ("moderator", [SEE, CONFLICT, CONFLICT, CONFLICT]),
                ("admin", [SEE, CONFLICT, CONFLICT, CONFLICT]),
                ("visitor", [UNAUTH; 4]),
            ],
        ),
        (
            "approve",
            [
                ("author", [NO; 4]),
                ("peer", [HIDDEN, HIDDEN, HIDDEN, NO]),
                ("supervisor", [HIDDEN, HIDDEN, HIDDEN, NO]),
                ("moderator", [SEE, CONFLICT, CONFLICT, CONFLICT]),
                ("admin", [SEE, CONFLICT, CONFLICT, CONFLICT]),
                ("visitor", [UNAUTH; 4]),
            ],
        ),
        (
            "return",
            [
                ("author", [NO; 4]),
                ("peer", [HIDDEN, HIDDEN, HIDDEN, NO]),
                ("supervisor", [HIDDEN, HIDDEN, HIDDEN, NO]),
                ("moderator", [SEE, CONFLICT, CONFLICT, CONFLICT]),
                ("admin", [SEE, CONFLICT, CONFLICT, CONFLICT]),
                ("visitor", [UNAUTH; 4]),
            ],
        ),
        (
            "reject",
            [
                ("author", [NO; 4]),
                ("peer", [HIDDEN, HIDDEN, HIDDEN, NO]),
                ("supervisor", [HIDDEN, HIDDEN, HIDDEN, NO]),
                ("moderator", [SEE, CONFLICT, CONFLICT, CONFLICT]),
                ("admin", [SEE, CONFLICT, CONFLICT, CONFLICT]),
                ("visitor", [UNAUTH; 4]),
            ],
        ),
        (
            "edit",
            [
                ("author", [SEE, SEE, NO, SEE]),
                ("peer", [HIDDEN, HIDDEN, HIDDEN, NO]),
                ("supervisor", [HIDDEN, HIDDEN, HIDDEN, NO]),
                ("moderator", [SEE, NO, NO, NO]),
                ("admin", [SEE, NO, NO, NO]),
                ("visitor", [UNAUTH; 4]),
            ],
        ),
        (
            "reply",
            [
                ("author", [NO, NO, NO, SEE]),
                ("peer", [HIDDEN, HIDDEN, HIDDEN, SEE]),
                ("supervisor", [HIDDEN, HIDDEN, HIDDEN, SEE]),
                ("moderator", [NO, NO, NO, SEE]),
                ("admin", [NO, NO, NO, SEE]),
                ("visitor", [UNAUTH; 4]),
            ],
        ),
    ];
    let states = ["pending", "returned", "rejected", "approved"];
    let approve = approval();
    let approve: Vec<(&str, &str)> = approve
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let reason = "A reason the author can act on.";
    let mut cells = 0;
    for (action, rows) in table {
        for (role, expected) in rows {
            let client = roles
                .iter()
                .find(|(r, _)| r == role)
                .map(|(_, c)| *c)
                .unwrap();
            for (state, want) in states.iter().zip(expected) {
                // A fresh case in that state for every cell, so a successful change in one
                // cell cannot decide the next.
                let id = case_in_state(&app, &author, state).await;
                let revision = app
                    .state
                    .store
                    .latest_case_revision(caseroom::model::CaseId(id))
                    .await
                    .unwrap()
                    .to_string();
                let status = match *action {
                    "view" => app.get(client, &format!("/cases/{id}")).await.0,
                    "review page" => app.get(client, &format!("/review/{id}")).await.0,
                    "claim" => app
                        .post_form(client, &format!("/review/{id}/claim"), &[])
                        .await
                        .status(),
                    "approve" => app
                        .post_form(client, &format!("/review/{id}/decide"), &approve)
                        .await
                        .status(),
                    "return" | "reject" => app
                        .post_form(
                            client,
                            &format!("/review/{id}/decide"),
                            &decide(action, reason),
                        )
                        .await
                        .status(),
                    "edit" => {
                        let mut form = case_form("Edited in the table", &[]);
                        form.push(("revision", &revision));
                        app.post_form(client, &format!("/cases/{id}/edit"), &form)
                            .await
                            .status()
                    }
                    _ => app
                        .post_form(
                            client,
                            &format!("/cases/{id}/replies"),
                            &[("body", "A thought on this.")],
                        )
                        .await
                        .status(),
                };
                assert_eq!(status.as_u16(), *want, "{role} {action} a {state} case");
                cells += 1;
            }
        }
    }
    assert_eq!(cells, 8 * 6 * 4);
}

/// A case by `author`, brought to `state` by the test moderator.
async fn case_in_state(app: &TestApp, author: &Client, state: &str) -> i64 {
    let id = submit(app, author, &case_form("A case for the table", &[])).await;
    let path = format!("/review/{id}/decide");
    let reason = "A reason the author can act on.";
    match state {
        "pending" => {}
        "approved" => app.approve(id).await,
        decision => {
            let decision = if decision == "returned" {
                "return"
            } else {
                "reject"
            };
            let res = app
                .post_form(app.moderator().await, &path, &decide(decision, reason))
                .await;
            assert_eq!(res.status(), StatusCode::SEE_OTHER);
        }
    }
    id
}

#[tokio::test]
async fn a_moderator_redacts_a_finding_from_the_review_page_in_one_step() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("finding.author@clinic.example", &[Role::Clinician])
        .await;
    let form = case_form(
        "A worksheet site",
        &[(
            "tried",
            "The worksheets at www.example.org helped a little.",
        )],
    );
    // The author explains the flagged address and submits.
    let res = app.post_form(&author, "/cases/new", &form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    let key = page
        .split("name=\"explain.")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_owned();
    let field = format!("explain.{key}");
    let mut explained = form.clone();
    explained.push((&field, "A public worksheet site, not about the client."));
    let id = submit(&app, &author, &explained).await;

    let moderator = app.moderator().await;
    let (_, review) = app.get(moderator, &format!("/review/{id}")).await;
    assert!(review.contains("Redact a finding"), "{review}");
    assert!(
        review.contains("name=\"text\" value=\"www.example.org\""),
        "{review}"
    );
    assert!(review.contains("A public worksheet site, not about the client."));
    let res = app
        .post_form(
            moderator,
            &format!("/cases/{id}/redact"),
            &[
                ("from", "review"),
                ("text", "www.example.org"),
                ("category", "contact"),
            ],
        )
        .await;
    assert_eq!(location(&res), format!("/review/{id}?notice=redacted"));
    let (_, review) = app.get(moderator, &format!("/review/{id}")).await;
    assert!(!review.contains("www.example.org"), "{review}");
    assert!(review.contains("[redacted: "));
}

#[tokio::test]
async fn a_moderator_edits_a_case_in_review_and_it_keeps_its_place_and_claim() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("modedit.author@clinic.example", &[Role::Clinician])
        .await;
    let (moderator, _) = app
        .member_client("modedit.mod@clinic.example", &[Role::Moderator])
        .await;
    let id = submit(&app, &author, &case_form("Needs a small change", &[])).await;
    let res = app
        .post_form(&moderator, &format!("/review/{id}/claim"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, form) = app.get(&moderator, &format!("/cases/{id}/edit")).await;
    assert!(form.contains("You are editing as a moderator"));
    assert!(
        form.contains("id=\"checklist\" hidden"),
        "no author's checklist for the moderator"
    );

    // No author's checklist is needed; the edit is a revision in the moderator's name.
    let mut edited = case_form(
        "Needs a small change",
        &[("situation", "An adult client who cancels often.")],
    );
    edited.retain(|(k, _)| *k != "confirm" && *k != "disguise");
    let res = edit(&app, &moderator, id, &edited).await;
    assert_eq!(
        location(&res),
        format!("/review/{id}?notice=moderator-edited")
    );
    let (_, review) = app.get(&moderator, &format!("/review/{id}")).await;
    assert!(review.contains("You claimed this case."), "the claim stays");
    assert!(review.contains("An adult client who cancels often."));
    let (_, revisions) = app.get(&moderator, &format!("/cases/{id}/revisions")).await;
    assert_eq!(revisions.matches("<li class=\"panel\">").count(), 2);
    assert!(
        app.audit_actions()
            .await
            .iter()
            .any(|a| a == "case_edited_by_moderator")
    );
    assert!(
        review.contains("This is a composite of more than one client."),
        "the author's checklist still shows"
    );
    // Once approved, the text is the author's again to change.
    let form = approval();
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app
        .post_form(&moderator, &format!("/review/{id}/decide"), &form)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        edit(&app, &moderator, id, &edited).await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn a_decision_applies_only_to_the_version_the_moderator_read() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("version.author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("version.peer@clinic.example", &[Role::Clinician])
        .await;
    let id = submit(
        &app,
        &author,
        &case_form("A case edited during review", &[]),
    )
    .await;
    let moderator = app.moderator().await;
    let (_, page) = app.get(moderator, &format!("/review/{id}")).await;
    let read = page
        .split("name=\"revision\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();

    // The author changes the text after the moderator opened it.
    let res = edit(
        &app,
        &author,
        id,
        &case_form(
            "A case edited during review",
            &[("stuck", "Added after the moderator opened the page.")],
        ),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    let mut form = approval();
    form.push(("revision".into(), read.clone()));
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app
        .post_form(moderator, &format!("/review/{id}/decide"), &form)
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("The text changed after you opened it"),
        "{page}"
    );
    assert!(
        page.contains("Added after the moderator opened the page."),
        "the new text is shown"
    );
    assert_eq!(
        app.get(&peer, &format!("/cases/{id}")).await.0,
        StatusCode::NOT_FOUND
    );

    // Without a version the form is refused; with the new one it is approved.
    let mut bare = approval();
    bare.push(("revision".into(), "not a number".into()));
    let bare: Vec<(&str, &str)> = bare.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let res = app
        .post_form(moderator, &format!("/review/{id}/decide"), &bare)
        .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    app.approve(id).await;
    assert_eq!(
        app.get(&peer, &format!("/cases/{id}")).await.0,
        StatusCode::OK
    );
}
