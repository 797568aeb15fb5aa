//! Two-factor sign-in: a member's authenticator secret, their recovery codes, and the sign-ins
//! waiting for a code. Secrets of sessions and codes are kept only as hashes; the
//! authenticator secret itself must be kept to check codes against.

use super::{AuditEvent, Store, StoreError};
use crate::model::UserId;

pub const ALREADY_ON: &str = "Two-factor sign-in is already on for your account.";

/// A member's authenticator: its secret, whether it was confirmed with a code, and the last
/// step a code was taken for.
pub struct TwoFactorRow {
    pub secret: String,
    pub confirmed: bool,
    pub last_step: i64,
}

/// A sign-in waiting for its code.
pub struct ChallengeRow {
    pub user_id: UserId,
    pub next: String,
    pub attempts: i64,
}

fn audit(action: &'static str, user: UserId, now: i64) -> AuditEvent<'static> {
    AuditEvent {
        at: now,
        actor: Some(user),
        action,
        target: Some(user),
        detail: "",
        case: None,
        review: None,
    }
}

impl Store {
    pub async fn two_factor(&self, user: UserId) -> Result<Option<TwoFactorRow>, StoreError> {
        let row: Option<(String, Option<i64>, i64)> = sqlx::query_as(
            "select secret, confirmed_at, last_step from two_factor where user_id = $1",
        )
        .bind(user.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(secret, confirmed, last_step)| TwoFactorRow {
            secret,
            confirmed: confirmed.is_some(),
            last_step,
        }))
    }

    /// Starts setting up (again): a new secret, not yet confirmed. `Conflict` when it is on.
    pub async fn begin_two_factor(&self, user: UserId, secret: &str) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let on: i64 = sqlx::query_scalar(
            "select count(*) from two_factor where user_id = $1 and confirmed_at is not null",
        )
        .bind(user.0)
        .fetch_one(&mut *tx)
        .await?;
        if on > 0 {
            return Err(StoreError::Conflict(ALREADY_ON));
        }
        sqlx::query(
            "insert into two_factor (user_id, secret, confirmed_at, last_step) values ($1, $2, null, 0) \
             on conflict (user_id) do update set secret = excluded.secret, confirmed_at = null, last_step = 0",
        )
        .bind(user.0)
        .bind(secret)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Turns it on with the first code's step, and keeps the recovery codes' hashes in place of
    /// any earlier ones. The session that did it (`session_hash`) counts as signed in with a
    /// code; every other session of the member ends. `false`: nothing was being set up (or it
    /// is on already).
    pub async fn confirm_two_factor(
        &self,
        user: UserId,
        session_hash: &str,
        step: i64,
        recovery_hashes: &[String],
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let changed = sqlx::query(
            "update two_factor set confirmed_at = $1, last_step = $2 \
             where user_id = $3 and confirmed_at is null",
        )
        .bind(now)
        .bind(step)
        .bind(user.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Ok(false);
        }
        sqlx::query("delete from recovery_codes where user_id = $1")
            .bind(user.0)
            .execute(&mut *tx)
            .await?;
        for hash in recovery_hashes {
            sqlx::query("insert into recovery_codes (user_id, code_hash) values ($1, $2)")
                .bind(user.0)
                .bind(hash)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("delete from sessions where user_id = $1 and token_hash <> $2")
            .bind(user.0)
            .bind(session_hash)
            .execute(&mut *tx)
            .await?;
        sqlx::query("update sessions set two_factor_at = $1 where token_hash = $2")
            .bind(now)
            .bind(session_hash)
            .execute(&mut *tx)
            .await?;
        audit("two_factor_enabled", user, now)
            .write(&mut tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    pub async fn disable_two_factor(&self, user: UserId, now: i64) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        for sql in [
            "delete from two_factor where user_id = $1",
            "delete from recovery_codes where user_id = $1",
            "delete from login_challenges where user_id = $1",
        ] {
            sqlx::query(sql).bind(user.0).execute(&mut *tx).await?;
        }
        audit("two_factor_disabled", user, now)
            .write(&mut tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes a code's step: `false` when a code of that step or a later one was taken already
    /// (a replay, or the same code sent twice at once on two nodes).
    pub async fn take_code_step(&self, user: UserId, step: i64) -> Result<bool, StoreError> {
        let changed = sqlx::query(
            "update two_factor set last_step = $1 where user_id = $2 and last_step < $1 \
             and confirmed_at is not null",
        )
        .bind(step)
        .bind(user.0)
        .execute(&mut *self.pool.acquire().await?)
        .await?
        .rows_affected();
        Ok(changed > 0)
    }

    /// Uses one recovery code; `false`: no such unused code of this member's.
    pub async fn use_recovery_code(
        &self,
        user: UserId,
        hash: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let changed = sqlx::query(
            "update recovery_codes set used_at = $1 where user_id = $2 and code_hash = $3 and used_at is null",
        )
        .bind(now)
        .bind(user.0)
        .bind(hash)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed > 0 {
            audit("recovery_code_used", user, now)
                .write(&mut tx)
                .await?;
        }
        tx.commit().await?;
        Ok(changed > 0)
    }

    pub async fn recovery_codes_left(&self, user: UserId) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "select count(*) from recovery_codes where user_id = $1 and used_at is null",
        )
        .bind(user.0)
        .fetch_one(&self.pool)
        .await?)
    }

    /// The session just started with a code.
    pub async fn mark_second_factor(&self, session_hash: &str, now: i64) -> Result<(), StoreError> {
        sqlx::query("update sessions set two_factor_at = $1 where token_hash = $2")
            .bind(now)
            .bind(session_hash)
            .execute(&mut *self.pool.acquire().await?)
            .await?;
        Ok(())
    }

    /// Counts one try of a code against the sign-in, before the code is checked, so tries sent
    /// at once cannot all pass the limit: the sign-in as it stands after this try, or `None`
    /// when it is unknown, expired or out of tries.
    pub async fn try_challenge(
        &self,
        token_hash: &str,
        now: i64,
        max_tries: i64,
    ) -> Result<Option<ChallengeRow>, StoreError> {
        let row: Option<(i64, String, i64)> = sqlx::query_as(
            "update login_challenges set attempts = attempts + 1 \
             where token_hash = $1 and expires_at > $2 and attempts < $3 \
             returning user_id, next, attempts",
        )
        .bind(token_hash)
        .bind(now)
        .bind(max_tries)
        .fetch_optional(&mut *self.pool.acquire().await?)
        .await?;
        Ok(row.map(|(user, next, attempts)| ChallengeRow {
            user_id: UserId(user),
            next,
            attempts,
        }))
    }

    /// A sign-in waits for its code; expired ones go at the same time.
    pub async fn create_challenge(
        &self,
        token_hash: &str,
        user: UserId,
        next: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query("delete from login_challenges where expires_at <= $1")
            .bind(now)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "insert into login_challenges (token_hash, user_id, next, expires_at) values ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(user.0)
        .bind(next)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn end_challenge(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("delete from login_challenges where token_hash = $1")
            .bind(token_hash)
            .execute(&mut *self.pool.acquire().await?)
            .await?;
        Ok(())
    }
}
