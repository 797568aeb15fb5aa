//! Consultation groups over HTTP, as members use them without JavaScript: a group supervisor
//! runs a closed group from creation to removing a member, the bad input of each form, and a
//! case moved between audiences going back to review.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::cases::{case_form, edit, submit};
use crate::groups::{create_group, join_group};
use crate::search::result_ids;
use crate::support::*;

const DAY: i64 = 86_400;

async fn invitation_of(app: &TestApp, email: &str) -> i64 {
    sqlx::query_scalar(
        "select i.id from group_invitations i join users u on u.id = i.invitee_id \
         where u.email = $1 order by i.id desc limit 1",
    )
    .bind(email)
    .fetch_one(&app.db().await)
    .await
    .expect("an invitation")
}

#[tokio::test]
async fn a_group_supervisor_runs_a_closed_group_end_to_end() {
    let app = TestApp::spawn().await;
    let (admin, _) = app
        .member_client("admin@clinic.example", &[Role::Admin])
        .await;
    let (lead, _) = app
        .member_client("lead@clinic.example", &[Role::Supervisor])
        .await;
    let (peer, peer_id) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let (outsider, _) = app
        .member_client("outsider@clinic.example", &[Role::Clinician])
        .await;

    // Creating: admins only here (the setting for supervisors is off by default).
    let res = app
        .post_form(&lead, "/groups", &[("name", "Lead's own group")])
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let group = create_group(&app, &admin, "Tuesday peer group").await;
    let group_text = group.to_string();
    // A colliding name, and one with markup: refused, with what was typed kept.
    let res = app
        .post_form(
            &admin,
            "/groups",
            &[
                ("name", "tuesday   PEER group"),
                ("description", "Kept description qzxkept"),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body = res.text().await.unwrap();
    assert!(body.contains("already exists"), "{body}");
    assert!(body.contains("qzxkept"), "the description typed is kept");
    let res = app
        .post_form(&admin, "/groups", &[("name", "<b>Team</b>")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("plain text"));
    let groups: i64 = sqlx::query_scalar("select count(*) from consultation_groups")
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!(groups, 1, "nothing half-written");

    // The admin invites the lead as its group supervisor; the invitation waits with the
    // notifications, counted in the navigation.
    let res = app
        .post_form(
            &admin,
            &format!("/groups/{group}/invite"),
            &[("email", "LEAD@clinic.example "), ("role", "supervisor")],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/groups/{group}?notice=group-invited")
    );
    let (_, notes) = app.get(&lead, "/notifications").await;
    assert!(notes.contains("Notifications (1)"), "counted");
    assert!(notes.contains("invites you to the group"));
    assert!(notes.contains("Tuesday peer group"));
    let invitation = invitation_of(&app, "lead@clinic.example").await;
    let res = app
        .post_form(
            &lead,
            &format!("/groups/invitations/{invitation}"),
            &[("answer", "accept")],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/groups/{group}?notice=group-joined")
    );
    // Answered once: again is a conflict; someone else's is a missing one.
    let res = app
        .post_form(
            &lead,
            &format!("/groups/invitations/{invitation}"),
            &[("answer", "accept")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let res = app
        .post_form(
            &outsider,
            &format!("/groups/invitations/{invitation}"),
            &[("answer", "decline")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // The lead invites: a member, nobody, someone twice, someone who declines.
    join_group(&app, &lead, group, &peer, "peer@clinic.example", "member").await;
    let res = app
        .post_form(
            &lead,
            &format!("/groups/{group}/invite"),
            &[("email", "nobody@clinic.example"), ("role", "member")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(body.contains("no active member"));
    assert!(
        body.contains("nobody@clinic.example"),
        "the address typed is kept"
    );
    let res = app
        .post_form(
            &lead,
            &format!("/groups/{group}/invite"),
            &[("email", "peer@clinic.example"), ("role", "member")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT, "already a member");
    // A member who does not lead the group cannot invite.
    let res = app
        .post_form(
            &peer,
            &format!("/groups/{group}/invite"),
            &[("email", "outsider@clinic.example"), ("role", "member")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // A case for the group: reviewed like any other; while it waits the lead sees where it
    // stands but not what it says, and nobody outside the group ever sees it.
    let (_, compose) = app.get(&peer, &format!("/cases/new?group={group}")).await;
    assert!(
        compose.contains(&format!("<option value=\"{group}\" selected")),
        "the group's link chooses the group"
    );
    let form = case_form(
        "Group case qzxgroupcase",
        &[("audience", group_text.as_str())],
    );
    let case = submit(&app, &peer, &form).await;
    let (_, page) = app.get(&lead, &format!("/groups/{group}")).await;
    assert!(page.contains(&format!("Case {case}: waiting for a moderator")));
    assert!(!page.contains("qzxgroupcase"), "no text before review");
    assert_eq!(
        app.get(&lead, &format!("/cases/{case}")).await.0,
        StatusCode::NOT_FOUND
    );
    // Approving is for moderators; the group's supervisor is not one.
    let res = app
        .post_form(&lead, &format!("/review/{case}/claim"), &[])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    app.approve(case).await;

    for (who, client, sees) in [
        ("lead", &lead, true),
        ("peer", &peer, true),
        ("outsider", &outsider, false),
    ] {
        let (status, body) = app.get(client, &format!("/cases/{case}")).await;
        assert_eq!(status == StatusCode::OK, sees, "{who}: the case page");
        if sees {
            assert!(body.contains("Group: Tuesday peer group"), "the badge");
        }
        let (_, list) = app.get(client, "/cases").await;
        assert_eq!(list.contains("qzxgroupcase"), sees, "{who}: the case list");
        let (_, found) = app.get(client, "/search?q=qzxgroupcase").await;
        assert_eq!(result_ids(&found).len(), usize::from(sees), "{who}: search");
        let (status, body) = app.get(client, &format!("/groups/{group}")).await;
        assert_eq!(status == StatusCode::OK, sees, "{who}: the group page");
        assert_eq!(body.contains("qzxgroupcase"), sees);
        assert_eq!(body.contains("Tuesday peer group"), sees);
    }
    let (_, moderated) = app
        .get(app.moderator().await, &format!("/cases/{case}"))
        .await;
    assert!(moderated.contains("qzxgroupcase"), "moderators see it");

    // Removal: a reason is needed, and access ends at once, to the member's own case too.
    let remove = format!("/groups/{group}/members/{}/remove", peer_id.0);
    let res = app.post_form(&lead, &remove, &[("reason", "  ")]).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = app
        .post_form(&lead, &remove, &[("reason", "Moved to another service.")])
        .await;
    assert_eq!(
        location(&res),
        format!("/groups/{group}?notice=group-member-removed")
    );
    for path in [format!("/cases/{case}"), format!("/groups/{group}")] {
        assert_eq!(
            app.get(&peer, &path).await.0,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let (_, found) = app.get(&peer, "/search?q=qzxgroupcase").await;
    assert!(result_ids(&found).is_empty());
    let (_, page) = app.get(&lead, &format!("/groups/{group}")).await;
    assert!(
        page.contains("Moved to another service."),
        "the reason, for the lead"
    );
    // Posting to a group one no longer belongs to: refused, nothing saved, the text kept.
    let form = case_form(
        "After removal qzxafterremoval",
        &[("audience", group_text.as_str())],
    );
    let res = app.post_form(&peer, "/cases/new", &form).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = res.text().await.unwrap();
    assert!(body.contains("only to a consultation group you belong to"));
    assert!(body.contains("qzxafterremoval"), "the title typed is kept");
    let cases: i64 = sqlx::query_scalar("select count(*) from cases")
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    assert_eq!(cases, 1);

    // The audit log has the removal by ids, never the reason.
    let detail: String =
        sqlx::query_scalar("select detail from audit_log where action = 'group_member_removed'")
            .fetch_one(&app.db().await)
            .await
            .unwrap();
    assert!(!detail.contains("Moved"), "{detail}");

    // The lead leaves too: the group is left to the admins.
    let res = app
        .post_form(&lead, &format!("/groups/{group}/leave"), &[])
        .await;
    assert_eq!(location(&res), "/groups?notice=group-left");
    assert_eq!(
        app.get(&lead, &format!("/cases/{case}")).await.0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&admin, &format!("/groups/{group}")).await.0,
        StatusCode::OK
    );
}

#[tokio::test]
async fn an_invitation_expires_and_supervisors_create_groups_where_allowed() {
    let app = TestApp::spawn_with(&[("CASEROOM_SUPERVISORS_CREATE_GROUPS", "true")]).await;
    let (lead, _) = app
        .member_client("lead@clinic.example", &[Role::Supervisor])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let group = create_group(&app, &lead, "Trainee cohort").await;
    let (_, mine) = app.get(&lead, "/groups").await;
    assert!(mine.contains("Trainee cohort") && mine.contains("Group supervisor"));
    let res = app
        .post_form(&peer, "/groups", &[("name", "Peer's group")])
        .await;
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "clinicians do not create groups"
    );

    let res = app
        .post_form(
            &lead,
            &format!("/groups/{group}/invite"),
            &[("email", "peer@clinic.example"), ("role", "member")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let invitation = invitation_of(&app, "peer@clinic.example").await;
    app.clock.advance(15 * DAY);
    // Fifteen days also end the session: the member signs in again.
    let res = app
        .sign_in(&peer, "peer@clinic.example", GOOD_PASSWORD)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, notes) = app.get(&peer, "/notifications").await;
    assert!(
        !notes.contains("invites you"),
        "an expired invitation is not offered"
    );
    let res = app
        .post_form(
            &peer,
            &format!("/groups/invitations/{invitation}"),
            &[("answer", "accept")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    assert!(res.text().await.unwrap().contains("expired"));
    assert_eq!(
        app.get(&peer, &format!("/groups/{group}")).await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn moving_a_case_between_audiences_goes_back_to_review() {
    let app = TestApp::spawn().await;
    let (admin, _) = app
        .member_client("admin@clinic.example", &[Role::Admin])
        .await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let group = create_group(&app, &admin, "Team north").await;
    let group_text = group.to_string();
    join_group(
        &app,
        &admin,
        group,
        &author,
        "author@clinic.example",
        "member",
    )
    .await;

    let case = submit(&app, &author, &case_form("Moving case qzxmoving", &[])).await;
    app.approve(case).await;
    assert_eq!(
        app.get(&peer, &format!("/cases/{case}")).await.0,
        StatusCode::OK
    );
    let form = case_form(
        "Moving case qzxmoving",
        &[("audience", group_text.as_str())],
    );
    let res = edit(&app, &author, case, &form).await;
    assert_eq!(location(&res), format!("/cases/{case}?notice=resubmitted"));
    // Back in review: the peer no longer sees it; the moderator sees the move.
    assert_eq!(
        app.get(&peer, &format!("/cases/{case}")).await.0,
        StatusCode::NOT_FOUND
    );
    let (_, review) = app
        .get(app.moderator().await, &format!("/review/{case}"))
        .await;
    assert!(
        review.contains("Audience"),
        "the comparison names the audience"
    );
    assert!(review.contains("The whole forum"));
    assert!(review.contains("Team north"));
    app.approve(case).await;
    assert_eq!(
        app.get(&peer, &format!("/cases/{case}")).await.0,
        StatusCode::NOT_FOUND,
        "approved for the group only"
    );
    let (_, page) = app.get(&author, &format!("/cases/{case}")).await;
    assert!(page.contains("Group: Team north"));
}
