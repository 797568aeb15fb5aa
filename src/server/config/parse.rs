//! Parsers for setting values: one line naming what is wrong.

use std::time::Duration;

use super::ConfigError;

pub(super) fn invalid(name: &str, problem: String) -> ConfigError {
    ConfigError::Invalid {
        name: name.to_owned(),
        problem,
    }
}

pub(super) fn parse_database_url(v: &str) -> Result<String, String> {
    let v = v.trim();
    // The value is never echoed: a PostgreSQL URL may carry a password.
    if v.starts_with("sqlite:") || v.starts_with("postgres://") || v.starts_with("postgresql://") {
        Ok(v.to_owned())
    } else {
        Err("must start with sqlite:// (e.g. sqlite://caseroom.db) or postgres://".into())
    }
}

/// An origin: scheme, host and optional port, nothing after.
pub(super) fn parse_origin(v: &str) -> Result<String, String> {
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
pub(super) fn parse_duration(v: &str, min: Duration, max: Duration) -> Result<Duration, String> {
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

/// A retention period in days: `90d`, `12w`, `6mo`, `3y` (a month is 30 days, a year 365), or
/// `never` (`None`). `m` is refused: elsewhere it means minutes.
pub(super) fn parse_period(v: &str, min_days: i64, max_days: i64) -> Result<Option<i64>, String> {
    let t = v.trim().to_ascii_lowercase();
    if t == "never" {
        return Ok(None);
    }
    let shape = || format!("{v:?} is not a period like 90d, 12w, 6mo, 3y or never");
    let (num, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).ok_or_else(shape)?);
    let n: i64 = num.parse().map_err(|_| shape())?;
    let days = match unit.trim() {
        "d" => n,
        "w" => n.saturating_mul(7),
        "mo" => n.saturating_mul(30),
        "y" => n.saturating_mul(365),
        _ => return Err(shape()),
    };
    if days < min_days || days > max_days {
        return Err(format!(
            "{v:?} is out of range ({min_days} to {max_days} days, or never)"
        ));
    }
    Ok(Some(days))
}

/// A whole number from `min` to `max`.
pub(super) fn parse_int(v: &str, min: i64, max: i64) -> Result<i64, String> {
    match v.trim().parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(format!("{v:?} is not a number from {min} to {max}")),
    }
}

pub(super) fn parse_bool(v: &str) -> Result<bool, String> {
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(format!("{v:?} is not true or false")),
    }
}

/// "65536", "64KiB", "1MiB".
pub(super) fn parse_size(v: &str) -> Result<usize, String> {
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
