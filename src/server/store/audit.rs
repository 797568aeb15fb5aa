use sqlx::{Sqlite, Transaction};

use super::StoreError;
use crate::model::UserId;

/// One audit row. `detail` carries ids, role names and counts, never text a member typed.
pub struct AuditEvent<'a> {
    pub at: i64,
    pub actor: Option<UserId>,
    pub action: &'static str,
    pub target: Option<UserId>,
    pub detail: &'a str,
}

impl AuditEvent<'_> {
    /// Written inside the caller's transaction, so the action and its record commit together.
    pub(super) async fn write(&self, tx: &mut Transaction<'_, Sqlite>) -> Result<(), StoreError> {
        sqlx::query("insert into audit_log (at, actor_id, action, target_user_id, detail) values ($1, $2, $3, $4, $5)")
            .bind(self.at)
            .bind(self.actor.map(|u| u.0))
            .bind(self.action)
            .bind(self.target.map(|u| u.0))
            .bind(self.detail)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }
}

impl super::Store {
    /// Records an event that has no other write to share a transaction with (a failed sign-in).
    pub async fn audit(&self, event: AuditEvent<'_>) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        event.write(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The newest audit actions, newest first (for tests and, later, the admin's audit page).
    pub async fn recent_audit_actions(
        &self,
        limit: i64,
    ) -> Result<Vec<(String, Option<i64>, Option<i64>)>, StoreError> {
        let rows = sqlx::query_as::<_, (String, Option<i64>, Option<i64>)>(
            "select action, actor_id, target_user_id from audit_log order by id desc limit $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows)
    }
}
