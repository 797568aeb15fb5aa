//! Two app nodes on one database: this test's server (node A) and the real `caseroom` binary in
//! its own process (node B), both on the test's database (PostgreSQL under the test command's
//! cluster, else one SQLite file). Each race sends the same kind of write to both nodes at
//! once: exactly one wins and the other gets a clear refusal. A read through node B survives
//! `kill -9` of that node, and node A's audit page shows it.

use std::process::{Child, Command, Stdio};
use std::sync::Arc;

use caseroom::domain::role::Role;
use reqwest::cookie::Jar;
use reqwest::header::{HeaderMap, HeaderValue, ORIGIN};
use reqwest::{Client, StatusCode, redirect};

use crate::cases::{case_form, submit};
use crate::support::*;

/// Node B: the binary, stopped with `kill -9` when dropped.
pub(crate) struct Node {
    pub(crate) base: String,
    child: Child,
    _site: tempfile::TempDir,
}

impl Node {
    async fn start(database_url: &str) -> Node {
        Node::start_logging(database_url, None).await
    }

    /// Node B with its log (standard output and error) written to `log` at `RUST_LOG=debug`,
    /// for tests of what the server writes down.
    pub(crate) async fn start_logging(database_url: &str, log: Option<&std::path::Path>) -> Node {
        Node::start_with(database_url, log, &[]).await
    }

    /// Node B with extra settings in its environment (e.g. email).
    pub(crate) async fn start_with(
        database_url: &str,
        log: Option<&std::path::Path>,
        env: &[(&str, &str)],
    ) -> Node {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let base = format!("http://127.0.0.1:{port}");
        let site = tempfile::tempdir().expect("site dir");
        let child = Command::new(env!("CARGO_BIN_EXE_caseroom"))
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("LEPTOS_SITE_ROOT", site.path())
            .env("CASEROOM_PUBLIC_URL", &base)
            .env("CASEROOM_RATE_LIMITS", NO_RATE_LIMITS)
            .env("RUST_LOG", if log.is_some() { "debug" } else { "off" })
            .envs(env.iter().copied())
            .stdout(match log {
                Some(path) => Stdio::from(std::fs::File::create(path).expect("log file")),
                None => Stdio::null(),
            })
            .stderr(match log {
                Some(path) => Stdio::from(
                    std::fs::OpenOptions::new()
                        .append(true)
                        .open(path)
                        .expect("log file"),
                ),
                None => Stdio::null(),
            })
            .spawn()
            .expect("start node B");
        let node = Node {
            base,
            child,
            _site: site,
        };
        for _ in 0..200 {
            if let Ok(res) = reqwest::get(format!("{}/healthz", node.base)).await
                && res.status() == StatusCode::OK
            {
                return node;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("node B did not answer /healthz");
    }

    pub(crate) fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        self.kill();
    }
}

/// One member's browser, signed in once, talking to either node (the session lives in the
/// database, so both nodes know it).
struct Member {
    a: Client,
    b: Client,
}

fn client_for(jar: &Arc<Jar>, origin: &str) -> Client {
    let mut headers = HeaderMap::new();
    headers.insert(ORIGIN, HeaderValue::from_str(origin).expect("origin"));
    Client::builder()
        .cookie_provider(jar.clone())
        .redirect(redirect::Policy::none())
        .default_headers(headers)
        .build()
        .expect("client")
}

async fn member(app: &TestApp, node: &Node, email: &str, roles: &[Role]) -> Member {
    let name = email.split('@').next().unwrap_or(email);
    app.create_member(email, name, roles).await;
    let jar = Arc::new(Jar::default());
    let member = Member {
        a: client_for(&jar, &app.base),
        b: client_for(&jar, &node.base),
    };
    let res = app.sign_in(&member.a, email, GOOD_PASSWORD).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "sign-in of {email}");
    member
}

/// One side's write: the client, the address and the form.
type Write<'a> = (&'a Client, String, Vec<(String, String)>);

/// Requests per side in a burst: more than one each, so the writes overlap inside the
/// database rather than only at the network.
const BURST: usize = 6;

