//! Limits over a real socket: posting rate limits (429 that keeps what was typed), and slow
//! or stalled clients (header and body read timeouts, the connection cap, shutdown that a
//! stalled client cannot hold).

use std::time::{Duration, Instant};

use caseroom::domain::role::Role;
use leptos::server_fn::ServerFn as _;
use reqwest::StatusCode;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::cases::{case_form, publish};
use crate::support::*;

#[tokio::test]
async fn posting_faster_than_the_limit_is_a_429_that_keeps_the_text() {
    let app = TestApp::spawn_with(&[
        ("CASEROOM_RATE_LIMITS", "reply=3/10m,scan=2/1m"),
        ("CASEROOM_RATE_LIMITS_STAFF", "2"),
    ])
    .await;
    let (author, _) = app
        .member_client("rate.author@clinic.example", &[Role::Clinician])
        .await;
    let (busy, _) = app
        .member_client("rate.busy@clinic.example", &[Role::Clinician])
        .await;
    let case = publish(
        &app,
        &author,
        &case_form("A thread that draws many replies", &[]),
    )
    .await;
    for n in 1..=3 {
        app.reply(
            &busy,
            case,
            &format!("Reply number {n} from a busy member."),
        )
        .await;
    }
    let typed = "A fourth reply, typed with care, that must not be lost.";
    let res = app
        .post_form(&busy, &format!("/cases/{case}/replies"), &[("body", typed)])
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = res
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    assert!((1..=600).contains(&wait), "{wait}");
    let page = res.text().await.unwrap();
    assert!(
        page.contains("faster than Caseroom allows"),
        "a clear message"
    );
    assert!(page.contains(typed), "what was typed is on the page");

    // Another member is not held back by this one.
    app.reply(
        &author,
        case,
        "The author's own reply is not limited by another's.",
    )
    .await;

    // The bucket refills over the window.
    app.clock.advance(wait as i64);
    app.reply(&busy, case, typed).await;

    // A moderator gets the staff multiple (2 x 3 here).
    let moderator = app.moderator().await;
    for n in 1..=6 {
        let res = app
            .post_form(
                moderator,
                &format!("/cases/{case}/replies"),
                &[("body", &format!("Moderator note number {n}."))],
            )
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "moderator reply {n}");
    }
    let res = app
        .post_form(
            moderator,
            &format!("/cases/{case}/replies"),
            &[("body", "One too many.")],
        )
        .await;
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);

    // Server functions are limited too: the scanner's draft check.
    let path = caseroom::api::deid::ScanDraft::PATH;
    for expected in [
        StatusCode::OK,
        StatusCode::OK,
        StatusCode::TOO_MANY_REQUESTS,
    ] {
        let res = busy
            .post(app.url(path))
            .form(&[("text", "Plain words.")])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), expected);
        if expected == StatusCode::TOO_MANY_REQUESTS {
            assert!(
                res.headers().contains_key("retry-after"),
                "says when to retry"
            );
        }
    }
}

/// Opens a raw connection to the test server.
async fn connect(app: &TestApp) -> TcpStream {
    TcpStream::connect(app.base.trim_start_matches("http://"))
        .await
        .expect("connect")
}

/// A sign-in post, from our own origin, that promises `length` bytes and sends `sent`.
fn stalled_post(app: &TestApp, length: usize, sent: &str) -> String {
    format!(
        "POST /login HTTP/1.1\r\nHost: {}\r\nOrigin: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {length}\r\n\r\n{sent}",
        app.base.trim_start_matches("http://"),
        app.base
    )
}

