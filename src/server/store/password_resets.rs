//! Password reset links (docs/EMAIL.md): stored as the token's hash, used once, for 30 minutes.
//! Using one sets the password, ends every session of the member and every other link of theirs,
//! in one transaction.

use super::outbox::{Outgoing, enqueue};
use super::{AuditEvent, Store, StoreError};
use crate::model::UserId;

/// A reset link to write.
pub struct NewReset<'a> {
    pub user: UserId,
    pub token_hash: &'a str,
    /// `None`: the member asked for it; else the admin who issued it.
    pub issued_by: Option<UserId>,
    pub expires_at: i64,
    /// Its email, when it is sent rather than shown.
    pub mail: Option<&'a Outgoing>,
}

/// A reset link found by its token.
pub struct ResetRow {
    pub id: i64,
    pub user: UserId,
    pub email: String,
    pub expires_at: i64,
    pub used: bool,
    pub account_disabled: bool,
}

/// id, user, email, expires_at, used_at, the account's disabled_at.
type ResetTuple = (i64, i64, String, i64, Option<i64>, Option<i64>);

/// How a reset ended.
#[derive(Debug, PartialEq, Eq)]
pub enum ResetOutcome {
    /// The password is set; this many sessions were ended.
    Done { sessions_ended: u64 },
    /// The link was used (or expired) between reading it and using it.
    Unusable,
}

impl Store {
    /// Writes a reset link and its message, unless the member already has `max` links asked
    /// for since `since` (then nothing is written and false is returned). The count and the
    /// insert are one transaction, so a flood across nodes cannot pass the limit.
    pub async fn create_password_reset(
        &self,
        reset: NewReset<'_>,
        max: i64,
        since: i64,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        if self.backend == super::Backend::Postgres {
            // Serialises requests for one member, so two nodes cannot both see room for one more.
            sqlx::query("select id from users where id = $1 for update")
                .bind(reset.user.0)
                .execute(&mut *tx)
                .await?;
        }
        let recent: i64 = sqlx::query_scalar(
            "select count(*) from password_resets where user_id = $1 and created_at > $2",
        )
        .bind(reset.user.0)
        .bind(since)
        .fetch_one(&mut *tx)
        .await?;
        if recent >= max {
            return Ok(false);
        }
        let id: i64 = sqlx::query_scalar(
            "insert into password_resets (user_id, token_hash, issued_by, created_at, expires_at) \
             values ($1, $2, $3, $4, $5) returning id",
        )
        .bind(reset.user.0)
        .bind(reset.token_hash)
        .bind(reset.issued_by.map(|u| u.0))
        .bind(now)
        .bind(reset.expires_at)
        .fetch_one(&mut *tx)
        .await?;
        if let Some(mail) = reset.mail {
            enqueue(&mut tx, mail, now).await?;
        }
        let detail = format!("reset={id} emailed={}", reset.mail.is_some());
        AuditEvent {
            at: now,
            actor: reset.issued_by,
            action: "password_reset_issued",
            target: Some(reset.user),
            detail: &detail,
            case: None,
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    pub async fn find_password_reset(
        &self,
        token_hash: &str,
    ) -> Result<Option<ResetRow>, StoreError> {
        let row: Option<ResetTuple> = sqlx::query_as(
            "select r.id, r.user_id, u.email, r.expires_at, r.used_at, u.disabled_at \
             from password_resets r join users u on u.id = r.user_id where r.token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(
            |(id, user, email, expires_at, used_at, disabled_at)| ResetRow {
                id,
                user: UserId(user),
                email,
                expires_at,
                used: used_at.is_some(),
                account_disabled: disabled_at.is_some(),
            },
        ))
    }

    /// Uses reset link `id`: sets the password, ends every session and every other open link of
    /// the member. The link is claimed first, so of two uses at once only one sets a password.
    pub async fn complete_password_reset(
        &self,
        id: i64,
        user: UserId,
        password_hash: &str,
        now: i64,
    ) -> Result<ResetOutcome, StoreError> {
        let mut tx = self.write_tx().await?;
        let claimed = sqlx::query(
            "update password_resets set used_at = $1 where id = $2 and user_id = $3 \
             and used_at is null and expires_at > $1 \
             and exists (select 1 from users u where u.id = $3 and u.disabled_at is null)",
        )
        .bind(now)
        .bind(id)
        .bind(user.0)
        .execute(&mut *tx)
        .await?;
        if claimed.rows_affected() != 1 {
            return Ok(ResetOutcome::Unusable);
        }
        sqlx::query(
            "update password_resets set used_at = $1 where user_id = $2 and used_at is null",
        )
        .bind(now)
        .bind(user.0)
        .execute(&mut *tx)
        .await?;
        let ended = super::users::replace_password(&mut tx, user, password_hash).await?;
        let detail = format!("reset={id} sessions_ended={ended}");
        AuditEvent {
            at: now,
            actor: Some(user),
            action: "password_reset_used",
            target: Some(user),
            detail: &detail,
            case: None,
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(ResetOutcome::Done {
            sessions_ended: ended,
        })
    }
}