/// Sends `BURST` copies of each side's write at once (side 0 to node A, side 1 to node B) and
/// returns (side, status) for every answer.
async fn burst(sides: [Write<'_>; 2]) -> Vec<(usize, u16)> {
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..BURST {
        for (side, (client, url, form)) in sides.iter().enumerate() {
            let (client, url, form) = ((*client).clone(), url.clone(), form.clone());
            set.spawn(async move {
                let status = client
                    .post(url)
                    .form(&form)
                    .send()
                    .await
                    .expect("request")
                    .status();
                (side, status.as_u16())
            });
        }
    }
    let mut out = Vec::new();
    while let Some(done) = set.join_next().await {
        out.push(done.expect("request task"));
    }
    out
}

/// How many answers had `status`.
fn with(answers: &[(usize, u16)], status: u16) -> usize {
    answers.iter().filter(|(_, s)| *s == status).count()
}

fn owned(form: &[(&str, &str)]) -> Vec<(String, String)> {
    form.iter()
        .map(|(k, v)| ((*k).into(), (*v).into()))
        .collect()
}

async fn count(app: &TestApp, sql: &str, id: i64) -> i64 {
    let pool = app.db().await;
    let n = sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&pool)
        .await
        .expect(sql);
    pool.close().await;
    n
}

/// The newest revision's id, as the edit and review forms carry it.
async fn revision(app: &TestApp, case: i64) -> String {
    app.state
        .store
        .latest_case_revision(caseroom::model::CaseId(case))
        .await
        .expect("revision")
        .to_string()
}

#[tokio::test]
async fn two_nodes_on_one_database_have_exactly_one_winner_per_race() {
    let app = TestApp::spawn_at_now().await;
    let node = Node::start(&app.database_url).await;
    let author = member(&app, &node, "author@clinic.example", &[Role::Clinician]).await;
    let first = member(&app, &node, "first.mod@clinic.example", &[Role::Moderator]).await;
    let second = member(&app, &node, "second.mod@clinic.example", &[Role::Moderator]).await;
    let peers = [
        member(&app, &node, "peer.one@clinic.example", &[Role::Clinician]).await,
        member(&app, &node, "peer.two@clinic.example", &[Role::Clinician]).await,
    ];
    let approve = approval();
    let approve: Vec<(&str, &str)> = approve
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();

    for round in 0..3 {
        // Claims: two moderators claim one pending case, on two nodes. Every claim after the
        // first is refused unless it is the winner's own again.
        let case = submit(&app, &author.a, &case_form("Claimed twice", &[])).await;
        let path = format!("/review/{case}/claim");
        let answers = burst([
            (&first.a, app.url(&path), vec![]),
            (&second.b, format!("{}{path}", node.base), vec![]),
        ])
        .await;
        let winners: std::collections::BTreeSet<usize> = answers
            .iter()
            .filter(|(_, s)| *s == 303)
            .map(|(side, _)| *side)
            .collect();
        assert_eq!(
            winners.len(),
            1,
            "one moderator holds the claim, round {round}: {answers:?}"
        );
        assert!(
            answers
                .iter()
                .all(|(side, s)| *s == 303 && winners.contains(side) || *s == 409),
            "{answers:?}"
        );

        // Decisions: both approve the same version of an unclaimed case.
        let case = submit(&app, &author.a, &case_form("Decided twice", &[])).await;
        let seen = revision(&app, case).await;
        let mut form = approve.clone();
        form.push(("revision", &seen));
        let path = format!("/review/{case}/decide");
        let answers = burst([
            (&first.a, app.url(&path), owned(&form)),
            (&second.b, format!("{}{path}", node.base), owned(&form)),
        ])
        .await;
        assert_eq!(
            (with(&answers, 303), with(&answers, 409)),
            (1, 2 * BURST - 1),
            "decisions, round {round}: {answers:?}"
        );
        let decisions = count(
            &app,
            "select count(*) from case_reviews where case_id = $1",
            case,
        )
        .await;
        assert_eq!(decisions, 1, "one decision recorded, round {round}");

        // Flags: two members' "may identify" flags, together, cross the hiding threshold; a
        // member's repeated flag is not a second member.
        let path = format!("/cases/{case}/flag");
        let flag = owned(&[("kind", "may_identify"), ("note", "")]);
        let answers = burst([
            (&peers[0].a, app.url(&path), flag.clone()),
            (&peers[1].b, format!("{}{path}", node.base), flag),
        ])
        .await;
        // Once hidden, the case is out of the flaggers' view: a later flag finds nothing (404).
        assert!(
            answers.iter().all(|(_, s)| *s == 303 || *s == 404),
            "flags, round {round}: {answers:?}"
        );
        let open = count(
            &app,
            "select count(*) from flags where case_id = $1 and resolved_at is null",
            case,
        )
        .await;
        assert_eq!(open, 2, "one flag per member, round {round}");
        let hidden = count(
            &app,
            "select count(*) from cases where id = $1 and review_state = 'pending'",
            case,
        )
        .await;
        assert_eq!(hidden, 1, "the case is hidden, round {round}");
        let hidings = count(
            &app,
            "select count(*) from audit_log where case_id = $1 and action = 'case_hidden_by_flags'",
            case,
        )
        .await;
        assert_eq!(hidings, 1, "hidden once, round {round}");

        // Edits: the author and a moderator save edits of the same version at once.
        let case = submit(&app, &author.a, &case_form("Edited twice", &[])).await;
        let seen = revision(&app, case).await;
        let path = format!("/cases/{case}/edit");
        let mut by_author = case_form("The author's edit", &[]);
        by_author.push(("revision", &seen));
        let mut by_moderator = case_form("The moderator's edit", &[]);
        by_moderator.push(("revision", &seen));
        let answers = burst([
            (&author.a, app.url(&path), owned(&by_author)),
            (
                &first.b,
                format!("{}{path}", node.base),
                owned(&by_moderator),
            ),
        ])
        .await;
        assert_eq!(
            (with(&answers, 303), with(&answers, 409)),
            (1, 2 * BURST - 1),
            "edits, round {round}: {answers:?}"
        );
        let revisions = count(
            &app,
            "select count(*) from revisions where case_id = $1",
            case,
        )
        .await;
        assert_eq!(revisions, 2, "one edit kept, round {round}");

        // Invites: one link redeemed on both nodes at once.
        let link = app
            .invite("clinician", &format!("new.{round}@clinic.example"))
            .await;
        let token = token_of(&link);
        // Names unlike any taken before (a look-alike name is refused on its own).
        let names = [
            ("River Stone", "Lake Field"),
            ("Moss Hill", "Fern Gate"),
            ("Cloud Bay", "Oak Marsh"),
        ][round];
        let register = |name: &str| {
            owned(&[
                ("token", &token),
                ("display_name", name),
                ("password", GOOD_PASSWORD),
                ("confirm", GOOD_PASSWORD),
            ])
        };
        let visitor_a = app.client();
        let visitor_b = client_for(&Arc::new(Jar::default()), &node.base);
        let answers = burst([
            (&visitor_a, app.url("/register"), register(names.0)),
            (
                &visitor_b,
                format!("{}/register", node.base),
                register(names.1),
            ),
        ])
        .await;
        assert_eq!(
            (with(&answers, 303), with(&answers, 410)),
            (1, 2 * BURST - 1),
            "invites, round {round}: {answers:?}"
        );
        let pool = app.db().await;
        let accounts: i64 = sqlx::query_scalar("select count(*) from users where email = $1")
            .bind(format!("new.{round}@clinic.example"))
            .fetch_one(&pool)
            .await
            .expect("accounts");
        pool.close().await;
        assert_eq!(accounts, 1, "one account, round {round}");
    }
}

