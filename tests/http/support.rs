//! Starts the real application (the same `Application::build` as `main`) on port 0 with a fresh
//! database and a manual clock, and drives it over HTTP. The database is a SQLite file, or, when
//! `CASEROOM_TEST_POSTGRES` names a PostgreSQL server (an admin URL, as `scripts/test.sh` sets
//! it), a new database on that server for each test.

use caseroom::domain::role::{Role, Roles};
use caseroom::model::UserId;
use caseroom::server::app::Application;
use caseroom::server::clock::{Clock, ManualClock};
use caseroom::server::config::Config;
use caseroom::server::services::invites::{self, IssuedBy};
use caseroom::server::state::AppState;
use caseroom::server::store::NewUser;
use reqwest::header::{HeaderMap, HeaderValue, ORIGIN};
use reqwest::{Client, Response, StatusCode, redirect};

pub const START: i64 = 1_800_000_000;
pub const GOOD_PASSWORD: &str = "lantern orchard velvet";

/// Rate limits far above anything a test posts.
pub const NO_RATE_LIMITS: &str = "case=100000/1m,reply=100000/1m,follow_up=100000/1m,flag=100000/1m,preview=100000/1m,scan=100000/1m,invite=100000/1m,password_reset=100000/1m";

pub struct TestApp {
    pub base: String,
    pub clock: ManualClock,
    pub state: AppState,
    /// The SQLite file, for tests that inspect it directly (unused on PostgreSQL).
    pub db_path: std::path::PathBuf,
    /// The database this app runs on (`db()` opens another pool on it).
    pub database_url: String,
    /// Dropping or sending stops the server gracefully (as Ctrl-C does).
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
    /// A signed-in moderator, made on first use, who approves cases for tests about what
    /// happens after publication.
    moderator: tokio::sync::OnceCell<Client>,
    _dir: tempfile::TempDir,
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(&[]).await
    }

    /// `extra` sets more environment-style settings (e.g. a small request size limit).
    pub async fn spawn_with(extra: &[(&str, &str)]) -> TestApp {
        Self::spawn_at(extra, START).await
    }

    /// With the manual clock starting at the real time, for tests where another process (with
    /// the system clock) shares the database.
    pub async fn spawn_at_now() -> TestApp {
        Self::spawn_at_now_with(&[]).await
    }

    /// On the system's time (for tests beside a real `caseroom` process), with extra settings.
    pub async fn spawn_at_now_with(extra: &[(&str, &str)]) -> TestApp {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("clock")
            .as_secs() as i64;
        Self::spawn_at(extra, now).await
    }

    pub async fn spawn_at(extra: &[(&str, &str)], start: i64) -> TestApp {
        // The server's log, for a failing test: CASEROOM_TEST_LOG=1 RUST_LOG=caseroom=debug.
        if std::env::var_os("CASEROOM_TEST_LOG").is_some() {
            caseroom::server::telemetry::init(Default::default());
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let db_path = dir.path().join("caseroom.db");
        let db = match postgres_admin_url() {
            Some(admin) => fresh_postgres_database(&admin).await,
            None => format!("sqlite://{}", db_path.display()),
        };
        let site_root = dir.path().display().to_string();
        let extra: Vec<(String, String)> = extra
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect();
        let config = Config::load(
            |k| {
                if let Some((_, v)) = extra.iter().find(|(ek, _)| ek == k) {
                    return Some(v.clone());
                }
                match k {
                    // Tests post far faster than people; the limits have their own tests,
                    // which set this themselves.
                    "CASEROOM_RATE_LIMITS" => Some(NO_RATE_LIMITS.into()),
                    "DATABASE_URL" => Some(db.clone()),
                    "LEPTOS_SITE_ADDR" => Some("127.0.0.1:0".into()),
                    "LEPTOS_SITE_ROOT" => Some(site_root.clone()),
                    _ => None,
                }
            },
            None,
        )
        .expect("test config");
        let (clock, handle) = Clock::manual(start);
        let app = Application::build(config, clock).await.expect("app builds");
        let addr = app.local_addr();
        let state = app.state().clone();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(app.run_until(async move {
            let _ = stopped.await;
        }));
        TestApp {
            base: format!("http://{addr}"),
            clock: handle,
            state,
            db_path,
            database_url: db,
            stop: Some(stop),
            server: Some(server),
            moderator: tokio::sync::OnceCell::new(),
            _dir: dir,
        }
    }

    /// True when this app runs on PostgreSQL.
    pub fn on_postgres(&self) -> bool {
        self.database_url.starts_with("postgres")
    }

    /// A second pool on the app's database, for tests that look at the rows themselves.
    pub async fn db(&self) -> sqlx::AnyPool {
        sqlx::any::install_default_drivers();
        let url = if self.on_postgres() {
            self.database_url.clone()
        } else {
            format!("{}?mode=rw", self.database_url)
        };
        sqlx::AnyPool::connect(&url)
            .await
            .expect("open the database")
    }

    /// Stops the server as a signal would: in-flight requests finish, the database closes.
    pub async fn shut_down(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(server) = self.server.take() {
            server
                .await
                .expect("server task")
                .expect("server stopped cleanly");
        }
    }

    /// A browser-like client: keeps cookies, does not follow redirects, and sends our Origin on
    /// every request (as browsers do for form posts).
    pub fn client(&self) -> Client {
        let mut headers = HeaderMap::new();
        headers.insert(ORIGIN, HeaderValue::from_str(&self.base).expect("origin"));
        Client::builder()
            .cookie_store(true)
            .redirect(redirect::Policy::none())
            .default_headers(headers)
            .build()
            .expect("client")
    }

    /// A client that sends no Origin header at all.
    pub fn bare_client(&self) -> Client {
        Client::builder()
            .cookie_store(true)
            .redirect(redirect::Policy::none())
            .build()
            .expect("client")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Creates a member directly in the store (as `caseroom admin create` does).
    pub async fn create_member(&self, email: &str, name: &str, roles: &[Role]) -> UserId {
        let hash = self
            .state
            .hasher
            .hash(GOOD_PASSWORD.into())
            .await
            .expect("hash");
        let roles = Roles::new(roles.iter().copied());
        self.state
            .store
            .create_user(
                NewUser {
                    email,
                    display_name: name,
                    password_hash: &hash,
                    roles: &roles,
                },
                self.state.clock.now(),
            )
            .await
            .expect("store")
            .expect("no conflict")
    }

    /// A signed-in client for a new member with `roles`.
    pub async fn member_client(&self, email: &str, roles: &[Role]) -> (Client, UserId) {
        let id = self.create_member(email, "Test Member", roles).await;
        let client = self.client();
        let res = self.sign_in(&client, email, GOOD_PASSWORD).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "sign-in of {email}");
        (client, id)
    }

    /// An invite link as `caseroom invite` prints it.
    pub async fn invite(&self, role: &str, email: &str) -> String {
        match invites::create(
            &self.state,
            IssuedBy::Operator,
            email,
            role,
            invites::Delivery::ShowLink,
        )
        .await
        .expect("invite")
        {
            invites::Issued::Link(link) => link,
            invites::Issued::Emailed => panic!("an invite to show was emailed"),
        }
    }

    /// Posts a form as a browser would. A review decision (`…/decide`) without a `revision`
    /// gets the newest one, which is what its review page's form carries (read from the store,
    /// so no page read is added to the audit log).
    pub async fn post_form(&self, client: &Client, path: &str, form: &[(&str, &str)]) -> Response {
        let mut owned: Vec<(String, String)> = form
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        if let Some(page) = path.strip_suffix("/decide")
            && !form.iter().any(|(k, _)| *k == "revision")
        {
            let store = &self.state.store;
            let revision = match page.strip_prefix("/review/replies/") {
                Some(id) => match id.parse() {
                    Ok(id) => store
                        .latest_reply_revision(caseroom::model::ReplyId(id))
                        .await
                        .ok(),
                    Err(_) => None,
                },
                None => match page.trim_start_matches("/review/").parse() {
                    Ok(id) => store
                        .latest_case_revision(caseroom::model::CaseId(id))
                        .await
                        .ok(),
                    Err(_) => None,
                },
            };
            if let Some(revision) = revision.filter(|r| *r > 0) {
                owned.push(("revision".into(), revision.to_string()));
            }
        }
        client
            .post(self.url(path))
            .form(&owned)
            .send()
            .await
            .expect("request")
    }

    pub async fn sign_in(&self, client: &Client, email: &str, password: &str) -> Response {
        self.post_form(
            client,
            "/login",
            &[("email", email), ("password", password)],
        )
        .await
    }

    pub async fn get(&self, client: &Client, path: &str) -> (StatusCode, String) {
        let res = client.get(self.url(path)).send().await.expect("request");
        let status = res.status();
        (status, res.text().await.expect("body"))
    }

    /// A server function called as an island calls it (a form-encoded POST asking for JSON).
    pub async fn server_fn(
        &self,
        client: &Client,
        path: &str,
        args: String,
    ) -> (StatusCode, String) {
        let res = client
            .post(self.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(args)
            .send()
            .await
            .expect("request");
        let status = res.status();
        (status, res.text().await.expect("body"))
    }

    /// The test moderator's client.
    pub async fn moderator(&self) -> &Client {
        self.moderator
            .get_or_init(|| async {
                self.member_client(
                    "queue.moderator@example.org",
                    &[caseroom::domain::role::Role::Moderator],
                )
                .await
                .0
            })
            .await
    }

    /// A moderator approves case `id` with the whole checklist ticked *absent*.
    pub async fn approve(&self, id: i64) {
        let form = approval();
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let res = self
            .post_form(
                self.moderator().await,
                &format!("/review/{id}/decide"),
                &form,
            )
            .await;
        assert_eq!(
            res.status(),
            StatusCode::SEE_OTHER,
            "approval of case {id}: {}",
            res.text().await.unwrap_or_default()
        );
    }

    /// A moderator approves a reply held at the reply gate.
    pub async fn approve_reply(&self, id: i64) {
        let form = approval();
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let res = self
            .post_form(
                self.moderator().await,
                &format!("/review/replies/{id}/decide"),
                &form,
            )
            .await;
        assert_eq!(
            res.status(),
            StatusCode::SEE_OTHER,
            "approval of reply {id}: {}",
            res.text().await.unwrap_or_default()
        );
    }

    /// Posts a reply and, when the reply gate holds it, has the moderator approve it: a
    /// published reply. Returns its id.
    pub async fn reply(&self, client: &Client, case: i64, body: &str) -> i64 {
        let res = self
            .post_form(client, &format!("/cases/{case}/replies"), &[("body", body)])
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "reply to case {case}");
        let to = location(&res);
        let id = reply_id_in(&to);
        if to.contains("notice=reply-held") {
            self.approve_reply(id).await;
        }
        id
    }

    pub async fn audit_actions(&self) -> Vec<String> {
        self.state
            .store
            .recent_audit_actions(500)
            .await
            .expect("audit")
            .into_iter()
            .map(|(a, _, _)| a)
            .collect()
    }
}

