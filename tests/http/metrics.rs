//! `/metrics` (issue 19): the Prometheus text format, read back by a parser as strict as
//! `promtool check metrics` on what these tests rely on; only for the scraper's token; never a
//! path as typed, an id or any member text; and a scrape under load answers like any request.

use std::collections::{BTreeMap, BTreeSet};

use caseroom::domain::role::Role;
use regex::Regex;
use reqwest::StatusCode;

use crate::cases::{case_form, publish, submit};
use crate::support::*;

const TOKEN: &str = "scraper-token-0123456789abcdef";

/// The samples of a scrape, by metric name and labels. Fails on anything the format does not
/// allow: a sample before its TYPE, a name or label that is not one, a value that is not a
/// number, a histogram whose buckets fall or whose +Inf bucket is not its count.
fn parse(body: &str) -> BTreeMap<(String, String), f64> {
    let sample = Regex::new(
        r#"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*)\})? (-?[0-9]+(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?|\+Inf|NaN)$"#,
    )
    .unwrap();
    let mut types: BTreeMap<String, String> = BTreeMap::new();
    let mut samples = BTreeMap::new();
    for line in body.lines() {
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let (name, kind) = rest.split_once(' ').expect("TYPE name kind");
            assert!(["counter", "gauge", "histogram"].contains(&kind), "{line}");
            assert!(
                types.insert(name.into(), kind.into()).is_none(),
                "TYPE twice: {line}"
            );
            continue;
        }
        if line.starts_with("# HELP ") {
            continue;
        }
        let caps = sample
            .captures(line)
            .unwrap_or_else(|| panic!("not a sample: {line:?}"));
        let name = caps[1].to_owned();
        let family = ["_bucket", "_sum", "_count"]
            .iter()
            .find_map(|s| {
                name.strip_suffix(s)
                    .filter(|f| types.get(*f).is_some_and(|k| k == "histogram"))
            })
            .unwrap_or(&name)
            .to_owned();
        assert!(
            types.contains_key(&family),
            "sample before its TYPE: {line}"
        );
        let labels = caps.get(3).map_or("", |m| m.as_str()).to_owned();
        let value: f64 = match &caps[4] {
            "+Inf" => f64::INFINITY,
            v => v.parse().unwrap(),
        };
        assert!(
            samples.insert((name, labels), value).is_none(),
            "the same series twice: {line}"
        );
    }
    // Histograms: cumulative buckets ending at +Inf, which equals the count.
    for (family, _) in types.iter().filter(|(_, k)| *k == "histogram") {
        let series: BTreeSet<String> = samples
            .keys()
            .filter(|(n, _)| *n == format!("{family}_count"))
            .map(|(_, l)| l.clone())
            .collect();
        for labels in series {
            let mut last = 0.0;
            let prefix = if labels.is_empty() {
                String::new()
            } else {
                format!("{labels},")
            };
            let bucket = |le: &str| {
                samples.get(&(format!("{family}_bucket"), format!("{prefix}le=\"{le}\"")))
            };
            for le in [
                "0.001", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5",
                "10", "+Inf",
            ] {
                let v = *bucket(le).unwrap_or_else(|| panic!("{family} {labels} le={le}"));
                assert!(v >= last, "{family} {labels}: buckets fall at {le}");
                last = v;
            }
            assert_eq!(
                Some(&last),
                samples.get(&(format!("{family}_count"), labels.clone())),
                "{family} {labels}: +Inf is the count"
            );
        }
    }
    samples
}

async fn scrape(app: &TestApp, token: Option<&str>) -> reqwest::Response {
    let mut req = app.bare_client().get(app.url("/metrics"));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap()
}

