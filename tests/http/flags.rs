//! Readers' flags over HTTP: when they hide a case or a reply, who it is hidden from, and how a
//! moderator brings it back.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::cases::{case_form, publish};
use crate::support::*;

fn flag<'a>(kind: &'a str, note: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("kind", kind), ("note", note)]
}

#[tokio::test]
async fn two_members_flagging_may_identify_hide_a_case_until_a_moderator_approves_it_again() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("flag.author@clinic.example", &[Role::Clinician])
        .await;
    let (first, _) = app
        .member_client("flag.first@clinic.example", &[Role::Clinician])
        .await;
    let (second, _) = app
        .member_client("flag.second@clinic.example", &[Role::Clinician])
        .await;
    let (reader, _) = app
        .member_client("flag.reader@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(&app, &author, &case_form("Flag me twice", &[])).await;
    let case = format!("/cases/{id}");
    let path = format!("/cases/{id}/flag");

    // Refusals: the author, a visitor, an unknown kind, an overlong note. Nothing changes.
    assert_eq!(
        app.post_form(&author, &path, &flag("may_identify", ""))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post_form(&app.client(), &path, &flag("may_identify", ""))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let res = app.post_form(&first, &path, &flag("spam", "")).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Choose what the flag is about")
    );
    let long = "x".repeat(501);
    assert_eq!(
        app.post_form(&first, &path, &flag("may_identify", &long))
            .await
            .status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // One member's flag is noted; the same member again does not count twice.
    for _ in 0..2 {
        let res = app
            .post_form(
                &first,
                &path,
                &flag("may_identify", "The town and the job together."),
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&res), format!("{case}?notice=flagged"));
    }
    assert_eq!(app.get(&reader, &case).await.0, StatusCode::OK);

    // The second member's flag hides it at once.
    let res = app
        .post_form(&second, &path, &flag("may_identify", ""))
        .await;
    assert_eq!(location(&res), "/cases?notice=flag-hid-case");
    assert_eq!(app.get(&reader, &case).await.0, StatusCode::NOT_FOUND);
    assert!(!app.get(&reader, "/cases").await.1.contains("Flag me twice"));
    assert_eq!(app.get(&author, &case).await.0, StatusCode::OK);

    // It is back in the queue, with the flags and the note for the moderator.
    let moderator = app.moderator().await;
    let (_, queue) = app.get(moderator, "/review").await;
    assert!(
        queue.contains("Flagged by 2 as possibly identifying"),
        "{queue}"
    );
    let (_, review) = app.get(moderator, &format!("/review/{id}")).await;
    assert!(review.contains("Readers&#x27; flags") || review.contains("Readers' flags"));
    assert!(
        review.contains("It may identify a client")
            && review.contains("The town and the job together.")
    );

    app.approve(id).await;
    assert_eq!(app.get(&reader, &case).await.0, StatusCode::OK);
    assert!(
        !app.get(moderator, "/review")
            .await
            .1
            .contains("Flag me twice")
    );
    let actions = app.audit_actions().await;
    for action in ["case_flagged", "case_hidden_by_flags"] {
        assert!(actions.iter().any(|a| a == action), "{action}: {actions:?}");
    }
}

