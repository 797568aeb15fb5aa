use caseroom::domain::role::Role;
use leptos::server_fn::ServerFn as _;
use reqwest::StatusCode;

use crate::support::*;

#[tokio::test]
async fn a_clinician_is_refused_the_admin_pages_with_no_member_data() {
    let app = TestApp::spawn().await;
    app.create_member(
        "secret.admin@clinic.example",
        "Secret Admin",
        &[Role::Admin],
    )
    .await;
    let (clinician, _) = app
        .member_client("clin@clinic.example", &[Role::Clinician])
        .await;
    for path in ["/admin/users", "/admin/invites"] {
        let (status, page) = app.get(&clinician, path).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{path}");
        assert!(page.contains("Not allowed"), "{path}");
        assert!(
            !page.contains("secret.admin@clinic.example"),
            "{path} leaks no member data"
        );
    }
    // The admin navigation is not offered either.
    assert!(!app.get(&clinician, "/").await.1.contains("/admin/users"));
    // Nor can the forms be posted to directly.
    let res = app
        .post_form(
            &clinician,
            "/admin/invites",
            &[("email", "x@clinic.example"), ("role", "admin")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .post_form(&clinician, "/admin/users/1/roles", &[("role", "clinician")])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // A visitor is asked to sign in.
    assert_eq!(
        app.get(&app.client(), "/admin/users").await.0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn the_server_function_refuses_a_clinician_with_403_and_no_data() {
    let app = TestApp::spawn().await;
    app.create_member("hidden@clinic.example", "Hidden", &[Role::Admin])
        .await;
    let (clinician, _) = app
        .member_client("clin2@clinic.example", &[Role::Clinician])
        .await;
    let res = clinician
        .post(app.url(caseroom::api::admin::ListUsers::PATH))
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let body = res.text().await.unwrap();
    assert!(body.contains("forbidden"), "{body}");
    assert!(!body.contains("hidden@clinic.example"));
}

#[tokio::test]
async fn an_admin_changes_roles_and_the_change_takes_effect_at_once() {
    let app = TestApp::spawn().await;
    let (admin, admin_id) = app
        .member_client("boss@clinic.example", &[Role::Admin])
        .await;
    let (member, member_id) = app
        .member_client("rising@clinic.example", &[Role::Clinician])
        .await;
    assert_eq!(
        app.get(&member, "/admin/users").await.0,
        StatusCode::FORBIDDEN
    );

    let path = format!("/admin/users/{}/roles", member_id.0);
    let res = app
        .post_form(&admin, &path, &[("role", "clinician"), ("role", "admin")])
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(location(&res).starts_with("/admin/users?notice=roles-saved"));
    let roles = app.state.store.roles_of(member_id).await.unwrap();
    assert!(roles.has(Role::Admin) && roles.has(Role::Clinician));
    // The member's existing session sees the new role on the next request.
    assert_eq!(app.get(&member, "/admin/users").await.0, StatusCode::OK);

    // No roles at all is refused; nothing changes.
    let res = app.post_form(&admin, &path, &[]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Choose at least one role")
    );
    assert!(
        app.state
            .store
            .roles_of(member_id)
            .await
            .unwrap()
            .has(Role::Admin)
    );

    // An admin cannot demote themselves.
    let res = app
        .post_form(
            &admin,
            &format!("/admin/users/{}/roles", admin_id.0),
            &[("role", "clinician")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(
        app.state
            .store
            .roles_of(admin_id)
            .await
            .unwrap()
            .has(Role::Admin)
    );

    // A member that does not exist.
    let res = app
        .post_form(&admin, "/admin/users/9999/roles", &[("role", "clinician")])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    assert!(
        app.audit_actions()
            .await
            .iter()
            .any(|a| a == "roles_changed")
    );
}

#[tokio::test]
async fn a_disabled_account_is_signed_out_and_cannot_sign_in() {
    let app = TestApp::spawn().await;
    let (admin, _) = app
        .member_client("boss2@clinic.example", &[Role::Admin])
        .await;
    let (member, member_id) = app
        .member_client("leaving@clinic.example", &[Role::Clinician])
        .await;
    let res = app
        .post_form(
            &admin,
            &format!("/admin/users/{}/status", member_id.0),
            &[("disabled", "true")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.state.store.count_sessions(member_id).await.unwrap(), 0);
    assert_eq!(
        app.get(&member, "/account").await.0,
        StatusCode::UNAUTHORIZED
    );
    let res = app
        .sign_in(&app.client(), "leaving@clinic.example", GOOD_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("This account is disabled")
    );
    let res = app
        .sign_in(
            &app.client(),
            "leaving@clinic.example",
            "a wrong guess here",
        )
        .await;
    assert_eq!(
        res.status(),
        StatusCode::UNAUTHORIZED,
        "a wrong password learns nothing about the account"
    );

    let (_, page) = app.get(&admin, "/admin/users").await;
    assert!(page.contains("Disabled"));
    let res = app
        .post_form(
            &admin,
            &format!("/admin/users/{}/status", member_id.0),
            &[("disabled", "false")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        app.sign_in(&app.client(), "leaving@clinic.example", GOOD_PASSWORD)
            .await
            .status(),
        StatusCode::SEE_OTHER
    );
}
