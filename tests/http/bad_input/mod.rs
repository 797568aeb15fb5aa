//! The bad-input suite: every form endpoint, server function and a set of odd page addresses,
//! sent what a buggy client or an attacker sends (missing and duplicate fields, wrong types,
//! wrong content types, invalid UTF-8, NUL, control and direction characters, oversize
//! bodies). Nothing may answer 5xx (the `TestApp` drop check counts every request), nothing
//! may panic, a refusal (4xx) changes no saved row, and the server stays healthy.

use std::sync::atomic::{AtomicUsize, Ordering};

use caseroom::domain::role::Role;
use reqwest::header::CONTENT_TYPE;
use reqwest::{Client, StatusCode};
use sqlx::AnyPool as SqlitePool;

use crate::cases::{case_form, publish, submit};
use crate::support::*;

mod addresses;
mod bodies;

use bodies::bad_bodies;

static PANICS: AtomicUsize = AtomicUsize::new(0);

/// Counts panics raised outside the tests' own code from here on (a handler's panic does not
/// reach the test otherwise: the connection just closes). Other tests run in this process at
/// the same time, so a failed assertion in `tests/` is theirs, not the server's.
fn count_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !info
            .location()
            .is_some_and(|l| l.file().starts_with("tests/"))
        {
            PANICS.fetch_add(1, Ordering::SeqCst);
        }
        previous(info);
    }));
}

/// Every saved row a member or moderator cares about, as one string.
async fn saved_rows(pool: &SqlitePool, postgres: bool) -> String {
    let mut all = String::new();
    for table in [
        "users",
        "user_roles",
        "invites",
        "cases",
        "case_sections",
        "case_tags",
        "case_reviews",
        "case_locks",
        "revisions",
        "scan_explanations",
        "replies",
        "flags",
        "notifications",
    ] {
        if postgres {
            let dump: String = sqlx::query_scalar(&format!(
                "select coalesce(string_agg(t::text, ';' order by t::text), '') from {table} t"
            ))
            .fetch_one(pool)
            .await
            .expect("dump");
            all.push_str(&format!("{table}:{dump}\n"));
            continue;
        }
        let columns: Vec<String> =
            sqlx::query_scalar(&format!("select name from pragma_table_info('{table}')"))
                .fetch_all(pool)
                .await
                .expect("columns");
        let row = columns
            .iter()
            .map(|c| format!("quote(\"{c}\")"))
            .collect::<Vec<_>>()
            .join("||','||");
        let dump: Option<String> = sqlx::query_scalar(&format!(
            "select group_concat({row}, ';') from (select * from {table} order by rowid)"
        ))
        .fetch_one(pool)
        .await
        .expect("dump");
        all.push_str(table);
        all.push(':');
        all.push_str(&dump.unwrap_or_default());
        all.push('\n');
    }
    all
}

/// A request's status, failing the test on a dropped connection (a panic or a crash).
pub(super) async fn send(req: reqwest::RequestBuilder, what: &str) -> StatusCode {
    match req.send().await {
        Ok(res) => res.status(),
        Err(e) => panic!("{what}: the connection failed: {e}"),
    }
}

#[tokio::test]
async fn malformed_requests_get_4xx_never_5xx_and_change_nothing() {
    count_panics();
    let limit = 128 * 1024;
    let limit_setting = format!("{limit}");
    let app = TestApp::spawn_with(&[("CASEROOM_REQUEST_SIZE_LIMIT", limit_setting.as_str())]).await;
    let pool = app.db().await;
    let (author, _) = app
        .member_client("bad.author@clinic.example", &[Role::Clinician])
        .await;
    let (peer, _) = app
        .member_client("bad.peer@clinic.example", &[Role::Clinician])
        .await;
    let (admin, _) = app
        .member_client("bad.admin@clinic.example", &[Role::Admin, Role::Moderator])
        .await;
    let case = publish(
        &app,
        &author,
        &case_form("A case to send bad input to", &[]),
    )
    .await;
    let pending = submit(
        &app,
        &author,
        &case_form("A case waiting in the queue", &[]),
    )
    .await;
    let reply = app
        .reply(&peer, case, "A reply to send bad input to.")
        .await;
    // The admin forms act on a bystander, so no reader is disabled along the way.
    let bystander = app
        .create_member(
            "bad.bystander@clinic.example",
            "Bystander",
            &[Role::Clinician],
        )
        .await;
    let visitor = app.client();
    let readers: [(&str, &Client); 3] = [
        ("visitor", &visitor),
        ("author", &author),
        ("admin", &admin),
    ];

    let mut checked = 0;
    let mut before = saved_rows(&pool, app.on_postgres()).await;
    for (template, _) in caseroom::server::forms::table() {
        let path = template
            .replace("/review/replies/{id}", &format!("/review/replies/{reply}"))
            .replace("/replies/{id}", &format!("/replies/{reply}"))
            .replace("/review/{id}", &format!("/review/{pending}"))
            .replace("/cases/{id}", &format!("/cases/{case}"))
            .replace(
                "/admin/users/{id}",
                &format!("/admin/users/{}", bystander.0),
            );
        if template == "/admin/audit.csv" {
            for query in [
                "?from=yesterday",
                "?actor=-1&page=x",
                "?action=%FF",
                "?from=%00",
            ] {
                let status = send(admin.get(app.url(&format!("{path}{query}"))), template).await;
                assert!(
                    status.is_client_error() || status.is_success(),
                    "{template}{query}: {status}"
                );
            }
            continue;
        }
        for (who, client) in readers {
            if template == "/logout" && who != "visitor" {
                continue;
            }
            for bad in bad_bodies(limit) {
                let mut req = client.post(app.url(&path)).body(bad.body.clone());
                if let Some(ct) = bad.content_type {
                    req = req.header(CONTENT_TYPE, ct);
                }
                let what = format!("POST {template} by {who} with {}", bad.what);
                let status = send(req, &what).await;
                assert!(status.as_u16() < 500, "{what}: {status}");
                // A refusal changes nothing; an accepted request (a duplicate field is read
                // once, say) may, and becomes the new baseline.
                let after = saved_rows(&pool, app.on_postgres()).await;
                if status.is_client_error() {
                    assert!(
                        after == before,
                        "{what} answered {status} but changed saved rows"
                    );
                }
                before = after;
                checked += 1;
            }
        }
    }

    checked += addresses::server_functions(&app, &readers, &author).await;
    addresses::odd_addresses(&app, &readers, case).await;

    assert!(checked > 500, "the suite ran ({checked} requests)");
    assert_eq!(
        saved_rows(&pool, app.on_postgres()).await,
        before,
        "no refused request changed a row"
    );
    assert_eq!(app.get(&app.client(), "/healthz").await.0, StatusCode::OK);
    assert_eq!(app.state.counters.server_errors(), 0);
    assert_eq!(PANICS.load(Ordering::SeqCst), 0, "a panic was logged");
}
