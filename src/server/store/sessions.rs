use sqlx::Row;

use super::users::parse_roles;
use super::{AuditEvent, Store, StoreError};
use crate::domain::role::Roles;
use crate::model::UserId;

/// A live session joined with what every request needs about its member: who they are, their
/// roles and how many notifications wait for them, read in one query because every signed-in
/// request starts with it.
pub struct SessionRow {
    pub user_id: UserId,
    pub display_name: String,
    pub disabled: bool,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub roles: Roles,
    /// Counted up to [`UNREAD_COUNTED_UP_TO`]: every signed-in page asks, so a member with
    /// thousands unread must cost no more than one with a hundred.
    pub unread_notifications: i64,
    pub theme: crate::domain::theme::Theme,
    /// Two-factor sign-in is on for the member.
    pub two_factor: bool,
    /// This session was signed in with a code (or turned two-factor sign-in on).
    pub second_factor: bool,
}

/// Where the unread count stops (the page shows "99+").
pub const UNREAD_COUNTED_UP_TO: i64 = 100;

impl Store {
    /// Starts a session at sign-in, ending the browser's previous one (if any) in the same
    /// transaction, so a session id planted before sign-in is worthless after it.
    pub async fn start_session(
        &self,
        token_hash: &str,
        previous_token_hash: Option<&str>,
        user: UserId,
        now: i64,
        audit_action: &'static str,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        if let Some(prev) = previous_token_hash {
            sqlx::query("delete from sessions where token_hash = $1")
                .bind(prev)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("insert into sessions (token_hash, user_id, created_at, last_seen_at) values ($1, $2, $3, $3)")
            .bind(token_hash)
            .bind(user.0)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        AuditEvent {
            at: now,
            actor: Some(user),
            action: audit_action,
            target: Some(user),
            detail: "",
            case: None,
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The session and its member. `unread` counts unread notifications and the group
    /// invitations still waiting for an answer at `now` (they are shown with the notifications).
    pub async fn find_session(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<SessionRow>, StoreError> {
        let row = sqlx::query(
            "select s.user_id, s.created_at, s.last_seen_at, s.two_factor_at, u.display_name, \
               u.disabled_at, u.theme, \
               (select count(*) from two_factor tf where tf.user_id = s.user_id \
                 and tf.confirmed_at is not null) as two_factor, \
               (select coalesce(string_agg(r.role, ','), '') from user_roles r \
                 where r.user_id = s.user_id) as roles, \
               (select count(*) from (select 1 from notifications n \
                 where n.user_id = s.user_id and n.read_at is null limit $2) unread_n) \
               + (select count(*) from group_invitations gi where gi.invitee_id = s.user_id \
                 and gi.answered_at is null and gi.expires_at > $3) as unread \
             from sessions s join users u on u.id = s.user_id where s.token_hash = $1",
        )
        .bind(token_hash)
        .bind(UNREAD_COUNTED_UP_TO)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(SessionRow {
                user_id: UserId(r.try_get("user_id")?),
                display_name: r.try_get("display_name")?,
                disabled: r.try_get::<Option<i64>, _>("disabled_at")?.is_some(),
                created_at: r.try_get("created_at")?,
                last_seen_at: r.try_get("last_seen_at")?,
                roles: parse_roles(
                    r.try_get::<String, _>("roles")?
                        .split(',')
                        .filter(|s| !s.is_empty()),
                )?,
                unread_notifications: r.try_get("unread")?,
                theme: r
                    .try_get::<Option<String>, _>("theme")?
                    .and_then(|t| crate::domain::theme::Theme::parse(&t))
                    .unwrap_or_default(),
                two_factor: r.try_get::<i64, _>("two_factor")? > 0,
                second_factor: r.try_get::<Option<i64>, _>("two_factor_at")?.is_some(),
            })
        })
        .transpose()
    }

    pub async fn touch_session(&self, token_hash: &str, now: i64) -> Result<(), StoreError> {
        sqlx::query("update sessions set last_seen_at = $1 where token_hash = $2")
            .bind(now)
            .bind(token_hash)
            .execute(&mut *self.pool.acquire().await?)
            .await?;
        Ok(())
    }

    /// Ends one session. `audit` names the reason ("logout", "session_idle_timeout", …).
    pub async fn end_session(
        &self,
        token_hash: &str,
        user: Option<UserId>,
        now: i64,
        audit: &'static str,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let ended = sqlx::query("delete from sessions where token_hash = $1")
            .bind(token_hash)
            .execute(&mut *tx)
            .await?;
        if ended.rows_affected() > 0 {
            AuditEvent {
                at: now,
                actor: user,
                action: audit,
                target: user,
                detail: "",
                case: None,
                review: None,
            }
            .write(&mut tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    pub async fn count_sessions(&self, user: UserId) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar("select count(*) from sessions where user_id = $1")
                .bind(user.0)
                .fetch_one(&self.pool)
                .await?,
        )
    }
}
