//! Typed configuration, loaded once at start from `caseroom.toml` (optional) and environment
//! variables (which win). A bad value stops start with one line naming the setting.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

mod limits;
mod mail;
mod parse;

pub use limits::Limits;
pub use mail::{MailConfig, smtp_user_in};
use parse::{
    invalid, parse_bool, parse_database_url, parse_duration, parse_int, parse_origin, parse_period,
    parse_size,
};

#[derive(Clone, Debug)]
pub struct Config {
    /// `sqlite://path` (created when missing).
    pub database_url: String,
    /// Where the server listens.
    pub site_addr: SocketAddr,
    /// The origin members reach Caseroom at; used in invite links and the cross-origin check.
    pub public_url: String,
    /// Where the built site (pkg/, favicon) lives.
    pub site_root: PathBuf,
    /// A session unused this long is signed out (HIPAA automatic logoff).
    pub session_idle_timeout: Duration,
    /// A session is signed out this long after sign-in, used or not.
    pub session_max_lifetime: Duration,
    /// Sets `Secure` on the session cookie; turn on behind HTTPS.
    pub secure_cookies: bool,
    /// Largest request body accepted, in bytes.
    pub request_size_limit: usize,
    /// A reply waits for a moderator while its author has fewer approved posts than this.
    pub reply_review_below: i64,
    /// A reply in which the scanner finds anything waits for a moderator.
    pub reply_review_on_findings: bool,
    /// A search ranks this many of the newest cases it matches that the reader may see
    /// (docs/SEARCH.md, "Ranking and pages"): the bound on its cost.
    pub search_rank_window: i64,
    /// Supervisors may create consultation groups, as admins may (docs/GROUPS.md).
    pub supervisors_create_groups: bool,
    /// Email over SMTP (docs/EMAIL.md); `None`: no email, as before.
    pub mail: Option<MailConfig>,
    /// What erasing an account does with its cases and replies (docs/MEMBER_DATA.md).
    pub erasure_posts: ErasurePosts,
    /// How long a case is kept after its last activity when its author chose no period, in
    /// days; `None`: for ever (docs/MEMBER_DATA.md).
    pub retention_days: Option<i64>,
    /// How long audit-log rows are kept, in days; `None`: for ever.
    pub audit_retention_days: Option<i64>,
    /// How often each node runs the purge job.
    pub retention_check_every: Duration,
    /// Timeouts, connection cap, shutdown deadline and posting rate limits (`limits.rs`).
    pub limits: Limits,
    /// One log line as text, or as one JSON object (for a log collector).
    pub log_format: LogFormat,
    /// `/metrics` answers a scraper presenting this bearer token; `None`: no `/metrics`.
    pub metrics_token: Option<String>,
    /// Moderators and admins must use two-factor sign-in: until they set it up, they act with
    /// their other roles only.
    pub require_two_factor: bool,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// What erasing an account does with the member's cases and replies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErasurePosts {
    /// The member (or the admin erasing) chooses: removed, or kept under "Former member".
    Choose,
    /// Always removed with the account.
    Remove,
    /// Always kept under "Former member".
    Keep,
}

/// One line naming the setting, its source and what is wrong with it.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("invalid setting {name}: {problem}")]
    Invalid { name: String, problem: String },
    #[error("cannot read config file {path}: {problem}")]
    File { path: String, problem: String },
}

/// The keys `caseroom.toml` may hold; unknown keys are refused so a typo is not silently ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    database_url: Option<String>,
    site_addr: Option<String>,
    public_url: Option<String>,
    site_root: Option<String>,
    session_idle_timeout: Option<String>,
    session_max_lifetime: Option<String>,
    secure_cookies: Option<bool>,
    request_size_limit: Option<String>,
    reply_review_below: Option<i64>,
    search_rank_window: Option<i64>,
    reply_review_on_findings: Option<bool>,
    supervisors_create_groups: Option<bool>,
    erasure_posts: Option<String>,
    retention: Option<String>,
    audit_retention: Option<String>,
    retention_check_every: Option<String>,
    smtp_url: Option<String>,
    mail_from: Option<String>,
    mail_footer: Option<String>,
    mail_digest_hour: Option<u8>,
    smtp_password_file: Option<String>,
    header_read_timeout: Option<String>,
    body_read_timeout: Option<String>,
    max_connections: Option<u64>,
    shutdown_grace: Option<String>,
    client_address_header: Option<String>,
    rate_limits: Option<String>,
    rate_limits_staff: Option<String>,
    log_format: Option<String>,
    metrics_token: Option<String>,
    require_two_factor: Option<String>,
}

