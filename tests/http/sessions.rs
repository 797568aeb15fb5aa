use caseroom::domain::role::Role;
use reqwest::StatusCode;
use reqwest::header::COOKIE;

use crate::support::*;

#[tokio::test]
async fn a_session_ends_after_30_idle_minutes() {
    let app = TestApp::spawn().await;
    let (browser, id) = app
        .member_client("idle@clinic.example", &[Role::Clinician])
        .await;
    app.clock.advance(29 * 60);
    assert_eq!(
        app.get(&browser, "/account").await.0,
        StatusCode::OK,
        "still active at 29 minutes"
    );
    app.clock.advance(29 * 60);
    assert_eq!(
        app.get(&browser, "/account").await.0,
        StatusCode::OK,
        "activity reset the idle timer"
    );
    app.clock.advance(30 * 60);
    let (status, page) = app.get(&browser, "/account").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(page.contains("Please sign in"));
    assert_eq!(
        app.state.store.count_sessions(id).await.unwrap(),
        0,
        "the expired session was deleted"
    );
    assert!(
        app.audit_actions()
            .await
            .iter()
            .any(|a| a == "session_idle_timeout")
    );
}

/// At the shortest idle timeout an active member stays signed in: each request within the
/// minute moves last-seen, and a minute without one still signs out.
#[tokio::test]
async fn the_shortest_idle_timeout_is_exact() {
    let app = TestApp::spawn_with(&[("CASEROOM_SESSION_IDLE_TIMEOUT", "60s")]).await;
    let (browser, _) = app
        .member_client("brisk@clinic.example", &[Role::Clinician])
        .await;
    for step in 1..=6 {
        app.clock.advance(45);
        assert_eq!(
            app.get(&browser, "/account").await.0,
            StatusCode::OK,
            "active member still signed in after {} s",
            step * 45
        );
    }
    app.clock.advance(60);
    assert_eq!(
        app.get(&browser, "/account").await.0,
        StatusCode::UNAUTHORIZED,
        "a full idle minute signs out"
    );
}

#[tokio::test]
async fn a_session_ends_after_12_hours_however_active() {
    let app = TestApp::spawn().await;
    let (browser, _) = app
        .member_client("long@clinic.example", &[Role::Clinician])
        .await;
    for _ in 0..(12 * 3) {
        assert_eq!(app.get(&browser, "/account").await.0, StatusCode::OK);
        app.clock.advance(20 * 60);
    }
    assert_eq!(
        app.get(&browser, "/account").await.0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn sign_in_replaces_any_session_id_the_browser_had() {
    let app = TestApp::spawn().await;
    app.create_member("fix@clinic.example", "Fix", &[Role::Clinician])
        .await;
    let browser = app.client();
    let first = session_cookie(
        &app.sign_in(&browser, "fix@clinic.example", GOOD_PASSWORD)
            .await,
    )
    .unwrap();
    let second = session_cookie(
        &app.sign_in(&browser, "fix@clinic.example", GOOD_PASSWORD)
            .await,
    )
    .unwrap();
    assert_ne!(first, second);
    // The first id no longer works anywhere.
    let replay = app
        .bare_client()
        .get(app.url("/account"))
        .header(COOKIE, format!("caseroom_session={first}"))
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_signed_out_session_cannot_be_replayed() {
    let app = TestApp::spawn().await;
    app.create_member("out@clinic.example", "Out", &[Role::Clinician])
        .await;
    let browser = app.client();
    let token = session_cookie(
        &app.sign_in(&browser, "out@clinic.example", GOOD_PASSWORD)
            .await,
    )
    .unwrap();
    app.post_form(&browser, "/logout", &[]).await;
    let replay = app
        .bare_client()
        .get(app.url("/account"))
        .header(COOKIE, format!("caseroom_session={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), StatusCode::UNAUTHORIZED);
    assert!(
        replay
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("Max-Age=0")),
        "the stale cookie is cleared"
    );
}

#[tokio::test]
async fn five_failures_lock_the_account_for_15_minutes() {
    let app = TestApp::spawn().await;
    app.create_member("locked@clinic.example", "Locked", &[Role::Clinician])
        .await;
    for _ in 0..5 {
        let res = app
            .sign_in(
                &app.client(),
                "locked@clinic.example",
                "wrong password guess",
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    // Even the right password is refused now, with a clear message.
    let res = app
        .sign_in(&app.client(), "LOCKED@clinic.example", GOOD_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.text().await.unwrap().contains("Wait 15 minutes"));
    app.clock.advance(15 * 60 + 1);
    let res = app
        .sign_in(&app.client(), "locked@clinic.example", GOOD_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.audit_actions()
            .await
            .iter()
            .filter(|a| *a == "login_failed")
            .count(),
        5
    );
}

#[tokio::test]
async fn many_failures_from_one_address_lock_that_address() {
    let app = TestApp::spawn().await;
    app.create_member("victim@clinic.example", "Victim", &[Role::Clinician])
        .await;
    // Spraying different emails from one address: each account stays under its own limit.
    for i in 0..20 {
        let res = app
            .sign_in(
                &app.client(),
                &format!("guess{i}@clinic.example"),
                "wrong password guess",
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    }
    let res = app
        .sign_in(&app.client(), "victim@clinic.example", GOOD_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
}
