//! The de-identification scanner over HTTP: the publish gate, *Check* without JavaScript, the
//! live check, `scan_draft`, and bad input.

use caseroom::domain::role::Role;
use leptos::server_fn::ServerFn as _;
use reqwest::{Client, StatusCode};

use crate::cases::{case_form, publish};
use crate::support::*;

/// The `explain.<key>` field names on a page the gate sent back.
fn explain_fields(body: &str) -> Vec<String> {
    body.match_indices("name=\"explain.")
        .map(|(i, _)| {
            let rest = &body[i + 6..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .collect()
}

/// Publishes a case, explaining every finding that blocks it, as an author would.
pub async fn publish_explaining(app: &TestApp, client: &Client, form: &[(&str, &str)]) -> i64 {
    let res = app.post_form(client, "/cases/new", form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let fields = explain_fields(&res.text().await.unwrap());
    assert!(!fields.is_empty());
    let mut explained = form.to_vec();
    for f in &fields {
        explained.push((f.as_str(), "Not about a client: part of a test."));
    }
    publish(app, client, &explained).await
}

#[tokio::test]
async fn a_phone_number_blocks_publishing_until_removed_and_nothing_is_saved_meanwhile() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("gate@clinic.example", &[Role::Clinician])
        .await;
    let leaky = "She asked me to ring her on 503-555-0147 after hours.";
    let form = case_form("Out-of-hours contact", &[("situation", leaky)]);
    let res = app.post_form(&author, "/cases/new", &form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(body.contains("could identify a client"), "{body}");
    assert!(
        body.contains("<mark title=\"A phone number"),
        "highlighted in place"
    );
    assert!(body.contains("phone number (blocks publishing)"));
    assert!(
        body.contains("leave the number out (&quot;she gave me her number&quot;)")
            || body.contains("leave the number out")
    );
    assert!(
        body.contains(leaky.replace('\'', "&#x27;").split(" on ").next().unwrap()),
        "typed text kept"
    );
    assert_eq!(explain_fields(&body).len(), 1);
    let (_, mine) = app.get(&author, "/cases/mine").await;
    assert!(!mine.contains("Out-of-hours contact"), "nothing saved");

    // A too-short explanation does not count.
    let field = explain_fields(&body).remove(0);
    let mut short = form.clone();
    short.push((field.as_str(), "ok"));
    assert_eq!(
        app.post_form(&author, "/cases/new", &short).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // Fixed: published.
    let fixed = case_form(
        "Out-of-hours contact",
        &[("situation", "She asked me to ring her after hours.")],
    );
    publish(&app, &author, &fixed).await;
}

#[tokio::test]
async fn an_explained_finding_publishes_and_the_explanation_is_kept_for_the_moderator() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("explain@clinic.example", &[Role::Clinician])
        .await;
    let form = case_form(
        "Using a worksheet site",
        &[(
            "tried",
            "The worksheets at www.example.org helped a little.",
        )],
    );
    let id = publish_explaining(&app, &author, &form).await;
    let stored = app
        .state
        .store
        .count_scan_explanations(caseroom::model::CaseId(id))
        .await
        .unwrap();
    assert_eq!(stored, 1);
}

#[tokio::test]
async fn check_without_javascript_highlights_findings_and_saves_nothing() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("check@clinic.example", &[Role::Clinician])
        .await;
    let mut form = case_form(
        "Check me",
        &[("situation", "Maria moved to Portland on March 3rd.")],
    );
    form.retain(|(k, _)| *k != "intent");
    form.push(("intent", "check"));
    let res = app.post_form(&author, "/cases/new", &form).await;
    assert_eq!(res.status(), StatusCode::OK);
    let body = res.text().await.unwrap();
    for expected in [
        "3 details could identify a client",
        ">Maria<sup>1</sup></mark>",
        ">Portland<sup>2</sup></mark>",
        ">March 3rd<sup>3</sup></mark>",
        "in early spring",
        "a mid-sized city",
    ] {
        assert!(body.contains(expected), "{expected} in {body}");
    }
    let (_, mine) = app.get(&author, "/cases/mine").await;
    assert!(!mine.contains("Check me"));

    // A clean draft says so.
    let mut clean = case_form("Clean", &[]);
    clean.retain(|(k, _)| *k != "intent");
    clean.push(("intent", "check"));
    let body = app
        .post_form(&author, "/cases/new", &clean)
        .await
        .text()
        .await
        .unwrap();
    assert!(body.contains("No identifiers found"));
}

#[tokio::test]
async fn the_live_check_and_scan_draft_report_findings_to_authors_only() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("live.scan@clinic.example", &[Role::Clinician])
        .await;
    let text = "Email kay@example.org today.";
    let live = app.post_form(&author, "/preview", &[("text", text)]).await;
    assert_eq!(live.status(), StatusCode::OK);
    let live = live.text().await.unwrap();
    assert!(
        live.contains(">kay@example.org<sup>1</sup></mark>"),
        "{live}"
    );

    let url = app.url(caseroom::api::deid::ScanDraft::PATH);
    let res = author
        .post(&url)
        .form(&[("text", text)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
    let f = &json[0];
    assert_eq!(f["category"], "email");
    assert_eq!(f["blocking"], true);
    assert_eq!(
        &text[f["start"].as_u64().unwrap() as usize..f["end"].as_u64().unwrap() as usize],
        "kay@example.org"
    );

    let anonymous = app
        .client()
        .post(&url)
        .form(&[("text", text)])
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let huge = "a".repeat(200 * 1024);
    let res = author
        .post(&url)
        .form(&[("text", huge.as_str())])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error());
    let message = res.text().await.unwrap();
    assert!(message.contains("at most 64 KiB"), "{message}");
}

#[tokio::test]
async fn bad_input_gets_a_clear_answer_not_a_crash() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("bad.scan@clinic.example", &[Role::Clinician])
        .await;
    // Invalid UTF-8 in a form body.
    let res = author
        .post(app.url("/preview"))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("origin", app.base.clone())
        .body(b"text=%FF%FE%FD".to_vec())
        .send()
        .await
        .unwrap();
    let status = res.status();
    let message = res.text().await.unwrap();
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(message.contains("not valid UTF-8"), "{message}");
    // Far over the post limit: refused before scanning, with the limit in the message.
    let res = app
        .post_form(&author, "/preview", &[("text", &"9".repeat(70 * 1024))])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("at most 64 KiB"));
    // Thousands of digits and repetition inside the limit: answered quickly and safely.
    for text in ["9".repeat(60_000), "a".repeat(60_000), "1/".repeat(30_000)] {
        let res = app.post_form(&author, "/preview", &[("text", &text)]).await;
        assert!(res.status().is_success() || res.status().is_client_error());
    }
}
