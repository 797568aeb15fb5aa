use reqwest::StatusCode;

use crate::support::*;

#[tokio::test]
async fn an_invited_member_registers_signs_in_and_signs_out() {
    let app = TestApp::spawn().await;
    let link = app.invite("clinician", "Ana.Silva@Clinic.example").await;
    assert!(link.starts_with(&format!("{}/register?token=", app.state.config.public_url)));
    let token = token_of(&link);
    let browser = app.client();

    // Opening the link shows the invite and changes nothing.
    let (status, page) = app.get(&browser, &format!("/register?token={token}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("ana.silva@clinic.example"));
    assert!(page.contains("Clinician"));

    let res = app
        .post_form(
            &browser,
            "/register",
            &[
                ("token", &token),
                ("display_name", "Ana S."),
                ("password", GOOD_PASSWORD),
                ("confirm", GOOD_PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/?notice=welcome");
    assert!(session_cookie(&res).is_some_and(|c| c.len() == 43));
    let cookie_header = res
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        cookie_header.contains("HttpOnly") && cookie_header.contains("SameSite=Lax"),
        "{cookie_header}"
    );

    let (status, home) = app.get(&browser, "/?notice=welcome").await;
    assert_eq!(status, StatusCode::OK);
    assert!(home.contains("Welcome, Ana S."));
    assert!(home.contains("Your roles: Clinician"));

    // Sign out, then in again with the same credentials.
    let res = app.post_form(&browser, "/logout", &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/login?notice=signed-out");
    let (_, home) = app.get(&browser, "/").await;
    assert!(!home.contains("Welcome, Ana S."));
    let res = app
        .sign_in(&browser, "ana.silva@clinic.example", GOOD_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, home) = app.get(&browser, "/").await;
    assert!(home.contains("Welcome, Ana S."));

    let actions = app.audit_actions().await;
    for expected in ["invite_created", "register", "login", "logout"] {
        assert!(
            actions.iter().any(|a| a == expected),
            "{expected} in {actions:?}"
        );
    }
}

#[tokio::test]
async fn a_used_invite_cannot_be_used_again() {
    let app = TestApp::spawn().await;
    let token = token_of(&app.invite("supervisor", "sup@clinic.example").await);
    let form = [
        ("token", token.as_str()),
        ("display_name", "Dr Sup"),
        ("password", GOOD_PASSWORD),
        ("confirm", GOOD_PASSWORD),
    ];
    let first = app.post_form(&app.client(), "/register", &form).await;
    assert_eq!(first.status(), StatusCode::SEE_OTHER);
    // A double submission from the same form, or anyone else holding the link.
    let second = app.post_form(&app.client(), "/register", &form).await;
    assert_eq!(second.status(), StatusCode::GONE);
    let body = second.text().await.unwrap();
    assert!(body.contains("already been used or has expired"), "{body}");
    assert_eq!(
        app.get(&app.client(), &format!("/register?token={token}"))
            .await
            .0,
        StatusCode::GONE
    );
    assert_eq!(app.state.store.list_users().await.unwrap().len(), 1);
}

#[tokio::test]
async fn an_expired_invite_is_refused_and_an_unknown_one_is_not_found() {
    let app = TestApp::spawn().await;
    let token = token_of(&app.invite("clinician", "late@clinic.example").await);
    app.clock.advance(7 * 24 * 3600 + 1);
    let res = app
        .post_form(
            &app.client(),
            "/register",
            &[
                ("token", &token),
                ("display_name", "Late"),
                ("password", GOOD_PASSWORD),
                ("confirm", GOOD_PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::GONE);
    let (status, page) = app
        .get(&app.client(), "/register?token=not-a-real-token")
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(page.contains("This invite link is not valid"));
    assert!(app.state.store.list_users().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_weak_password_is_refused_and_the_name_is_kept_but_never_the_password() {
    let app = TestApp::spawn().await;
    let token = token_of(&app.invite("clinician", "weak@clinic.example").await);
    for (password, message) in [
        ("tiny7", "Use at least 12 characters"),
        ("password1234", "too common"),
        ("Qwertyuiop123", "too common"),
    ] {
        let res = app
            .post_form(
                &app.client(),
                "/register",
                &[
                    ("token", &token),
                    ("display_name", "Kept Name"),
                    ("password", password),
                    ("confirm", password),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{password}");
        let body = res.text().await.unwrap();
        assert!(body.contains(message), "{password}: {message}");
        assert!(body.contains("value=\"Kept Name\""), "the name is kept");
        assert!(!body.contains(password), "the password is never echoed");
    }
    let res = app
        .post_form(
            &app.client(),
            "/register",
            &[
                ("token", &token),
                ("display_name", "Kept Name"),
                ("password", GOOD_PASSWORD),
                ("confirm", "something else entirely"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("do not match"));
    // The invite survived every failed attempt.
    let res = app
        .post_form(
            &app.client(),
            "/register",
            &[
                ("token", &token),
                ("display_name", "Kept Name"),
                ("password", GOOD_PASSWORD),
                ("confirm", GOOD_PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn inviting_an_existing_member_is_a_conflict() {
    let app = TestApp::spawn().await;
    let (admin, _) = app
        .member_client(
            "admin@clinic.example",
            &[caseroom::domain::role::Role::Admin],
        )
        .await;
    app.create_member(
        "taken@clinic.example",
        "Taken",
        &[caseroom::domain::role::Role::Clinician],
    )
    .await;
    let res = app
        .post_form(
            &admin,
            "/admin/invites",
            &[("email", "Taken@clinic.example"), ("role", "clinician")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body = res.text().await.unwrap();
    assert!(body.contains("already exists"));
    assert!(
        body.contains("value=\"Taken@clinic.example\""),
        "what the admin typed is kept"
    );

    let res = app
        .post_form(
            &admin,
            "/admin/invites",
            &[("email", "not an email"), ("role", "clinician")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .post_form(
            &admin,
            "/admin/invites",
            &[("email", "new@clinic.example"), ("role", "overlord")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("unknown role"));

    let res = app
        .post_form(
            &admin,
            "/admin/invites",
            &[("email", "new@clinic.example"), ("role", "moderator")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let body = res.text().await.unwrap();
    assert!(body.contains("/register?token="), "the link is shown once");
}

#[tokio::test]
async fn unknown_email_and_wrong_password_get_the_same_answer() {
    let app = TestApp::spawn().await;
    app.create_member(
        "real@clinic.example",
        "Real",
        &[caseroom::domain::role::Role::Clinician],
    )
    .await;
    let wrong = app
        .sign_in(
            &app.client(),
            "real@clinic.example",
            "not the password at all",
        )
        .await;
    let unknown = app
        .sign_in(
            &app.client(),
            "nobody@clinic.example",
            "not the password at all",
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status(), StatusCode::UNAUTHORIZED);
    let message = "That email and password do not match an active account.";
    let (a, b) = (wrong.text().await.unwrap(), unknown.text().await.unwrap());
    assert!(a.contains(message) && b.contains(message));
    assert!(
        a.contains("value=\"real@clinic.example\""),
        "the email is kept"
    );
    assert!(!a.contains("not the password at all"));
}

#[tokio::test]
async fn changing_the_password_ends_every_session_and_issues_a_new_one() {
    let app = TestApp::spawn().await;
    let (laptop, id) = app
        .member_client(
            "pw@clinic.example",
            &[caseroom::domain::role::Role::Clinician],
        )
        .await;
    let phone = app.client();
    assert_eq!(
        app.sign_in(&phone, "pw@clinic.example", GOOD_PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(app.state.store.count_sessions(id).await.unwrap(), 2);

    let wrong = app
        .post_form(
            &laptop,
            "/account",
            &[
                ("current", "not my password!"),
                ("password", "a brand new passphrase"),
                ("confirm", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.state.store.count_sessions(id).await.unwrap(),
        2,
        "nothing changed"
    );

    let res = app
        .post_form(
            &laptop,
            "/account",
            &[
                ("current", GOOD_PASSWORD),
                ("password", "a brand new passphrase"),
                ("confirm", "a brand new passphrase"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(
        session_cookie(&res).is_some(),
        "this browser gets a new session"
    );
    assert_eq!(
        app.state.store.count_sessions(id).await.unwrap(),
        1,
        "the others are gone"
    );
    assert_eq!(app.get(&laptop, "/account").await.0, StatusCode::OK);
    assert_eq!(
        app.get(&phone, "/account").await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.sign_in(&app.client(), "pw@clinic.example", "a brand new passphrase")
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn registering_an_email_that_got_an_account_meanwhile_changes_nothing() {
    let app = TestApp::spawn().await;
    let token = token_of(&app.invite("clinician", "race@clinic.example").await);
    app.create_member(
        "race@clinic.example",
        "First",
        &[caseroom::domain::role::Role::Clinician],
    )
    .await;
    let res = app
        .post_form(
            &app.client(),
            "/register",
            &[
                ("token", &token),
                ("display_name", "Second"),
                ("password", GOOD_PASSWORD),
                ("confirm", GOOD_PASSWORD),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let users = app.state.store.list_users().await.unwrap();
    assert_eq!(users.len(), 1);
    assert_eq!(users[0].display_name, "First");
    // The failed registration rolled back: the invite was not consumed.
    assert_eq!(
        app.get(&app.client(), &format!("/register?token={token}"))
            .await
            .0,
        StatusCode::OK
    );
}
