//! Moderators lock and unlock a case, each time with a reason, its audit row in the same
//! transaction.

use super::{AuditEvent, Store, StoreError};
use crate::model::{CaseId, UserId};

/// The lock a moderator put on a case: when, and why (shown to the author and moderators).
pub struct LockRow {
    pub at: i64,
    pub reason: String,
}

impl Store {
    /// Locks (`lock`) or unlocks the case. False when it already was so, and nothing is written.
    pub async fn set_case_lock(
        &self,
        case: CaseId,
        moderator: UserId,
        lock: bool,
        reason: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let done = sqlx::query(
            "update cases set locked_at = case when $1 then $2 end \
             where id = $3 and (locked_at is not null) <> $1",
        )
        .bind(lock)
        .bind(now)
        .bind(case.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        let action = if lock { "locked" } else { "unlocked" };
        let id: i64 = sqlx::query_scalar(
            "insert into case_locks (case_id, moderator_id, action, reason, at) values ($1, $2, $3, $4, $5) returning id",
        )
        .bind(case.0)
        .bind(moderator.0)
        .bind(action)
        .bind(reason)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let detail = format!("lock={id}");
        AuditEvent {
            at: now,
            actor: Some(moderator),
            action: if lock { "case_locked" } else { "case_unlocked" },
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

    /// The current lock's time and reason, if the case is locked.
    pub async fn current_lock(&self, case: CaseId) -> Result<Option<LockRow>, StoreError> {
        let row: Option<(i64, String)> = sqlx::query_as(
            "select l.at, l.reason from case_locks l join cases c on c.id = l.case_id \
             where l.case_id = $1 and c.locked_at is not null and l.action = 'locked' \
             order by l.id desc limit 1",
        )
        .bind(case.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(at, reason)| LockRow { at, reason }))
    }
}
