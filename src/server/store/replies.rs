//! Replies, helpful marks, follow-ups and notifications.

use sqlx::Row;

use super::cases::{insert_revision, notify};
use super::{AuditEvent, Store, StoreError};
use crate::domain::review::ReviewState;
use crate::model::{CaseId, ReplyId, UserId};

pub struct ReplyWrite<'a> {
    pub text: CookedText<'a>,
    pub anonymous: bool,
    pub supervisor_feedback: bool,
    /// Held for a moderator (the reply gate): nobody else sees it or hears of it until then.
    pub held: bool,
}

/// Text cooked for storage: the Markdown, its HTML, the renderer that cooked it, and the JSON
/// revision that records it.
pub struct CookedText<'a> {
    pub source: &'a str,
    pub html: &'a str,
    pub renderer_version: i64,
    pub revision: &'a str,
}

pub struct ReplyRow {
    pub id: ReplyId,
    pub case_id: CaseId,
    pub author_id: UserId,
    pub author_name: String,
    pub anonymous: bool,
    pub supervisor_feedback: bool,
    pub helpful: bool,
    pub source: String,
    pub html: String,
    pub created_at: i64,
    pub edited: bool,
    /// Hidden after flags until a moderator restores it.
    pub hidden: bool,
    /// `Approved`, or `Pending`/`Rejected` at the reply gate.
    pub review: ReviewState,
}

/// A notification joined with the case it points at.
pub struct NotificationRow {
    pub id: i64,
    pub kind: String,
    pub case_id: CaseId,
    pub case_title: String,
    /// The moderator's reason, for a returned or rejected case.
    pub reason: Option<String>,
    pub created_at: i64,
    pub read: bool,
}

const REPLY_COLUMNS: &str = "r.id, r.case_id, r.author_id, u.display_name as author_name, r.anonymous, \
     r.supervisor_feedback, r.helpful, r.body_md, r.body_html, r.created_at, r.edited_at, r.hidden_at, r.review_state";

impl Store {
    /// Stores a reply and its first revision. A published reply bumps the case's activity and
    /// counts and notifies the case author (unless they wrote it); a held one waits for a
    /// moderator (`store/reply_review.rs` does that on approval). All or nothing.
    pub async fn insert_reply(
        &self,
        case: CaseId,
        author: UserId,
        reply: &ReplyWrite<'_>,
        now: i64,
    ) -> Result<ReplyId, StoreError> {
        let mut tx = self.write_tx().await?;
        let id: i64 = sqlx::query_scalar(
            "insert into replies (case_id, author_id, anonymous, supervisor_feedback, body_md, body_html, renderer_version, created_at, \
             review_state, submitted_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8) returning id",
        )
        .bind(case.0)
        .bind(author.0)
        .bind(reply.anonymous)
        .bind(reply.supervisor_feedback)
        .bind(reply.text.source)
        .bind(reply.text.html)
        .bind(reply.text.renderer_version)
        .bind(now)
        .bind(if reply.held { "pending" } else { "approved" })
        .fetch_one(&mut *tx)
        .await?;
        insert_revision(&mut tx, case, Some(id), author, now, reply.text.revision).await?;
        if reply.held {
            let detail = format!("reply={id}");
            AuditEvent {
                at: now,
                actor: Some(author),
                action: "reply_held_for_review",
                target: None,
                detail: &detail,
                case: Some(case),
                review: None,
            }
            .write(&mut tx)
            .await?;
        } else {
            publish_reply(&mut tx, case, ReplyId(id), now).await?;
        }
        tx.commit().await?;
        Ok(ReplyId(id))
    }