#[tokio::test]
async fn metrics_scrape_cleanly_for_the_scraper_only_and_hold_no_member_text() {
    let app = TestApp::spawn_with(&[("CASEROOM_METRICS_TOKEN", TOKEN)]).await;
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(
        &app,
        &author,
        &case_form("Qmxcase title about a stuck point", &[]),
    )
    .await;
    submit(&app, &author, &case_form("Qmxpending case", &[])).await;
    app.get(&author, &format!("/cases/{id}")).await;
    app.get(&author, "/search?q=Qmxsearchwords").await;
    app.get(&author, "/no/such/Qmxpath").await;

    assert_eq!(scrape(&app, None).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        scrape(&app, Some("scraper-token-0123456789abcdeX"))
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    let res = scrape(&app, Some(TOKEN)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    let body = res.text().await.unwrap();
    let samples = parse(&body);
    let get =
        |name: &str, labels: &str| samples.get(&(name.to_owned(), labels.to_owned())).copied();
    assert!(
        get(
            "caseroom_http_requests_total",
            r#"method="GET",route="/cases/{id}",status="200""#
        )
        .is_some_and(|n| n >= 1.0),
        "{body}"
    );
    assert!(
        get(
            "caseroom_http_requests_total",
            r#"method="GET",route="(unmatched)",status="404""#
        )
        .is_some(),
        "{body}"
    );
    assert!(
        get(
            "caseroom_http_request_duration_seconds_count",
            r#"route="/cases/{id}""#
        )
        .is_some()
    );
    assert_eq!(get("caseroom_review_queue", r#"kind="case""#), Some(1.0));
    assert_eq!(get("caseroom_review_queue", r#"kind="reply""#), Some(0.0));
    assert!(get("caseroom_scan_duration_seconds_count", "").is_some_and(|n| n >= 2.0));
    assert!(get("caseroom_db_pool_max_connections", "").is_some_and(|n| n >= 1.0));
    assert_eq!(get("caseroom_server_errors_total", ""), Some(0.0));
    for secret in ["Qmx", "author@", "Test Member", &format!("/cases/{id}\"")] {
        assert!(!body.contains(secret), "{secret} in {body}");
    }
    // Every route label is a template.
    let route = Regex::new(r#"route="([^"]*)""#).unwrap();
    for caps in route.captures_iter(&body) {
        assert!(!caps[1].chars().any(|c| c.is_ascii_digit()), "{}", &caps[1]);
    }
}

#[tokio::test]
async fn without_the_setting_there_are_no_metrics_and_a_scrape_under_load_answers() {
    let app = TestApp::spawn().await;
    assert_eq!(
        scrape(&app, Some(TOKEN)).await.status(),
        StatusCode::NOT_FOUND
    );

    let app = TestApp::spawn_with(&[("CASEROOM_METRICS_TOKEN", TOKEN)]).await;
    let (reader, _) = app
        .member_client("reader@clinic.example", &[Role::Clinician])
        .await;
    let id = publish(&app, &reader, &case_form("A case read under load", &[])).await;
    let mut tasks = Vec::new();
    for n in 0..60 {
        let (app_url, client) = (app.url(&format!("/cases/{id}")), reader.clone());
        let metrics = app.url("/metrics");
        tasks.push(tokio::spawn(async move {
            if n % 3 == 0 {
                let res = reqwest::Client::new()
                    .get(metrics)
                    .bearer_auth(TOKEN)
                    .send()
                    .await
                    .unwrap();
                let status = res.status();
                (status, res.text().await.unwrap_or_default())
            } else {
                let res = client.get(app_url).send().await.unwrap();
                (res.status(), String::new())
            }
        }));
    }
    for task in tasks {
        let (status, body) = task.await.unwrap();
        assert_eq!(status, StatusCode::OK);
        if !body.is_empty() {
            parse(&body);
        }
    }
    let samples = parse(&scrape(&app, Some(TOKEN)).await.text().await.unwrap());
    let read = samples
        .get(&(
            "caseroom_http_requests_total".to_owned(),
            r#"method="GET",route="/cases/{id}",status="200""#.to_owned(),
        ))
        .copied()
        .unwrap_or(0.0);
    assert!(read >= 40.0, "{read}");
}

/// `CASEROOM_LOG_FORMAT=json`: every line the real binary writes is one JSON object, with the
/// request's route template and status, and no path as typed.
#[tokio::test]
async fn the_json_log_is_one_object_a_line_with_templates_not_paths() {
    let app = TestApp::spawn().await;
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("node.log");
    let mut node = crate::nodes::Node::start_with(
        &app.database_url,
        Some(&log),
        &[
            ("CASEROOM_LOG_FORMAT", "json"),
            ("RUST_LOG", "caseroom=info"),
        ],
    )
    .await;
    let res = reqwest::get(format!("{}/cases/12345?q=Qjsonsecret", node.base))
        .await
        .unwrap();
    assert!(res.status().is_client_error() || res.status().is_success());
    node.kill();
    let text = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(!lines.is_empty(), "{text}");
    assert!(
        lines.iter().any(|l| l["fields"]["route"] == "/cases/{id}"
            && l["fields"]["message"] == "request"
            && l["span"]["id"].is_string()),
        "{text}"
    );
    assert!(
        !text.contains("Qjsonsecret") && !text.contains("12345"),
        "{text}"
    );
}
