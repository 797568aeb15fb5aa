//! Cook throughput on realistic Markdown, hostile shapes at the limits, and the time to render a
//! case page with 100 replies through the real router. Results: docs/BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use axum::body::Body;
use axum::http::Request;
use caseroom::domain::case::CaseInput;
use caseroom::domain::policy::Actor;
use caseroom::domain::review::AUTHOR_ITEMS;
use caseroom::domain::role::{Role, Roles};
use caseroom::server::app::{build_state, router};
use caseroom::server::auth::token::{hash_secret, new_secret};
use caseroom::server::clock::Clock;
use caseroom::server::config::Config;
use caseroom::server::render::{MAX_DEPTH, MAX_SOURCE_BYTES, cook};
use caseroom::server::services::cases::CaseSubmission;
use caseroom::server::services::{cases, replies, review, screening};
use caseroom::server::store::NewUser;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tower::ServiceExt as _;

/// Markdown like a real case: paragraphs, emphasis, a list, a quote, a link.
fn realistic_markdown() -> String {
    let block = "A woman in her 30s, referred after a period of low mood, has attended **eleven** sessions. \
She describes her week in great detail but *changes the subject* whenever her relationship with her \
sister comes up.\n\n- We agreed on a formulation around avoidance\n- Homework is done about half the time\n\
- She cancels roughly every third session\n\n> I think she is protecting me from something.\n\n\
See the [practice guideline](https://example.org/guideline) for the approach we used.\n\n";
    block.repeat(8)
}

fn cook_benches(c: &mut Criterion) {
    let md = realistic_markdown();
    let mut group = c.benchmark_group("cook");
    group.throughput(Throughput::Bytes(md.len() as u64));
    group.bench_function("realistic_case_markdown", |b| {
        b.iter(|| cook(black_box(&md)))
    });
    group.finish();

    // The worst shapes still accepted: maximal length at just under the depth limit.
    let mut worst = c.benchmark_group("cook_worst_accepted");
    worst.sample_size(20);
    let nested_quotes: String = {
        let unit = format!("{} deep quote line\n", ">".repeat(MAX_DEPTH - 2));
        unit.repeat(MAX_SOURCE_BYTES / unit.len())
    };
    let nested_list: String = {
        let unit: String = (0..MAX_DEPTH / 2 - 1)
            .map(|i| format!("{}- item\n", "  ".repeat(i)))
            .collect();
        unit.repeat(MAX_SOURCE_BYTES / unit.len())
    };
    let raw_html = "<div>".repeat(MAX_SOURCE_BYTES / 5);
    for (name, text) in [
        ("nested_quotes_64k", nested_quotes),
        ("nested_list_64k", nested_list),
        ("raw_divs_64k", raw_html),
    ] {
        assert!(cook(&text).is_ok(), "{name} must be accepted");
        worst.bench_function(name, |b| b.iter(|| cook(black_box(&text))));
    }
    worst.finish();
}

fn case_page_bench(c: &mut Criterion) {
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => panic!("runtime: {e}"),
    };
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => panic!("tempdir: {e}"),
    };
    let db = format!("sqlite://{}/bench.db", dir.path().display());
    let site = dir.path().display().to_string();
    let (app, cookie) = runtime.block_on(async {
        let config = Config::load(
            |k| match k {
                "DATABASE_URL" => Some(db.clone()),
                "LEPTOS_SITE_ROOT" => Some(site.clone()),
                // The page under test shows 100 published replies; the reply gate is not what
                // is measured here.
                "CASEROOM_REPLY_REVIEW_BELOW" => Some("0".into()),
                "CASEROOM_REPLY_REVIEW_ON_FINDINGS" => Some("false".into()),
                _ => None,
            },
            None,
        )
        .unwrap_or_else(|e| panic!("config: {e}"));
        let state = build_state(config, Clock::System)
            .await
            .unwrap_or_else(|e| panic!("state: {e}"));
        let hash = state
            .hasher
            .hash("bench password 1234".into())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let mut actors = Vec::new();
        for (i, role) in [
            Role::Clinician,
            Role::Supervisor,
            Role::Clinician,
            Role::Moderator,
        ]
        .into_iter()
        .enumerate()
        {
            let roles = Roles::new([role]);
            let email = format!("bench{i}@clinic.example");
            let id = state
                .store
                .create_user(
                    NewUser {
                        email: &email,
                        display_name: "Bench Member",
                        password_hash: &hash,
                        roles: &roles,
                    },
                    0,
                )
                .await
                .unwrap_or_else(|e| panic!("{e}"))
                .unwrap_or_else(|e| panic!("{e:?}"));
            actors.push(Actor { user_id: id, roles });
        }
        let md = realistic_markdown();
        let input = CaseInput {
            title: "A case with one hundred replies".into(),
            age_band: "adult".into(),
            setting: "outpatient".into(),
            modality: "cbt".into(),
            sessions: "6-15".into(),
            tags: vec!["anxiety".into()],
            sections: vec![
                ("situation".into(), md.clone()),
                ("stuck".into(), md[..2000].into()),
                ("asking".into(), "What am I missing?".into()),
            ],
            anonymous: false,
        };
        // The Markdown links a practice guideline; the author explains it to the scanner.
        let explanations = screening::scan_case(&input)
            .iter()
            .flat_map(|s| s.findings.iter())
            .filter(|f| f.blocking)
            .map(|f| {
                (
                    f.key.clone(),
                    "A public practice guideline, not about a client.".to_owned(),
                )
            })
            .collect();
        let submission = CaseSubmission {
            input,
            explanations,
            confirmed: AUTHOR_ITEMS.iter().map(|i| i.key.to_owned()).collect(),
            disguise: "composite".into(),
            ..CaseSubmission::default()
        };
        let id = cases::submit_case(&state, Some(&actors[0]), &submission, "forum")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let seen = state.store.latest_case_revision(id).await.ok();
        review::decide(
            &state,
            Some(&actors[3]),
            id,
            seen,
            "approve",
            "",
            |_| "absent",
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        for i in 0..100 {
            let body = &md[..(400 + i * 7) % 1800];
            replies::create_reply(&state, Some(&actors[1 + i % 2]), id, body)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        }
        let token = new_secret();
        state
            .store
            .start_session(
                &hash_secret(&token),
                None,
                actors[2].user_id,
                state.clock.now(),
                "login",
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        (router(state), format!("caseroom_session={token}"))
    });
    let request = || {
        Request::builder()
            .uri("/cases/1")
            .header("cookie", &cookie)
            .body(Body::empty())
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let mut group = c.benchmark_group("case_page");
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("render_100_replies", |b| {
        b.to_async(&runtime).iter(|| async {
            let res = app
                .clone()
                .oneshot(request())
                .await
                .unwrap_or_else(|e| match e {});
            assert_eq!(res.status(), 200);
            axum::body::to_bytes(res.into_body(), usize::MAX)
                .await
                .map(|b| b.len())
                .unwrap_or(0)
        })
    });
    group.finish();
}

criterion_group!(benches, cook_benches, case_page_bench);
criterion_main!(benches);
