//! In-app notifications. A notification stores no text: it points at a case (and, for a
//! moderator's decision, at the `case_reviews` row with the reason). What it shows is read
//! through the visibility rule at the moment the member looks, so a case back in review,
//! hidden after flags or hidden from a recused reader shows no title and no reason.

use sqlx::Row;

use super::outbox::{Outgoing, Recipient};
use super::visibility::case_visible;
use super::{Db, Store, StoreError};
use crate::domain::policy::Actor;
use crate::domain::role::Roles;
use crate::model::{CaseId, UserId};
use crate::server::mail::MailKind;

/// A notification joined with the case it points at, as the reader may see it now.
pub struct NotificationRow {
    pub id: i64,
    pub kind: String,
    pub case_id: CaseId,
    /// The case's title, when the reader may see the case right now.
    pub case_title: Option<String>,
    /// The moderator's reason, for a returned or rejected post, under the same condition.
    pub reason: Option<String>,
    pub created_at: i64,
    pub read: bool,
}

impl Store {
    /// The reader's notifications older than `before` (all, when `None`), newest first.
    pub async fn list_notifications(
        &self,
        reader: &Actor,
        before: Option<i64>,
        limit: i64,
    ) -> Result<Vec<NotificationRow>, StoreError> {
        let visible = case_visible("c", "$1", reader);
        let sql = format!(
            "select n.id, n.kind, n.case_id, case when {visible} then c.title end as title, \
             case when {visible} then nullif(cr.reason, '') end as reason, n.created_at, n.read_at \
             from notifications n join cases c on c.id = n.case_id \
             left join case_reviews cr on cr.id = n.review_id \
             where n.user_id = $1 and ($3 is null or n.id < $3) order by n.id desc limit $2"
        );
        let rows = sqlx::query(&sql)
            .bind(reader.user_id.0)
            .bind(limit)
            .bind(before)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(NotificationRow {
                    id: r.try_get("id")?,
                    kind: r.try_get("kind")?,
                    case_id: CaseId(r.try_get("case_id")?),
                    case_title: r.try_get("title")?,
                    reason: r.try_get("reason")?,
                    created_at: r.try_get("created_at")?,
                    read: r.try_get::<Option<i64>, _>("read_at")?.is_some(),
                })
            })
            .collect()
    }

    /// Marks one of `user`'s notifications read; `false`: they have no such notification.
    pub async fn mark_notification_read(
        &self,
        user: UserId,
        id: i64,
        now: i64,
    ) -> Result<bool, StoreError> {
        let found: Option<i64> = sqlx::query_scalar(
            "update notifications set read_at = coalesce(read_at, $1) \
             where id = $2 and user_id = $3 returning id",
        )
        .bind(now)
        .bind(id)
        .bind(user.0)
        .fetch_optional(&mut *self.pool.acquire().await?)
        .await?;
        Ok(found.is_some())
    }

    pub async fn mark_notifications_read(&self, user: UserId, now: i64) -> Result<(), StoreError> {
        sqlx::query("update notifications set read_at = $1 where user_id = $2 and read_at is null")
            .bind(now)
            .bind(user.0)
            .execute(&mut *self.pool.acquire().await?)
            .await?;
        Ok(())
    }
}

/// Tells `user` that something of `kind` happened to `case`, in the transaction of the change;
/// with `mail`, also by email (`mail_about`).
pub(super) async fn notify(
    tx: &mut sqlx::Transaction<'_, Db>,
    mail: bool,
    user: UserId,
    kind: &'static str,
    case: CaseId,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into notifications (user_id, kind, case_id, created_at) values ($1, $2, $3, $4)",
    )
    .bind(user.0)
    .bind(kind)
    .bind(case.0)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    if mail {
        mail_about(tx, user, kind, case, now).await?;
    }
    Ok(())
}

/// The email kind of a notification; `None`: a notification that sends no email.
fn mail_kind(notification: &str) -> Option<MailKind> {
    match notification {
        "reply" => Some(MailKind::CaseReply),
        "supervisor_feedback" => Some(MailKind::SupervisorFeedback),
        "watched_reply" => Some(MailKind::WatchedReply),
        "case_approved" | "case_returned" | "case_rejected" => Some(MailKind::CaseReviewed),
        "reply_approved" | "reply_rejected" => Some(MailKind::ReplyReviewed),
        "case_purge_soon" => Some(MailKind::PurgeSoon),
        _ => None,
    }
}

/// Writes the email for a notification about `case` to the outbox (`mail_case`).
pub(super) async fn mail_about(
    tx: &mut sqlx::Transaction<'_, Db>,
    user: UserId,
    notification: &str,
    case: CaseId,
    now: i64,
) -> Result<(), StoreError> {
    match mail_kind(notification) {
        Some(kind) => mail_case(tx, user, kind, case, now).await,
        None => Ok(()),
    }
}

/// Writes an email of `kind` about `case` to the outbox, only if `user` may see the case now
/// (the visibility rule, in its member's form: for a moderator it can only be stricter). The
/// message holds the kind and a link; the site checks access again when it is opened.
pub(super) async fn mail_case(
    tx: &mut sqlx::Transaction<'_, Db>,
    user: UserId,
    kind: MailKind,
    case: CaseId,
    now: i64,
) -> Result<(), StoreError> {
    let member = Actor {
        user_id: user,
        roles: Roles::default(),
    };
    let sql = format!(
        "select count(*) from cases c where c.id = $1 and {}",
        case_visible("c", "$2", &member)
    );
    let visible: i64 = sqlx::query_scalar(&sql)
        .bind(case.0)
        .bind(user.0)
        .fetch_one(&mut **tx)
        .await?;
    if visible > 0 {
        let mail = Outgoing {
            kind: kind.key(),
            to: Recipient::Member(user),
            link: format!("/cases/{case}"),
        };
        super::outbox::enqueue(tx, &mail, now).await?;
    }
    Ok(())
}
