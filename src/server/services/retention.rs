//! Retention (issue 18, docs/MEMBER_DATA.md): the author's choice of how long a case is kept,
//! moderators' holds, what the case page shows of both, and the purge job every node runs.

use std::time::Duration;

use super::access::{case_for, signed_in};
use crate::domain::policy::{Action, Actor, Target, can};
use crate::domain::retention::{KeepFor, expires_at, purge_at};
use crate::model::{CaseId, HoldView, RetentionView};
use crate::server::error::AppError;
use crate::server::state::AppState;
use crate::server::store::{CaseRow, StoreError};

/// Cases warned or purged per run and node, so one run stays short; the next run goes on.
const BATCH: i64 = 200;
/// Audit rows deleted per statement, and statements per run.
const AUDIT_BATCH: i64 = 5_000;
const AUDIT_BATCHES: usize = 20;

/// What the case page shows its author and the moderators; `None` for anyone else.
pub async fn view(
    state: &AppState,
    actor: &Actor,
    case: &CaseRow,
) -> Result<Option<RetentionView>, AppError> {
    let facts = case.facts();
    let may = |action| can(Some(actor), action, Target::Case(facts)).is_ok();
    let moderator = can(Some(actor), Action::ViewReviewQueue, Target::Site).is_ok();
    if case.author_id != actor.user_id && !moderator {
        return Ok(None);
    }
    let Some(row) = state.store.case_retention(case.id).await? else {
        return Ok(None);
    };
    let forum_days = state.config.retention_days;
    let now = state.clock.now();
    let expiry = expires_at(row.last_activity_at, row.keep_for_days.or(forum_days));
    Ok(Some(RetentionView {
        keep_for: row.keep_for_days.and_then(KeepFor::from_days),
        forum_days,
        purge_at: match &row.hold {
            Some(_) => None,
            None => expiry.map(|e| purge_at(e, row.warned_at, now)),
        },
        warned: row.warned_at.is_some(),
        hold: row.hold.map(|h| HoldView {
            // A moderator who wrote the case reads it as its author does.
            reason: (moderator && case.author_id != actor.user_id).then_some(h.reason),
            at: h.at,
        }),
        can_choose: may(Action::SetRetention),
        can_hold: may(Action::HoldCase),
    }))
}

/// The author chooses how long their case is kept: a key of `KeepFor`, or `forum` for the
/// forum's period.
pub async fn set_keep_for(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    key: &str,
) -> Result<(), AppError> {
    case_for(state, actor, id, Action::SetRetention).await?;
    let actor = signed_in(actor)?;
    let days = match key.trim() {
        "forum" => None,
        k => Some(
            KeepFor::parse(k)
                .ok_or_else(|| AppError::Invalid("Choose one of the periods in the list.".into()))?
                .days(),
        ),
    };
    let now = state.clock.now();
    if !state
        .store
        .set_keep_for(id, actor.user_id, days, now)
        .await?
    {
        return Err(AppError::NotFound("There is no such case.".into()));
    }
    tracing::info!(case.id = %id, "case retention chosen");
    Ok(())
}

/// A period's key as days; `forum` (or nothing, from the composer) for the forum's period.
pub fn parse_keep_for(key: &str) -> Result<Option<i64>, String> {
    match key.trim() {
        "forum" => Ok(None),
        k => KeepFor::parse(k)
            .map(|k| Some(k.days()))
            .ok_or_else(|| "Choose one of the periods in the list.".to_owned()),
    }
}

/// A hold's reason: moderator text for moderators, checked like other text.
fn hold_reason(raw: &str) -> Result<String, AppError> {
    let text =
        crate::domain::text::check_body(raw.trim(), "The reason").map_err(AppError::Invalid)?;
    let chars = text.chars().count();
    if !(10..=2000).contains(&chars) {
        return Err(AppError::Invalid(
            "Say why the case must be kept, in 10 to 2000 characters: other moderators read it."
                .into(),
        ));
    }
    Ok(text)
}

/// A moderator places (`hold`) or releases a hold on a case.
pub async fn set_hold(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    hold: bool,
    reason: &str,
) -> Result<(), AppError> {
    case_for(state, actor, id, Action::HoldCase).await?;
    let actor = signed_in(actor)?;
    let reason = if hold {
        Some(hold_reason(reason)?)
    } else {
        None
    };
    let changed = state
        .store
        .set_retention_hold(id, actor.user_id, reason.as_deref(), state.clock.now())
        .await?;
    if !changed {
        return Err(AppError::Conflict(if hold {
            "This case is already on hold. Nothing was changed.".into()
        } else {
            "This case is not on hold. Nothing was changed.".into()
        }));
    }
    tracing::info!(case.id = %id, hold, "retention hold changed");
    Ok(())
}

/// What one run of the purge job did, in counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RetentionRun {
    pub warned: usize,
    pub purged: usize,
    pub audit_deleted: u64,
    pub drafts_deleted: u64,
}

/// One run of the purge job: warn the authors of cases a week from their purge, purge the
/// cases that are due, delete drafts left unsaved for `DRAFT_SECS`, scrub the freed bytes
/// (twice, at most once an hour: `scrub_if_owed`), then delete audit rows past their period. Safe
/// on every node at once: each warning and each purge is one conditional write.
pub async fn run_once(state: &AppState) -> Result<RetentionRun, StoreError> {
    let store = &state.store;
    let forum_days = state.config.retention_days;
    let mut run = RetentionRun::default();
    let now = state.clock.now();
    for case in store.purge_warnings_due(now, forum_days, BATCH).await? {
        if store.warn_of_purge(case, now, forum_days).await? {
            run.warned += 1;
        }
    }
    for case in store.purges_due(now, forum_days, BATCH).await? {
        if store.purge_case(case, now, forum_days).await? {
            tracing::info!(case.id = %case, "case purged after its retention period");
            run.purged += 1;
        }
    }
    run.drafts_deleted = store
        .expire_drafts(now - crate::domain::retention::DRAFT_SECS)
        .await?;
    // Owed by any node's purges, done by whichever node gets there (at most once an hour).
    store.scrub_if_owed(now).await?;
    if let Some(days) = state.config.audit_retention_days {
        let before = now - days * crate::domain::retention::DAY_SECS;
        for _ in 0..AUDIT_BATCHES {
            let deleted = store.expire_audit(before, AUDIT_BATCH).await?;
            run.audit_deleted += deleted;
            if deleted < AUDIT_BATCH as u64 {
                break;
            }
        }
    }
    if run != RetentionRun::default() {
        tracing::info!(
            warned = run.warned,
            purged = run.purged,
            audit_deleted = run.audit_deleted,
            drafts_deleted = run.drafts_deleted,
            "retention run"
        );
    }
    Ok(run)
}

/// Runs the purge job every `every` until the runtime stops. A run cut short (a crash, a lost
/// database) leaves every case whole or gone; the next run goes on from there.
pub fn spawn(state: AppState, every: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            if let Err(e) = run_once(&state).await {
                tracing::warn!(error = %e, "retention run failed; trying again");
            }
            tokio::time::sleep(every).await;
        }
    })
}
