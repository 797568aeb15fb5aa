//! The outbox (docs/EMAIL.md): messages written with the change that causes them, claimed by
//! one node at a time, and ended as sent or failed. A row holds a kind, a recipient and a link:
//! never member text.

use super::mail_preferences::{delivery_of, keep_for_digest};
use super::{Backend, Db, Store, StoreError};
use crate::model::{MailDelivery, UserId};
use crate::server::mail::MailKind;

/// How long a claim holds before another node may take the row again (the sender died).
pub const CLAIM_SECS: i64 = 5 * 60;

/// After each refusal the row waits this long before the next attempt; after the last, it
/// fails for good and waits for an admin.
pub const BACKOFF_SECS: [i64; 5] = [60, 5 * 60, 30 * 60, 2 * 3600, 6 * 3600];

/// Who a message goes to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recipient {
    /// A member: their address is read when the message is sent.
    Member(UserId),
    /// Someone with no account yet (an invitation to join).
    Address(String),
    /// A member at an address that is not (or not yet, or no longer) their account's: a change
    /// of email. The row names the member, so erasing them erases it.
    MemberAt(UserId, String),
}

/// A message to write to the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outgoing {
    /// The kind's stable key (`server::mail::MailKind::key`).
    pub kind: &'static str,
    pub to: Recipient,
    /// A path on the site, where access is checked again.
    pub link: String,
}

/// A row claimed for sending, with the address to send it to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimedMail {
    pub id: i64,
    pub kind: String,
    /// The member it is for (`None`: an invitation to join); their unsubscribe link names them.
    pub user: Option<UserId>,
    /// `None`: the member's account is gone or disabled, so nothing is sent.
    pub address: Option<String>,
    pub link: String,
    pub attempts: i64,
}

/// The kinds whose link carries a secret (an invite, reset or email-confirmation token). The
/// link is erased once the row is sent or failed, so the token lives in the outbox only while it
/// waits to go; the tables the token opens keep only its hash. An address no other table needs
/// goes with it: an invitation's (someone with no account), and both addresses of a change of
/// email.
const SECRET_LINK: &str = "link = case when kind in ('forum_invitation', 'password_reset', 'email_confirm') \
     then '' else link end, \
     address = case when kind in ('forum_invitation', 'email_confirm', 'email_changed') then '' else address end";

/// A row that failed for good, for the admins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FailedMail {
    pub id: i64,
    pub kind: String,
    pub failed_at: i64,
    pub attempts: i64,
    /// The SMTP server's reply or the connection error; never the message.
    pub last_error: String,
}

/// Writes a message in the transaction of the change that causes it: the one way a row enters
/// the outbox. A kind the member chose for goes by their choice: immediately (a row), in the
/// daily digest (an item for it, `mail_preferences.rs`) or not at all. Returns the row's id when
/// one was written.
pub(super) async fn enqueue(
    tx: &mut sqlx::Transaction<'_, Db>,
    mail: &Outgoing,
    now: i64,
) -> Result<Option<i64>, StoreError> {
    let (user, address) = match &mail.to {
        Recipient::Member(id) => (Some(*id), None),
        Recipient::Address(a) => (None, Some(a.as_str())),
        Recipient::MemberAt(id, a) => (Some(*id), Some(a.as_str())),
    };
    if let Some(user) = user
        && MailKind::parse(mail.kind).is_some_and(MailKind::has_preference)
    {
        match delivery_of(tx, user, mail.kind).await? {
            MailDelivery::Immediately => {}
            MailDelivery::Digest => {
                keep_for_digest(tx, user, mail.kind, now).await?;
                return Ok(None);
            }
            MailDelivery::Never => return Ok(None),
        }
    }
    Ok(Some(
        sqlx::query_scalar(
            "insert into outbox (kind, user_id, address, link, created_at, not_before) \
             values ($1, $2, $3, $4, $5, $5) returning id",
        )
        .bind(mail.kind)
        .bind(user.map(|u| u.0))
        .bind(address)
        .bind(&mail.link)
        .bind(now)
        .fetch_one(&mut **tx)
        .await?,
    ))
}

