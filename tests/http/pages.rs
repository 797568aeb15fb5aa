//! Every page loads the wasm if and only if it has an island on it.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::support::*;

#[tokio::test]
async fn a_page_loads_the_wasm_exactly_when_it_has_islands() {
    let app = TestApp::spawn().await;
    let (admin, _) = app
        .member_client(
            "pages.admin@clinic.example",
            &[Role::Admin, Role::Clinician],
        )
        .await;
    let form = crate::cases::case_form("A case for the page check", &[]);
    assert_eq!(
        app.post_form(&admin, "/cases/new", &form).await.status(),
        StatusCode::SEE_OTHER
    );
    // Another member, so the members page shows its "disable account" island.
    let other = app
        .create_member("pages.other@clinic.example", "Other", &[Role::Clinician])
        .await;
    let token = token_of(&app.invite("clinician", "pages.new@clinic.example").await);
    // A reset link for the other member, as an admin makes one without email.
    let res = app
        .post_form(&admin, &format!("/admin/users/{other}/reset"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let page = res.text().await.unwrap();
    let start = page.find("token=").expect("a reset link") + "token=".len();
    let reset_token: String = page[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let signed_in_pages = [
        "/",
        "/account",
        "/admin/users",
        "/admin/invites",
        "/cases",
        "/cases/mine",
        "/cases/new",
        "/cases/1",
        "/cases/1/edit",
        "/notifications",
        "/review",
        "/review/1",
        "/no-such-page",
    ];
    let visitor_pages = [
        "/login".to_owned(),
        format!("/register?token={token}"),
        "/password/forgot".to_owned(),
        format!("/password/reset?token={reset_token}"),
    ];
    let mut checked = 0;
    for (client, path) in signed_in_pages
        .iter()
        .map(|p| (&admin, (*p).to_owned()))
        .chain(visitor_pages.iter().map(|p| (&admin, p.clone())))
    {
        let client = if path.starts_with("/login")
            || path.starts_with("/register")
            || path.starts_with("/password")
        {
            app.client()
        } else {
            client.clone()
        };
        let (status, body) = app.get(&client, &path).await;
        assert!(
            status == StatusCode::OK || path == "/no-such-page",
            "{path}: {status}"
        );
        let has_island = body.contains("<leptos-island");
        let loads_wasm = body.contains("caseroom_bg.wasm");
        assert_eq!(
            has_island, loads_wasm,
            "{path}: islands {has_island}, wasm {loads_wasm}"
        );
        let bare = path.split('?').next().unwrap_or_default();
        assert_eq!(caseroom::app::path_has_islands(bare), has_island, "{path}");
        checked += 1;
    }
    assert_eq!(checked, 17);
}
