//! Retention (issue 18, docs/MEMBER_DATA.md): how long a case is kept after its last activity,
//! and when the purge job deletes it. The store's SQL (`store/retention.rs`) asks the same
//! questions of every row; the tests below fix the answers both give.

use serde::{Deserialize, Serialize};

pub const DAY_SECS: i64 = 24 * 3600;

/// The author is told this long before the case is deleted; the purge never comes sooner after
/// the warning, even when the warning went out late (a hold released, a shorter period chosen).
pub const NOTICE_SECS: i64 = 7 * DAY_SECS;

/// A saved draft not saved again for this long is deleted by the purge job: a draft is work in
/// progress, not an archive, and its text is a client's story.
pub const DRAFT_SECS: i64 = 180 * DAY_SECS;

/// A period an author can choose for their case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KeepFor {
    SixMonths,
    OneYear,
    ThreeYears,
    FiveYears,
}

impl KeepFor {
    pub const ALL: [KeepFor; 4] = [
        KeepFor::SixMonths,
        KeepFor::OneYear,
        KeepFor::ThreeYears,
        KeepFor::FiveYears,
    ];

    /// Months are 30 days and years 365, as the `retention` setting counts them.
    pub fn days(self) -> i64 {
        match self {
            KeepFor::SixMonths => 180,
            KeepFor::OneYear => 365,
            KeepFor::ThreeYears => 3 * 365,
            KeepFor::FiveYears => 5 * 365,
        }
    }

    pub fn from_days(days: i64) -> Option<KeepFor> {
        KeepFor::ALL.into_iter().find(|k| k.days() == days)
    }

    /// The form's value.
    pub fn key(self) -> &'static str {
        match self {
            KeepFor::SixMonths => "6m",
            KeepFor::OneYear => "1y",
            KeepFor::ThreeYears => "3y",
            KeepFor::FiveYears => "5y",
        }
    }

    pub fn parse(key: &str) -> Option<KeepFor> {
        KeepFor::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            KeepFor::SixMonths => "6 months",
            KeepFor::OneYear => "1 year",
            KeepFor::ThreeYears => "3 years",
            KeepFor::FiveYears => "5 years",
        }
    }
}

/// A period in days as words ("3 years", "90 days").
pub fn period_label(days: i64) -> String {
    match KeepFor::from_days(days) {
        Some(k) => k.label().to_owned(),
        None if days % 365 == 0 => plural(days / 365, "year"),
        None if days % 30 == 0 => plural(days / 30, "month"),
        None => plural(days, "day"),
    }
}

fn plural(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

/// When a case last active at `last_activity` expires under a period of `days`; `None` when
/// it has none (the forum keeps cases without a choice for ever).
pub fn expires_at(last_activity: i64, days: Option<i64>) -> Option<i64> {
    days.map(|d| last_activity.saturating_add(d.saturating_mul(DAY_SECS)))
}

/// The warning for this expiry is due: within the notice, and not yet sent for this expiry (a
/// warning sent before the notice began was for an earlier expiry, since moved by activity).
pub fn warning_due(expiry: i64, warned_at: Option<i64>, now: i64) -> bool {
    expiry - NOTICE_SECS <= now && warned_at.is_none_or(|w| w < expiry - NOTICE_SECS)
}

/// When the purge job deletes a case that expires at `expiry`: then, but never sooner than
/// the notice after the warning for that expiry (sent when due, or at the next run after `now`).
pub fn purge_at(expiry: i64, warned_at: Option<i64>, now: i64) -> i64 {
    let warning = match warned_at.filter(|w| *w >= expiry - NOTICE_SECS) {
        Some(w) => w,
        None => (expiry - NOTICE_SECS).max(now),
    };
    expiry.max(warning + NOTICE_SECS)
}

/// The purge is due now: expired, and warned for this expiry at least the notice ago.
pub fn purge_due(expiry: i64, warned_at: Option<i64>, now: i64) -> bool {
    expiry <= now && warned_at.is_some_and(|w| w >= expiry - NOTICE_SECS && w + NOTICE_SECS <= now)
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: i64 = 1_800_000_000;

    #[test]
    fn periods_round_trip_and_read_as_words() {
        for k in KeepFor::ALL {
            assert_eq!(KeepFor::parse(k.key()), Some(k));
            assert_eq!(KeepFor::from_days(k.days()), Some(k));
            assert_eq!(period_label(k.days()), k.label());
        }
        assert_eq!(KeepFor::parse("forever"), None);
        assert_eq!(period_label(730), "2 years");
        assert_eq!(period_label(30), "1 month");
        assert_eq!(period_label(45), "45 days");
    }

    #[test]
    fn a_case_is_warned_a_week_ahead_and_purged_at_expiry() {
        let expiry = expires_at(T, Some(365)).unwrap_or(0);
        assert_eq!(expiry, T + 365 * DAY_SECS);
        assert_eq!(expires_at(T, None), None);
        let warn = expiry - NOTICE_SECS;
        assert!(!warning_due(expiry, None, warn - 1));
        assert!(warning_due(expiry, None, warn));
        assert!(!warning_due(expiry, Some(warn), warn + 10));
        assert_eq!(purge_at(expiry, None, T), expiry);
        assert_eq!(purge_at(expiry, Some(warn), warn), expiry);
        assert!(!purge_due(expiry, Some(warn), expiry - 1));
        assert!(purge_due(expiry, Some(warn), expiry));
        // Never purged without a warning.
        assert!(!purge_due(expiry, None, expiry + 100 * DAY_SECS));
    }

    #[test]
    fn a_late_warning_still_gives_a_week() {
        let expiry = T;
        let late = T + 30 * DAY_SECS;
        assert!(warning_due(expiry, None, late));
        assert_eq!(purge_at(expiry, None, late), late + NOTICE_SECS);
        assert_eq!(purge_at(expiry, Some(late), late + 1), late + NOTICE_SECS);
        assert!(!purge_due(expiry, Some(late), late + NOTICE_SECS - 1));
        assert!(purge_due(expiry, Some(late), late + NOTICE_SECS));
    }

    #[test]
    fn activity_after_a_warning_moves_the_date_and_asks_for_a_new_warning() {
        let first = T;
        let warned = first - NOTICE_SECS;
        // A reply a day before the purge: the case now expires a year later.
        let later = expires_at(first - DAY_SECS, Some(365)).unwrap_or(0);
        assert!(!purge_due(later, Some(warned), first));
        assert!(!warning_due(later, Some(warned), first));
        assert!(warning_due(later, Some(warned), later - NOTICE_SECS));
        assert_eq!(purge_at(later, Some(warned), first), later);
    }
}
