use super::{AuditEvent, Store, StoreError};

/// Which counter a failed sign-in feeds.
#[derive(Clone, Copy)]
pub enum ThrottleScope {
    Account,
    Address,
}

impl ThrottleScope {
    fn as_str(self) -> &'static str {
        match self {
            ThrottleScope::Account => "account",
            ThrottleScope::Address => "address",
        }
    }
}

impl Store {
    pub async fn count_failures(
        &self,
        scope: ThrottleScope,
        key: &str,
        since: i64,
    ) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "select count(*) from login_failures where scope = $1 and key = $2 and at > $3",
        )
        .bind(scope.as_str())
        .bind(key)
        .bind(since)
        .fetch_one(&self.pool)
        .await?)
    }

    /// Counts one failed sign-in against both the account and the address, with its audit row,
    /// and forgets failures older than `forget_before`.
    pub async fn record_failure(
        &self,
        account_key: &str,
        address_key: &str,
        now: i64,
        forget_before: i64,
        audit: AuditEvent<'_>,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        for (scope, key) in [
            (ThrottleScope::Account, account_key),
            (ThrottleScope::Address, address_key),
        ] {
            sqlx::query("insert into login_failures (scope, key, at) values ($1, $2, $3)")
                .bind(scope.as_str())
                .bind(key)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("delete from login_failures where at < $1")
            .bind(forget_before)
            .execute(&mut *tx)
            .await?;
        audit.write(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A successful sign-in clears the account's counter (the address keeps its own).
    pub async fn clear_account_failures(&self, account_key: &str) -> Result<(), StoreError> {
        sqlx::query("delete from login_failures where scope = 'account' and key = $1")
            .bind(account_key)
            .execute(&mut *self.pool.acquire().await?)
            .await?;
        Ok(())
    }
}