/// (environment variable, toml key) for each setting; the error message names both.
const DATABASE_URL: (&str, &str) = ("DATABASE_URL", "database_url");
const SITE_ADDR: (&str, &str) = ("LEPTOS_SITE_ADDR", "site_addr");
const PUBLIC_URL: (&str, &str) = ("CASEROOM_PUBLIC_URL", "public_url");
const SITE_ROOT: (&str, &str) = ("LEPTOS_SITE_ROOT", "site_root");
const IDLE: (&str, &str) = ("CASEROOM_SESSION_IDLE_TIMEOUT", "session_idle_timeout");
const LIFETIME: (&str, &str) = ("CASEROOM_SESSION_MAX_LIFETIME", "session_max_lifetime");
const SECURE: (&str, &str) = ("CASEROOM_SECURE_COOKIES", "secure_cookies");
const SIZE: (&str, &str) = ("CASEROOM_REQUEST_SIZE_LIMIT", "request_size_limit");
const REPLY_BELOW: (&str, &str) = ("CASEROOM_REPLY_REVIEW_BELOW", "reply_review_below");
const RANK_WINDOW: (&str, &str) = ("CASEROOM_SEARCH_RANK_WINDOW", "search_rank_window");
const REPLY_FINDINGS: (&str, &str) = (
    "CASEROOM_REPLY_REVIEW_ON_FINDINGS",
    "reply_review_on_findings",
);

const SUPERVISORS_GROUPS: (&str, &str) = (
    "CASEROOM_SUPERVISORS_CREATE_GROUPS",
    "supervisors_create_groups",
);

const ERASURE_POSTS: (&str, &str) = ("CASEROOM_ERASURE_POSTS", "erasure_posts");
const RETENTION: (&str, &str) = ("CASEROOM_RETENTION", "retention");
const AUDIT_RETENTION: (&str, &str) = ("CASEROOM_AUDIT_RETENTION", "audit_retention");
const RETENTION_EVERY: (&str, &str) = ("CASEROOM_RETENTION_CHECK_EVERY", "retention_check_every");
const LOG_FORMAT: (&str, &str) = ("CASEROOM_LOG_FORMAT", "log_format");
const METRICS_TOKEN: (&str, &str) = ("CASEROOM_METRICS_TOKEN", "metrics_token");
const REQUIRE_TWO_FACTOR: (&str, &str) = ("CASEROOM_REQUIRE_TWO_FACTOR", "require_two_factor");

impl Config {
    /// Loads from the process environment and `file` (or `./caseroom.toml` when it exists).
    pub fn from_env_and_file(file: Option<PathBuf>) -> Result<Config, ConfigError> {
        let path = file.or_else(|| {
            let default = PathBuf::from("caseroom.toml");
            default.exists().then_some(default)
        });
        let text = match &path {
            Some(p) => Some(std::fs::read_to_string(p).map_err(|e| ConfigError::File {
                path: p.display().to_string(),
                problem: e.to_string(),
            })?),
            None => None,
        };
        Config::load(|k| std::env::var(k).ok(), text.as_deref())
    }

