use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::support::*;

#[tokio::test]
async fn a_post_from_another_origin_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let (admin, _) = app
        .member_client("csrf.admin@clinic.example", &[Role::Admin])
        .await;
    let victim = app
        .create_member("target@clinic.example", "Target", &[Role::Clinician])
        .await;
    let path = app.url(&format!("/admin/users/{}/roles", victim.0));

    let evil = admin
        .post(&path)
        .header("origin", "https://evil.example")
        .form(&[("role", "admin")])
        .send()
        .await
        .unwrap();
    assert_eq!(evil.status(), StatusCode::FORBIDDEN);
    assert!(
        evil.text()
            .await
            .unwrap()
            .contains("not sent from a Caseroom page")
    );

    let from_sandbox = admin
        .post(&path)
        .header("origin", "null")
        .header("sec-fetch-site", "cross-site")
        .form(&[("role", "admin")])
        .send()
        .await
        .unwrap();
    assert_eq!(from_sandbox.status(), StatusCode::FORBIDDEN);

    let evil_referer = admin
        .post(&path)
        .header("origin", "null")
        .header("referer", "https://evil.example/page")
        .form(&[("role", "admin")])
        .send()
        .await
        .unwrap();
    assert_eq!(evil_referer.status(), StatusCode::FORBIDDEN);

    assert!(
        !app.state
            .store
            .roles_of(victim)
            .await
            .unwrap()
            .has(Role::Admin)
    );

    // Our own pages send `Origin: null` (Referrer-Policy: no-referrer) with Sec-Fetch-Site.
    let ours = admin
        .post(&path)
        .header("origin", "null")
        .header("sec-fetch-site", "same-origin")
        .form(&[("role", "supervisor")])
        .send()
        .await
        .unwrap();
    assert_eq!(ours.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_post_with_no_origin_evidence_is_refused() {
    let app = TestApp::spawn().await;
    let res = app
        .bare_client()
        .post(app.url("/login"))
        .form(&[("email", "a@b.example"), ("password", "whatever it is")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::spawn().await;
    let client = app.client();
    for path in ["/", "/login", "/healthz", "/no-such-page", "/admin/users"] {
        let res = client.get(app.url(path)).send().await.unwrap();
        let h = res.headers();
        let csp = h
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(csp.contains("script-src 'self' 'nonce-"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(
            h.get("x-content-type-options").unwrap(),
            "nosniff",
            "{path}"
        );
        assert_eq!(h.get("referrer-policy").unwrap(), "no-referrer", "{path}");
    }
    let res = client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        client
            .get(app.url("/no-such-page"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_page_script_carries_the_nonce_of_its_own_response() {
    let app = TestApp::spawn().await;
    // /account has an island, so it carries the hydration script.
    let (member, _) = app
        .member_client("nonce@clinic.example", &[Role::Clinician])
        .await;
    let res = member.get(app.url("/account")).send().await.unwrap();
    let csp = res
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap()
        .to_owned();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .unwrap()
        .to_owned();
    let body = res.text().await.unwrap();
    assert!(
        body.contains(&format!("<script type=\"module\" nonce=\"{nonce}\">")),
        "hydration script carries the nonce"
    );
}

#[tokio::test]
async fn a_body_over_the_limit_gets_a_clear_413_page() {
    let app = TestApp::spawn_with(&[("CASEROOM_REQUEST_SIZE_LIMIT", "8KiB")]).await;
    let big = "x".repeat(20_000);
    let res = app
        .post_form(
            &app.client(),
            "/login",
            &[("email", big.as_str()), ("password", "whatever it is")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        res.headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .starts_with("text/html")
    );
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("larger than Caseroom accepts")
    );
}

#[tokio::test]
async fn a_malformed_form_gets_a_clear_4xx_page() {
    let app = TestApp::spawn().await;
    let res = app
        .client()
        .post(app.url("/login"))
        .header("content-type", "application/json")
        .body("{\"email\":1}")
        .send()
        .await
        .unwrap();
    assert!(res.status().is_client_error(), "{}", res.status());
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Could not read that form")
    );
    // Missing fields are treated as empty and answered like any bad input.
    let res = app.post_form(&app.client(), "/login", &[]).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn no_get_request_changes_state() {
    let app = TestApp::spawn().await;
    let (browser, id) = app
        .member_client("get@clinic.example", &[Role::Clinician])
        .await;
    let token = token_of(&app.invite("clinician", "fresh@clinic.example").await);
    // A post could embed these as same-origin links or images: none may act.
    for path in [
        "/logout",
        "/admin/invites",
        "/admin/users/1/status",
        &format!("/register?token={token}"),
    ] {
        let status = app.get(&browser, path).await.0;
        assert_ne!(status, StatusCode::SEE_OTHER, "{path}");
    }
    assert_eq!(
        app.state.store.count_sessions(id).await.unwrap(),
        1,
        "still signed in"
    );
    assert_eq!(app.get(&browser, "/account").await.0, StatusCode::OK);
    let res = app
        .post_form(
            &app.client(),
            "/register",
            &[
                ("token", &token),
                ("display_name", "Fresh"),
                ("password", GOOD_PASSWORD),
                ("confirm", GOOD_PASSWORD),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "viewing the invite did not use it"
    );
}
