use sqlx::Row;

use super::outbox::{Outgoing, enqueue};
use super::{AuditEvent, Store, StoreError};
use crate::domain::role::Role;
use crate::model::{InviteSummary, UserId};

pub struct NewInvite<'a> {
    pub token_hash: &'a str,
    pub email: &'a str,
    pub role: Role,
    pub created_by: Option<UserId>,
    pub expires_at: i64,
}

/// An invite found by its token.
pub struct InviteRow {
    pub id: i64,
    pub email: String,
    pub role: Role,
    pub expires_at: i64,
    pub used: bool,
}

impl Store {
    /// Writes the invite and, when it is to be emailed, its message in the same transaction: an
    /// invite is never left without the message asked for, nor a message without its invite.
    pub async fn create_invite(
        &self,
        invite: NewInvite<'_>,
        mail: Option<&Outgoing>,
        now: i64,
    ) -> Result<i64, StoreError> {
        let mut tx = self.write_tx().await?;
        let id: i64 = sqlx::query_scalar(
            "insert into invites (token_hash, email, role, created_by, created_at, expires_at) \
             values ($1, $2, $3, $4, $5, $6) returning id",
        )
        .bind(invite.token_hash)
        .bind(invite.email)
        .bind(invite.role.as_str())
        .bind(invite.created_by.map(|u| u.0))
        .bind(now)
        .bind(invite.expires_at)
        .fetch_one(&mut *tx)
        .await?;
        if let Some(mail) = mail {
            enqueue(&mut tx, mail, now).await?;
        }
        let detail = format!(
            "invite={id} role={} emailed={}",
            invite.role,
            mail.is_some()
        );
        AuditEvent {
            at: now,
            actor: invite.created_by,
            action: "invite_created",
            target: None,
            detail: &detail,
            case: None,
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn find_invite(&self, token_hash: &str) -> Result<Option<InviteRow>, StoreError> {
        let row = sqlx::query(
            "select id, email, role, expires_at, used_at from invites where token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            let role: String = r.try_get("role")?;
            Ok(InviteRow {
                id: r.try_get("id")?,
                email: r.try_get("email")?,
                role: Role::parse(&role).map_err(|_| StoreError::Corrupt("invites.role"))?,
                expires_at: r.try_get("expires_at")?,
                used: r.try_get::<Option<i64>, _>("used_at")?.is_some(),
            })
        })
        .transpose()
    }

    /// The newest invites first.
    pub async fn list_invites(&self, limit: i64) -> Result<Vec<InviteSummary>, StoreError> {
        let rows = sqlx::query(
            "select id, email, role, created_at, expires_at, used_at from invites order by id desc limit $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                let role: String = r.try_get("role")?;
                Ok(InviteSummary {
                    id: r.try_get("id")?,
                    email: r.try_get("email")?,
                    role: Role::parse(&role).map_err(|_| StoreError::Corrupt("invites.role"))?,
                    created_at: r.try_get("created_at")?,
                    expires_at: r.try_get("expires_at")?,
                    used_at: r.try_get("used_at")?,
                    expired: false,
                })
            })
            .collect()
    }
}
