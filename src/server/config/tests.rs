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

#[test]
fn retention_periods_parse_their_units_and_never() {
    let days = |v: &str| parse_period(v, 30, 36_500);
    assert_eq!(days("90d"), Ok(Some(90)));
    assert_eq!(days("12w"), Ok(Some(84)));
    assert_eq!(days("6mo"), Ok(Some(180)));
    assert_eq!(days(" 3Y "), Ok(Some(1095)));
    assert_eq!(days("never"), Ok(None));
    for bad in ["6m", "3", "y", "", "-3y", "29d", "200y"] {
        assert!(days(bad).is_err(), "{bad}");
    }
    let c = load(&[], None).map_err(|e| e.to_string());
    assert_eq!(
        c.map(|c| (
            c.retention_days,
            c.audit_retention_days,
            c.retention_check_every
        )),
        Ok((Some(1095), Some(2190), Duration::from_secs(600)))
    );
    let c = load(
        &[
            ("CASEROOM_RETENTION", "never"),
            ("CASEROOM_AUDIT_RETENTION", "7y"),
        ],
        Some("retention_check_every = \"30s\"\n"),
    )
    .map_err(|e| e.to_string());
    assert_eq!(
        c.map(|c| (
            c.retention_days,
            c.audit_retention_days,
            c.retention_check_every
        )),
        Ok((None, Some(2555), Duration::from_secs(30)))
    );
    let bad = load(&[("CASEROOM_AUDIT_RETENTION", "30d")], None).map_err(|e| e.to_string());
    assert!(
        bad.as_ref()
            .is_err_and(|e| e.starts_with("invalid setting CASEROOM_AUDIT_RETENTION:")),
        "{bad:?}"
    );
}

#[test]
fn the_log_format_and_the_metrics_token_are_checked() {
    let ok = |env: &[(&str, &str)], file: Option<&str>| {
        load(env, file)
            .map(|c| (c.log_format, c.metrics_token))
            .map_err(|e| e.to_string())
    };
    assert_eq!(ok(&[], None), Ok((LogFormat::Text, None)));
    assert_eq!(
        ok(&[("CASEROOM_LOG_FORMAT", "json")], None),
        Ok((LogFormat::Json, None))
    );
    let token = "a-scraper-token-of-24-chars";
    assert_eq!(
        ok(&[], Some(&format!("metrics_token = \"{token}\"\n"))),
        Ok((LogFormat::Text, Some(token.to_owned())))
    );
    for (name, value) in [
        ("CASEROOM_LOG_FORMAT", "xml"),
        ("CASEROOM_METRICS_TOKEN", "short"),
        (
            "CASEROOM_METRICS_TOKEN",
            "twenty four characters but spaces",
        ),
    ] {
        let err = ok(&[(name, value)], None).err().unwrap_or_default();
        assert!(err.contains(name), "{name}={value}: {err}");
    }
}
