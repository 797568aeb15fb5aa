//! Replies and helpful marks: writing a gated reply or its edit (with the gate's decision in
//! the audit log), reading replies through the visibility rule, and publishing a reply.

use sqlx::Row;

use super::cases::{insert_revision, notify};
use super::visibility::reply_visible;
use super::yes;
use super::{AuditEvent, Db, DbRow, Store, StoreError, flag};
use crate::domain::policy::{Actor, CaseFacts, ReplyFacts};
use crate::domain::review::ReviewState;
use crate::model::{CaseId, ReplyId, UserId};
use crate::server::gate::GatedReply;

/// A reply that passed the gate, and how it appears: `anonymous` when the case's anonymous
/// author wrote it, `supervisor_feedback` when a supervisor did.
pub struct ReplyWrite<'a> {
    pub reply: &'a GatedReply,
    pub anonymous: bool,
    pub supervisor_feedback: bool,
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

impl ReplyRow {
    /// The reply as the policy sees it, with its case as the same reader sees it.
    pub fn facts(&self, case: CaseFacts) -> ReplyFacts {
        ReplyFacts {
            author: self.author_id,
            review: self.review,
            hidden: self.hidden,
            case,
        }
    }
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
        write: &ReplyWrite<'_>,
        seen: &CaseFacts,
        now: i64,
    ) -> Result<ReplyId, StoreError> {
        let text = write.reply.text();
        let mut tx = self.write_tx().await?;
        self.confirm_case(&mut tx, case, seen).await?;
        let id: i64 = sqlx::query_scalar(
            "insert into replies (case_id, author_id, anonymous, supervisor_feedback, body_md, body_html, renderer_version, created_at, \
             review_state, submitted_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8) returning id",
        )
        .bind(case.0)
        .bind(author.0)
        .bind(yes(write.anonymous))
        .bind(yes(write.supervisor_feedback))
        .bind(text.source())
        .bind(text.html())
        .bind(text.renderer_version())
        .bind(now)
        .bind(if write.reply.hold().is_some() { "pending" } else { "approved" })
        .fetch_one(&mut *tx)
        .await?;
        insert_revision(&mut tx, case, Some(id), author, now, text.revision()).await?;
        let held = write.reply.hold().map(|h| h.key());
        let action = if held.is_some() {
            "reply_held_for_review"
        } else {
            publish_reply(&mut tx, case, ReplyId(id), now).await?;
            "reply_published"
        };
        gate_audit(
            &mut tx,
            write.reply,
            action,
            held,
            ReplyId(id),
            case,
            author,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(ReplyId(id))
    }

    /// Replaces a reply's text. When the gate holds the edit, it waits for a moderator, and the
    /// reply is out of view (and out of the case's counts) until then. An edit of a reply that
    /// was never published (held, or rejected) waits for a moderator in any case: only a
    /// moderator publishes a reply.
    pub async fn update_reply(
        &self,
        id: ReplyId,
        editor: UserId,
        reply: &GatedReply,
        seen: &ReplyFacts,
        now: i64,
    ) -> Result<(), StoreError> {
        let text = reply.text();
        let mut tx = self.write_tx().await?;
        let case_id: i64 = sqlx::query_scalar("select case_id from replies where id = $1")
            .bind(id.0)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound("There is no such reply."))?;
        // The case row's lock also orders this edit against a moderator's decision on the reply.
        self.confirm_case(&mut tx, CaseId(case_id), &seen.case)
            .await?;
        let state: String = sqlx::query_scalar("select review_state from replies where id = $1")
            .bind(id.0)
            .fetch_one(&mut *tx)
            .await?;
        if state != seen.review.key() {
            return Err(StoreError::Conflict(super::CASE_CHANGED));
        }
        let held = match reply.hold() {
            Some(hold) => Some(hold.key()),
            None if state != ReviewState::Approved.key() => Some("resubmitted"),
            None => None,
        };
        if held.is_some() {
            sqlx::query(
                "update replies set review_state = 'pending', submitted_at = $1 where id = $2",
            )
            .bind(now)
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        }
        let case: i64 = sqlx::query_scalar("update replies set body_md = $1, body_html = $2, renderer_version = $3, edited_at = $4 where id = $5 returning case_id")
            .bind(text.source())
            .bind(text.html())
            .bind(text.renderer_version())
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
            text.revision(),
        )
        .await?;
        recount(&mut tx, CaseId(case)).await?;
        let action = if held.is_some() {
            "reply_edit_held_for_review"
        } else {
            "reply_edit_published"
        };
        gate_audit(&mut tx, reply, action, held, id, CaseId(case), editor, now).await?;
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

    /// The reply, if `reader` may see it (the visibility rule); `None` for a missing reply and
    /// for one the reader may not see alike.
    pub async fn find_reply(
        &self,
        id: ReplyId,
        reader: &Actor,
    ) -> Result<Option<ReplyRow>, StoreError> {
        let sql = format!(
            "select {REPLY_COLUMNS} from replies r join users u on u.id = r.author_id \
             join cases c on c.id = r.case_id where r.id = $1 and {}",
            reply_visible("r", "c", "$2", reader)
        );
        let row = sqlx::query(&sql)
            .bind(id.0)
            .bind(reader.user_id.0)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(reply_from_row).transpose()
    }

    /// The replies of a case that `reader` may see, oldest first.
    pub async fn list_replies(
        &self,
        case: CaseId,
        reader: &Actor,
    ) -> Result<Vec<ReplyRow>, StoreError> {
        let sql = format!(
            "select {REPLY_COLUMNS} from replies r join users u on u.id = r.author_id \
             join cases c on c.id = r.case_id where r.case_id = $1 and {} order by r.id",
            reply_visible("r", "c", "$2", reader)
        );
        let rows = sqlx::query(&sql)
            .bind(case.0)
            .bind(reader.user_id.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(reply_from_row).collect()
    }

    pub async fn set_helpful(&self, reply: ReplyId, helpful: bool) -> Result<(), StoreError> {
        sqlx::query("update replies set helpful = $1 where id = $2")
            .bind(yes(helpful))
            .bind(reply.0)
            .execute(&mut *self.pool.acquire().await?)
            .await?;
        Ok(())
    }
}

