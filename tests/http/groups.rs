//! Consultation groups in the store (docs/GROUPS.md), on whichever backend the suite runs on:
//! a group and its first supervisor, invitations answered once and before they expire, leaving
//! and removal, and each refusal as a conflict a member can act on. The pages and the
//! visibility rule's group rows come with the next steps of issue 16.

use caseroom::domain::group::{GroupRole, group_name_key};
use caseroom::domain::role::Role;
use caseroom::server::gate;
use caseroom::server::store::StoreError;

use crate::support::*;

const DAY: i64 = 86_400;

#[tokio::test]
async fn a_group_is_joined_by_invitation_once_and_left_for_good() {
    let app = TestApp::spawn().await;
    let store = &app.state.store;
    let now = app.state.clock.now();
    let lead = app
        .create_member("lead@clinic.example", "Group Lead", &[Role::Supervisor])
        .await;
    let peer = app
        .create_member("peer@clinic.example", "Group Peer", &[Role::Clinician])
        .await;
    let other = app
        .create_member("other@clinic.example", "Other Member", &[Role::Clinician])
        .await;

    let group = store
        .create_group(
            &gate::group("Tuesday  peer group", "We meet weekly.").unwrap(),
            lead,
            now,
        )
        .await
        .expect("group");
    // The same name in other case or spacing is taken.
    let again = store
        .create_group(&gate::group("tuesday peer GROUP", "").unwrap(), lead, now)
        .await;
    assert!(matches!(again, Err(StoreError::Conflict(_))), "{again:?}");
    assert_eq!(
        group_name_key(" Tuesday \t peer  group "),
        "tuesday peer group"
    );
    let mine = store.groups_of(lead).await.expect("groups");
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].role, GroupRole::Supervisor, "the creator leads it");

    // An invitation, answered once.
    let invitation = store
        .invite_to_group(group, peer, GroupRole::Member, lead, now, now + 14 * DAY)
        .await
        .expect("invitation");
    let twice = store
        .invite_to_group(group, peer, GroupRole::Member, lead, now, now + 14 * DAY)
        .await;
    assert!(matches!(twice, Err(StoreError::Conflict(_))), "{twice:?}");
    // Someone else cannot answer it: it does not exist for them.
    let stranger = store
        .answer_group_invitation(invitation, other, true, now)
        .await;
    assert!(
        matches!(stranger, Err(StoreError::NotFound(_))),
        "{stranger:?}"
    );
    assert_eq!(
        store
            .answer_group_invitation(invitation, peer, true, now + 1)
            .await
            .expect("joined"),
        group
    );
    let reused = store
        .answer_group_invitation(invitation, peer, true, now + 2)
        .await;
    assert!(matches!(reused, Err(StoreError::Conflict(_))), "{reused:?}");
    let member_again = store
        .invite_to_group(group, peer, GroupRole::Member, lead, now, now + DAY)
        .await;
    assert!(
        matches!(member_again, Err(StoreError::Conflict(_))),
        "{member_again:?}"
    );
    assert_eq!(store.groups_of(peer).await.expect("groups").len(), 1);

    // An expired invitation cannot be accepted; a declined one adds nobody.
    let late = store
        .invite_to_group(group, other, GroupRole::Member, lead, now, now + DAY)
        .await
        .expect("invitation");
    let expired = store
        .answer_group_invitation(late, other, true, now + 2 * DAY)
        .await;
    assert!(
        matches!(expired, Err(StoreError::Conflict(_))),
        "{expired:?}"
    );
    let fresh = store
        .invite_to_group(
            group,
            other,
            GroupRole::Member,
            lead,
            now + 2 * DAY,
            now + 3 * DAY,
        )
        .await
        .expect("a new invitation once the old one expired");
    store
        .answer_group_invitation(fresh, other, false, now + 2 * DAY)
        .await
        .expect("declined");
    assert!(store.groups_of(other).await.expect("groups").is_empty());

    // Removal with a reason, then leaving: each ends a membership once.
    store
        .end_group_membership(
            group,
            peer,
            Some((lead, &gate::removal("Left the service.").unwrap())),
            now + 3 * DAY,
        )
        .await
        .expect("removed");
    assert!(store.groups_of(peer).await.expect("groups").is_empty());
    let gone = store
        .end_group_membership(group, peer, None, now + 3 * DAY)
        .await;
    assert!(matches!(gone, Err(StoreError::Conflict(_))), "{gone:?}");
    // A former member can be invited back; the old membership stays in the history.
    let back = store
        .invite_to_group(
            group,
            peer,
            GroupRole::Supervisor,
            lead,
            now + 4 * DAY,
            now + 5 * DAY,
        )
        .await
        .expect("invited back");
    store
        .answer_group_invitation(back, peer, true, now + 4 * DAY)
        .await
        .expect("rejoined");
    let rows: i64 = sqlx::query_scalar("select count(*) from group_members where user_id = $1")
        .bind(peer.0)
        .fetch_one(&app.db().await)
        .await
        .expect("count");
    assert_eq!(rows, 2);
    assert_eq!(
        store.groups_of(peer).await.expect("groups")[0].role,
        GroupRole::Supervisor
    );

    // The audit log names who did what by id, never the group's name or the reason.
    let actions = app.audit_actions().await;
    for action in [
        "group_created",
        "group_invited",
        "group_joined",
        "group_invitation_declined",
        "group_member_removed",
    ] {
        assert!(actions.iter().any(|a| a == action), "{action}: {actions:?}");
    }
    let details: Vec<String> = sqlx::query_scalar("select detail from audit_log")
        .fetch_all(&app.db().await)
        .await
        .expect("details");
    assert!(
        details
            .iter()
            .all(|d| !d.contains("Tuesday") && !d.contains("service")),
        "{details:?}"
    );
}

/// Creates a group through its form; returns its id.
pub(crate) async fn create_group(app: &TestApp, client: &reqwest::Client, name: &str) -> i64 {
    let res = app
        .post_form(client, "/groups", &[("name", name), ("description", "")])
        .await;
    let to = location(&res);
    to.trim_start_matches("/groups/")
        .trim_end_matches("?notice=group-created")
        .parse()
        .unwrap_or_else(|_| panic!("group id in location {to}"))
}

/// `inviter` invites the member by email with `role`, and the member accepts from their
/// invitation's form.
pub(crate) async fn join_group(
    app: &TestApp,
    inviter: &reqwest::Client,
    group: i64,
    member: &reqwest::Client,
    email: &str,
    role: &str,
) {
    let res = app
        .post_form(
            inviter,
            &format!("/groups/{group}/invite"),
            &[("email", email), ("role", role)],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/groups/{group}?notice=group-invited")
    );
    let invitation: i64 = sqlx::query_scalar(
        "select i.id from group_invitations i join users u on u.id = i.invitee_id \
         where i.group_id = $1 and u.email = $2 and i.answered_at is null",
    )
    .bind(group)
    .bind(email)
    .fetch_one(&app.db().await)
    .await
    .expect("the invitation");
    let res = app
        .post_form(
            member,
            &format!("/groups/invitations/{invitation}"),
            &[("answer", "accept")],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/groups/{group}?notice=group-joined")
    );
}
