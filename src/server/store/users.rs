//! Accounts: what sign-in looks up, creating a member (from an invite or the command line), roles
//! as read, passwords.

use sqlx::Row;

use super::{AuditEvent, Db, Store, StoreError, is_unique_violation};
use crate::domain::role::{Role, Roles};
use crate::model::UserId;

/// What sign-in needs to know about an account.
pub struct UserAuthRow {
    pub id: UserId,
    pub password_hash: String,
    pub disabled: bool,
}

/// A member about to be created; the email and name were parsed at the edge.
pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub roles: &'a Roles,
}

/// Why creating an account did not happen, when the database itself was fine.
#[derive(Debug, PartialEq, Eq)]
pub enum UserConflict {
    DuplicateEmail,
    /// The invite was used or expired between the page load and the submit.
    InviteUnavailable,
    /// The chosen name draws like another member's (`domain::text::skeleton`).
    NameLooksTaken,
}

impl Store {
    pub async fn find_auth_by_email(&self, email: &str) -> Result<Option<UserAuthRow>, StoreError> {
        let row = sqlx::query("select id, password_hash, disabled_at from users where email = $1")
            .bind(email)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| {
            Ok(UserAuthRow {
                id: UserId(r.try_get("id")?),
                password_hash: r.try_get("password_hash")?,
                disabled: r.try_get::<Option<i64>, _>("disabled_at")?.is_some(),
            })
        })
        .transpose()
    }

    pub async fn password_hash(&self, id: UserId) -> Result<Option<String>, StoreError> {
        Ok(
            sqlx::query_scalar("select password_hash from users where id = $1")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    pub async fn email_of(&self, id: UserId) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar("select email from users where id = $1")
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?)
    }

    pub async fn email_exists(&self, email: &str) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar("select count(*) from users where email = $1")
            .bind(email)
            .fetch_one(&self.pool)
            .await?;
        Ok(n > 0)
    }

    /// `None`: no such member; else whether their account is disabled.
    pub async fn is_disabled(&self, id: UserId) -> Result<Option<bool>, StoreError> {
        let row: Option<Option<i64>> =
            sqlx::query_scalar("select disabled_at from users where id = $1")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|d| d.is_some()))
    }

    pub async fn is_erased(&self, id: UserId) -> Result<bool, StoreError> {
        let erased: Option<Option<i64>> =
            sqlx::query_scalar("select erased_at from users where id = $1")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?;
        Ok(matches!(erased, Some(Some(_))))
    }

    pub async fn user_exists(&self, id: UserId) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar("select count(*) from users where id = $1")
            .bind(id.0)
            .fetch_one(&self.pool)
            .await?;
        Ok(n > 0)
    }

    pub async fn roles_of(&self, id: UserId) -> Result<Roles, StoreError> {
        let names: Vec<String> =
            sqlx::query_scalar("select role from user_roles where user_id = $1")
                .bind(id.0)
                .fetch_all(&self.pool)
                .await?;
        parse_roles(names.iter().map(String::as_str))
    }

    /// Creates a member from an invite: consumes the invite (only if still unused and unexpired),
    /// creates the account with the invite's role and writes the audit row, all or nothing.
    pub async fn create_user_from_invite(
        &self,
        user: NewUser<'_>,
        invite_id: i64,
        now: i64,
    ) -> Result<Result<UserId, UserConflict>, StoreError> {
        let mut tx = self.write_tx().await?;
        let consumed = sqlx::query(
            "update invites set used_at = $1 where id = $2 and used_at is null and expires_at > $1",
        )
        .bind(now)
        .bind(invite_id)
        .execute(&mut *tx)
        .await?;
        if consumed.rows_affected() != 1 {
            return Ok(Err(UserConflict::InviteUnavailable));
        }
        // Inside the write transaction, so two members cannot take look-alike names at once
        // (on PostgreSQL, registrations queue behind one lock for the comparison).
        self.serialize_registrations(&mut tx).await?;
        if name_looks_taken(&mut tx, user.display_name, None).await? {
            return Ok(Err(UserConflict::NameLooksTaken));
        }
        let id = match insert_user(&mut tx, &user, now).await? {
            Ok(id) => id,
            Err(conflict) => return Ok(Err(conflict)),
        };
        sqlx::query("update invites set used_by = $1 where id = $2")
            .bind(id.0)
            .bind(invite_id)
            .execute(&mut *tx)
            .await?;
        let detail = format!("invite={invite_id} roles={}", roles_csv(user.roles));
        AuditEvent {
            at: now,
            actor: Some(id),
            action: "register",
            target: Some(id),
            detail: &detail,
            case: None,
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(Ok(id))
    }

    /// Creates a member directly (command line, demo data): no invite involved.
    pub async fn create_user(
        &self,
        user: NewUser<'_>,
        now: i64,
    ) -> Result<Result<UserId, UserConflict>, StoreError> {
        let mut tx = self.write_tx().await?;
        let id = match insert_user(&mut tx, &user, now).await? {
            Ok(id) => id,
            Err(conflict) => return Ok(Err(conflict)),
        };
        let detail = format!("roles={}", roles_csv(user.roles));
        AuditEvent {
            at: now,
            actor: None,
            action: "user_created_by_operator",
            target: Some(id),
            detail: &detail,
            case: None,
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(Ok(id))
    }

    /// Stores a new password hash and ends every session of the member.
    pub async fn set_password_hash(
        &self,
        id: UserId,
        hash: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let ended = replace_password(&mut tx, id, hash).await?;
        let detail = format!("sessions_ended={ended}");
        AuditEvent {
            at: now,
            actor: Some(id),
            action: "password_changed",
            target: Some(id),
            detail: &detail,
            case: None,
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Sets a member's password hash and ends every session of theirs, every reset link still
/// open and every sign-in waiting for its code (a changed password must leave no other way
/// in); returns how many sessions ended.
pub(super) async fn replace_password(
    tx: &mut sqlx::Transaction<'_, Db>,
    id: UserId,
    hash: &str,
) -> Result<u64, StoreError> {
    sqlx::query("update users set password_hash = $1 where id = $2")
        .bind(hash)
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    // `used_at` needs a time; the link's own expiry is as good as any, and keeps this free of
    // a clock argument.
    sqlx::query(
        "update password_resets set used_at = expires_at where user_id = $1 and used_at is null",
    )
    .bind(id.0)
    .execute(&mut **tx)
    .await?;
    // A sign-in that got past the old password and waits for its code.
    sqlx::query("delete from login_challenges where user_id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    Ok(sqlx::query("delete from sessions where user_id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?
        .rows_affected())
}

impl Store {
    /// A member's new display name. Like a registration, one at a time against every other
    /// member's name, so two members cannot take look-alike names at once. The audit row keeps
    /// no name. Every case they replied to is re-read on every node (a trigger); their own
    /// cases join the name on every read.
    pub async fn change_display_name(
        &self,
        user: UserId,
        name: &str,
        now: i64,
    ) -> Result<Result<(), UserConflict>, StoreError> {
        let mut tx = self.write_tx().await?;
        self.serialize_registrations(&mut tx).await?;
        if name_looks_taken(&mut tx, name, Some(user)).await? {
            return Ok(Err(UserConflict::NameLooksTaken));
        }
        let changed =
            sqlx::query("update users set display_name = $1 where id = $2 and erased_at is null")
                .bind(name)
                .bind(user.0)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if changed == 0 {
            return Err(StoreError::Conflict(super::guard::WRITER_ERASED));
        }
        AuditEvent {
            at: now,
            actor: Some(user),
            action: "display_name_changed",
            target: Some(user),
            detail: "",
            case: None,
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(Ok(()))
    }
}

/// Whether another member's name draws like `name` (`except`: the member choosing it). Every
/// name is compared (a few thousand members at most; registration is rare), since a skeleton
/// cannot be computed in SQL.
async fn name_looks_taken(
    tx: &mut sqlx::Transaction<'_, Db>,
    name: &str,
    except: Option<UserId>,
) -> Result<bool, StoreError> {
    let wanted = crate::domain::text::skeleton(name);
    let names: Vec<String> = sqlx::query_scalar("select display_name from users where id <> $1")
        .bind(except.map_or(0, |u| u.0))
        .fetch_all(&mut **tx)
        .await?;
    Ok(names
        .iter()
        .any(|n| crate::domain::text::skeleton(n) == wanted))
}

async fn insert_user(
    tx: &mut sqlx::Transaction<'_, Db>,
    user: &NewUser<'_>,
    now: i64,
) -> Result<Result<UserId, UserConflict>, StoreError> {
    let inserted = sqlx::query_scalar::<_, i64>(
        "insert into users (email, display_name, password_hash, created_at) values ($1, $2, $3, $4) returning id",
    )
    .bind(user.email)
    .bind(user.display_name)
    .bind(user.password_hash)
    .bind(now)
    .fetch_one(&mut **tx)
    .await;
    let id = match inserted {
        Ok(id) => UserId(id),
        Err(e) if is_unique_violation(&e) => return Ok(Err(UserConflict::DuplicateEmail)),
        Err(e) => return Err(e.into()),
    };
    for role in user.roles.iter() {
        sqlx::query("insert into user_roles (user_id, role) values ($1, $2)")
            .bind(id.0)
            .bind(role.as_str())
            .execute(&mut **tx)
            .await?;
    }
    Ok(Ok(id))
}

pub(super) fn parse_roles<'a>(names: impl Iterator<Item = &'a str>) -> Result<Roles, StoreError> {
    let roles: Result<Vec<Role>, _> = names.map(Role::parse).collect();
    roles
        .map(Roles::new)
        .map_err(|_| StoreError::Corrupt("user_roles.role"))
}

pub(super) fn roles_csv(roles: &Roles) -> String {
    roles.iter().map(Role::as_str).collect::<Vec<_>>().join(",")
}
