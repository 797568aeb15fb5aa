//! The audit log: every read of a case is committed before the page is sent, only admins read
//! or export it, and its filter refuses bad input clearly.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::cases::{case_form, publish};
use crate::support::*;

async fn case_view_rows(app: &TestApp, case: i64) -> i64 {
    let pool = app.db().await;
    let (n,): (i64,) = sqlx::query_as(
        "select count(*) from audit_log where action = 'case_viewed' and case_id = $1",
    )
    .bind(case)
    .fetch_one(&pool)
    .await
    .expect("count");
    pool.close().await;
    n
}

#[tokio::test]
async fn reads_of_a_case_are_audited_and_an_admin_filters_and_exports_them() {
    let app = TestApp::spawn().await;
    let (admin, _) = app
        .member_client("admin@clinic.example", &[Role::Admin])
        .await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, peer_id) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let case = publish(&app, &author, &case_form("Audited case", &[])).await;
    for _ in 0..2 {
        let (status, _) = app.get(&peer, &format!("/cases/{case}")).await;
        assert_eq!(status, StatusCode::OK);
    }

    // The page shows the reads at once (it writes the buffer before it reads).
    let (status, page) = app
        .get(
            &admin,
            &format!("/admin/audit?action=case_viewed&case={case}"),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_eq!(page.matches("<td>case viewed</td>").count(), 2, "{page}");
    assert!(page.contains("Test Member (#"), "names the reader");
    assert!(
        !page.contains("cancels every third session"),
        "no case text"
    );

    // The CSV holds the same rows, with the reader's id.
    let res = admin
        .get(app.url(&format!("/admin/audit.csv?case={case}")))
        .send()
        .await
        .expect("export");
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()[reqwest::header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(
        res.headers()[reqwest::header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let csv = res.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "id,at_utc,actor_id,actor_name,action,target_user_id,target_name,case_id,detail"
    );
    let viewed: Vec<&&str> = lines
        .iter()
        .filter(|l| l.contains(",case_viewed,"))
        .collect();
    assert_eq!(viewed.len(), 2, "{csv}");
    assert!(viewed.iter().all(|l| l.contains(&format!(",{peer_id},"))));
    assert!(
        lines.iter().any(|l| l.contains(",case_submitted,")),
        "submitting carries the case id: {csv}"
    );
    assert!(
        lines.iter().any(|l| l.contains(",case_approved,")),
        "approving carries the case id: {csv}"
    );
    assert_eq!(
        lines.len(),
        5,
        "header, submission, approval, two reads: {csv}"
    );

    // Filtering by member shows only that member's entries; the export itself is audited.
    let (_, page) = app
        .get(&admin, &format!("/admin/audit?actor={peer_id}"))
        .await;
    assert_eq!(page.matches("<td>case viewed</td>").count(), 2);
    assert_eq!(page.matches("<td>login</td>").count(), 1, "{page}");
    assert!(!page.contains("<td>case published</td>"));
    assert!(
        app.audit_actions()
            .await
            .contains(&"audit_exported".to_owned())
    );
}

#[tokio::test]
async fn the_audit_log_is_for_admins_only() {
    let app = TestApp::spawn().await;
    let (moderator, _) = app
        .member_client("mod@clinic.example", &[Role::Moderator])
        .await;
    let (clinician, _) = app
        .member_client("clin@clinic.example", &[Role::Clinician, Role::Supervisor])
        .await;
    for client in [&moderator, &clinician] {
        let (status, page) = app.get(client, "/admin/audit").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(!page.contains("<td>login</td>"), "no entries: {page}");
        let (status, body) = app.get(client, "/admin/audit.csv").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(!body.contains("login"), "{body}");
    }
    let visitor = app.client();
    let (status, _) = app.get(&visitor, "/admin/audit").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, body) = app.get(&visitor, "/admin/audit.csv").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(!body.contains("login"));
}

#[tokio::test]
async fn a_bad_filter_gets_a_clear_400() {
    let app = TestApp::spawn().await;
    let (admin, _) = app
        .member_client("admin@clinic.example", &[Role::Admin])
        .await;
    for (query, message) in [
        ("from=2026-02-30", "From must be a date like 2026-11-22"),
        ("actor=abc", "Member id must be a whole number"),
        ("action=drop", "There is no audit action called that"),
        ("from=2026-11-22&to=2026-11-01", "date is after the"),
    ] {
        let (status, page) = app.get(&admin, &format!("/admin/audit?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert!(page.contains(message), "{query}: {page}");
        assert!(
            page.contains("name=\"from\""),
            "the filter form stays: {query}"
        );
        let (status, body) = app.get(&admin, &format!("/admin/audit.csv?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert!(body.contains(message), "{body}");
    }
}

#[tokio::test]
async fn every_read_is_committed_before_its_page_is_sent_or_the_page_is_withheld() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let case = publish(&app, &author, &case_form("Read and recorded", &[])).await;
    for n in 1..=3 {
        let (status, _) = app.get(&peer, &format!("/cases/{case}")).await;
        assert_eq!(status, StatusCode::OK);
        // Counted from another connection, without a shutdown or a timer in between.
        assert_eq!(case_view_rows(&app, case).await, n);
    }

    // While reads cannot be recorded, the case is not shown.
    let pool = app.db().await;
    let (block, unblock) = if app.on_postgres() {
        (
            vec![
                "create function no_reads() returns trigger language plpgsql as $$ \
                 begin raise exception 'reads cannot be recorded'; end; $$",
                "create trigger no_reads before insert on audit_log for each row \
                 when (new.action = 'case_viewed') execute function no_reads()",
            ],
            "drop trigger no_reads on audit_log",
        )
    } else {
        (
            vec![
                "create trigger no_reads before insert on audit_log when new.action = 'case_viewed' \
                 begin select raise(abort, 'reads cannot be recorded'); end",
            ],
            "drop trigger no_reads",
        )
    };
    for sql in block {
        sqlx::query(sql).execute(&pool).await.unwrap();
    }
    let (status, page) = app.get(&peer, &format!("/cases/{case}")).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(!page.contains("Read and recorded"), "{page}");
    assert_eq!(case_view_rows(&app, case).await, 3);
    sqlx::query(unblock).execute(&pool).await.unwrap();
    pool.close().await;
    // The withheld read is recorded late rather than lost, with the next one.
    let (status, _) = app.get(&peer, &format!("/cases/{case}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(case_view_rows(&app, case).await, 5);
}

#[tokio::test]
async fn the_database_refuses_to_change_or_delete_audit_rows() {
    let app = TestApp::spawn().await;
    let _ = app
        .member_client("someone@clinic.example", &[Role::Clinician])
        .await;
    let pool = app.db().await;
    for sql in [
        "update audit_log set action = 'nothing'",
        "delete from audit_log",
    ] {
        let err = sqlx::query(sql).execute(&pool).await.expect_err(sql);
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
    pool.close().await;
}
