//! Retention (issue 18, docs/MEMBER_DATA.md): each case's period as its author chose it, and
//! moderators' holds. The purge job's writes are in `purge.rs`.

use super::{AuditEvent, Store, StoreError};
use crate::model::{CaseId, UserId};

/// A case's retention as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetentionRow {
    pub author_id: UserId,
    pub keep_for_days: Option<i64>,
    pub last_activity_at: i64,
    pub warned_at: Option<i64>,
    pub hold: Option<HoldRow>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoldRow {
    pub moderator_id: UserId,
    pub reason: String,
    pub at: i64,
}

impl Store {
    pub async fn case_retention(&self, case: CaseId) -> Result<Option<RetentionRow>, StoreError> {
        let row: Option<(i64, Option<i64>, i64, Option<i64>)> = sqlx::query_as(
            "select author_id, keep_for_days, last_activity_at, purge_warned_at from cases \
             where id = $1",
        )
        .bind(case.0)
        .fetch_optional(&self.pool)
        .await?;
        let Some((author, keep_for_days, last_activity_at, warned_at)) = row else {
            return Ok(None);
        };
        let hold: Option<(i64, String, i64)> = sqlx::query_as(
            "select moderator_id, reason, at from retention_holds where case_id = $1",
        )
        .bind(case.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(Some(RetentionRow {
            author_id: UserId(author),
            keep_for_days,
            last_activity_at,
            warned_at,
            hold: hold.map(|(m, reason, at)| HoldRow {
                moderator_id: UserId(m),
                reason,
                at,
            }),
        }))
    }

    /// The author's period for their case (`None`: the forum's). `false`: no such case.
    pub async fn set_keep_for(
        &self,
        case: CaseId,
        author: UserId,
        days: Option<i64>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let done = sqlx::query("update cases set keep_for_days = $1 where id = $2")
            .bind(days)
            .bind(case.0)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        let detail = match days {
            Some(d) => format!("keep_for_days={d}"),
            None => "keep_for_days=forum".to_owned(),
        };
        AuditEvent {
            at: now,
            actor: Some(author),
            action: "case_retention_set",
            target: None,
            detail: &detail,
            case: Some(case),
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Places (`Some(reason)`) or releases (`None`) a moderator's hold. `false`: nothing to
    /// change (already held, or not held). A released hold asks for a fresh warning, so the
    /// author always has the week's notice before a purge.
    pub async fn set_retention_hold(
        &self,
        case: CaseId,
        moderator: UserId,
        reason: Option<&str>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        // Changing the row (not only reading it) makes a purge or a warning running at the same
        // time on PostgreSQL check its condition again, and find the case no longer due: a
        // held case is never purged, nor its author warned. A warning already sent is cleared
        // either way, so the author is told again a week before, once the hold is released.
        let exists: Option<i64> = sqlx::query_scalar(
            "update cases set purge_warned_at = null where id = $1 returning id",
        )
        .bind(case.0)
        .fetch_optional(&mut *tx)
        .await?;
        if exists.is_none() {
            return Err(StoreError::NotFound("There is no such case."));
        }
        let changed = match reason {
            Some(reason) => sqlx::query(
                "insert into retention_holds (case_id, moderator_id, reason, at) \
                 values ($1, $2, $3, $4) on conflict (case_id) do nothing",
            )
            .bind(case.0)
            .bind(moderator.0)
            .bind(reason)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected(),
            None => sqlx::query("delete from retention_holds where case_id = $1")
                .bind(case.0)
                .execute(&mut *tx)
                .await?
                .rows_affected(),
        };
        if changed == 0 {
            return Ok(false);
        }
        AuditEvent {
            at: now,
            actor: Some(moderator),
            action: if reason.is_some() {
                "case_hold_placed"
            } else {
                "case_hold_released"
            },
            target: None,
            detail: "",
            case: Some(case),
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}