impl Store {
    /// Writes one message on its own (a message with no other change: a password reset, an
    /// invitation sent again).
    pub async fn enqueue_mail(&self, mail: &Outgoing, now: i64) -> Result<Option<i64>, StoreError> {
        let mut tx = self.write_tx().await?;
        let id = enqueue(&mut tx, mail, now).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Claims the oldest due row for `CLAIM_SECS`, or `None`. On PostgreSQL a row another node
    /// holds is skipped, not waited for; SQLite's single writer makes the claim one at a time.
    pub async fn claim_mail(&self, now: i64) -> Result<Option<ClaimedMail>, StoreError> {
        let skip_locked = match self.backend {
            Backend::Sqlite => "",
            Backend::Postgres => " for update skip locked",
        };
        let mut tx = self.write_tx().await?;
        let sql = format!(
            "select id from outbox where sent_at is null and failed_at is null and not_before <= $1 \
             and (claimed_until is null or claimed_until <= $1) order by not_before, id limit 1{skip_locked}"
        );
        let Some(id): Option<i64> = sqlx::query_scalar(&sql)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await?
        else {
            return Ok(None);
        };
        sqlx::query("update outbox set claimed_until = $1 where id = $2")
            .bind(now + CLAIM_SECS)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let row: (String, Option<i64>, Option<String>, String, i64) = sqlx::query_as(
            "select o.kind, o.user_id, coalesce(o.address, (select u.email from users u \
               where u.id = o.user_id and u.disabled_at is null)), o.link, o.attempts \
             from outbox o where o.id = $1",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        let (kind, user, address, link, attempts) = row;
        Ok(Some(ClaimedMail {
            id,
            kind,
            user: user.map(UserId),
            address,
            link,
            attempts,
        }))
    }

    /// The SMTP server accepted the message (or there was no one to send it to).
    pub async fn mail_sent(&self, id: i64, now: i64) -> Result<(), StoreError> {
        sqlx::query(&format!(
            "update outbox set sent_at = $1, claimed_until = null, {SECRET_LINK} where id = $2"
        ))
        .bind(now)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The attempt failed: the row waits out its backoff, or fails for good after the last.
    /// Returns true when it failed for good.
    pub async fn mail_refused(&self, id: i64, error: &str, now: i64) -> Result<bool, StoreError> {
        let attempts: i64 = sqlx::query_scalar("select attempts from outbox where id = $1")
            .bind(id)
            .fetch_one(&self.pool)
            .await?;
        let error: String = error.chars().take(500).collect();
        let wait = usize::try_from(attempts)
            .ok()
            .and_then(|n| BACKOFF_SECS.get(n).copied());
        match wait {
            Some(wait) => {
                sqlx::query(
                    "update outbox set attempts = attempts + 1, not_before = $1, claimed_until = null, \
                     last_error = $2 where id = $3",
                )
                .bind(now + wait)
                .bind(&error)
                .bind(id)
                .execute(&self.pool)
                .await?;
                Ok(false)
            }
            None => {
                sqlx::query(&format!(
                    "update outbox set attempts = attempts + 1, failed_at = $1, claimed_until = null, \
                     last_error = $2, {SECRET_LINK} where id = $3"
                ))
                .bind(now)
                .bind(&error)
                .bind(id)
                .execute(&self.pool)
                .await?;
                Ok(true)
            }
        }
    }

    /// The row cannot be sent at all (a permanent refusal, an address that is not one): it
    /// fails for good now.
    pub async fn mail_failed(&self, id: i64, error: &str, now: i64) -> Result<(), StoreError> {
        let error: String = error.chars().take(500).collect();
        sqlx::query(&format!(
            "update outbox set attempts = attempts + 1, failed_at = $1, claimed_until = null, \
             last_error = $2, {SECRET_LINK} where id = $3"
        ))
        .bind(now)
        .bind(&error)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The rows that failed for good, latest first, for the admins.
    pub async fn failed_mail(&self, limit: i64) -> Result<Vec<FailedMail>, StoreError> {
        let rows: Vec<(i64, String, i64, i64, Option<String>)> = sqlx::query_as(
            "select id, kind, failed_at, attempts, last_error from outbox \
             where failed_at is not null order by failed_at desc, id desc limit $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, kind, failed_at, attempts, last_error)| FailedMail {
                id,
                kind,
                failed_at,
                attempts,
                last_error: last_error.unwrap_or_default(),
            })
            .collect())
    }
}