/// Every test is also a test that nothing answered 5xx: a 500 is a bug whatever the request.
impl Drop for TestApp {
    fn drop(&mut self) {
        let failed = self.state.counters.server_errors();
        if failed > 0 && !std::thread::panicking() {
            panic!(
                "{failed} request(s) in this test were answered 5xx; each is a bug (the log line \"request failed\" has its request id)"
            );
        }
    }
}

/// The PostgreSQL server the tests run on, if any (`CASEROOM_TEST_POSTGRES`).
pub fn postgres_admin_url() -> Option<String> {
    std::env::var("CASEROOM_TEST_POSTGRES")
        .ok()
        .filter(|v| !v.is_empty())
}

/// Creates an empty database on the PostgreSQL server at `admin` and returns its URL. The
/// server is a throwaway one (`scripts/postgres.sh`), so the databases are left for it to take.
pub async fn fresh_postgres_database(admin: &str) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    sqlx::any::install_default_drivers();
    let name = format!(
        "t_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(admin)
        .await
        .expect("connect to the test PostgreSQL server");
    sqlx::query(&format!("create database {name} strategy file_copy"))
        .execute(&mut conn)
        .await
        .expect("create a test database");
    let _ = sqlx::Connection::close(conn).await;
    let base = admin.rsplit_once('/').map_or(admin, |(base, _)| base);
    format!("{base}/{name}")
}

