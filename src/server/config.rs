//! Typed configuration, loaded once at start from `caseroom.toml` (optional) and environment
//! variables (which win). A bad value stops start with one line naming the setting.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use serde::Deserialize;

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
    reply_review_on_findings: Option<bool>,
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
const REPLY_FINDINGS: (&str, &str) = (
    "CASEROOM_REPLY_REVIEW_ON_FINDINGS",
    "reply_review_on_findings",
);

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
                Some((v, name)) => match v.trim().parse::<i64>() {
                    Ok(n) if (0..=1000).contains(&n) => n,
                    _ => {
                        return Err(invalid(
                            &name,
                            format!("{v:?} is not a number from 0 to 1000"),
                        ));
                    }
                },
                None => 3,
            };
        let reply_review_on_findings = match pick(
            REPLY_FINDINGS,
            file.reply_review_on_findings.map(|b| b.to_string()),
        ) {
            Some((v, name)) => parse_bool(&v).map_err(|p| invalid(&name, p))?,
            None => true,
        };
        Ok(Config {
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

fn invalid(name: &str, problem: String) -> ConfigError {
    ConfigError::Invalid {
        name: name.to_owned(),
        problem,
    }
}

fn parse_database_url(v: &str) -> Result<String, String> {
    let v = v.trim();
    if v.starts_with("sqlite:") {
        Ok(v.to_owned())
    } else if v.starts_with("postgres://") || v.starts_with("postgresql://") {
        Err("PostgreSQL is not supported yet; use a sqlite:// URL".into())
    } else {
        Err(format!(
            "{v:?} is not a database URL like sqlite://caseroom.db"
        ))
    }
}

/// An origin: scheme, host and optional port, nothing after.
fn parse_origin(v: &str) -> Result<String, String> {
    let v = v.trim().trim_end_matches('/');
    let rest = v
        .strip_prefix("http://")
        .or_else(|| v.strip_prefix("https://"))
        .ok_or_else(|| format!("{v:?} must start with http:// or https://"))?;
    if rest.is_empty()
        || rest.contains('/')
        || rest.contains('?')
        || rest.contains('#')
        || rest.contains('@')
    {
        return Err(format!(
            "{v:?} must be an origin like https://caseroom.example.org"
        ));
    }
    Ok(v.to_owned())
}

/// "1800", "1800s", "30m", "12h".
fn parse_duration(v: &str, min: Duration, max: Duration) -> Result<Duration, String> {
    let t = v.trim();
    let (num, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => t.split_at(i),
        None => (t, "s"),
    };
    let n: u64 = num
        .parse()
        .map_err(|_| format!("{v:?} is not a duration like 30m, 1800s or 12h"))?;
    let secs = match unit.trim() {
        "s" => n,
        "m" => n.saturating_mul(60),
        "h" => n.saturating_mul(3600),
        _ => return Err(format!("{v:?} is not a duration like 30m, 1800s or 12h")),
    };
    let d = Duration::from_secs(secs);
    if d < min || d > max {
        return Err(format!(
            "{v:?} is out of range ({}s to {}s)",
            min.as_secs(),
            max.as_secs()
        ));
    }
    Ok(d)
}

fn parse_bool(v: &str) -> Result<bool, String> {
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(format!("{v:?} is not true or false")),
    }
}

/// "65536", "64KiB", "1MiB".
fn parse_size(v: &str) -> Result<usize, String> {
    let t = v.trim();
    let (num, mult) = if let Some(n) = t.strip_suffix("MiB") {
        (n, 1024 * 1024)
    } else if let Some(n) = t.strip_suffix("KiB") {
        (n, 1024)
    } else {
        (t, 1)
    };
    let n: usize = num
        .trim()
        .parse()
        .map_err(|_| format!("{v:?} is not a size like 1MiB, 64KiB or 65536"))?;
    let bytes = n.saturating_mul(mult);
    if !(4 * 1024..=64 * 1024 * 1024).contains(&bytes) {
        return Err(format!("{v:?} is out of range (4KiB to 64MiB)"));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(env: &[(&str, &str)], file: Option<&str>) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = env
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect();
        Config::load(|k| map.get(k).cloned(), file)
    }

    #[test]
    fn defaults_match_the_readme() {
        let c = load(&[], None).map_err(|e| e.to_string());
        let c = c.as_ref().map_err(Clone::clone);
        assert!(c.is_ok(), "{c:?}");
        if let Ok(c) = c {
            assert_eq!(c.database_url, "sqlite://caseroom.db");
            assert_eq!(c.site_addr.to_string(), "127.0.0.1:3000");
            assert_eq!(c.public_url, "http://127.0.0.1:3000");
            assert_eq!(c.session_idle_timeout, Duration::from_secs(1800));
            assert_eq!(c.session_max_lifetime, Duration::from_secs(12 * 3600));
            assert!(!c.secure_cookies);
            assert_eq!(c.request_size_limit, 1024 * 1024);
            assert_eq!(c.reply_review_below, 3);
            assert!(c.reply_review_on_findings);
        }
    }

    #[test]
    fn environment_overrides_the_file() {
        let file =
            "site_addr = \"0.0.0.0:8080\"\nsession_idle_timeout = \"15m\"\nsecure_cookies = true\n";
        let c = load(&[("LEPTOS_SITE_ADDR", "127.0.0.1:4000")], Some(file));
        let (addr, idle, secure) = c
            .map(|c| {
                (
                    c.site_addr.to_string(),
                    c.session_idle_timeout,
                    c.secure_cookies,
                )
            })
            .unwrap_or_default();
        assert_eq!(addr, "127.0.0.1:4000");
        assert_eq!(idle, Duration::from_secs(900));
        assert!(secure);
    }

    #[test]
    fn a_bad_value_names_its_setting_in_one_line() {
        type Case = (
            &'static [(&'static str, &'static str)],
            Option<&'static str>,
            &'static str,
        );
        let cases: &[Case] = &[
            (
                &[("LEPTOS_SITE_ADDR", "localhost")],
                None,
                "invalid setting LEPTOS_SITE_ADDR:",
            ),
            (
                &[("DATABASE_URL", "mysql://x")],
                None,
                "invalid setting DATABASE_URL:",
            ),
            (
                &[("CASEROOM_SESSION_IDLE_TIMEOUT", "soon")],
                None,
                "invalid setting CASEROOM_SESSION_IDLE_TIMEOUT:",
            ),
            (
                &[("CASEROOM_SESSION_IDLE_TIMEOUT", "5s")],
                None,
                "out of range",
            ),
            (
                &[("CASEROOM_REPLY_REVIEW_BELOW", "-1")],
                None,
                "invalid setting CASEROOM_REPLY_REVIEW_BELOW:",
            ),
            (
                &[("CASEROOM_SECURE_COOKIES", "maybe")],
                None,
                "invalid setting CASEROOM_SECURE_COOKIES:",
            ),
            (
                &[("CASEROOM_REQUEST_SIZE_LIMIT", "1GiB")],
                None,
                "invalid setting CASEROOM_REQUEST_SIZE_LIMIT:",
            ),
            (
                &[("CASEROOM_PUBLIC_URL", "caseroom.example.org")],
                None,
                "invalid setting CASEROOM_PUBLIC_URL:",
            ),
            (
                &[],
                Some("session_idle_timeout = \"forever\""),
                "invalid setting session_idle_timeout in caseroom.toml:",
            ),
            (&[], Some("sesion_idle_timeout = \"30m\""), "unknown field"),
        ];
        for (env, file, expected) in cases {
            let msg = load(env, *file)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(msg.contains(expected), "{env:?} {file:?}: got {msg:?}");
            assert!(!msg.contains('\n'), "one line: {msg:?}");
        }
    }

    #[test]
    fn sizes_and_durations_parse_their_units() {
        assert_eq!(parse_size("64KiB"), Ok(65536));
        assert_eq!(parse_size("2MiB"), Ok(2 * 1024 * 1024));
        assert_eq!(
            parse_duration("90", Duration::ZERO, Duration::MAX),
            Ok(Duration::from_secs(90))
        );
        assert_eq!(
            parse_duration("2h", Duration::ZERO, Duration::MAX),
            Ok(Duration::from_secs(7200))
        );
        assert!(parse_duration("2d", Duration::ZERO, Duration::MAX).is_err());
    }
}
