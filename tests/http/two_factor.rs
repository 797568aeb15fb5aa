//! Two-factor sign-in (issue 19): set up with a code, asked after the password, each code
//! taken once, recovery codes used once, turned off with a code; and, when the forum requires
//! it, moderators and admins act without those roles until they set it up.

use caseroom::domain::role::Role;
use caseroom::server::auth::totp::code_at;
use reqwest::StatusCode;

use crate::support::*;

/// The key shown on the account page while setting up.
fn secret_in(page: &str) -> String {
    page.split(r#"<code class="secret">"#)
        .nth(1)
        .and_then(|s| s.split('<').next())
        .unwrap_or_else(|| panic!("no key on {page}"))
        .to_owned()
}

/// The hidden token of a sign-in waiting for its code.
fn challenge_in(page: &str) -> String {
    page.split(r#"name="challenge" value=""#)
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_else(|| panic!("no challenge on {page}"))
        .to_owned()
}

/// Sets up two-factor sign-in for the signed-in `client`; the key and the recovery codes.
pub(crate) async fn set_up(app: &TestApp, client: &reqwest::Client) -> (String, Vec<String>) {
    let res = app
        .post_form(
            client,
            "/account/two-factor/start",
            &[("password", "not it")],
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the password first"
    );
    let res = app
        .post_form(
            client,
            "/account/two-factor/start",
            &[("password", GOOD_PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get(client, "/account").await;
    let secret = secret_in(&page);
    assert!(page.contains("otpauth://totp/Caseroom:"), "{page}");
    let res = app
        .post_form(client, "/account/two-factor/confirm", &[("code", "000000")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let code = code_at(&secret, app.state.clock.now()).unwrap();
    let res = app
        .post_form(client, "/account/two-factor/confirm", &[("code", &code)])
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    let page = res.text().await.unwrap();
    let codes: Vec<String> = page
        .split(r#"<ul class="recovery-codes">"#)
        .nth(1)
        .unwrap_or_else(|| panic!("{page}"))
        .split("</ul>")
        .next()
        .unwrap()
        .split("<code>")
        .skip(1)
        .map(|s| s.split('<').next().unwrap().to_owned())
        .collect();
    assert_eq!(codes.len(), 10, "{page}");
    (secret, codes)
}

/// Password first: the page asking for the code, and no session yet.
pub(crate) async fn password(app: &TestApp, email: &str, next: &str) -> (reqwest::Client, String) {
    let client = app.client();
    let res = app
        .post_form(
            &client,
            "/login",
            &[
                ("email", email),
                ("password", GOOD_PASSWORD),
                ("next", next),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(session_cookie(&res).is_none(), "no session before the code");
    let page = res.text().await.unwrap();
    assert!(page.contains("Two-factor sign-in"), "{page}");
    (client, challenge_in(&page))
}

pub(crate) async fn code(
    app: &TestApp,
    client: &reqwest::Client,
    challenge: &str,
    code: &str,
) -> reqwest::Response {
    app.post_form(
        client,
        "/login/two-factor",
        &[("challenge", challenge), ("code", code)],
    )
    .await
}

#[tokio::test]
async fn a_member_signs_in_with_a_code_once_and_a_recovery_code_once() {
    let app = TestApp::spawn().await;
    let email = "member@clinic.example";
    let (member, _) = app.member_client(email, &[Role::Clinician]).await;
    let (_, page) = app.get(&member, "/account").await;
    assert!(page.contains("Set up two-factor sign-in"));
    let (secret, recovery) = set_up(&app, &member).await;
    let (_, page) = app.get(&member, "/account").await;
    assert!(
        page.contains("Two-factor sign-in is on. 10 recovery codes left."),
        "{page}"
    );

    // The code the set-up took cannot sign in: each step is taken once.
    let (client, challenge) = password(&app, email, "/cases").await;
    let used = code_at(&secret, app.state.clock.now()).unwrap();
    let res = code(&app, &client, &challenge, &used).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("That code is not right") && page.contains(&challenge),
        "kept: {page}"
    );
    assert_eq!(
        app.get(&client, "/account").await.0,
        StatusCode::UNAUTHORIZED
    );
    app.clock.advance(30);
    let fresh = code_at(&secret, app.state.clock.now()).unwrap();
    let res = code(&app, &client, &challenge, &fresh).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/cases");
    assert!(session_cookie(&res).is_some());
    assert_eq!(app.get(&client, "/account").await.0, StatusCode::OK);
    // The challenge is spent, and the code is too.
    let res = code(&app, &client, &challenge, &fresh).await;
    assert_eq!(res.status(), StatusCode::GONE);
    let (other, challenge) = password(&app, email, "").await;
    assert_eq!(
        code(&app, &other, &challenge, &fresh).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a replayed code"
    );

    // A recovery code, typed loosely, once.
    let loose = recovery[0].to_uppercase().replace('-', " ");
    let res = code(&app, &other, &challenge, &loose).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (third, challenge) = password(&app, email, "").await;
    assert_eq!(
        code(&app, &third, &challenge, &recovery[0]).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let (_, page) = app.get(&member, "/account").await;
    assert!(page.contains("9 recovery codes left"), "{page}");

    // Five wrong codes end the sign-in (the used recovery code was the first); so do five
    // minutes.
    for n in 2..=5 {
        let res = code(&app, &third, &challenge, "123456").await;
        let expected = if n < 5 {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::GONE
        };
        assert_eq!(res.status(), expected, "attempt {n}");
    }
    app.clock.advance(30);
    let right = code_at(&secret, app.state.clock.now()).unwrap();
    assert_eq!(
        code(&app, &third, &challenge, &right).await.status(),
        StatusCode::GONE
    );
    // Wrong codes count against the account as wrong passwords do: the password is refused
    // for a while, so codes cannot be guessed faster than passwords.
    let res = app
        .post_form(
            &app.client(),
            "/login",
            &[("email", email), ("password", GOOD_PASSWORD)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    app.clock.advance(16 * 60);
    let (fourth, challenge) = password(&app, email, "").await;
    app.clock.advance(6 * 60);
    let right = code_at(&secret, app.state.clock.now()).unwrap();
    assert_eq!(
        code(&app, &fourth, &challenge, &right).await.status(),
        StatusCode::GONE
    );
    for bad in ["", "not-a-token", &"x".repeat(5000)] {
        assert_eq!(
            code(&app, &fourth, bad, &right).await.status(),
            StatusCode::GONE
        );
    }

    // Turned off with a code, in a fresh sign-in (the first session has idled out).
    let (member, challenge) = password(&app, email, "").await;
    app.clock.advance(30);
    let right = code_at(&secret, app.state.clock.now()).unwrap();
    assert_eq!(
        code(&app, &member, &challenge, &right).await.status(),
        StatusCode::SEE_OTHER
    );
    let res = app
        .post_form(
            &member,
            "/account/two-factor/disable",
            &[("code", "654321")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .post_form(
            &member,
            "/account/two-factor/disable",
            &[("code", &recovery[1])],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = app.sign_in(&app.client(), email, GOOD_PASSWORD).await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "the password alone again"
    );
    let actions = app.audit_actions().await;
    for action in [
        "two_factor_enabled",
        "recovery_code_used",
        "two_factor_disabled",
    ] {
        assert!(actions.iter().any(|a| a == action), "{action}");
    }
}

#[tokio::test]
async fn when_required_staff_act_without_their_roles_until_they_set_it_up() {
    let app = TestApp::spawn_with(&[("CASEROOM_REQUIRE_TWO_FACTOR", "staff")]).await;
    let (moderator, _) = app
        .member_client("mod@clinic.example", &[Role::Moderator, Role::Clinician])
        .await;
    let (clinician, _) = app
        .member_client("member@clinic.example", &[Role::Clinician])
        .await;
    let (status, page) = app.get(&moderator, "/review").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{page}");
    // Another session of theirs, from before two-factor sign-in was on.
    let earlier = app.client();
    app.sign_in(&earlier, "mod@clinic.example", GOOD_PASSWORD)
        .await;
    assert!(page.contains("Your moderator and admin tools wait for two-factor sign-in"));
    let (_, page) = app.get(&moderator, "/account").await;
    assert!(
        page.contains("This forum asks moderators and admins to use it"),
        "{page}"
    );
    let (status, page) = app.get(&clinician, "/cases").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !page.contains("wait for two-factor"),
        "a clinician is not asked"
    );

    let (secret, _) = set_up(&app, &moderator).await;
    let (status, page) = app.get(&moderator, "/review").await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(!page.contains("wait for two-factor"));
    assert_eq!(
        app.get(&earlier, "/account").await.0,
        StatusCode::UNAUTHORIZED,
        "turning it on ends the member's other sessions"
    );
    // A new sign-in gets the roles only with the code.
    let (fresh, challenge) = password(&app, "mod@clinic.example", "/review").await;
    app.clock.advance(30);
    let right = code_at(&secret, app.state.clock.now()).unwrap();
    let res = code(&app, &fresh, &challenge, &right).await;
    assert_eq!(location(&res), "/review");
    assert_eq!(app.get(&fresh, "/review").await.0, StatusCode::OK);
}
