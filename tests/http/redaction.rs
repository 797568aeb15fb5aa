//! Redaction: a moderator replaces identifying text everywhere a case is stored, and the old
//! bytes are gone from the database files. Only moderators and admins may; bad requests change
//! nothing.

use caseroom::domain::role::Role;
use reqwest::StatusCode;

use crate::cases::{case_form, edit, publish};
use crate::support::*;

const MARKER: &str = "zqvmarkerplum";

/// Every file the database keeps its rows in. SQLite: the main file, the WAL and its index.
/// PostgreSQL: the database's directory under `base/` (tables, TOAST, indexes, free space
/// maps) after a checkpoint, so every committed page is in its file; the server's data
/// directory comes from `CASEROOM_TEST_POSTGRES_DATA`. PostgreSQL's WAL is measured apart
/// (`wal_bytes`): redaction cannot rewrite it (docs/DEPLOYMENT.md).
pub(crate) async fn database_bytes(app: &TestApp) -> Vec<u8> {
    let mut all = Vec::new();
    if app.on_postgres() {
        let pool = app.db().await;
        sqlx::query("checkpoint").execute(&pool).await.unwrap();
        let oid: String = sqlx::query_scalar(
            "select oid::text from pg_database where datname = current_database()",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        pool.close().await;
        let data = std::env::var("CASEROOM_TEST_POSTGRES_DATA")
            .expect("CASEROOM_TEST_POSTGRES_DATA names the test server's data directory");
        read_all(
            &std::path::Path::new(&data).join("base").join(oid),
            &mut all,
        );
        return all;
    }
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let path = format!("{}{suffix}", app.db_path.display());
        if let Ok(bytes) = std::fs::read(&path) {
            all.extend(bytes);
        }
    }
    all
}

/// Every file under `dir`, appended to `all`.
fn read_all(dir: &std::path::Path, all: &mut Vec<u8>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            read_all(&path, all);
        } else if let Ok(bytes) = std::fs::read(&path) {
            all.extend(bytes);
        }
    }
}

pub(crate) fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[tokio::test]
async fn a_redaction_reaches_every_stored_copy_and_the_database_files() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("peer@clinic.example", &[Role::Clinician, Role::Supervisor])
        .await;
    let (moderator, _) = app
        .member_client("mod@clinic.example", &[Role::Moderator])
        .await;
    let situation = format!("She says {MARKER} is what her family calls her.");
    let id = publish(
        &app,
        &author,
        &case_form(
            &format!("Stuck with {MARKER}"),
            &[("situation", &situation)],
        ),
    )
    .await;
    let tried = format!("I asked {} about it.", MARKER.to_uppercase());
    let edited = case_form(
        "Stuck with a nickname",
        &[("situation", &situation), ("tried", &tried)],
    );
    let res = edit(&app, &author, id, &edited).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // A moderator returns the edit with a reason that quotes the marker; the author resubmits
    // and it is approved.
    let reason = format!("Please remove the nickname {MARKER} before this goes out.");
    let res = app
        .post_form(
            app.moderator().await,
            &format!("/review/{id}/decide"),
            &[("decision", "return"), ("reason", &reason)],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let res = edit(&app, &author, id, &edited).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    app.approve(id).await;
    let reply = format!("When {MARKER} pulls back, what happens in you?");
    app.reply(&peer, id, &reply).await;
    assert!(
        contains(&database_bytes(&app).await, MARKER),
        "the marker is stored before the redaction"
    );
    // Search finds the case by the marker, in its title, sections and reply.
    assert_eq!(crate::search::finds(&app, &peer, MARKER).await, vec![id]);

    // Only moderators and admins may redact; nobody else changes anything.
    let form = [("text", MARKER), ("category", "name")];
    let path = format!("/cases/{id}/redact");
    for client in [&author, &peer] {
        let res = app.post_form(client, &path, &form).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
    let res = app.post_form(&app.client(), &path, &form).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    // Text that is not in the case, and text too short, are refused with a message.
    let res = app
        .post_form(
            &moderator,
            &path,
            &[("text", "not in this case"), ("category", "name")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = res.text().await.unwrap();
    assert!(page.contains("That text is not in this case"), "{page}");
    assert!(page.contains("value=\"not in this case\""), "kept: {page}");
    let res = app
        .post_form(&moderator, &path, &[("text", " "), ("category", "name")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (_, page) = app.get(&peer, &format!("/cases/{id}")).await;
    assert!(page.contains(MARKER), "a refused redaction changed nothing");

    let res = app.post_form(&moderator, &path, &form).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), format!("/cases/{id}?notice=redacted"));

    let (_, page) = app.get(&peer, &format!("/cases/{id}")).await;
    assert!(!page.to_lowercase().contains(MARKER), "{page}");
    assert!(page.contains("[redacted: name]"));
    let (status, revisions) = app.get(&moderator, &format!("/cases/{id}/revisions")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(!revisions.to_lowercase().contains(MARKER), "{revisions}");
    assert!(revisions.contains("[redacted: name]"));
    // The moderator's reason reaches the author through a notification; it is redacted too.
    let (_, notes) = app.get(&author, "/notifications").await;
    assert!(!notes.to_lowercase().contains(MARKER), "{notes}");
    assert!(
        notes.contains("Please remove the nickname [redacted: name]"),
        "{notes}"
    );
    let (_, edit) = app.get(&author, &format!("/cases/{id}/edit")).await;
    assert!(!edit.to_lowercase().contains(MARKER));

    // Search no longer finds it, and finds the case by its redacted text.
    assert!(crate::search::finds(&app, &peer, MARKER).await.is_empty());
    assert_eq!(
        crate::search::finds(&app, &peer, "nickname").await,
        vec![id]
    );
    let drift = app.state.store.search_index_drift().await.unwrap();
    assert!(drift.is_clean(), "{drift:?}");

    // The files hold no copy: tables, the search index's pages (SQLite's FTS5 shadow tables
    // and PostgreSQL's tsvector rows and GIN index live in these files too) and the WAL.
    let bytes = database_bytes(&app).await;
    assert!(
        !contains(&bytes, MARKER),
        "the marker is in a database file"
    );
    assert!(!contains(&bytes, &MARKER.to_uppercase()));

    let actions = app.audit_actions().await;
    assert!(actions.contains(&"case_redacted".to_owned()));
}

#[tokio::test]
async fn an_admin_may_redact_and_an_unknown_case_is_not_found() {
    let app = TestApp::spawn().await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let (admin, _) = app
        .member_client("admin@clinic.example", &[Role::Admin])
        .await;
    let id = publish(&app, &author, &case_form("A case with a town", &[])).await;
    let res = app
        .post_form(
            &admin,
            &format!("/cases/{id}/redact"),
            &[("text", "every third session"), ("category", "detail")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, page) = app.get(&author, &format!("/cases/{id}")).await;
    assert!(page.contains("[redacted: identifying detail]"), "{page}");
    let res = app
        .post_form(
            &admin,
            "/cases/999/redact",
            &[("text", "anything"), ("category", "name")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app
        .post_form(
            &admin,
            &format!("/cases/{id}/redact"),
            &[("text", "cancels"), ("category", "shoe size")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
