//! "My blind spots" (issue 19): a clinician's own cases, the themes that recur in them and the
//! supervisor feedback they marked helpful, for them alone, as a page and as a file.

use caseroom::domain::role::Role;
use leptos::server_fn::ServerFn as _;
use reqwest::StatusCode;

use crate::cases::{case_form, publish, submit};
use crate::support::*;

#[tokio::test]
async fn a_clinician_sees_what_recurs_in_their_own_cases_and_nobody_else_does() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let (supervisor, _) = app
        .member_client("sup@clinic.example", &[Role::Supervisor])
        .await;
    let first = publish(
        &app,
        &author,
        &case_form(
            "Qbsfirst case",
            &[
                ("stuck", "I keep **rescuing** him from the silence."),
                ("blind_spot", "My own need to rescue."),
            ],
        ),
    )
    .await;
    let second = publish(
        &app,
        &author,
        &case_form(
            "Qbssecond case",
            &[
                ("stuck", "She asks me to decide for her."),
                ("blind_spot", "I rescued her again, <script>x</script>."),
            ],
        ),
    )
    .await;
    // Still in review: the author's own, so it counts for them.
    submit(
        &app,
        &author,
        &case_form("Qbsthird case", &[("blind_spot", "Rescue, a third time.")]),
    )
    .await;
    publish(
        &app,
        &peer,
        &case_form("Qbspeer case", &[("blind_spot", "Qbspeerword rescue")]),
    )
    .await;
    let feedback = app
        .reply(
            &supervisor,
            first,
            "Qbsfeedback: notice the pull to rescue.",
        )
        .await;
    let other = app
        .reply(&supervisor, second, "Qbsunmarked feedback.")
        .await;
    let res = app
        .post_form(
            &author,
            &format!("/replies/{feedback}/helpful"),
            &[("helpful", "true")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let _ = other;

    let (status, page) = app.get(&author, "/blind-spots").await;
    assert_eq!(status, StatusCode::OK);
    for expected in [
        "What recurs",
        "rescue",
        "in 3 cases",
        "Qbsfirst case",
        "Qbssecond case",
        "Qbsthird case",
        "Not published",
        "I keep rescuing him from the silence.",
        "Qbsfeedback: notice the pull to rescue.",
        "Anxiety",
        "&lt;script&gt;",
    ] {
        assert!(page.contains(expected), "{expected}: {page}");
    }
    assert!(
        !page.contains("Qbspeer") && !page.contains("Qbsunmarked"),
        "{page}"
    );
    assert!(!page.contains("<script>x"), "text, never markup");

    // As a file, with the same and nothing else.
    let res = author.get(app.url("/blind-spots.md")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/markdown")
    );
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let file = res.text().await.unwrap();
    assert!(
        file.contains("# My blind spots")
            && file.contains("Qbsfirst case")
            && file.contains("> Qbsfeedback: notice the pull to rescue\\.")
            && file.contains("\\<script\\>")
            && !file.contains("Qbspeer"),
        "{file}"
    );

    // Each member sees only their own: the peer, a moderator, a visitor.
    let (_, page) = app.get(&peer, "/blind-spots").await;
    assert!(
        page.contains("Qbspeer case") && !page.contains("Qbsfirst"),
        "{page}"
    );
    let moderator = app.moderator().await;
    let (_, page) = app.get(moderator, "/blind-spots").await;
    assert!(!page.contains("Qbs"), "{page}");
    let (_, body) = app
        .server_fn(
            &peer,
            caseroom::api::cases::GetBlindSpots::PATH,
            String::new(),
        )
        .await;
    assert!(!body.contains("Qbsfirst"), "{body}");
    let visitor = app.client();
    let res = visitor
        .get(app.url("/blind-spots.md"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let (status, body) = app
        .server_fn(
            &visitor,
            caseroom::api::cases::GetBlindSpots::PATH,
            String::new(),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(!body.contains("Qbs"));
}