#[tokio::test]
async fn a_read_through_one_node_survives_its_kill_and_shows_on_the_other() {
    let app = TestApp::spawn_at_now().await;
    let mut node = Node::start(&app.database_url).await;
    let author = member(&app, &node, "author@clinic.example", &[Role::Clinician]).await;
    let reader = member(&app, &node, "reader@clinic.example", &[Role::Clinician]).await;
    let admin = member(&app, &node, "admin@clinic.example", &[Role::Admin]).await;
    let case = submit(&app, &author.a, &case_form("Read on node B", &[])).await;
    app.approve(case).await;

    for _ in 0..3 {
        let res = reader
            .b
            .get(format!("{}/cases/{case}", node.base))
            .send()
            .await
            .expect("read");
        assert_eq!(res.status(), StatusCode::OK);
    }
    // At once after the last answer, with no shutdown and no timer.
    node.kill();
    let reads = count(
        &app,
        "select count(*) from audit_log where case_id = $1 and action = 'case_viewed'",
        case,
    )
    .await;
    assert_eq!(reads, 3);
    let csv = admin
        .a
        .get(app.url(&format!("/admin/audit.csv?case={case}&action=case_viewed")))
        .send()
        .await
        .expect("export")
        .text()
        .await
        .expect("csv");
    assert_eq!(
        csv.lines().filter(|l| l.contains("case_viewed")).count(),
        3,
        "{csv}"
    );
}
