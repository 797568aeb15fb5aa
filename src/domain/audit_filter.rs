//! What an admin may filter the audit log by, checked before any query runs.

use crate::model::AuditFilterInput;

/// Every action the audit log records, in the order the filter lists them: sign-in and
/// accounts, cases, replies, flags, consultation groups, the log itself. `AuditEvent::write`
/// refuses any other in debug builds, so the test suites find an action missing here.
pub const ACTIONS: &[&str] = &[
    "login",
    "login_failed",
    "login_code_failed",
    "logout",
    "session_idle_timeout",
    "session_max_lifetime",
    "session_ended_account_disabled",
    "login_after_password_change",
    "password_changed",
    "password_reset_issued",
    "password_reset_used",
    "register",
    "user_created_by_operator",
    "invite_created",
    "roles_changed",
    "account_disabled",
    "account_enabled",
    "display_name_changed",
    "profile_changed",
    "email_change_asked",
    "email_changed",
    "two_factor_enabled",
    "two_factor_disabled",
    "two_factor_reset",
    "recovery_code_used",
    "mail_preferences_changed",
    "mail_unsubscribed",
    "member_data_exported",
    "member_erased",
    // Written by earlier versions; kept so their rows can still be found.
    "case_published",
    "case_submitted",
    "case_resubmitted",
    "case_edited_by_moderator",
    "case_withdrawn",
    "follow_up_submitted",
    "case_claimed",
    "case_approved",
    "case_returned",
    "case_rejected",
    "case_closed",
    "case_reopened",
    "case_locked",
    "case_unlocked",
    "case_retention_set",
    "case_hold_placed",
    "case_hold_released",
    "case_purge_warned",
    "case_purged",
    "case_redacted",
    "case_viewed",
    "pending_case_viewed",
    "reply_published",
    "reply_held_for_review",
    "reply_edit_published",
    "reply_edit_held_for_review",
    "reply_approved",
    "reply_rejected",
    "reply_deleted",
    "reply_removed",
    "reply_restored",
    "case_flagged",
    "case_hidden_by_flags",
    "reply_flagged",
    "reply_hidden_by_flags",
    "group_created",
    "group_invited",
    "group_joined",
    "group_invitation_declined",
    "group_left",
    "group_member_removed",
    "audit_exported",
];

/// A checked filter: dates are unix seconds (UTC), `to` is exclusive (the day after the last
/// day asked for), `before` pages to older entries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilter {
    pub action: Option<&'static str>,
    pub actor: Option<i64>,
    pub case: Option<i64>,
    pub from: Option<i64>,
    pub to: Option<i64>,
    pub before: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AuditFilterError {
    #[error("There is no audit action called that; choose one from the list.")]
    UnknownAction,
    #[error("{0} must be a whole number (an id), or empty.")]
    NotAnId(&'static str),
    #[error("{0} must be a date like 2026-11-22, or empty.")]
    NotADate(&'static str),
    #[error("The \"from\" date is after the \"to\" date.")]
    DatesReversed,
}

impl AuditFilter {
    pub fn parse(input: &AuditFilterInput) -> Result<AuditFilter, AuditFilterError> {
        let action = match input.action.trim() {
            "" => None,
            a => Some(
                ACTIONS
                    .iter()
                    .copied()
                    .find(|known| *known == a)
                    .ok_or(AuditFilterError::UnknownAction)?,
            ),
        };
        let from = date(&input.from, "From")?;
        let to = date(&input.to, "To")?.map(|day| day + 86_400);
        if let (Some(f), Some(t)) = (from, to)
            && f >= t
        {
            return Err(AuditFilterError::DatesReversed);
        }
        Ok(AuditFilter {
            action,
            actor: id(&input.actor, "Member id")?,
            case: id(&input.case, "Case id")?,
            from,
            to,
            before: id(&input.before, "The page marker")?,
        })
    }
}

fn id(v: &str, name: &'static str) -> Result<Option<i64>, AuditFilterError> {
    match v.trim() {
        "" => Ok(None),
        v => v
            .parse::<i64>()
            .ok()
            .filter(|n| *n > 0)
            .map(Some)
            .ok_or(AuditFilterError::NotAnId(name)),
    }
}

/// `YYYY-MM-DD` (what an HTML date input sends) to unix seconds at midnight UTC.
fn date(v: &str, name: &'static str) -> Result<Option<i64>, AuditFilterError> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let bad = AuditFilterError::NotADate(name);
    let mut parts = v.splitn(3, '-');
    let mut next = |len: usize| {
        parts
            .next()
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<i64>().ok())
    };
    let (Some(y), Some(m), Some(d)) = (next(4), next(2), next(2)) else {
        return Err(bad);
    };
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month(y, m) {
        return Err(bad);
    }
    Ok(Some(days_from_civil(y, m, d) * 86_400))
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's civil-to-days algorithm (the inverse of the one in `ui::time`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(f: impl FnOnce(&mut AuditFilterInput)) -> AuditFilterInput {
        let mut i = AuditFilterInput::default();
        f(&mut i);
        i
    }

    #[test]
    fn an_empty_form_filters_nothing() {
        assert_eq!(
            AuditFilter::parse(&AuditFilterInput::default()),
            Ok(AuditFilter::default())
        );
    }

    #[test]
    fn dates_are_utc_days_and_to_includes_its_day() {
        let day = 1_800_000_000 - 1_800_000_000 % 86_400;
        assert_eq!(
            AuditFilter::parse(&input(|i| {
                i.from = "2027-01-15".into();
                i.to = "2027-01-15".into();
            })),
            Ok(AuditFilter {
                from: Some(day),
                to: Some(day + 86_400),
                ..AuditFilter::default()
            })
        );
        assert_eq!(date("2000-02-29", "x"), Ok(Some(951_782_400)));
        assert_eq!(date("1970-01-01", "x"), Ok(Some(0)));
    }

    #[test]
    fn bad_values_are_named() {
        let cases: &[(AuditFilterInput, AuditFilterError)] = &[
            (
                input(|i| i.action = "drop table".into()),
                AuditFilterError::UnknownAction,
            ),
            (
                input(|i| i.actor = "abc".into()),
                AuditFilterError::NotAnId("Member id"),
            ),
            (
                input(|i| i.case = "-3".into()),
                AuditFilterError::NotAnId("Case id"),
            ),
            (
                input(|i| i.from = "2026-02-30".into()),
                AuditFilterError::NotADate("From"),
            ),
            (
                input(|i| i.to = "22/11/2026".into()),
                AuditFilterError::NotADate("To"),
            ),
            (
                input(|i| {
                    i.from = "2026-11-22".into();
                    i.to = "2026-11-01".into();
                }),
                AuditFilterError::DatesReversed,
            ),
        ];
        for (i, want) in cases {
            assert_eq!(AuditFilter::parse(i).as_ref(), Err(want), "{i:?}");
        }
    }

    #[test]
    fn known_actions_pass() {
        for a in ACTIONS {
            let f = AuditFilter::parse(&input(|i| i.action = (*a).into()));
            assert_eq!(f.map(|f| f.action), Ok(Some(*a)));
        }
    }
}
