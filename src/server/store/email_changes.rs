//! A member's change of email: waiting for the new address to confirm it (a link sent there),
//! then made, with a message to the old address. One waiting change a member.

use super::outbox::{Outgoing, Recipient, enqueue};
use super::{AuditEvent, Store, StoreError};
use crate::model::UserId;
use crate::server::mail::MailKind;

/// What a confirmation came to.
#[derive(Debug, PartialEq, Eq)]
pub enum EmailChangeOutcome {
    Changed,
    /// Unknown, used, replaced by a later one, or expired.
    NoSuchLink,
    /// Another account took the address meanwhile.
    Taken,
}

impl Store {
    /// Keeps the change waiting and writes the confirmation email to the new address, in one
    /// transaction; an earlier waiting change goes. `false`: the member asked too often
    /// within the hour (nothing written).
    pub async fn ask_email_change(
        &self,
        user: UserId,
        token_hash: &str,
        new_email: &str,
        link: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        self.confirm_writer(&mut tx, user).await?;
        let recent: i64 = sqlx::query_scalar(
            "select count(*) from audit_log where actor_id = $1 and action = 'email_change_asked' and at > $2",
        )
        .bind(user.0)
        .bind(now - 3600)
        .fetch_one(&mut *tx)
        .await?;
        if recent >= 3 {
            return Ok(false);
        }
        sqlx::query("delete from email_changes where user_id = $1")
            .bind(user.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "insert into email_changes (token_hash, user_id, new_email, created_at, expires_at) \
             values ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(user.0)
        .bind(new_email)
        .bind(now)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        let mail = Outgoing {
            kind: MailKind::EmailConfirm.key(),
            to: Recipient::MemberAt(user, new_email.to_owned()),
            link: link.to_owned(),
        };
        enqueue(&mut tx, &mail, now).await?;
        AuditEvent {
            at: now,
            actor: Some(user),
            action: "email_change_asked",
            target: Some(user),
            detail: "",
            case: None,
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The address a confirmation link would give its member, while it can.
    pub async fn waiting_email_change(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "select new_email from email_changes where token_hash = $1 and expires_at > $2",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Makes the change the link names, and tells the old address.
    pub async fn confirm_email_change(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<EmailChangeOutcome, StoreError> {
        let mut tx = self.write_tx().await?;
        let row: Option<(i64, String)> = sqlx::query_as(
            "delete from email_changes where token_hash = $1 and expires_at > $2 \
             returning user_id, new_email",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((user, new_email)) = row else {
            return Ok(EmailChangeOutcome::NoSuchLink);
        };
        let outcome = change_email(&mut tx, UserId(user), &new_email, true, now).await?;
        if outcome == EmailChangeOutcome::Changed {
            tx.commit().await?;
        }
        Ok(outcome)
    }

    /// Without email there is nothing to confirm with: the change is made at once.
    pub async fn change_email_now(
        &self,
        user: UserId,
        new_email: &str,
        now: i64,
    ) -> Result<EmailChangeOutcome, StoreError> {
        let mut tx = self.write_tx().await?;
        self.confirm_writer(&mut tx, user).await?;
        let outcome = change_email(&mut tx, user, new_email, false, now).await?;
        if outcome == EmailChangeOutcome::Changed {
            tx.commit().await?;
        }
        Ok(outcome)
    }
}

async fn change_email(
    tx: &mut sqlx::Transaction<'_, super::Db>,
    user: UserId,
    new_email: &str,
    tell_old: bool,
    now: i64,
) -> Result<EmailChangeOutcome, StoreError> {
    let taken: i64 = sqlx::query_scalar("select count(*) from users where email = $1 and id <> $2")
        .bind(new_email)
        .bind(user.0)
        .fetch_one(&mut **tx)
        .await?;
    if taken > 0 {
        return Ok(EmailChangeOutcome::Taken);
    }
    let old: Option<String> =
        sqlx::query_scalar("select email from users where id = $1 and erased_at is null")
            .bind(user.0)
            .fetch_optional(&mut **tx)
            .await?;
    let Some(old) = old else {
        return Ok(EmailChangeOutcome::NoSuchLink);
    };
    // Another account may take the address between the check and this update (two nodes).
    match sqlx::query("update users set email = $1 where id = $2")
        .bind(new_email)
        .bind(user.0)
        .execute(&mut **tx)
        .await
    {
        Err(e) if super::is_unique_violation(&e) => return Ok(EmailChangeOutcome::Taken),
        other => {
            other?;
        }
    }
    // Reset links went to the old address: none of them opens the account any more.
    sqlx::query("update password_resets set used_at = $1 where user_id = $2 and used_at is null")
        .bind(now)
        .bind(user.0)
        .execute(&mut **tx)
        .await?;
    if tell_old {
        let mail = Outgoing {
            kind: MailKind::EmailChanged.key(),
            to: Recipient::MemberAt(user, old),
            link: "/login".into(),
        };
        enqueue(tx, &mail, now).await?;
    }
    AuditEvent {
        at: now,
        actor: Some(user),
        action: "email_changed",
        target: Some(user),
        detail: "",
        case: None,
        review: None,
    }
    .write(tx)
    .await?;
    Ok(EmailChangeOutcome::Changed)
}
