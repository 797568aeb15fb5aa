//! Withdrawing a case (issue 19): its author takes back a case that waits for review and was
//! never published, and it is deleted; a moderator's claim does not stop it; a case members
//! have read cannot be withdrawn.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::cases::{case_form, edit, publish, submit};
use crate::support::*;

fn confirmed() -> [(&'static str, &'static str); 1] {
    [("confirm", "yes")]
}

#[tokio::test]
async fn an_author_withdraws_a_claimed_case_waiting_for_review_and_it_is_gone() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let id = submit(
        &app,
        &author,
        &case_form(
            "Qwdcase to withdraw",
            &[("situation", "Qwdsituation words.")],
        ),
    )
    .await;
    let moderator = app.moderator().await;
    let res = app
        .post_form(moderator, &format!("/review/{id}/claim"), &[])
        .await;
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "the moderator claims it"
    );
    let (_, page) = app.get(&author, &format!("/cases/{id}")).await;
    assert!(page.contains("Withdraw this case"), "{page}");
    let (_, page) = app.get(moderator, &format!("/cases/{id}")).await;
    assert!(!page.contains("Withdraw this case"), "only its author");

    let path = format!("/cases/{id}/withdraw");
    let res = app.post_form(&author, &path, &[]).await;
    assert_eq!(
        res.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the box unticked"
    );
    assert!(res.text().await.unwrap().contains("Tick the box"));
    let res = app.post_form(&peer, &path, &confirmed()).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "a peer cannot see it");
    let res = app.post_form(moderator, &path, &confirmed()).await;
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "nor a moderator withdraw it"
    );
    assert_eq!(
        app.get(&author, &format!("/cases/{id}")).await.0,
        StatusCode::OK
    );

    let res = app.post_form(&author, &path, &confirmed()).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/cases/mine?notice=case-withdrawn");
    let (_, mine) = app.get(&author, "/cases/mine?notice=case-withdrawn").await;
    assert!(
        mine.contains("withdrawn and deleted") && !mine.contains("Qwdcase"),
        "{mine}"
    );
    for client in [&author, moderator] {
        assert_eq!(
            app.get(client, &format!("/cases/{id}")).await.0,
            StatusCode::NOT_FOUND
        );
    }
    let (_, queue) = app.get(moderator, "/review").await;
    assert!(!queue.contains("Qwdcase"), "{queue}");
    let res = app.post_form(&author, &path, &confirmed()).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND, "twice");
    let db = app.db().await;
    for table in ["cases", "case_sections", "revisions"] {
        let column = if table == "cases" { "id" } else { "case_id" };
        let n: i64 =
            sqlx::query_scalar(&format!("select count(*) from {table} where {column} = $1"))
                .bind(id)
                .fetch_one(&db)
                .await
                .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    assert!(
        app.audit_actions()
            .await
            .iter()
            .any(|a| a == "case_withdrawn")
    );
    // The next case takes a new id, never the withdrawn one's: the audit log's reads of the
    // withdrawn case stay its own.
    let next = submit(&app, &author, &case_form("The next case", &[])).await;
    assert!(next > id, "{next} after {id}");
}

#[tokio::test]
async fn a_case_members_have_read_cannot_be_withdrawn() {
    let app = TestApp::spawn_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(&app, &author, &case_form("A published case", &[])).await;
    app.reply(&peer, id, "A reply that belongs to the discussion.")
        .await;
    let path = format!("/cases/{id}/withdraw");
    let res = app.post_form(&author, &path, &confirmed()).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN, "published");

    // Edited, so back in review: still not withdrawable.
    let res = edit(
        &app,
        &author,
        id,
        &case_form("A published case, edited", &[]),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get(&author, &format!("/cases/{id}")).await;
    assert!(!page.contains("Withdraw this case"), "{page}");
    let res = app.post_form(&author, &path, &confirmed()).await;
    assert_eq!(res.status(), StatusCode::CONFLICT);
    let body = res.text().await.unwrap();
    assert!(body.contains("was published before"), "{body}");
    assert_eq!(
        app.get(&author, &format!("/cases/{id}")).await.0,
        StatusCode::OK
    );
}

/// A returned case, withdrawn, takes its review with it; the next review gets a new id, never
/// the deleted one's (SQLite gives a new row the largest id plus one; migration 0023 keeps a
/// floor), so the audit log's decisions keep naming the review they name.
#[tokio::test]
async fn a_withdrawn_cases_review_id_is_never_given_to_another() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let moderator = app.moderator().await;
    let first = submit(&app, &author, &case_form("Qrvfirst case", &[])).await;
    let returned = submit(&app, &author, &case_form("Qrvreturned case", &[])).await;
    for id in [first, returned] {
        let res = app
            .post_form(
                moderator,
                &format!("/review/{id}/decide"),
                &[
                    ("decision", "return"),
                    ("reason", "Please take out the town's name."),
                ],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
    }
    let db = app.db().await;
    let newest: i64 = sqlx::query_scalar("select max(id) from case_reviews where case_id = $1")
        .bind(returned)
        .fetch_one(&db)
        .await
        .unwrap();
    let res = app
        .post_form(
            &author,
            &format!("/cases/{returned}/withdraw"),
            &confirmed(),
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let left: Option<i64> = sqlx::query_scalar("select max(id) from case_reviews")
        .fetch_one(&db)
        .await
        .unwrap();
    assert!(left < Some(newest), "the newest review went with its case");
    let next = submit(&app, &author, &case_form("Qrvnext case", &[])).await;
    let res = app
        .post_form(
            moderator,
            &format!("/review/{next}/decide"),
            &[
                ("decision", "return"),
                ("reason", "Please take out the town's name."),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let review: i64 = sqlx::query_scalar("select max(id) from case_reviews where case_id = $1")
        .bind(next)
        .fetch_one(&db)
        .await
        .unwrap();
    assert!(review > newest, "{review} after {newest}");
}
