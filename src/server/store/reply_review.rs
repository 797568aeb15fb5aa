//! Replies held at the reply gate: the list for the queue, and a moderator's decision with its
//! notifications and audit row in one transaction.

use super::replies::publish_reply;
use super::review::{DecisionWrite, ReviewRefusal};
use super::review_decisions::notify_review;
use super::visibility::reply_visible;
use super::{AuditEvent, Store, StoreError};
use crate::domain::policy::Actor;
use crate::domain::review::{Decision, ReviewState};
use crate::model::{CaseId, ReplyId, UserId};

/// A reply waiting for a moderator.
pub struct PendingReplyRow {
    pub reply: ReplyId,
    pub case: CaseId,
    pub case_title: String,
    pub submitted_at: i64,
}

impl Store {
    /// Held replies on cases the moderator `reader` may see, oldest first.
    pub async fn pending_replies(
        &self,
        reader: &Actor,
        limit: i64,
    ) -> Result<Vec<PendingReplyRow>, StoreError> {
        let sql = format!(
            "select r.id, r.case_id, c.title, coalesce(r.submitted_at, r.created_at) as submitted \
             from replies r join cases c on c.id = r.case_id \
             where r.review_state = 'pending' and r.deleted_at is null and {} \
             order by submitted, r.id limit $1",
            reply_visible("r", "c", "$2", reader)
        );
        let rows: Vec<(i64, i64, String, i64)> = sqlx::query_as(&sql)
            .bind(limit)
            .bind(reader.user_id.0)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(reply, case, case_title, submitted_at)| PendingReplyRow {
                reply: ReplyId(reply),
                case: CaseId(case),
                case_title,
                submitted_at,
            })
            .collect())
    }

    /// The newest revision of a reply, which its review page shows.
    pub async fn latest_reply_revision(&self, reply: ReplyId) -> Result<i64, StoreError> {
        let latest: Option<i64> =
            sqlx::query_scalar("select max(id) from revisions where reply_id = $1")
                .bind(reply.0)
                .fetch_one(&self.pool)
                .await?;
        Ok(latest.unwrap_or(0))
    }

    pub async fn count_pending_replies(&self, reader: &Actor) -> Result<i64, StoreError> {
        let sql = format!(
            "select count(*) from replies r join cases c on c.id = r.case_id \
             where r.review_state = 'pending' and r.deleted_at is null and {}",
            reply_visible("r", "c", "$1", reader)
        );
        Ok(sqlx::query_scalar(&sql)
            .bind(reader.user_id.0)
            .fetch_one(&self.pool)
            .await?)
    }

    /// Approves or rejects a held reply. Approval publishes it (counts, the case author's
    /// notification); either way its author is told, with the reason on rejection.
    pub async fn decide_reply(
        &self,
        reply: ReplyId,
        write: &DecisionWrite<'_>,
        now: i64,
    ) -> Result<Result<i64, ReviewRefusal>, StoreError> {
        let mut tx = self.write_tx().await?;
        // Every write to a reply first locks its case row (see `guard`), so a decision and the
        // author's edit of the same reply on two nodes happen one after the other.
        let case: Option<i64> = sqlx::query_scalar("select case_id from replies where id = $1")
            .bind(reply.0)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(case) = case else {
            return Ok(Err(ReviewRefusal::NotFound));
        };
        self.lock_case(&mut tx, CaseId(case)).await?;
        let row: Option<(i64, i64, String)> =
            // A reply its author deleted meanwhile is no longer there to decide on.
            sqlx::query_as("select case_id, author_id, review_state from replies where id = $1 and deleted_at is null")
                .bind(reply.0)
                .fetch_optional(&mut *tx)
                .await?;
        let Some((case, author, state)) = row else {
            return Ok(Err(ReviewRefusal::NotFound));
        };
        let state =
            ReviewState::parse(&state).ok_or(StoreError::Corrupt("replies.review_state"))?;
        if state != ReviewState::Pending {
            return Ok(Err(ReviewRefusal::NotPending(state)));
        }
        let case = CaseId(case);
        let outcome = match write.decision {
            Decision::Approve => ReviewState::Approved,
            Decision::Return | Decision::Reject => ReviewState::Rejected,
        };
        let revision: i64 = sqlx::query_scalar("select max(id) from revisions where reply_id = $1")
            .bind(reply.0)
            .fetch_one(&mut *tx)
            .await?;
        match write.revision {
            None => return Ok(Err(ReviewRefusal::NoVersion)),
            Some(seen) if seen != revision => return Ok(Err(ReviewRefusal::Changed)),
            Some(_) => {}
        }
        let (id_column, id_value) = self.backend.fresh_id("case_reviews", "review_id_floor");
        let review: i64 = sqlx::query_scalar(&format!(
            "insert into case_reviews ({id_column}case_id, reply_id, revision_id, moderator_id, decision, reason, checklist, at) \
             values ({id_value}$1, $2, $3, $4, $5, $6, $7, $8) returning id",
        ))
        .bind(case.0)
        .bind(reply.0)
        .bind(revision)
        .bind(write.moderator.0)
        .bind(outcome.key())
        .bind(write.reason)
        .bind(write.checklist)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("update replies set review_state = $1 where id = $2")
            .bind(outcome.key())
            .bind(reply.0)
            .execute(&mut *tx)
            .await?;
        super::search_index::sync_reply(&mut tx, self.backend, reply).await?;
        let (kind, action) = if outcome == ReviewState::Approved {
            publish_reply(&mut tx, self.mail, case, reply, now).await?;
            ("reply_approved", "reply_approved")
        } else {
            ("reply_rejected", "reply_rejected")
        };
        notify_review(&mut tx, self.mail, UserId(author), kind, case, review, now).await?;
        let detail = format!("reply={reply}");
        AuditEvent {
            at: now,
            actor: Some(write.moderator),
            action,
            target: Some(UserId(author)),
            detail: &detail,
            case: Some(case),
            review: Some(review),
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(Ok(review))
    }
}