/// Reads until the server closes the connection (or `limit` passes); what it sent.
async fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> Option<String> {
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    let read = tokio::time::timeout(limit, async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await;
    read.ok()
        .map(|()| String::from_utf8_lossy(&got).into_owned())
}

#[tokio::test]
async fn a_stalled_client_is_cut_off_and_cannot_hold_shutdown() {
    let app = TestApp::spawn_with(&[
        ("CASEROOM_HEADER_READ_TIMEOUT", "1s"),
        ("CASEROOM_BODY_READ_TIMEOUT", "1s"),
        ("CASEROOM_SHUTDOWN_GRACE", "1s"),
        ("CASEROOM_MAX_CONNECTIONS", "3"),
    ])
    .await;

    // Half a request head, then nothing: closed after the header timeout.
    let mut slow_head = connect(&app).await;
    slow_head
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    assert!(
        read_until_closed(&mut slow_head, Duration::from_secs(10))
            .await
            .is_some(),
        "a half-sent head is not held past the timeout"
    );

    // A whole head and part of the body: 408, and the connection closes.
    let mut slow_body = connect(&app).await;
    slow_body
        .write_all(stalled_post(&app, 100, "email=a").as_bytes())
        .await
        .unwrap();
    let answer = read_until_closed(&mut slow_body, Duration::from_secs(10))
        .await
        .expect("the stalled body is not held past the timeout");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer:.40}");

    // The connection cap: with every slot held by a silent connection, a new request waits
    // for a slot; it is served once the silent ones time out.
    let mut silent = Vec::new();
    for _ in 0..3 {
        silent.push(connect(&app).await);
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    let waited = tokio::time::timeout(
        Duration::from_secs(10),
        app.client().get(app.url("/healthz")).send(),
    )
    .await;
    assert!(
        matches!(&waited, Ok(Ok(r)) if r.status() == StatusCode::OK),
        "served once a slot is free"
    );
    assert!(
        started.elapsed() >= Duration::from_millis(300),
        "the request waited for a slot while all were held"
    );
    drop(silent);
}

#[tokio::test]
async fn shutdown_is_not_held_by_a_stalled_client() {
    // Timeouts far longer than the grace period, so only the grace period can end it.
    let mut app = TestApp::spawn_with(&[
        ("CASEROOM_HEADER_READ_TIMEOUT", "60s"),
        ("CASEROOM_BODY_READ_TIMEOUT", "60s"),
        ("CASEROOM_SHUTDOWN_GRACE", "1s"),
    ])
    .await;
    let mut stalled_body = connect(&app).await;
    stalled_body
        .write_all(stalled_post(&app, 50, "email=").as_bytes())
        .await
        .unwrap();
    let mut stalled_head = connect(&app).await;
    stalled_head.write_all(b"GET / HTTP/1.1\r\n").await.unwrap();
    let _idle = connect(&app).await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let stopping = Instant::now();
    tokio::time::timeout(Duration::from_secs(20), app.shut_down())
        .await
        .expect("shutdown is not held by stalled clients");
    assert!(
        stopping.elapsed() < Duration::from_secs(15),
        "ended by the grace period, not the 60 s timeouts"
    );
    assert!(
        read_until_closed(&mut stalled_body, Duration::from_secs(5))
            .await
            .is_some(),
        "the stalled connection was closed"
    );
}

#[tokio::test]
async fn shutdown_lets_a_request_in_flight_finish() {
    let mut app = TestApp::spawn_with(&[
        ("CASEROOM_HEADER_READ_TIMEOUT", "60s"),
        ("CASEROOM_BODY_READ_TIMEOUT", "60s"),
        ("CASEROOM_SHUTDOWN_GRACE", "10s"),
    ])
    .await;
    let body = "email=nobody%40clinic.example&password=not+the+password";
    let mut conn = connect(&app).await;
    conn.write_all(stalled_post(&app, body.len(), &body[..6]).as_bytes())
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let stopping = tokio::spawn(async move {
        app.shut_down().await;
        app
    });
    // Shutdown has begun; the rest of the body arrives within the grace period.
    tokio::time::sleep(Duration::from_millis(300)).await;
    conn.write_all(&body.as_bytes()[6..]).await.unwrap();
    let answer = read_until_closed(&mut conn, Duration::from_secs(10))
        .await
        .expect("answered and closed");
    assert!(
        answer.starts_with("HTTP/1.1 401"),
        "the request in flight was answered: {answer:.40}"
    );
    let app = tokio::time::timeout(Duration::from_secs(15), stopping)
        .await
        .expect("shutdown finished")
        .expect("shutdown task");
    drop(app);
}
