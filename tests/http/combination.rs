//! The case-level combination warning over HTTP: details that identify nobody alone but together
//! may single out one person. The author sees it on *Check* without JavaScript and on a refused
//! submission; the moderator sees it on the review page. It never blocks a submission.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::cases::{case_form, edit, submit};
use crate::support::*;

/// Passes the scanner's blocking rules (it warns about the news only) but combines an exact
/// age, a public occupation, a family event and a news event.
const HEADTEACHER: &str = "A retired headteacher in her late 70s, recently widowed, whose son \
                           was in the news after the flood.";
const ORDINARY: &str =
    "A woman in her 30s with recurrent depression who cancels every third session.";

const AUTHOR_HEADING: &str = "These details together may identify your client";
const MODERATOR_HEADING: &str = "These details together may identify the client";

fn with_intent<'a>(mut form: Vec<(&'a str, &'a str)>, intent: &'a str) -> Vec<(&'a str, &'a str)> {
    form.retain(|(k, _)| *k != "intent");
    form.push(("intent", intent));
    form
}

/// The notice as the author sees it: the reason, each factor named with its field and quoted
/// from the draft, and what to write instead.
fn assert_author_notice(body: &str) {
    for expected in [
        AUTHOR_HEADING,
        "Exact age + occupation + family event + news event together may single out one person.",
        "data-factor=\"occupation\"",
        ">headteacher</mark>",
        " in Situation",
        "give an age band",
        "This does not stop you submitting",
    ] {
        assert!(body.contains(expected), "{expected} in {body}");
    }
}

#[tokio::test]
async fn check_without_javascript_warns_about_details_that_combine_and_blocks_nothing() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("combination.check@clinic.example", &[Role::Clinician])
        .await;
    let form = case_form("Grief that will not settle", &[("situation", HEADTEACHER)]);

    let res = app
        .post_form(&author, "/cases/new", &with_intent(form.clone(), "check"))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let body = res.text().await.unwrap();
    assert_author_notice(&body);
    assert!(
        !body.contains("must change or be explained"),
        "the scanner blocks nothing here: {body}"
    );

    // Refused for another reason (a checklist item left out): the warning comes back too.
    let mut unconfirmed = form.clone();
    unconfirmed.retain(|(k, v)| !(*k == "confirm" && *v == "relations"));
    let res = app.post_form(&author, "/cases/new", &unconfirmed).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_author_notice(&res.text().await.unwrap());

    // The warning does not stop the case: it goes to the review queue as it is.
    let id = submit(&app, &author, &form).await;

    // The edit page's *Check* warns the same way.
    let res = edit(&app, &author, id, &with_intent(form, "check")).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_author_notice(&res.text().await.unwrap());
}

#[tokio::test]
async fn the_moderator_sees_the_warning_on_the_review_page() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("combination.review@clinic.example", &[Role::Clinician])
        .await;
    let id = submit(
        &app,
        &author,
        &case_form("Grief that will not settle", &[("situation", HEADTEACHER)]),
    )
    .await;
    let (status, page) = app
        .get(app.moderator().await, &format!("/review/{id}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    for expected in [
        MODERATOR_HEADING,
        "Exact age + occupation + family event + news event together may single out one person.",
        "data-factor=\"family\"",
        ">widowed</mark>",
        " in Situation",
        "not a block",
    ] {
        assert!(page.contains(expected), "{expected} in {page}");
    }
    assert!(!page.contains(AUTHOR_HEADING));
}

#[tokio::test]
async fn an_ordinary_case_gets_no_warning() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("combination.ordinary@clinic.example", &[Role::Clinician])
        .await;
    let form = case_form("Cancels every third session", &[("situation", ORDINARY)]);
    let res = app
        .post_form(&author, "/cases/new", &with_intent(form.clone(), "check"))
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let body = res.text().await.unwrap();
    assert!(body.contains("No identifiers found"), "{body}");
    assert!(!body.contains("combination-notice"), "{body}");

    let id = submit(&app, &author, &form).await;
    let (status, page) = app
        .get(app.moderator().await, &format!("/review/{id}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("combination-notice"), "{page}");
    assert!(!page.contains(MODERATOR_HEADING));
}
