//! An admin turns off a member's two-factor sign-in (issue 19), for a member who lost both the
//! phone and the recovery codes: only with the box ticked, never their own, never a
//! moderator; the member's sessions end, the password alone signs in, the member is emailed,
//! and the audit log names the admin.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::mail::{FROM, eventually};
use crate::smtp_sink::SmtpSink;
use crate::support::*;
use crate::two_factor::{code, password, set_up};
use caseroom::server::auth::totp::code_at;

#[tokio::test]
async fn an_admin_turns_off_a_members_two_factor_sign_in_and_the_member_is_told() {
    let sink = SmtpSink::start().await;
    let url = sink.url();
    let app =
        TestApp::spawn_with(&[("CASEROOM_SMTP_URL", &url), ("CASEROOM_MAIL_FROM", FROM)]).await;
    let (admin, admin_id) = app
        .member_client("admin@clinic.example", &[Role::Admin])
        .await;
    let (moderator, _) = app
        .member_client("mod@clinic.example", &[Role::Moderator])
        .await;
    let email = "lost.phone@clinic.example";
    let (member, member_id) = app.member_client(email, &[Role::Clinician]).await;
    let path = format!("/admin/users/{}/two-factor/reset", member_id.0);

    // Not on yet: nothing to turn off, and the list offers nothing.
    let (_, page) = app.get(&admin, "/admin/users").await;
    assert!(!page.contains(&path), "{page}");
    let res = app.post_form(&admin, &path, &[("confirm", "yes")]).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res.text().await.unwrap().contains("not on for this member"));

    let (secret, _) = set_up(&app, &member).await;
    let (_, page) = app.get(&admin, "/admin/users").await;
    assert!(
        page.contains(&path) && page.contains("Turn off two-factor sign-in"),
        "{page}"
    );

    // Refused: without the box, by a moderator, for an admin's own account, a missing member.
    let res = app.post_form(&admin, &path, &[]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("Tick the box"));
    let res = app
        .post_form(&moderator, &path, &[("confirm", "yes")])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let own = format!("/admin/users/{}/two-factor/reset", admin_id.0);
    let res = app.post_form(&admin, &own, &[("confirm", "yes")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let res = app
        .post_form(
            &admin,
            "/admin/users/999999/two-factor/reset",
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app
        .post_form(
            &admin,
            "/admin/users/nonsense/two-factor/reset",
            &[("confirm", "yes")],
        )
        .await;
    assert!(res.status().is_client_error(), "{}", res.status());
    assert_eq!(
        app.get(&member, "/account").await.0,
        StatusCode::OK,
        "nothing refused changed anything"
    );
    assert!(
        app.state
            .store
            .two_factor(member_id)
            .await
            .unwrap()
            .is_some(),
        "still on after the refusals"
    );
    // Someone with the password alone waits at the code.
    let (waiting, challenge) = password(&app, email, "/cases").await;

    let res = app
        .post_form(
            &admin,
            &path,
            &[("confirm", "yes"), ("q", "lost"), ("page", "1")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        location(&res),
        format!(
            "/admin/users?q=lost&notice=two-factor-reset#user-{}",
            member_id.0
        )
    );
    // Whoever held a session signs in again; the password alone now does.
    assert_eq!(
        app.get(&member, "/account").await.0,
        StatusCode::UNAUTHORIZED
    );
    // The sign-in that waited for a code is gone: even a right code no longer opens it.
    let right = code_at(&secret, app.state.clock.now() + 30).unwrap();
    let res = code(&app, &waiting, &challenge, &right).await;
    assert!(res.status().is_client_error(), "{}", res.status());
    assert!(session_cookie(&res).is_none());
    let res = app.sign_in(&app.client(), email, GOOD_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "no code asked");
    let db = app.db().await;
    for table in ["two_factor", "recovery_codes", "login_challenges"] {
        let left: i64 =
            sqlx::query_scalar(&format!("select count(*) from {table} where user_id = $1"))
                .bind(member_id.0)
                .fetch_one(&db)
                .await
                .unwrap();
        assert_eq!(left, 0, "{table}");
    }
    let audit: (Option<i64>, Option<i64>, String) = sqlx::query_as(
        "select actor_id, target_user_id, detail from audit_log where action = 'two_factor_reset'",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(audit, (Some(admin_id.0), Some(member_id.0), String::new()));
    eventually("the member told", || async {
        sink.messages().iter().any(|m| {
            m.contains(&format!("To: {email}"))
                && m.contains("Subject: Two-factor sign-in on your Caseroom account was turned off")
        })
    })
    .await;

    // Twice: it is off already.
    let res = app.post_form(&admin, &path, &[("confirm", "yes")]).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let (_, page) = app.get(&admin, "/admin/users").await;
    assert!(!page.contains(&path), "{page}");
}

#[tokio::test]
async fn without_email_nothing_is_queued_and_an_erased_account_is_gone() {
    let app = TestApp::spawn().await;
    let (admin, _) = app
        .member_client("admin@clinic.example", &[Role::Admin])
        .await;
    let (member, member_id) = app
        .member_client("member@clinic.example", &[Role::Clinician])
        .await;
    set_up(&app, &member).await;
    let path = format!("/admin/users/{}/two-factor/reset", member_id.0);
    let res = app.post_form(&admin, &path, &[("confirm", "yes")]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get(&admin, &location(&res)).await;
    assert!(
        page.contains("Two-factor sign-in is off for that member"),
        "{page}"
    );
    let queued: i64 =
        sqlx::query_scalar("select count(*) from outbox where kind = 'two_factor_reset'")
            .fetch_one(&app.db().await)
            .await
            .unwrap();
    assert_eq!(queued, 0);

    let (other, other_id) = app
        .member_client("other@clinic.example", &[Role::Clinician])
        .await;
    set_up(&app, &other).await;
    let res = app
        .post_form(
            &admin,
            &format!("/admin/users/{}/erase", other_id.0),
            &[("reason", "Asked to leave."), ("posts", "remove")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = app
        .post_form(
            &admin,
            &format!("/admin/users/{}/two-factor/reset", other_id.0),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::GONE);
}

/// When the forum requires two-factor sign-in for staff, an admin whose session was not signed
/// in with a code has no admin role: a stolen admin password alone cannot turn anyone's off.
#[tokio::test]
async fn where_staff_need_it_an_admin_without_a_code_cannot_turn_it_off() {
    let app = TestApp::spawn_with(&[("CASEROOM_REQUIRE_TWO_FACTOR", "staff")]).await;
    let (admin, _) = app
        .member_client("admin@clinic.example", &[Role::Admin])
        .await;
    let (member, member_id) = app
        .member_client("member@clinic.example", &[Role::Clinician])
        .await;
    set_up(&app, &member).await;
    let res = app
        .post_form(
            &admin,
            &format!("/admin/users/{}/two-factor/reset", member_id.0),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(
        app.state
            .store
            .two_factor(member_id)
            .await
            .unwrap()
            .is_some()
    );
}
