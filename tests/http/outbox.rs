//! The outbox in the store (docs/EMAIL.md), on whichever backend the suite runs on: rows are
//! claimed one node at a time, oldest first; a refusal waits out its backoff and fails for good
//! after the last; a claim whose node died lapses and the row is sent again; two claimers at
//! once never take the same row.

use caseroom::domain::role::Role;
use caseroom::server::store::{BACKOFF_SECS, CLAIM_SECS, Outgoing, Recipient};

use crate::support::*;

fn to_member(id: caseroom::model::UserId, link: &str) -> Outgoing {
    Outgoing {
        kind: "case_reply",
        to: Recipient::Member(id),
        link: link.to_owned(),
    }
}

#[tokio::test]
async fn rows_are_claimed_once_retried_with_backoff_and_fail_for_good() {
    let app = TestApp::spawn().await;
    let store = &app.state.store;
    let now = app.state.clock.now();
    let member = app
        .create_member("reader@clinic.example", "Reader", &[Role::Clinician])
        .await;
    let first = store
        .enqueue_mail(&to_member(member, "/cases/1"), now)
        .await
        .expect("first")
        .expect("written");
    let invite = Outgoing {
        kind: "forum_invitation",
        to: Recipient::Address("new.person@clinic.example".into()),
        link: "/register?token=x".into(),
    };
    let second = store
        .enqueue_mail(&invite, now + 1)
        .await
        .expect("second")
        .expect("written");

    // Oldest first; a claimed row is not claimed again while its claim holds.
    let a = store
        .claim_mail(now + 1)
        .await
        .expect("claim")
        .expect("a row");
    assert_eq!(a.id, first);
    assert_eq!(a.address.as_deref(), Some("reader@clinic.example"));
    let b = store
        .claim_mail(now + 1)
        .await
        .expect("claim")
        .expect("a row");
    assert_eq!(b.id, second);
    assert_eq!(b.address.as_deref(), Some("new.person@clinic.example"));
    assert!(store.claim_mail(now + 1).await.expect("claim").is_none());

    // Sent: gone. Refused: back after its backoff, with the attempt counted.
    store.mail_sent(b.id, now + 2).await.expect("sent");
    assert!(
        !store
            .mail_refused(a.id, "451 try later", now + 2)
            .await
            .expect("refused")
    );
    assert!(store.claim_mail(now + 2).await.expect("claim").is_none());
    let again = store
        .claim_mail(now + 2 + BACKOFF_SECS[0])
        .await
        .expect("claim")
        .expect("due again");
    assert_eq!((again.id, again.attempts), (first, 1));

    // A claim that lapses (its node died mid-send) is taken again: at least once.
    let t = now + 2 + BACKOFF_SECS[0];
    assert!(
        store
            .claim_mail(t + CLAIM_SECS - 1)
            .await
            .expect("claim")
            .is_none()
    );
    let lapsed = store
        .claim_mail(t + CLAIM_SECS)
        .await
        .expect("claim")
        .expect("the lapsed claim");
    assert_eq!(lapsed.id, first);

    // Every backoff used up: the next refusal fails it for good, for the admins to see.
    let mut at = t + CLAIM_SECS;
    let mut failed = false;
    for _ in 0..BACKOFF_SECS.len() {
        failed = store
            .mail_refused(first, "550 mailbox unavailable", at)
            .await
            .expect("refused");
        at += 7 * 3600;
        if failed {
            break;
        }
        assert!(store.claim_mail(at).await.expect("claim").is_some());
    }
    assert!(failed, "failed for good after the last backoff");
    assert!(
        store
            .claim_mail(at + 86_400)
            .await
            .expect("claim")
            .is_none()
    );
    let listed = store.failed_mail(10).await.expect("failed list");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].last_error, "550 mailbox unavailable");
    assert_eq!(listed[0].attempts, 1 + BACKOFF_SECS.len() as i64);
}

#[tokio::test]
async fn two_claimers_at_once_never_take_the_same_row_and_a_disabled_member_gets_nothing() {
    let app = TestApp::spawn().await;
    let store = &app.state.store;
    let now = app.state.clock.now();
    let member = app
        .create_member("reader@clinic.example", "Reader", &[Role::Clinician])
        .await;
    for i in 0..20 {
        store
            .enqueue_mail(&to_member(member, &format!("/cases/{i}")), now)
            .await
            .expect("enqueue")
            .expect("written");
    }
    // Four claimers drain the outbox together; each row is taken exactly once.
    let claim_all = || async {
        let mut ids = Vec::new();
        while let Some(m) = store.claim_mail(now).await.expect("claim") {
            ids.push(m.id);
        }
        ids
    };
    let (a, b, c, d) = tokio::join!(claim_all(), claim_all(), claim_all(), claim_all());
    let mut all: Vec<i64> = [a, b, c, d].concat();
    all.sort_unstable();
    let before = all.len();
    all.dedup();
    assert_eq!((before, all.len()), (20, 20));

    sqlx::query("update users set disabled_at = $1 where id = $2")
        .bind(now)
        .bind(member.0)
        .execute(&app.db().await)
        .await
        .expect("disable");
    store
        .enqueue_mail(&to_member(member, "/cases/99"), now)
        .await
        .expect("enqueue")
        .expect("written");
    let claimed = store.claim_mail(now).await.expect("claim").expect("a row");
    assert_eq!(claimed.address, None, "no address for a disabled account");
}
