//! The search index as an operator meets it: a deleted case leaves no rows, a rebuild equals
//! the index the writes kept, `caseroom migrate` fills it for an older forum, and `caseroom
//! search-index` checks and rewrites it.

use super::*;
use crate::cases::{case_form, publish, submit};

#[tokio::test]
async fn a_deleted_case_leaves_no_index_rows_and_a_rebuild_matches_the_live_index() {
    let app = TestApp::spawn().await;
    let (author, peer) = author_and_peer(&app).await;
    let keep = publish(&app, &author, &case_form("Kept case", &[])).await;
    let gone = publish(&app, &author, &case_form("Deleted case", &[])).await;
    app.reply(&peer, gone, "A reply to the case that goes.")
        .await;
    app.reply(&peer, keep, "A reply to the case that stays.")
        .await;
    assert_index_in_step(&app).await;
    let before = finds(&app, &peer, "case").await.len();
    assert_eq!(before, 2);
    // A rebuild from the stored text gives the index the writes kept.
    let docs = app
        .state
        .store
        .rebuild_search_index()
        .await
        .expect("rebuild");
    assert_eq!(docs, 2);
    assert_index_in_step(&app).await;
    assert_eq!(finds(&app, &peer, "case").await.len(), 2);

    // Deleting a case (issue 18's purge will) takes its documents and index entries with it.
    let db = app.db().await;
    sqlx::query("delete from cases where id = $1")
        .bind(gone)
        .execute(&db)
        .await
        .expect("delete");
    let rows: i64 = sqlx::query_scalar("select count(*) from search_docs where case_id = $1")
        .bind(gone)
        .fetch_one(&db)
        .await
        .expect("count");
    assert_eq!(rows, 0);
    if !app.on_postgres() {
        let entries: i64 = sqlx::query_scalar("select count(*) from search_fts_docsize")
            .fetch_one(&db)
            .await
            .expect("count");
        assert_eq!(entries, 1, "only the kept case's document");
    }
    db.close().await;
    assert_index_in_step(&app).await;
    assert_eq!(finds(&app, &peer, "case").await, vec![keep]);
}

#[tokio::test]
async fn migrating_a_forum_from_before_search_fills_the_index_from_what_is_published() {
    let mut app = TestApp::spawn().await;
    let (author, peer) = author_and_peer(&app).await;
    let id = publish(
        &app,
        &author,
        &case_form("An older case", &[("situation", "The axolotlword case.")]),
    )
    .await;
    app.reply(&peer, id, "An older reply with a marmotword.")
        .await;
    submit(
        &app,
        &author,
        &case_form("Still pending", &[("situation", "The axolotlword too.")]),
    )
    .await;
    let url = app.database_url.clone();
    app.shut_down().await;

    // The database as the release before search left it: the migrations after 10 undone, the
    // latest first (23, id floors for replies and reviews on SQLite; 22, email changes; 21, two-factor; 20, colours; 19, drafts; 18, everyday use; 17, retention, whose widened notification kinds and audit
    // trigger are rebuilt when it runs again; 16, erasure; 15, email preferences; 14, password resets; 13, the outbox; 12,
    // consultation groups; 11, search).
    let db = app.db().await;
    // SQLite checks triggers when a table changes: the audit log's names the bound's table.
    let retention: &[&str] = if app.on_postgres() {
        &["drop trigger users_profile_bumps_cases on users"]
    } else {
        &[
            "drop trigger replies_keep_id_floor",
            "drop trigger case_reviews_keep_id_floor",
            "drop table reply_id_floor",
            "drop table review_id_floor",
            "drop trigger users_profile_bumps_cases",
            "drop trigger audit_log_no_delete",
            "drop trigger cases_keep_id_floor",
            "drop table case_id_floor",
        ]
    };
    let groups = [
        "drop table email_changes",
        "drop table login_challenges",
        "alter table sessions drop column two_factor_at",
        "drop table recovery_codes",
        "drop table two_factor",
        "alter table users drop column theme",
        "drop table case_drafts",
        "drop table case_watches",
        "alter table replies drop column deleted_at",
        "alter table users drop column professional_title",
        "alter table users drop column discipline",
        "drop table purge_scrubs",
        "drop table audit_retention",
        "drop table retention_holds",
        "alter table cases drop column purge_warned_at",
        "alter table cases drop column keep_for_days",
        "drop table erasures",
        "alter table users drop column erased_at",
        "drop table site_keys",
        "drop table digest_runs",
        "drop table digest_items",
        "drop table mail_preferences",
        "drop table password_resets",
        "drop table outbox",
        "drop index cases_group",
        "alter table cases drop column group_id",
        "drop table group_invitations",
        "drop table group_members",
        "drop table consultation_groups",
    ];
    let search: &[&str] = if app.on_postgres() {
        &["drop table search_docs"]
    } else {
        &[
            "drop trigger search_docs_delete",
            "drop table search_fts",
            "drop table search_docs",
        ]
    };
    for sql in retention.iter().chain(groups.iter()).chain(search) {
        sqlx::query(sql).execute(&db).await.expect(sql);
    }
    sqlx::query("delete from _sqlx_migrations where version >= 11")
        .execute(&db)
        .await
        .expect("forget the migration");
    db.close().await;

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_caseroom"))
        .arg("migrate")
        .env("DATABASE_URL", &url)
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("RUST_LOG", "off")
        .output()
        .expect("caseroom migrate runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = caseroom::server::store::Store::connect(&url)
        .await
        .expect("open");
    let drift = store.search_index_drift().await.expect("drift");
    assert!(drift.is_clean(), "{drift:?}");
    let docs: i64 = sqlx::query_scalar("select count(*) from search_docs")
        .fetch_one(&app.db().await)
        .await
        .expect("count");
    assert_eq!(docs, 1, "the published case only");
    store.close().await;

    // `caseroom search-index --check` says whether the index is in step; `caseroom
    // search-index` rewrites it.
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_caseroom"))
            .args(args)
            .env("DATABASE_URL", &url)
            .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
            .env("RUST_LOG", "off")
            .output()
            .expect("caseroom runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned()
                + &String::from_utf8_lossy(&out.stderr),
        )
    };
    let (code, said) = run(&["search-index", "--check"]);
    assert_eq!(code, Some(0), "{said}");
    let db = app.db().await;
    sqlx::query("delete from search_docs")
        .execute(&db)
        .await
        .expect("lose the index");
    db.close().await;
    let (code, said) = run(&["search-index", "--check"]);
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("1 cases missing"), "{said}");
    assert!(!said.contains("axolotlword"), "{said}");
    let (code, said) = run(&["search-index"]);
    assert_eq!(code, Some(0), "{said}");
    assert!(said.contains("1 published cases"), "{said}");
    let (code, said) = run(&["search-index", "--check"]);
    assert_eq!(code, Some(0), "{said}");
}
