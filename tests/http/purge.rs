//! The purge job under pressure (issue 18, docs/MEMBER_DATA.md): two runs at once purge each
//! case once; an export read during purges holds whole cases; a purge left unscrubbed by a node
//! that died is scrubbed by the next run; a `kill -9` in the middle leaves every case whole or
//! gone, and a restart finishes.

use caseroom::domain::role::Role;
use caseroom::server::services::retention::run_once;
use reqwest::StatusCode;

use crate::cases::{case_form, publish};
use crate::redaction::{contains, database_bytes};
use crate::retention::{PERIOD, WEEK, later, run};
use crate::support::*;
use caseroom::domain::retention::DAY_SECS;

#[tokio::test]
async fn two_runs_at_once_warn_and_purge_each_case_once() {
    let app = TestApp::spawn_with(&[("CASEROOM_RETENTION", "30d")]).await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let mut ids = Vec::new();
    for n in 0..6 {
        ids.push(publish(&app, &author, &case_form(&format!("Case number {n}"), &[])).await);
    }
    app.clock.advance(PERIOD - WEEK);
    let (a, b) = tokio::join!(run_once(&app.state), run_once(&app.state));
    assert_eq!(a.unwrap().warned + b.unwrap().warned, 6);
    app.clock.advance(WEEK);
    let (a, b) = tokio::join!(run_once(&app.state), run_once(&app.state));
    assert_eq!(a.unwrap().purged + b.unwrap().purged, 6);
    let db = app.db().await;
    for action in ["case_purge_warned", "case_purged"] {
        let n: i64 = sqlx::query_scalar("select count(*) from audit_log where action = $1")
            .bind(action)
            .fetch_one(&db)
            .await
            .unwrap();
        assert_eq!(n, 6, "{action}");
    }
    let notes: i64 =
        sqlx::query_scalar("select count(*) from notifications where kind = 'case_purge_soon'")
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(notes, 0, "they went with their cases");
}

#[tokio::test]
async fn an_export_read_while_cases_are_purged_holds_each_case_whole_or_not_at_all() {
    let app = TestApp::spawn_with(&[("CASEROOM_RETENTION", "30d")]).await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    for n in 0..12 {
        let id = publish(
            &app,
            &author,
            &case_form(&format!("Exported case {n}"), &[]),
        )
        .await;
        app.reply(&peer, id, "A reply that goes with its case.")
            .await;
    }
    app.clock.advance(PERIOD - WEEK);
    run(&app).await;
    later(&app, WEEK, &[(&author, "author@clinic.example")]).await;
    let state = app.state.clone();
    let purge = tokio::spawn(async move { run_once(&state).await });
    // Exports one after another until the purge is over: some read before it, some during.
    let mut exports = Vec::new();
    loop {
        let res = app.post_form(&author, "/account/export", &[]).await;
        assert_eq!(res.status(), StatusCode::OK);
        exports.push(res.bytes().await.unwrap());
        if purge.is_finished() {
            break;
        }
    }
    assert_eq!(purge.await.unwrap().unwrap().purged, 12);
    for bytes in exports {
        let files = caseroom::server::export::zip::read_for_tests(&bytes).expect("an export");
        let file = |suffix: &str| -> serde_json::Value {
            let (_, text) = files
                .iter()
                .find(|(name, _)| name.ends_with(suffix))
                .expect(suffix);
            serde_json::from_slice(text).unwrap()
        };
        let replies = file("replies_to_your_cases.json");
        for case in file("/cases.json").as_array().expect("a list") {
            let sections = case["sections"].as_array().map_or(0, Vec::len);
            let versions = case["revisions"].as_array().map_or(0, Vec::len);
            let answered = replies
                .as_array()
                .is_some_and(|r| r.iter().any(|r| r["case_id"] == case["id"]));
            assert!(
                sections > 0 && versions > 0 && answered,
                "a half-read case: {case}"
            );
        }
    }
}

