//! Server functions sent malformed arguments, and odd addresses: long segments and queries,
//! ids out of range, an address or headers over the server's limits.

use leptos::server_fn::ServerFn as _;
use reqwest::header::CONTENT_TYPE;
use reqwest::{Client, StatusCode};

use super::bodies::{Bad, FORM};
use super::send;
use crate::support::*;

/// Every server function, for every reader: mistyped and missing arguments, other encodings,
/// the wrong method. How many requests were sent.
pub(super) async fn server_functions(
    app: &TestApp,
    readers: &[(&str, &Client)],
    author: &Client,
) -> usize {
    let mut checked = 0;
    // Server functions: missing and mistyped arguments, other encodings, the wrong method.
    for (path, _) in leptos::server_fn::axum::server_fn_paths() {
        for &(who, client) in readers {
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

    checked
}

/// Odd addresses for every reader, and re-drawn forms whose typed address is too long.
pub(super) async fn odd_addresses(app: &TestApp, readers: &[(&str, &Client)], case: i64) {
    // Every page of the app (read from its route list) with each odd id, and with junk in
    // the query string every page might read.
    let odd_ids = [
        "abc",
        "-1",
        "0",
        "99999999999999999999999",
        "%00",
        "1.5",
        "%F0%9F%99%82",
        &"9".repeat(300),
    ];
    for listing in leptos_axum::generate_route_list(caseroom::app::App) {
        let template = listing.path().to_owned();
        let paths: Vec<String> = if template.contains(":id") {
            odd_ids
                .iter()
                .map(|id| template.replace(":id", id))
                .collect()
        } else {
            vec![template.clone()]
        };
        for path in paths {
            let path = format!(
                "{path}?cursor=%FF&page=-1&notice=%00&token=%E2%80%AE&next=//x&revision=x&from=x"
            );
            for &(who, client) in readers {
                let status = send(client.get(app.url(&path)), &template).await;
                assert!(
                    status.as_u16() < 500,
                    "GET {template} ({path}) by {who}: {status}"
                );
            }
        }
    }

    // Methods nothing takes: 405, never 500.
    for (path, _) in caseroom::server::forms::table() {
        let path = path.replace("{id}", &case.to_string());
        for method in [
            reqwest::Method::PUT,
            reqwest::Method::DELETE,
            reqwest::Method::PATCH,
        ] {
            let status = send(readers[1].1.request(method.clone(), app.url(&path)), &path).await;
            assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
        }
    }

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
        for &(who, client) in readers {
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