/// The value of the session cookie a response set, if any.
pub fn session_cookie(res: &Response) -> Option<String> {
    res.headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("caseroom_session="))
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
}

pub fn token_of(link: &str) -> String {
    link.split("token=")
        .nth(1)
        .expect("token in link")
        .to_owned()
}

/// The reply a redirect points at (`…#reply-{id}`).
pub fn reply_id_in(to: &str) -> i64 {
    to.rsplit("#reply-")
        .next()
        .and_then(|r| r.parse().ok())
        .unwrap_or_else(|| panic!("reply id in {to}"))
}

pub fn location(res: &Response) -> String {
    res.headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// The approve form with every item of the moderator's checklist ticked *absent*.
pub fn approval() -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = caseroom::domain::review::MODERATOR_ITEMS
        .iter()
        .map(|i| (format!("check.{}", i.key), "absent".to_owned()))
        .collect();
    form.push(("decision".into(), "approve".into()));
    form
}

/// A page with its per-response CSP nonce removed (Leptos also writes it into `crossorigin`),
/// to compare two answers byte for byte.
pub fn strip_nonce(page: &str) -> String {
    let mut out = page.to_owned();
    for attr in ["nonce=\"", "crossorigin=\""] {
        let mut kept = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(at) = rest.find(attr) {
            kept.push_str(&rest[..at + attr.len()]);
            let after = &rest[at + attr.len()..];
            rest = after.find('"').map_or("", |end| &after[end..]);
        }
        kept.push_str(rest);
        out = kept;
    }
    out
}
