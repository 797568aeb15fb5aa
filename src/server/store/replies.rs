//! Replies and helpful marks: writing a gated reply or its edit (with the gate's decision in
//! the audit log) and publishing a reply. Reading them is `reply_reads`.

use sqlx::Row;

use super::cases::insert_revision;
use super::search_index::sync_reply;
use super::watches::notify_watchers;
use super::yes;
use super::{AuditEvent, Db, Store, StoreError, flag};
use crate::domain::policy::{CaseFacts, ReplyFacts};
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
        self.confirm_writer(&mut tx, author).await?;
        self.confirm_case(&mut tx, case, seen).await?;
        let (id_column, id_value) = self.backend.fresh_id("replies", "reply_id_floor");
        let id: i64 = sqlx::query_scalar(&format!(
            "insert into replies ({id_column}case_id, author_id, anonymous, supervisor_feedback, body_md, body_html, renderer_version, created_at, \
             review_state, submitted_at) values ({id_value}$1, $2, $3, $4, $5, $6, $7, $8, $9, $8) returning id",
        ))
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
        sync_reply(&mut tx, self.backend, ReplyId(id)).await?;
        let held = write.reply.hold().map(|h| h.key());
        let action = if held.is_some() {
            "reply_held_for_review"
        } else {
            publish_reply(&mut tx, self.mail, case, ReplyId(id), now).await?;
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
        self.confirm_writer(&mut tx, editor).await?;
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
        sync_reply(&mut tx, self.backend, id).await?;
        let action = if held.is_some() {
            "reply_edit_held_for_review"
        } else {
            "reply_edit_published"
        };
        gate_audit(&mut tx, reply, action, held, id, CaseId(case), editor, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The case is locked first, as by every writer of replies (see `guard`).
    pub async fn set_helpful(
        &self,
        case: CaseId,
        reply: ReplyId,
        helpful: bool,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        self.lock_case(&mut tx, case).await?;
        sqlx::query("update replies set helpful = $1 where id = $2 and case_id = $3")
            .bind(yes(helpful))
            .bind(reply.0)
            .bind(case.0)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// A reply becomes public: the case's counts and activity, and the notifications of the case's
/// watchers (its author among them, unless they chose not to), by email too with `mail`.
pub(super) async fn publish_reply(
    tx: &mut sqlx::Transaction<'_, Db>,
    mail: bool,
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
    notify_watchers(tx, mail, case, UserId(author), supervisor_feedback, now).await
}

/// The case's reply count and supervisor-feedback mark, from its published replies that their
/// authors have not deleted.
pub(super) async fn recount(
    tx: &mut sqlx::Transaction<'_, Db>,
    case: CaseId,
) -> Result<(), StoreError> {
    sqlx::query(
        "update cases set \
           reply_count = (select count(*) from replies where case_id = $1 and review_state = 'approved' \
             and deleted_at is null), \
           has_supervisor_feedback = (select case when count(*) > 0 then 1 else 0 end from replies \
             where case_id = $1 and review_state = 'approved' and supervisor_feedback = 1 \
             and deleted_at is null) \
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
