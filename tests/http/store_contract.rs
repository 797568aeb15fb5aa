//! The store's contract, called directly, on whichever backend the suite runs on (the test
//! command runs it on SQLite and on PostgreSQL): the places where the two dialects could differ
//! (aggregated lists, typed null filters, yes/no columns, new ids, unique violations) and the
//! refusals a caller relies on. Text only enters through the publication gate, so the cases
//! and flags here are written over HTTP first.

use caseroom::domain::audit_filter::AuditFilter;
use caseroom::domain::policy::Actor;
use caseroom::domain::role::{Role, Roles};
use caseroom::model::{CaseFilter, CaseId, UserId};
use caseroom::server::store::{NewUser, ReviewRefusal, UserConflict};

use crate::cases::{case_form, publish};
use crate::support::*;

fn actor(id: UserId, roles: &[Role]) -> Actor {
    Actor {
        user_id: id,
        roles: Roles::new(roles.iter().copied()),
    }
}

#[tokio::test]
async fn the_store_reads_and_refuses_the_same_on_either_backend() {
    let app = TestApp::spawn().await;
    let store = &app.state.store;
    let now = app.state.clock.now();

    // New ids come back from the insert, one after another; a duplicate email is a conflict
    // the caller can name, not a database error.
    let roles = Roles::new([Role::Clinician, Role::Supervisor]);
    let new = |email: &'static str| NewUser {
        email,
        display_name: "Contract Member",
        password_hash: "not-a-real-hash",
        roles: &roles,
    };
    let first = store
        .create_user(new("one@clinic.example"), now)
        .await
        .unwrap()
        .unwrap();
    let second = store
        .create_user(
            NewUser {
                display_name: "Another Member",
                ..new("two@clinic.example")
            },
            now,
        )
        .await
        .unwrap()
        .unwrap();
    assert!(second.0 > first.0);
    assert!(matches!(
        store
            .create_user(new("one@clinic.example"), now)
            .await
            .unwrap(),
        Err(UserConflict::DuplicateEmail)
    ));
    // Roles come back whole from an aggregate (string_agg on both backends).
    let listed = store.list_users().await.unwrap();
    let one = listed.iter().find(|u| u.id == first).unwrap();
    assert!(one.roles.has(Role::Clinician) && one.roles.has(Role::Supervisor));
    assert!(!one.disabled);

    // A published case with two tags and two members' notes on one kind of flag.
    let (author, author_id) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(&app, &author, &case_form("Contract case", &[])).await;
    for (email, note) in [
        ("flagger.one@clinic.example", "the town, line two"),
        ("flagger.two@clinic.example", "a date, maybe"),
    ] {
        let (client, _) = app.member_client(email, &[Role::Clinician]).await;
        let res = app
            .post_form(
                &client,
                &format!("/cases/{id}/flag"),
                &[("kind", "other"), ("note", note)],
            )
            .await;
        assert_eq!(res.status(), reqwest::StatusCode::SEE_OTHER);
    }
    let flags = store.open_case_flags(CaseId(id)).await.unwrap();
    assert_eq!(flags.len(), 1);
    let (kind, members, mut notes) = flags[0].clone();
    notes.sort();
    assert_eq!((kind.as_str(), members), ("other", 2));
    assert_eq!(
        notes,
        ["a date, maybe", "the town, line two"],
        "notes keep their commas"
    );

    // Reads through the visibility rule: yes/no columns and aggregated tags read alike.
    let reader = actor(author_id, &[Role::Clinician]);
    let case = store.find_case(CaseId(id), &reader).await.unwrap().unwrap();
    assert!(!case.anonymous && !case.locked && !case.has_supervisor_feedback);
    let mut tags: Vec<&str> = case.context.tags.iter().map(|t| t.key()).collect();
    tags.sort_unstable();
    assert_eq!(tags, ["anxiety", "rupture"]);
    assert!(
        store
            .find_case(CaseId(id + 1000), &reader)
            .await
            .unwrap()
            .is_none()
    );
    // Every filter absent (null parameters) and present.
    let all = store
        .list_cases(&CaseFilter::default(), &reader, None, 10)
        .await
        .unwrap();
    assert_eq!(all.len(), 1);
    let mine = CaseFilter {
        mine: true,
        unanswered: true,
        ..CaseFilter::default()
    };
    assert_eq!(
        store
            .list_cases(&mine, &reader, None, 10)
            .await
            .unwrap()
            .len(),
        1
    );
    let feedback = CaseFilter {
        supervisor_feedback: true,
        ..CaseFilter::default()
    };
    assert!(
        store
            .list_cases(&feedback, &reader, None, 10)
            .await
            .unwrap()
            .is_empty()
    );

    // The audit filter: typed nulls for what is absent, on both backends.
    let everything = store
        .audit_entries(&AuditFilter::default(), 500)
        .await
        .unwrap();
    assert!(everything.len() >= 5);
    let for_case = AuditFilter {
        case: Some(id),
        action: Some("case_flagged"),
        ..AuditFilter::default()
    };
    assert_eq!(store.audit_entries(&for_case, 500).await.unwrap().len(), 2);

    // Refusals a caller relies on: a missing case is named, not an error.
    let moderator = app
        .create_member(
            "contract.mod@clinic.example",
            "Contract Moderator",
            &[Role::Moderator],
        )
        .await;
    assert!(matches!(
        store
            .claim_case(CaseId(id + 1000), moderator, now, now - 3600)
            .await
            .unwrap(),
        Err(ReviewRefusal::NotFound)
    ));
    assert!(matches!(
        store
            .claim_case(CaseId(id), moderator, now, now - 3600)
            .await
            .unwrap(),
        Err(ReviewRefusal::NotPending(_))
    ));
    assert_eq!(store.schema_version(), 23);
    store.ping().await.unwrap();
}