    /// Pure loader: `env` looks up an environment variable, `toml_text` is the file's content.
    pub fn load(
        env: impl Fn(&str) -> Option<String>,
        toml_text: Option<&str>,
    ) -> Result<Config, ConfigError> {
        let file: FileConfig = match toml_text {
            Some(t) => toml::from_str(t).map_err(|e| ConfigError::File {
                path: "caseroom.toml".into(),
                problem: e.message().to_owned(),
            })?,
            None => FileConfig::default(),
        };
        let pick =
            |(var, key): (&str, &str), from_file: Option<String>| -> Option<(String, String)> {
                match env(var).filter(|v| !v.trim().is_empty()) {
                    Some(v) => Some((v, var.to_owned())),
                    None => from_file.map(|v| (v, format!("{key} in caseroom.toml"))),
                }
            };

        let database_url = match pick(DATABASE_URL, file.database_url) {
            Some((v, name)) => parse_database_url(&v).map_err(|p| invalid(&name, p))?,
            None => "sqlite://caseroom.db".to_owned(),
        };
        let site_addr = match pick(SITE_ADDR, file.site_addr) {
            Some((v, name)) => v.trim().parse::<SocketAddr>().map_err(|_| {
                invalid(
                    &name,
                    format!("{v:?} is not an address like 127.0.0.1:3000"),
                )
            })?,
            None => SocketAddr::from(([127, 0, 0, 1], 3000)),
        };
        let public_url = match pick(PUBLIC_URL, file.public_url) {
            Some((v, name)) => parse_origin(&v).map_err(|p| invalid(&name, p))?,
            None => format!("http://{site_addr}"),
        };
        let site_root = pick(SITE_ROOT, file.site_root)
            .map(|(v, _)| PathBuf::from(v))
            .unwrap_or_else(|| PathBuf::from("target/site"));
        let session_idle_timeout = match pick(IDLE, file.session_idle_timeout) {
            Some((v, name)) => {
                parse_duration(&v, Duration::from_secs(60), Duration::from_secs(24 * 3600))
                    .map_err(|p| invalid(&name, p))?
            }
            None => Duration::from_secs(30 * 60),
        };
        let session_max_lifetime = match pick(LIFETIME, file.session_max_lifetime) {
            Some((v, name)) => parse_duration(
                &v,
                Duration::from_secs(300),
                Duration::from_secs(7 * 24 * 3600),
            )
            .map_err(|p| invalid(&name, p))?,
            None => Duration::from_secs(12 * 3600),
        };
        if session_max_lifetime < session_idle_timeout {
            return Err(invalid(
                LIFETIME.0,
                "must not be shorter than the session idle timeout".into(),
            ));
        }
        let secure_cookies = match pick(SECURE, file.secure_cookies.map(|b| b.to_string())) {
            Some((v, name)) => parse_bool(&v).map_err(|p| invalid(&name, p))?,
            None => false,
        };
        let request_size_limit = match pick(SIZE, file.request_size_limit) {
            Some((v, name)) => parse_size(&v).map_err(|p| invalid(&name, p))?,
            None => 1024 * 1024,
        };
        let reply_review_below =
            match pick(REPLY_BELOW, file.reply_review_below.map(|n| n.to_string())) {
                Some((v, name)) => parse_int(&v, 0, 1000).map_err(|p| invalid(&name, p))?,
                None => 3,
            };
        let reply_review_on_findings = match pick(
            REPLY_FINDINGS,
            file.reply_review_on_findings.map(|b| b.to_string()),
        ) {
            Some((v, name)) => parse_bool(&v).map_err(|p| invalid(&name, p))?,
            None => true,
        };
        let search_rank_window =
            match pick(RANK_WINDOW, file.search_rank_window.map(|n| n.to_string())) {
                Some((v, name)) => parse_int(&v, 1, 1_000_000).map_err(|p| invalid(&name, p))?,
                None => 2_000,
            };
        let supervisors_create_groups = match pick(
            SUPERVISORS_GROUPS,
            file.supervisors_create_groups.map(|b| b.to_string()),
        ) {
            Some((v, name)) => parse_bool(&v).map_err(|p| invalid(&name, p))?,
            None => false,
        };
        let erasure_posts = match pick(ERASURE_POSTS, file.erasure_posts) {
            None => ErasurePosts::Choose,
            Some((v, name)) => match v.trim() {
                "choose" => ErasurePosts::Choose,
                "remove" => ErasurePosts::Remove,
                "keep" => ErasurePosts::Keep,
                _ => return Err(invalid(&name, "must be choose, remove or keep".into())),
            },
        };
        // A case is kept at least a month (a week of it is the notice); the audit log at least
        // a year, which no compliance regime asks less than.
        let retention_days = match pick(RETENTION, file.retention) {
            Some((v, name)) => parse_period(&v, 30, 100 * 365).map_err(|p| invalid(&name, p))?,
            None => Some(3 * 365),
        };
        let audit_retention_days = match pick(AUDIT_RETENTION, file.audit_retention) {
            Some((v, name)) => parse_period(&v, 365, 100 * 365).map_err(|p| invalid(&name, p))?,
            None => Some(6 * 365),
        };
        let retention_check_every = match pick(RETENTION_EVERY, file.retention_check_every) {
            Some((v, name)) => {
                parse_duration(&v, Duration::from_secs(1), Duration::from_secs(24 * 3600))
                    .map_err(|p| invalid(&name, p))?
            }
            None => Duration::from_secs(10 * 60),
        };
        let log_format = match pick(LOG_FORMAT, file.log_format) {
            None => LogFormat::Text,
            Some((v, name)) => match v.trim() {
                "text" => LogFormat::Text,
                "json" => LogFormat::Json,
                _ => return Err(invalid(&name, "must be text or json".into())),
            },
        };
        // Long enough not to be guessed; printable, so it survives a header.
        let metrics_token = match pick(METRICS_TOKEN, file.metrics_token) {
            None => None,
            Some((v, name)) => {
                let v = v.trim().to_owned();
                if v.len() < 24 || !v.chars().all(|c| c.is_ascii_graphic()) {
                    return Err(invalid(
                        &name,
                        "must be at least 24 printable characters, without spaces".into(),
                    ));
                }
                Some(v)
            }
        };
        let require_two_factor = match pick(REQUIRE_TWO_FACTOR, file.require_two_factor) {
            None => false,
            Some((v, name)) => match v.trim() {
                "off" => false,
                "staff" => true,
                _ => return Err(invalid(&name, "must be off or staff".into())),
            },
        };
        let mail = mail::load(mail::MailInputs {
            url: pick(mail::SMTP_URL, file.smtp_url),
            from: pick(mail::MAIL_FROM, file.mail_from),
            footer: pick(mail::MAIL_FOOTER, file.mail_footer),
            digest_hour: pick(
                mail::DIGEST_HOUR,
                file.mail_digest_hour.map(|h| h.to_string()),
            ),
            password_file: pick(mail::SMTP_PASSWORD_FILE, file.smtp_password_file),
            password: env(mail::SMTP_PASSWORD).filter(|p| !p.is_empty()),
        })?;
        let limits = limits::load(limits::LimitInputs {
            header: pick(limits::HEADER, file.header_read_timeout),
            body: pick(limits::BODY, file.body_read_timeout),
            connections: pick(
                limits::CONNECTIONS,
                file.max_connections.map(|n| n.to_string()),
            ),
            grace: pick(limits::GRACE, file.shutdown_grace),
            address: pick(limits::ADDRESS, file.client_address_header),
            rates: pick(limits::RATES, file.rate_limits),
            staff: pick(limits::STAFF, file.rate_limits_staff),
        })?;
        Ok(Config {
            limits,
            log_format,
            metrics_token,
            require_two_factor,
            search_rank_window,
            supervisors_create_groups,
            erasure_posts,
            retention_days,
            audit_retention_days,
            retention_check_every,
            mail,
            reply_review_below,
            reply_review_on_findings,
            database_url,
            site_addr,
            public_url,
            site_root,
            session_idle_timeout,
            session_max_lifetime,
            secure_cookies,
            request_size_limit,
        })
    }
}

#[cfg(test)]
mod tests;
