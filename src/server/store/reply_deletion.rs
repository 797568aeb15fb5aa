//! A reply its author deleted, and a moderator removing it for good. Deleting keeps the row for
//! the moderators (`deleted_at`; the visibility rule shows readers a tombstone); removing
//! deletes it with its versions, flags and reviews, and asks the purge job to scrub the bytes.

use super::purge::owe_scrubs;
use super::replies::recount;
use super::search_index::{scrub, sync_case};
use super::{AuditEvent, Store, StoreError};
use crate::domain::policy::ReplyFacts;
use crate::model::{CaseId, ReplyId, UserId};

pub const ALREADY_DELETED: &str = "You already deleted this reply. Nothing was changed.";
pub const NOT_DELETED: &str =
    "Only a reply its author deleted can be removed for good. Nothing was changed.";

impl Store {
    /// True when `user` wrote the reply and has deleted it: a second deletion is answered as
    /// such, not as a missing reply.
    pub async fn own_deleted_reply(&self, id: ReplyId, user: UserId) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar(
            "select count(*) from replies where id = $1 and author_id = $2 and deleted_at is not null",
        )
        .bind(id.0)
        .bind(user.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }

    /// The author deletes their reply: out of the case's count and of search, a tombstone for
    /// readers. `Conflict` when it was deleted meanwhile or its case changed.
    pub async fn delete_reply(
        &self,
        id: ReplyId,
        author: UserId,
        seen: &ReplyFacts,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        self.confirm_writer(&mut tx, author).await?;
        let case = self.case_of_reply(&mut tx, id).await?;
        self.confirm_case(&mut tx, case, &seen.case).await?;
        let changed = sqlx::query(
            "update replies set deleted_at = $1 where id = $2 and author_id = $3 and deleted_at is null",
        )
        .bind(now)
        .bind(id.0)
        .bind(author.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::Conflict(ALREADY_DELETED));
        }
        recount(&mut tx, case).await?;
        sync_case(&mut tx, self.backend, case).await?;
        AuditEvent {
            at: now,
            actor: Some(author),
            action: "reply_deleted",
            target: None,
            detail: &format!("reply={id}"),
            case: Some(case),
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// A moderator removes a deleted reply for good, with everything hanging on it; the purge
    /// job then scrubs its bytes. `Conflict` when it is not (or no longer) a deleted reply.
    pub async fn remove_reply(
        &self,
        id: ReplyId,
        moderator: UserId,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let case = self.case_of_reply(&mut tx, id).await?;
        self.lock_case(&mut tx, case).await?;
        // Notifications of the reply's reviews point at them without a cascade.
        sqlx::query(
            "delete from notifications where review_id in \
             (select id from case_reviews where reply_id = $1)",
        )
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
        let removed = sqlx::query("delete from replies where id = $1 and deleted_at is not null")
            .bind(id.0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if removed == 0 {
            return Err(StoreError::Conflict(NOT_DELETED));
        }
        recount(&mut tx, case).await?;
        sync_case(&mut tx, self.backend, case).await?;
        scrub(&mut tx, self.backend).await?;
        owe_scrubs(&mut tx).await?;
        AuditEvent {
            at: now,
            actor: Some(moderator),
            action: "reply_removed",
            target: None,
            detail: &format!("reply={id}"),
            case: Some(case),
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn case_of_reply(
        &self,
        tx: &mut sqlx::Transaction<'_, super::Db>,
        id: ReplyId,
    ) -> Result<CaseId, StoreError> {
        let case: Option<i64> = sqlx::query_scalar("select case_id from replies where id = $1")
            .bind(id.0)
            .fetch_optional(&mut **tx)
            .await?;
        case.map(CaseId)
            .ok_or(StoreError::NotFound("There is no such reply."))
    }
}