    /// Replaces a reply's text. `held`: the edit waits for a moderator, and the reply is out of
    /// view (and out of the case's counts) until then.
    pub async fn update_reply(
        &self,
        id: ReplyId,
        editor: UserId,
        text: CookedText<'_>,
        held: bool,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        if held {
            sqlx::query(
                "update replies set review_state = 'pending', submitted_at = $1 where id = $2",
            )
            .bind(now)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        }
        let case: i64 = sqlx::query_scalar("update replies set body_md = $1, body_html = $2, renderer_version = $3, edited_at = $4 where id = $5 returning case_id")
            .bind(text.source)
            .bind(text.html)
            .bind(text.renderer_version)
            .bind(now)
            .bind(id.0)
            .fetch_one(&mut *tx)
            .await?;
        insert_revision(
            &mut tx,
            CaseId(case),
            Some(id.0),
            editor,
            now,
            text.revision,
        )
        .await?;
        recount(&mut tx, CaseId(case)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Approved cases and published replies by `user`: the reply gate's measure of trust.
    pub async fn approved_posts(&self, user: UserId) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "select (select count(*) from cases where author_id = $1 and review_state = 'approved') \
                  + (select count(*) from replies where author_id = $1 and review_state = 'approved')",
        )
        .bind(user.0)
        .fetch_one(&self.pool)
        .await?)
    }

    pub async fn find_reply(&self, id: ReplyId) -> Result<Option<ReplyRow>, StoreError> {
        let sql = format!(
            "select {REPLY_COLUMNS} from replies r join users u on u.id = r.author_id where r.id = $1"
        );
        let row = sqlx::query(&sql)
            .bind(id.0)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.as_ref().map(reply_from_row))
    }

    pub async fn list_replies(&self, case: CaseId) -> Result<Vec<ReplyRow>, StoreError> {
        let sql = format!(
            "select {REPLY_COLUMNS} from replies r join users u on u.id = r.author_id where r.case_id = $1 order by r.id"
        );
        let rows = sqlx::query(&sql).bind(case.0).fetch_all(&self.pool).await?;
        Ok(rows.iter().map(reply_from_row).collect())
    }

    pub async fn set_helpful(&self, reply: ReplyId, helpful: bool) -> Result<(), StoreError> {
        sqlx::query("update replies set helpful = $1 where id = $2")
            .bind(helpful)
            .bind(reply.0)
            .execute(&mut *self.pool.acquire().await?)
            .await?;
        Ok(())
    }

    /// Stores (or replaces) the follow-up and marks the case "follow-up posted".
    pub async fn set_follow_up(
        &self,
        case: CaseId,
        author: UserId,
        text: CookedText<'_>,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "insert into case_sections (case_id, section, source_md, html, renderer_version) values ($1, 'follow_up', $2, $3, $4) \
             on conflict (case_id, section) do update set source_md = excluded.source_md, html = excluded.html, \
             renderer_version = excluded.renderer_version",
        )
        .bind(case.0)
        .bind(text.source)
        .bind(text.html)
        .bind(text.renderer_version)
        .execute(&mut *tx)
        .await?;
        sqlx::query("update cases set state = 'follow-up', last_activity_at = $1 where id = $2")
            .bind(now)
            .bind(case.0)
            .execute(&mut *tx)
            .await?;
        insert_revision(&mut tx, case, None, author, now, text.revision).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn set_case_state(
        &self,
        case: CaseId,
        state: &'static str,
    ) -> Result<(), StoreError> {
        sqlx::query("update cases set state = $1 where id = $2")
            .bind(state)
            .bind(case.0)
            .execute(&mut *self.pool.acquire().await?)
            .await?;
        Ok(())
    }

    pub async fn list_notifications(
        &self,
        user: UserId,
        limit: i64,
    ) -> Result<Vec<NotificationRow>, StoreError> {
        let rows = sqlx::query(
            "select n.id, n.kind, n.case_id, c.title, nullif(cr.reason, '') as reason, n.created_at, n.read_at \
             from notifications n join cases c on c.id = n.case_id \
             left join case_reviews cr on cr.id = n.review_id \
             where n.user_id = $1 order by n.id desc limit $2",
        )
        .bind(user.0)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| NotificationRow {
                id: r.get("id"),
                kind: r.get("kind"),
                case_id: CaseId(r.get("case_id")),
                case_title: r.get("title"),
                reason: r.get("reason"),
                created_at: r.get("created_at"),
                read: r.get::<Option<i64>, _>("read_at").is_some(),
            })
            .collect())
    }

    pub async fn count_unread_notifications(&self, user: UserId) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "select count(*) from notifications where user_id = $1 and read_at is null",
        )
        .bind(user.0)
        .fetch_one(&self.pool)
        .await?)
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

fn reply_from_row(r: &sqlx::sqlite::SqliteRow) -> ReplyRow {
    ReplyRow {
        id: ReplyId(r.get("id")),
        case_id: CaseId(r.get("case_id")),
        author_id: UserId(r.get("author_id")),
        author_name: r.get("author_name"),
        anonymous: r.get("anonymous"),
        supervisor_feedback: r.get("supervisor_feedback"),
        helpful: r.get("helpful"),
        source: r.get("body_md"),
        html: r.get("body_html"),
        created_at: r.get("created_at"),
        edited: r.get::<Option<i64>, _>("edited_at").is_some(),
        hidden: r.get::<Option<i64>, _>("hidden_at").is_some(),
        review: ReviewState::parse(r.get("review_state")).unwrap_or(ReviewState::Pending),
    }
}

/// A reply becomes public: the case's counts and activity, and the case author's notification
/// (unless they wrote it).
pub(super) async fn publish_reply(
    tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    case: CaseId,
    reply: ReplyId,
    now: i64,
) -> Result<(), StoreError> {
    let (author, supervisor_feedback): (i64, bool) =
        sqlx::query_as("select author_id, supervisor_feedback from replies where id = $1")
            .bind(reply.0)
            .fetch_one(&mut **tx)
            .await?;
    sqlx::query("update cases set last_activity_at = $1 where id = $2")
        .bind(now)
        .bind(case.0)
        .execute(&mut **tx)
        .await?;
    recount(tx, case).await?;
    let case_author: i64 = sqlx::query_scalar("select author_id from cases where id = $1")
        .bind(case.0)
        .fetch_one(&mut **tx)
        .await?;
    if case_author != author {
        let kind = if supervisor_feedback {
            "supervisor_feedback"
        } else {
            "reply"
        };
        notify(tx, UserId(case_author), kind, case, now).await?;
    }
    Ok(())
}

/// The case's reply count and supervisor-feedback mark, from its published replies.
pub(super) async fn recount(
    tx: &mut sqlx::Transaction<'_, sqlx::Sqlite>,
    case: CaseId,
) -> Result<(), StoreError> {
    sqlx::query(
        "update cases set \
           reply_count = (select count(*) from replies where case_id = $1 and review_state = 'approved'), \
           has_supervisor_feedback = (select count(*) > 0 from replies where case_id = $1 \
             and review_state = 'approved' and supervisor_feedback = 1) \
         where id = $1",
    )
    .bind(case.0)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