#[tokio::test]
async fn a_supervisor_hides_alone_and_i_may_know_this_client_hides_only_from_that_reader() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("know.author@clinic.example", &[Role::Clinician])
        .await;
    let (knows, _) = app
        .member_client("know.reader@clinic.example", &[Role::Clinician])
        .await;
    let (other, _) = app
        .member_client("know.other@clinic.example", &[Role::Clinician])
        .await;
    let (supervisor, _) = app
        .member_client("know.sup@clinic.example", &[Role::Supervisor])
        .await;
    let id = publish(&app, &author, &case_form("Someone may know her", &[])).await;
    let case = format!("/cases/{id}");

    let res = app
        .post_form(&knows, &format!("{case}/flag"), &flag("may_know", ""))
        .await;
    assert_eq!(location(&res), "/cases?notice=hidden-from-you");
    let (status, page) = app.get(&knows, &case).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(
        page.contains("There is no case with that number."),
        "answered like a missing case: {page}"
    );
    assert!(
        !app.get(&knows, "/cases")
            .await
            .1
            .contains("Someone may know her")
    );
    assert_eq!(app.get(&other, &case).await.0, StatusCode::OK);

    // A supervisor's "may identify" flag hides it from everyone at once.
    let res = app
        .post_form(
            &supervisor,
            &format!("{case}/flag"),
            &flag("may_identify", ""),
        )
        .await;
    assert_eq!(location(&res), "/cases?notice=flag-hid-case");
    assert_eq!(app.get(&other, &case).await.0, StatusCode::NOT_FOUND);
    // Approved again: back for everyone but the member who may know the client.
    app.approve(id).await;
    assert_eq!(app.get(&other, &case).await.0, StatusCode::OK);
    assert_eq!(app.get(&knows, &case).await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_flagged_reply_is_hidden_until_a_moderator_shows_it_again() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("reply.flag.author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("reply.flag.peer@clinic.example", &[Role::Clinician])
        .await;
    let (supervisor, _) = app
        .member_client("reply.flag.sup@clinic.example", &[Role::Supervisor])
        .await;
    let id = publish(&app, &author, &case_form("A reply goes too far", &[])).await;
    let reply = app
        .reply(&peer, id, "I think I know her from my book club.")
        .await;
    let path = format!("/replies/{reply}/flag");
    // The case page links each reply to its own flag page.
    let (_, page) = app.get(&supervisor, &format!("/cases/{id}")).await;
    assert!(page.contains(&format!("href=\"{path}\"")));
    let (status, flag_page) = app.get(&supervisor, &path).await;
    assert_eq!(status, StatusCode::OK);
    assert!(flag_page.contains("book club") && flag_page.contains("Send flag"));
    assert_eq!(app.get(&peer, &path).await.0, StatusCode::FORBIDDEN);
    assert_eq!(
        app.post_form(&peer, &path, &flag("may_identify", ""))
            .await
            .status(),
        StatusCode::FORBIDDEN,
        "nobody flags their own reply"
    );
    let res = app
        .post_form(
            &supervisor,
            &path,
            &flag("may_identify", "Says how they know her."),
        )
        .await;
    assert_eq!(location(&res), format!("/cases/{id}?notice=flag-hid-reply"));
    assert_eq!(
        app.get(&author, &path).await.0,
        StatusCode::NOT_FOUND,
        "a hidden reply has no flag page"
    );
    for client in [&author, &peer] {
        let (_, page) = app.get(client, &format!("/cases/{id}")).await;
        assert!(!page.contains("book club"), "hidden: {page}");
    }

    // The moderator sees it, marked, in the case and in the queue, and shows it again.
    let moderator = app.moderator().await;
    let (_, queue) = app.get(moderator, "/review").await;
    assert!(
        queue.contains("Replies hidden after flags") && queue.contains(&format!("#reply-{reply}"))
    );
    let (_, page) = app.get(moderator, &format!("/cases/{id}")).await;
    assert!(page.contains("book club") && page.contains("Hidden after a flag"));
    let restore = format!("/replies/{reply}/restore");
    assert_eq!(
        app.post_form(&peer, &restore, &[]).await.status(),
        StatusCode::NOT_FOUND,
        "a peer cannot act on a reply they cannot see"
    );
    let res = app.post_form(moderator, &restore, &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.post_form(moderator, &restore, &[]).await.status(),
        StatusCode::CONFLICT,
        "a second restore says it is not hidden"
    );
    assert!(
        app.get(&author, &format!("/cases/{id}"))
            .await
            .1
            .contains("book club")
    );
}
