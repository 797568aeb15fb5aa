//! The settings that keep one client from holding the server: connection timeouts and caps,
//! the shutdown deadline, where a client's address comes from, and the posting rate limits.

use std::time::Duration;

use axum::http::HeaderName;

use super::ConfigError;
use super::parse::{invalid, parse_duration, parse_int};
use crate::server::rate_limit::{RateKind, RateLimits, RateRule};

#[derive(Clone, Debug)]
pub struct Limits {
    /// A connection that has not sent a whole request head this long after it opened, or after
    /// its previous response, is closed (slow or stalled clients, idle keep-alive).
    pub header_read_timeout: Duration,
    /// A request body must arrive whole within this long, or the answer is 408.
    pub body_read_timeout: Duration,
    /// Connections served at once; more wait in the listen queue.
    pub max_connections: usize,
    /// At shutdown, requests in flight get this long to finish before connections are closed.
    pub shutdown_grace: Duration,
    /// Behind a reverse proxy: the header that carries the client's address (its last value
    /// is used, the one our proxy appended). Unset: the peer address of the connection.
    pub client_address_header: Option<HeaderName>,
    pub rates: RateLimits,
}

pub(super) const HEADER: (&str, &str) = ("CASEROOM_HEADER_READ_TIMEOUT", "header_read_timeout");
pub(super) const BODY: (&str, &str) = ("CASEROOM_BODY_READ_TIMEOUT", "body_read_timeout");
pub(super) const CONNECTIONS: (&str, &str) = ("CASEROOM_MAX_CONNECTIONS", "max_connections");
pub(super) const GRACE: (&str, &str) = ("CASEROOM_SHUTDOWN_GRACE", "shutdown_grace");
pub(super) const ADDRESS: (&str, &str) =
    ("CASEROOM_CLIENT_ADDRESS_HEADER", "client_address_header");
pub(super) const RATES: (&str, &str) = ("CASEROOM_RATE_LIMITS", "rate_limits");
pub(super) const STAFF: (&str, &str) = ("CASEROOM_RATE_LIMITS_STAFF", "rate_limits_staff");

/// A setting's value and the name to blame when it is wrong, or None when it is not set.
pub(super) type Picked = Option<(String, String)>;

pub(super) struct LimitInputs {
    pub header: Picked,
    pub body: Picked,
    pub connections: Picked,
    pub grace: Picked,
    pub address: Picked,
    pub rates: Picked,
    pub staff: Picked,
}

pub(super) fn load(i: LimitInputs) -> Result<Limits, ConfigError> {
    let secs = |s| Duration::from_secs(s);
    let duration = |p: Picked, default, min, max| match p {
        Some((v, name)) => parse_duration(&v, secs(min), secs(max)).map_err(|e| invalid(&name, e)),
        None => Ok(secs(default)),
    };
    let max_connections = match i.connections {
        Some((v, name)) => parse_int(&v, 1, 100_000).map_err(|e| invalid(&name, e))? as usize,
        None => 512,
    };
    let client_address_header = match i.address {
        Some((v, name)) => Some(HeaderName::from_bytes(v.trim().as_bytes()).map_err(|_| {
            invalid(
                &name,
                format!("{v:?} is not a header name like X-Forwarded-For"),
            )
        })?),
        None => None,
    };
    let mut rates = RateLimits::default();
    if let Some((v, name)) = i.rates {
        parse_rates(&v, &mut rates).map_err(|e| invalid(&name, e))?;
    }
    if let Some((v, name)) = i.staff {
        rates.staff_factor = match v.trim() {
            "off" | "none" | "0" => None,
            n => match n.parse::<u32>() {
                Ok(n) if (1..=1000).contains(&n) => Some(n),
                _ => {
                    return Err(invalid(
                        &name,
                        format!("{v:?} is not a multiplier from 1 to 1000, or off"),
                    ));
                }
            },
        };
    }
    Ok(Limits {
        header_read_timeout: duration(i.header, 15, 1, 300)?,
        body_read_timeout: duration(i.body, 60, 1, 600)?,
        max_connections,
        shutdown_grace: duration(i.grace, 10, 1, 300)?,
        client_address_header,
        rates,
    })
}

/// "reply=30/10m, case=10/1h": each named kind gets that many within the window; kinds not
/// named keep their defaults.
fn parse_rates(v: &str, rates: &mut RateLimits) -> Result<(), String> {
    for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let bad = || format!("{part:?} is not a limit like reply=30/10m");
        let (kind, rule) = part.split_once('=').ok_or_else(bad)?;
        let kind = RateKind::ALL
            .iter()
            .copied()
            .find(|k| k.key() == kind.trim())
            .ok_or_else(|| {
                let keys: Vec<&str> = RateKind::ALL.iter().map(|k| k.key()).collect();
                format!("{kind:?} is not one of {}", keys.join(", "))
            })?;
        let (count, window) = rule.split_once('/').ok_or_else(bad)?;
        let count: u32 = count.trim().parse().map_err(|_| bad())?;
        if !(1..=100_000).contains(&count) {
            return Err(format!("{part:?}: the count must be from 1 to 100000"));
        }
        let window = parse_duration(window, Duration::from_secs(1), Duration::from_secs(86_400))?;
        rates.set(kind, RateRule { count, window });
    }
    Ok(())
}
