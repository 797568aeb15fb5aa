//! The admin's view of members: the member list, roles, disabling an account, turning off a
//! member's two-factor sign-in.

use sqlx::Row;

use super::outbox::{Outgoing, Recipient, enqueue};
use super::users::{parse_roles, roles_csv};
use super::{AuditEvent, Store, StoreError};
use crate::domain::role::Roles;
use crate::model::{UserId, UserSummary};
use crate::server::mail::MailKind;

/// Whether the member exists and is not erased: an erased account is no longer anyone's, so
/// nothing about it can be changed.
async fn is_active(
    tx: &mut sqlx::Transaction<'_, super::Db>,
    member: UserId,
) -> Result<bool, StoreError> {
    let n: i64 =
        sqlx::query_scalar("select count(*) from users where id = $1 and erased_at is null")
            .bind(member.0)
            .fetch_one(&mut **tx)
            .await?;
    Ok(n > 0)
}

impl Store {
    /// Every member, oldest account first.
    pub async fn list_users(&self) -> Result<Vec<UserSummary>, StoreError> {
        let rows = sqlx::query(
            "select u.id, u.email, u.display_name, u.disabled_at, u.erased_at, u.created_at, \
                    coalesce(string_agg(r.role, ','), '') as roles, \
                    (select count(*) from two_factor t \
                     where t.user_id = u.id and t.confirmed_at is not null) as two_factor \
             from users u left join user_roles r on r.user_id = u.id \
             group by u.id, u.email, u.display_name, u.disabled_at, u.erased_at, u.created_at \
             order by u.created_at, u.id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                let roles: String = r.try_get("roles")?;
                Ok(UserSummary {
                    id: UserId(r.try_get("id")?),
                    email: r.try_get("email")?,
                    display_name: r.try_get("display_name")?,
                    roles: parse_roles(roles.split(',').filter(|s| !s.is_empty()))?,
                    disabled: r.try_get::<Option<i64>, _>("disabled_at")?.is_some(),
                    erased: r.try_get::<Option<i64>, _>("erased_at")?.is_some(),
                    two_factor: r.try_get::<i64, _>("two_factor")? > 0,
                    created_at: r.try_get("created_at")?,
                })
            })
            .collect()
    }

    /// The members whose name or email holds `words` (all when empty), in any letter case,
    /// oldest account first, `limit` from `offset`; and how many match in all. Matched here,
    /// not in SQL: SQLite's `lower()` folds ASCII letters only, and a forum has a few thousand
    /// members at most.
    pub async fn find_users(
        &self,
        words: &str,
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<UserSummary>, usize), StoreError> {
        let words = words.to_lowercase();
        let matching: Vec<UserSummary> = self
            .list_users()
            .await?
            .into_iter()
            .filter(|u| {
                words.is_empty()
                    || u.display_name.to_lowercase().contains(&words)
                    || u.email.to_lowercase().contains(&words)
            })
            .collect();
        let total = matching.len();
        Ok((
            matching.into_iter().skip(offset).take(limit).collect(),
            total,
        ))
    }

    /// Replaces a member's roles. Returns false when the member does not exist.
    pub async fn set_roles(
        &self,
        actor: UserId,
        target: UserId,
        roles: &Roles,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        if !is_active(&mut tx, target).await? {
            return Ok(false);
        }
        sqlx::query("delete from user_roles where user_id = $1")
            .bind(target.0)
            .execute(&mut *tx)
            .await?;
        for role in roles.iter() {
            sqlx::query("insert into user_roles (user_id, role) values ($1, $2)")
                .bind(target.0)
                .bind(role.as_str())
                .execute(&mut *tx)
                .await?;
        }
        let detail = format!("roles={}", roles_csv(roles));
        AuditEvent {
            at: now,
            actor: Some(actor),
            action: "roles_changed",
            target: Some(target),
            detail: &detail,
            case: None,
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Disables (signing the member out everywhere) or re-enables an account.
    /// Returns false when the member does not exist.
    pub async fn set_disabled(
        &self,
        actor: UserId,
        target: UserId,
        disabled: bool,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let changed =
            sqlx::query("update users set disabled_at = $1 where id = $2 and erased_at is null")
                .bind(disabled.then_some(now))
                .bind(target.0)
                .execute(&mut *tx)
                .await?;
        if changed.rows_affected() == 0 {
            return Ok(false);
        }
        if disabled {
            sqlx::query("delete from sessions where user_id = $1")
                .bind(target.0)
                .execute(&mut *tx)
                .await?;
            // A link asked for before the account was disabled must not open it once enabled.
            sqlx::query(
                "update password_resets set used_at = $1 where user_id = $2 and used_at is null",
            )
            .bind(now)
            .bind(target.0)
            .execute(&mut *tx)
            .await?;
        }
        let action = if disabled {
            "account_disabled"
        } else {
            "account_enabled"
        };
        AuditEvent {
            at: now,
            actor: Some(actor),
            action,
            target: Some(target),
            detail: "",
            case: None,
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Turns off a member's two-factor sign-in for them, when they lost both the phone and the
    /// recovery codes: the authenticator, the codes and the sign-ins waiting for a code go, and
    /// so do the member's sessions (whoever holds one signs in again, with the password).
    /// With `tell`, the member is emailed. `None`: there is no such member (or the account is
    /// erased); `Some(false)`: it was not on. Nothing is changed then.
    pub async fn reset_two_factor(
        &self,
        actor: UserId,
        target: UserId,
        tell: bool,
        now: i64,
    ) -> Result<Option<bool>, StoreError> {
        let mut tx = self.write_tx().await?;
        if !is_active(&mut tx, target).await? {
            return Ok(None);
        }
        let removed =
            sqlx::query("delete from two_factor where user_id = $1 and confirmed_at is not null")
                .bind(target.0)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if removed == 0 {
            return Ok(Some(false));
        }
        for sql in [
            "delete from recovery_codes where user_id = $1",
            "delete from login_challenges where user_id = $1",
            "delete from sessions where user_id = $1",
        ] {
            sqlx::query(sql).bind(target.0).execute(&mut *tx).await?;
        }
        if tell {
            let mail = Outgoing {
                kind: MailKind::TwoFactorReset.key(),
                to: Recipient::Member(target),
                link: "/account".into(),
            };
            enqueue(&mut tx, &mail, now).await?;
        }
        AuditEvent {
            at: now,
            actor: Some(actor),
            action: "two_factor_reset",
            target: Some(target),
            detail: "",
            case: None,
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(Some(true))
    }
}