fn reply_from_row(r: &DbRow) -> Result<ReplyRow, StoreError> {
    Ok(ReplyRow {
        id: ReplyId(r.try_get("id")?),
        case_id: CaseId(r.try_get("case_id")?),
        author_id: UserId(r.try_get("author_id")?),
        author_name: r.try_get("author_name")?,
        anonymous: flag(r, "anonymous")?,
        supervisor_feedback: flag(r, "supervisor_feedback")?,
        helpful: flag(r, "helpful")?,
        source: r.try_get("body_md")?,
        html: r.try_get("body_html")?,
        created_at: r.try_get("created_at")?,
        edited: r.try_get::<Option<i64>, _>("edited_at")?.is_some(),
        hidden: r.try_get::<Option<i64>, _>("hidden_at")?.is_some(),
        review: ReviewState::parse(r.try_get("review_state")?).unwrap_or(ReviewState::Pending),
    })
}

/// A reply becomes public: the case's counts and activity, and the case author's notification
/// (unless they wrote it).
pub(super) async fn publish_reply(
    tx: &mut sqlx::Transaction<'_, Db>,
    case: CaseId,
    reply: ReplyId,
    now: i64,
) -> Result<(), StoreError> {
    let row = sqlx::query("select author_id, supervisor_feedback from replies where id = $1")
        .bind(reply.0)
        .fetch_one(&mut **tx)
        .await?;
    let author: i64 = row.try_get("author_id")?;
    let supervisor_feedback = flag(&row, "supervisor_feedback")?;
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
    tx: &mut sqlx::Transaction<'_, Db>,
    case: CaseId,
) -> Result<(), StoreError> {
    sqlx::query(
        "update cases set \
           reply_count = (select count(*) from replies where case_id = $1 and review_state = 'approved'), \
           has_supervisor_feedback = (select case when count(*) > 0 then 1 else 0 end from replies \
             where case_id = $1 and review_state = 'approved' and supervisor_feedback = 1) \
         where id = $1",
    )
    .bind(case.0)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The gate's decision about a reply or a reply's edit, in the audit log: published or held
/// (and why), with the scanner's count. Ids and counts only.
#[allow(clippy::too_many_arguments)]
async fn gate_audit(
    tx: &mut sqlx::Transaction<'_, Db>,
    reply: &GatedReply,
    action: &'static str,
    held: Option<&'static str>,
    id: ReplyId,
    case: CaseId,
    author: UserId,
    now: i64,
) -> Result<(), StoreError> {
    let detail = match held {
        None => format!("reply={id} findings={}", reply.findings()),
        Some(why) => format!("reply={id} findings={} held={why}", reply.findings()),
    };
    AuditEvent {
        at: now,
        actor: Some(author),
        action,
        target: None,
        detail: &detail,
        case: Some(case),
        review: None,
    }
    .write(tx)
    .await
}
