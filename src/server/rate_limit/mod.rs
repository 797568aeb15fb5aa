//! Posting rate limits: one member, or one address, cannot post hundreds of replies a minute
//! (each notifying others) or keep the scanner busy. A token bucket per (kind, member) and per
//! (kind, address), refilled evenly over the window, in this process's memory: with several app
//! nodes each node counts on its own (docs/DECISIONS.md, "Limits at the edge").

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Duration;

use crate::domain::policy::Actor;
use crate::domain::role::Role;
use crate::server::error::AppError;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RateKind {
    Case,
    Reply,
    FollowUp,
    Flag,
    Preview,
    Scan,
    Invite,
    /// Asking for a password reset link (counted per address: the asker is not signed in).
    PasswordReset,
}

impl RateKind {
    pub const ALL: [RateKind; 8] = [
        RateKind::Case,
        RateKind::Reply,
        RateKind::FollowUp,
        RateKind::Flag,
        RateKind::Preview,
        RateKind::Scan,
        RateKind::Invite,
        RateKind::PasswordReset,
    ];

    /// The name in `CASEROOM_RATE_LIMITS`.
    pub fn key(self) -> &'static str {
        match self {
            RateKind::Case => "case",
            RateKind::Reply => "reply",
            RateKind::FollowUp => "follow_up",
            RateKind::Flag => "flag",
            RateKind::Preview => "preview",
            RateKind::Scan => "scan",
            RateKind::Invite => "invite",
            RateKind::PasswordReset => "password_reset",
        }
    }

    /// What the member was doing, for the 429 page.
    pub fn doing(self) -> &'static str {
        match self {
            RateKind::Case => "bringing cases",
            RateKind::Reply => "posting replies",
            RateKind::FollowUp => "posting follow-ups",
            RateKind::Flag => "flagging",
            RateKind::Preview => "previewing",
            RateKind::Scan => "checking drafts with the scanner",
            RateKind::Invite => "sending invitations",
            RateKind::PasswordReset => "asking for password reset links",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateRule {
    pub count: u32,
    pub window: Duration,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RateLimits {
    rules: [RateRule; 8],
    /// Moderators and admins get this many times a member's limit; None: no limit for them.
    pub staff_factor: Option<u32>,
}

impl Default for RateLimits {
    /// Far above what a clinician writes by hand, far below a script.
    fn default() -> Self {
        let rule = |count, minutes: u64| RateRule {
            count,
            window: Duration::from_secs(minutes * 60),
        };
        RateLimits {
            rules: [
                rule(10, 60),
                rule(30, 10),
                rule(10, 60),
                rule(20, 60),
                rule(600, 10),
                rule(120, 10),
                rule(30, 60),
                // An address gets four times this: 20 an hour for a practice behind one address.
                rule(5, 60),
            ],
            staff_factor: Some(5),
        }
    }
}

impl RateLimits {
    pub fn rule(&self, kind: RateKind) -> RateRule {
        self.rules[kind.index()]
    }

    pub fn set(&mut self, kind: RateKind, rule: RateRule) {
        self.rules[kind.index()] = rule;
    }
}

/// Several members may share one address (a practice's network), so an address gets this many
/// times a member's limit.
const ADDRESS_FACTOR: u32 = 4;

/// Past this many buckets, full ones (nobody posted lately) are forgotten.
const PRUNE_ABOVE: usize = 20_000;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Subject {
    Member(i64),
    Address(IpAddr),
}

struct Bucket {
    tokens: f64,
    at: i64,
}

pub struct RateLimiter {
    limits: RateLimits,
    buckets: Mutex<HashMap<(RateKind, Subject), Bucket>>,
}

impl RateLimiter {
    pub fn new(limits: RateLimits) -> RateLimiter {
        RateLimiter {
            limits,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one `kind` for this member and address at `now` (unix seconds), or refuses with
    /// 429 and how long to wait. A refusal consumes nothing.
    pub fn take(
        &self,
        kind: RateKind,
        actor: Option<&Actor>,
        address: Option<IpAddr>,
        now: i64,
    ) -> Result<(), AppError> {
        let rule = self.limits.rule(kind);
        let staff = actor.is_some_and(|a| a.has(Role::Moderator) || a.has(Role::Admin));
        let mut checks: Vec<(Subject, u32)> = Vec::with_capacity(2);
        if staff {
            match self.limits.staff_factor {
                None => return Ok(()),
                Some(f) => {
                    if let Some(a) = actor {
                        checks.push((Subject::Member(a.user_id.0), rule.count.saturating_mul(f)));
                    }
                }
            }
        } else {
            if let Some(a) = actor {
                checks.push((Subject::Member(a.user_id.0), rule.count));
            }
            if let Some(ip) = address {
                checks.push((
                    Subject::Address(ip),
                    rule.count.saturating_mul(ADDRESS_FACTOR),
                ));
            }
        }
        let window = rule.window.as_secs().max(1) as f64;
        let mut buckets = match self.buckets.lock() {
            Ok(b) => b,
            // A panic elsewhere while holding the lock leaves counts that are still counts.
            Err(poisoned) => poisoned.into_inner(),
        };
        if buckets.len() > PRUNE_ABOVE {
            buckets.retain(|(k, _), b| {
                let per_sec = f64::from(self.limits.rule(*k).count) / window;
                b.tokens + (now - b.at) as f64 * per_sec < f64::from(self.limits.rule(*k).count)
            });
        }
        let mut wait = 0f64;
        for (subject, capacity) in &checks {
            let capacity = f64::from(*capacity);
            let per_sec = capacity / window;
            let b = buckets.entry((kind, *subject)).or_insert(Bucket {
                tokens: capacity,
                at: now,
            });
            b.tokens = (b.tokens + (now - b.at).max(0) as f64 * per_sec).min(capacity);
            b.at = now;
            if b.tokens < 1.0 {
                wait = wait.max((1.0 - b.tokens) / per_sec);
            }
        }
        if wait > 0.0 {
            tracing::info!(kind = kind.key(), "rate limited");
            return Err(AppError::RateLimited {
                doing: kind.doing(),
                retry_after: wait.ceil() as u64,
            });
        }
        for (subject, _) in &checks {
            if let Some(b) = buckets.get_mut(&(kind, *subject)) {
                b.tokens -= 1.0;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