/// A purge whose node stopped before scrubbing is scrubbed by the next run of any node, twice,
/// an hour apart.
#[tokio::test]
async fn a_purge_left_unscrubbed_is_scrubbed_by_the_next_run() {
    let app = TestApp::spawn_with(&[("CASEROOM_RETENTION", "30d")]).await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(
        &app,
        &author,
        &case_form("Qrscasetitle", &[("situation", "Qrssituation words.")]),
    )
    .await;
    app.clock.advance(PERIOD - WEEK);
    assert_eq!(run(&app).await.warned, 1);
    app.clock.advance(WEEK);
    // The purge alone, as a node that dies right after it leaves things.
    let now = app.state.clock.now();
    assert!(
        app.state
            .store
            .purge_case(caseroom::model::CaseId(id), now, Some(30))
            .await
            .unwrap()
    );
    let db = app.db().await;
    let owed = || async {
        sqlx::query_scalar::<_, i64>("select owed from purge_scrubs")
            .fetch_one(&db)
            .await
            .unwrap()
    };
    assert_eq!(owed().await, 2);
    assert_eq!(run(&app).await.purged, 0);
    assert_eq!(owed().await, 1, "scrubbed once");
    let bytes = database_bytes(&app).await;
    for marker in ["Qrscasetitle", "Qrssituation", "qrssituation"] {
        assert!(
            !contains(&bytes, marker),
            "{marker} is still in the database files"
        );
    }
    run(&app).await;
    assert_eq!(owed().await, 1, "not again within the hour");
    app.clock.advance(caseroom::server::store::SCRUB_GAP);
    run(&app).await;
    assert_eq!(owed().await, 0, "and once more an hour later");
}

/// The real binary with the purge job every second, `kill -9`ed `after` its start.
fn serve_then_kill(database_url: &str, after: std::time::Duration) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let site = tempfile::tempdir().expect("site dir");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_caseroom"))
        .arg("serve")
        .env("DATABASE_URL", database_url)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_SITE_ROOT", site.path())
        .env("CASEROOM_RETENTION", "30d")
        .env("CASEROOM_RETENTION_CHECK_EVERY", "1s")
        .env("RUST_LOG", "off")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start the server");
    std::thread::sleep(after);
    // SIGKILL: no shutdown, no rollback by the server; the database rolls back what was open.
    let _ = child.kill();
    let _ = child.wait();
}

/// Each case is whole (its sections, replies and versions as before) or gone with all of them.
async fn whole_or_gone(db: &sqlx::AnyPool, before: &[(i64, [i64; 3])]) -> usize {
    let mut gone = 0;
    for (id, counts) in before {
        let exists: i64 = sqlx::query_scalar("select count(*) from cases where id = $1")
            .bind(id)
            .fetch_one(db)
            .await
            .unwrap();
        let now = case_rows(db, *id).await;
        if exists == 0 {
            assert_eq!(now, [0, 0, 0], "case {id} half-purged");
            gone += 1;
        } else {
            assert_eq!(&now, counts, "case {id} half-purged");
        }
    }
    gone
}

async fn case_rows(db: &sqlx::AnyPool, id: i64) -> [i64; 3] {
    let mut out = [0; 3];
    for (n, table) in ["case_sections", "replies", "revisions"].iter().enumerate() {
        out[n] = sqlx::query_scalar(&format!("select count(*) from {table} where case_id = $1"))
            .bind(id)
            .fetch_one(db)
            .await
            .unwrap();
    }
    out
}

#[tokio::test]
async fn a_purge_cut_short_by_kill_leaves_cases_whole_and_finishes_on_restart() {
    let mut app = TestApp::spawn_at_now_with(&[("CASEROOM_REPLY_REVIEW_BELOW", "0")]).await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician])
        .await;
    let mut ids = Vec::new();
    for n in 0..40 {
        let id = publish(
            &app,
            &author,
            &case_form(&format!("Case {n} to purge"), &[]),
        )
        .await;
        app.reply(&peer, id, "A reply that goes with it.").await;
        ids.push(id);
    }
    let now = app.state.clock.now();
    let db = app.db().await;
    // Expired ten days ago, and warned a day before the notice began.
    sqlx::query("update cases set last_activity_at = $1, purge_warned_at = $2")
        .bind(now - 40 * DAY_SECS)
        .bind(now - 11 * DAY_SECS)
        .execute(&db)
        .await
        .unwrap();
    let mut before = Vec::new();
    for id in &ids {
        before.push((*id, case_rows(&db, *id).await));
    }
    let url = app.database_url.clone();
    app.shut_down().await;

    // Killed at moments 10 ms apart, later each time, until the job has purged every case: the
    // early kills land before the job starts, some during its run, each restart goes on.
    let mut cut_short = false;
    for step in 1..=100u64 {
        let url = url.clone();
        tokio::task::spawn_blocking(move || {
            serve_then_kill(&url, std::time::Duration::from_millis(10 * step))
        })
        .await
        .unwrap();
        let gone = whole_or_gone(&db, &before).await;
        cut_short |= gone > 0 && gone < ids.len();
        if gone == ids.len() {
            break;
        }
    }
    assert!(cut_short, "no kill landed while the job was purging");
    assert_eq!(
        whole_or_gone(&db, &before).await,
        ids.len(),
        "every case purged after restarts"
    );
    let purged: i64 =
        sqlx::query_scalar("select count(*) from audit_log where action = 'case_purged'")
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(purged, ids.len() as i64, "each purge recorded once");
}
