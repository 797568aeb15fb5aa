//! What happens to a case after it is written, each with its audit row in the same
//! transaction: its author posts a follow-up (back to the review queue) or closes and reopens
//! it; a moderator locks and unlocks it with a reason.

use super::cases::{insert_revision, set_checklist, write_explanations};
use super::{AuditEvent, Store, StoreError};
use crate::domain::policy::CaseFacts;
use crate::model::{CaseId, UserId};
use crate::server::gate::GatedFollowUp;

/// The lock a moderator put on a case: when, and why (shown to the author and moderators).
pub struct LockRow {
    pub at: i64,
    pub reason: String,
}

impl Store {
    /// Locks (`lock`) or unlocks the case. False when it already was so, and nothing is written.
    pub async fn set_case_lock(
        &self,
        case: CaseId,
        moderator: UserId,
        lock: bool,
        reason: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let done = sqlx::query(
            "update cases set locked_at = case when $1 then $2 end \
             where id = $3 and (locked_at is not null) <> $1",
        )
        .bind(lock)
        .bind(now)
        .bind(case.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        let action = if lock { "locked" } else { "unlocked" };
        let id: i64 = sqlx::query_scalar(
            "insert into case_locks (case_id, moderator_id, action, reason, at) values ($1, $2, $3, $4, $5) returning id",
        )
        .bind(case.0)
        .bind(moderator.0)
        .bind(action)
        .bind(reason)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        let detail = format!("lock={id}");
        AuditEvent {
            at: now,
            actor: Some(moderator),
            action: if lock { "case_locked" } else { "case_unlocked" },
            target: None,
            detail: &detail,
            case: Some(case),
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The current lock's time and reason, if the case is locked.
    pub async fn current_lock(&self, case: CaseId) -> Result<Option<LockRow>, StoreError> {
        let row: Option<(i64, String)> = sqlx::query_as(
            "select l.at, l.reason from case_locks l join cases c on c.id = l.case_id \
             where l.case_id = $1 and c.locked_at is not null and l.action = 'locked' \
             order by l.id desc limit 1",
        )
        .bind(case.0)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|(at, reason)| LockRow { at, reason }))
    }

    /// Stores (or replaces) the follow-up and sends the case back to the review queue, like an
    /// author's edit: the new revision (the whole case with its follow-up) carries the author's
    /// checklist and explanations; the case is "follow-up posted"; any claim is released.
    pub async fn submit_follow_up(
        &self,
        case: CaseId,
        author: UserId,
        follow_up: &GatedFollowUp,
        seen: &CaseFacts,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        self.confirm_writer(&mut tx, author).await?;
        self.confirm_case(&mut tx, case, seen).await?;
        let text = follow_up.text();
        sqlx::query(
            "insert into case_sections (case_id, section, source_md, html, renderer_version) values ($1, 'follow_up', $2, $3, $4) \
             on conflict (case_id, section) do update set source_md = excluded.source_md, html = excluded.html, \
             renderer_version = excluded.renderer_version",
        )
        .bind(case.0)
        .bind(text.source())
        .bind(text.html())
        .bind(text.renderer_version())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "update cases set state = 'follow-up', edited_at = $1, review_state = 'pending', submitted_at = $1, \
             claimed_by = null, claimed_at = null where id = $2",
        )
        .bind(now)
        .bind(case.0)
        .execute(&mut *tx)
        .await?;
        // Out of search until a moderator approves the follow-up.
        super::search_index::sync_case(&mut tx, self.backend, case).await?;
        let revision = insert_revision(&mut tx, case, None, author, now, text.revision()).await?;
        set_checklist(&mut tx, revision, Some(follow_up.checklist())).await?;
        write_explanations(&mut tx, revision, follow_up.explanations()).await?;
        let detail = format!(
            "case={case} revision={revision} findings={} explained={}",
            follow_up.findings(),
            follow_up.explanations().len()
        );
        AuditEvent {
            at: now,
            actor: Some(author),
            action: "follow_up_submitted",
            target: None,
            detail: &detail,
            case: Some(case),
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The author closes their case to new replies and follow-ups (`closed`), or opens it again
    /// (to "follow-up posted" when it has one). False when it was already so.
    pub async fn set_case_closed(
        &self,
        case: CaseId,
        author: UserId,
        closed: bool,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let done = sqlx::query(
            "update cases set state = case when $1 then 'closed' \
               when exists (select 1 from case_sections s where s.case_id = cases.id and s.section = 'follow_up') \
               then 'follow-up' else 'open' end \
             where id = $2 and (state = 'closed') <> $1",
        )
        .bind(closed)
        .bind(case.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        AuditEvent {
            at: now,
            actor: Some(author),
            action: if closed {
                "case_closed"
            } else {
                "case_reopened"
            },
            target: None,
            detail: "",
            case: Some(case),
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}

/// How many signs there are that members have read the case `$1`.
const WAS_READ: &str = "select (select count(*) from case_reviews where case_id = $1 \
     and reply_id is null and decision = 'approved') + (select count(*) from replies where case_id = $1)";

/// A withdrawal refused: the case was published before (an edit now waits for review). Its
/// readers and their replies depend on it; closing it is the author's way out.
pub const WAS_PUBLISHED: &str = "This case was published before: members have read it, and their replies belong to the discussion. It cannot be withdrawn; you can close it, or ask a moderator.";

impl Store {
    /// Members have read the case: a moderator approved it at least once, or it has replies
    /// (a case published before reviews were recorded has no approval row, but its replies
    /// show it was read).
    pub async fn case_was_published(&self, case: CaseId) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar(WAS_READ)
            .bind(case.0)
            .fetch_one(&self.pool)
            .await?;
        Ok(n > 0)
    }

    /// Deletes the author's case if it still waits for review (or was returned) and was never
    /// published, with everything hanging on it; a moderator's claim goes with it. The text is
    /// scrubbed by the purge job, as a purged case's is. `Conflict` when it was published.
    pub async fn withdraw_case(
        &self,
        case: CaseId,
        author: UserId,
        seen: &CaseFacts,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        self.confirm_case(&mut tx, case, seen).await?;
        let published: i64 = sqlx::query_scalar(WAS_READ)
            .bind(case.0)
            .fetch_one(&mut *tx)
            .await?;
        if published > 0 {
            return Err(StoreError::Conflict(WAS_PUBLISHED));
        }
        sqlx::query("delete from cases where id = $1 and author_id = $2")
            .bind(case.0)
            .bind(author.0)
            .execute(&mut *tx)
            .await?;
        super::purge::owe_scrubs(&mut tx).await?;
        AuditEvent {
            at: now,
            actor: Some(author),
            action: "case_withdrawn",
            target: None,
            detail: "",
            case: Some(case),
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        self.snapshots.forget(case);
        Ok(())
    }
}
