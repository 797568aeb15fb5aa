//! The bad-input suite: every form endpoint, server function and a set of odd page addresses,
//! sent what a buggy client or an attacker sends (missing and duplicate fields, wrong types,
//! wrong content types, invalid UTF-8, NUL, control and direction characters, oversize
//! bodies). Nothing may answer 5xx (the `TestApp` drop check counts every request), nothing
//! may panic, a refusal (4xx) changes no saved row, and the server stays healthy.

use std::sync::atomic::{AtomicUsize, Ordering};

use caseroom::domain::role::Role;
use leptos::server_fn::ServerFn as _;
use reqwest::header::CONTENT_TYPE;
use reqwest::{Client, StatusCode};
use sqlx::sqlite::SqlitePool;

use crate::cases::{case_form, publish, submit};
use crate::support::*;

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
async fn saved_rows(pool: &SqlitePool) -> String {
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

/// A body and its content type.
struct Bad {
    what: &'static str,
    content_type: Option<&'static str>,
    body: Vec<u8>,
}

const FORM: Option<&str> = Some("application/x-www-form-urlencoded");

/// Every field name a form endpoint reads.
const FIELDS: &[&str] = &[
    "title",
    "body",
    "text",
    "follow_up",
    "reason",
    "note",
    "kind",
    "email",
    "display_name",
    "password",
    "confirm",
    "current",
    "token",
    "next",
    "intent",
    "revision",
    "decision",
    "case",
    "category",
    "role",
    "disabled",
    "lock",
    "helpful",
    "supervisor",
    "disguise",
    "age_band",
    "setting",
    "modality",
    "sessions",
    "tag",
    "anonymous",
];

fn form_of(value: &str) -> Vec<u8> {
    let pairs: Vec<(&str, &str)> = FIELDS.iter().map(|f| (*f, value)).collect();
    serde_urlencoded_pairs(&pairs).into_bytes()
}

fn serde_urlencoded_pairs(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn bad_bodies(limit: usize) -> Vec<Bad> {
    let mut oversize = b"body=".to_vec();
    oversize.resize(limit + 1024, b'a');
    vec![
        Bad { what: "empty form", content_type: FORM, body: vec![] },
        Bad { what: "no content type", content_type: None, body: b"body=hello".to_vec() },
        Bad {
            what: "JSON",
            content_type: Some("application/json"),
            body: br#"{"body":"hello","revision":"x","id":[1,2]}"#.to_vec(),
        },
        Bad {
            what: "CBOR",
            content_type: Some("application/cbor"),
            body: vec![0xa2, 0x64, b'b', b'o', b'd', b'y', 0x01, 0x61, b'x', 0xff],
        },
        Bad {
            what: "multipart",
            content_type: Some("multipart/form-data; boundary=zz"),
            body: b"--zz\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nhi\r\n--zz--\r\n".to_vec(),
        },
        Bad { what: "text/plain", content_type: Some("text/plain"), body: b"body=hi".to_vec() },
        Bad { what: "invalid UTF-8 escaped", content_type: FORM, body: b"body=%FF%FE&title=%C3".to_vec() },
        Bad { what: "invalid UTF-8 raw", content_type: FORM, body: b"body=\xff\xfe\x00".to_vec() },
        Bad { what: "NUL in every field", content_type: FORM, body: form_of("a\0b") },
        Bad { what: "controls in every field", content_type: FORM, body: form_of("x\u{1b}[2J\u{0c}\u{85}y") },
        Bad {
            what: "direction controls in every field",
            content_type: FORM,
            body: form_of("Dr \u{202E}nhoJ\u{2066} \u{200B}"),
        },
        Bad { what: "only a zero-width space", content_type: FORM, body: form_of("\u{200B}") },
        Bad {
            what: "wrong types",
            content_type: FORM,
            body: b"revision=abc&id=-1&helpful=maybe&decision=nope&disabled=2&lock=x&case=1e99&role=god".to_vec(),
        },
        Bad {
            what: "duplicate fields",
            content_type: FORM,
            body: b"body=a&body=b&revision=1&revision=2&decision=approve&decision=reject&title=x&title=y".to_vec(),
        },
        Bad { what: "bare keys and stray escapes", content_type: FORM, body: b"&&=&body&%&%zz=%g1&==".to_vec() },
        Bad { what: "oversize", content_type: FORM, body: oversize },
    ]
}

/// Sends `request` on a fresh connection and returns the status code of the answer.
async fn raw_status(host: &str, request: &str) -> Option<String> {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let mut stream = tokio::net::TcpStream::connect(host).await.ok()?;
    // The server may answer and close before reading it all.
    let _ = stream.write_all(request.as_bytes()).await;
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).await.ok()?;
    String::from_utf8_lossy(&head)
        .split(' ')
        .nth(1)
        .map(str::to_owned)
}

/// A request's status, failing the test on a dropped connection (a panic or a crash).
async fn send(req: reqwest::RequestBuilder, what: &str) -> StatusCode {
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
    let pool = SqlitePool::connect(&format!("sqlite://{}", app.db_path.display()))
        .await
        .expect("pool");
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
    let mut before = saved_rows(&pool).await;
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
                let after = saved_rows(&pool).await;
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

    // Server functions: missing and mistyped arguments, other encodings, the wrong method.
    for (path, _) in leptos::server_fn::axum::server_fn_paths() {
        for (who, client) in readers {
            for bad in [
                Bad {
                    what: "id=abc",
                    content_type: FORM,
                    body: b"id=abc&text=x&token=x&filter=x&cursor=1".to_vec(),
                },
                Bad {
                    what: "empty",
                    content_type: FORM,
                    body: vec![],
                },
                Bad {
                    what: "JSON",
                    content_type: Some("application/json"),
                    body: br#"{"id":"abc"}"#.to_vec(),
                },
                Bad {
                    what: "CBOR",
                    content_type: Some("application/cbor"),
                    body: vec![0xa1, 0x62, b'i', b'd', 0xff],
                },
                Bad {
                    what: "invalid UTF-8",
                    content_type: FORM,
                    body: b"id=\xff&text=\xfe".to_vec(),
                },
                Bad {
                    what: "NUL",
                    content_type: FORM,
                    body: b"id=1%00&text=a%00b&token=%00".to_vec(),
                },
                Bad {
                    what: "nested junk",
                    content_type: FORM,
                    body: b"filter[a][b][c]=1&id[]=2&id[x]=3".to_vec(),
                },
            ] {
                let mut req = client.post(app.url(path)).body(bad.body.clone());
                if let Some(ct) = bad.content_type {
                    req = req.header(CONTENT_TYPE, ct);
                }
                let what = format!("{path} by {who} with {}", bad.what);
                let status = send(req, &what).await;
                assert!(status.as_u16() < 500, "{what}: {status}");
                checked += 1;
            }
            let status = send(client.get(app.url(path)), path).await;
            assert!(status.as_u16() < 500, "GET {path}: {status}");
        }
    }
    let get_case = caseroom::api::cases::GetCase::PATH;
    let res = author
        .post(app.url(get_case))
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body("id=abc")
        .send()
        .await
        .expect("request");
    assert_eq!(
        res.status(),
        StatusCode::BAD_REQUEST,
        "a mistyped argument is the caller's mistake"
    );

    // Odd addresses: long segments, long queries, ids out of range, encoded NUL.
    let long = "a".repeat(300);
    let huge_query = "n".repeat(20_000);
    for path in [
        format!("/{long}"),
        format!("/pkg/{long}.js"),
        format!("/cases/{long}"),
        "/cases/abc".to_owned(),
        "/cases/-1".to_owned(),
        "/cases/99999999999999999999999".to_owned(),
        "/cases/%00".to_owned(),
        "/%2e%2e/%2e%2e/etc/passwd".to_owned(),
        "/cases?cursor=%FF%FE&modality=%00&age_band=x".to_owned(),
        format!("/login?next=/{huge_query}"),
        format!("/register?token={long}"),
        "/admin/audit?from=yesterday&page=-4".to_owned(),
        format!("/cases/{case}/edit?revision=abc"),
    ] {
        for (who, client) in readers {
            let status = send(client.get(app.url(&path)), &path).await;
            assert!(status.as_u16() < 500, "GET {path} by {who}: {status}");
        }
    }

    // An address or headers longer than the server reads: 414 and 431, not 500 (sent raw:
    // the HTTP client refuses to build such a request).
    let host = app.base.trim_start_matches("http://").to_owned();
    let long_uri = format!(
        "GET /cases?q={} HTTP/1.1\r\nHost: {host}\r\n\r\n",
        "q".repeat(70_000)
    );
    assert_eq!(raw_status(&host, &long_uri).await.as_deref(), Some("414"));
    let huge_header = format!(
        "GET / HTTP/1.1\r\nHost: {host}\r\nX-Padding: {}\r\n\r\n",
        "p".repeat(500_000)
    );
    assert_eq!(
        raw_status(&host, &huge_header).await.as_deref(),
        Some("431")
    );

    // A long `next` on a failed sign-in, and a long token on registration, are drawn again
    // without the part that cannot be an address.
    let fresh = app.client();
    let next = format!("/{}", "x".repeat(70_000));
    let res = app
        .post_form(
            &fresh,
            "/login",
            &[
                ("email", "no@one.example"),
                ("password", "wrong"),
                ("next", &next),
            ],
        )
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    let token = "t".repeat(70_000);
    let res = app
        .post_form(
            &fresh,
            "/register",
            &[
                ("token", &token),
                ("display_name", "Someone"),
                ("password", GOOD_PASSWORD),
                ("confirm", GOOD_PASSWORD),
            ],
        )
        .await;
    assert!(res.status().is_client_error(), "{}", res.status());

    assert!(checked > 500, "the suite ran ({checked} requests)");
    assert_eq!(
        saved_rows(&pool).await,
        before,
        "no refused request changed a row"
    );
    assert_eq!(app.get(&app.client(), "/healthz").await.0, StatusCode::OK);
    assert_eq!(app.state.counters.server_errors(), 0);
    assert_eq!(PANICS.load(Ordering::SeqCst), 0, "a panic was logged");
}
