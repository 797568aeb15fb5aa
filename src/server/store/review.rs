//! The review queue as moderators read it: pending cases oldest first, the version under review
//! with the author's checklist and explanations, and earlier decisions. Claims and decisions
//! are in `review_decisions.rs`.

use sqlx::Row;

use super::visibility::case_visible;
use super::{Store, StoreError, flag};
use crate::domain::policy::Actor;
use crate::domain::review::{Decision, ReviewState};
use crate::model::{CaseId, UserId};

/// One case waiting in the queue.
pub struct QueueRow {
    pub id: CaseId,
    pub title: String,
    pub submitted_at: i64,
    pub claimed_by: Option<(UserId, String)>,
    pub claimed_at: Option<i64>,
    /// It was approved before: this is an edit of a published case (or it was hidden by flags).
    pub is_edit: bool,
    /// Open "may identify" flags on the case itself.
    pub flags: i64,
}

/// A moderator's earlier decision on a case.
pub struct ReviewRow {
    pub decision: ReviewState,
    pub reason: String,
    pub moderator: String,
    pub at: i64,
}

/// The version under review and what the author said about it.
pub struct RevisionUnderReview {
    pub id: i64,
    pub source: String,
    pub checklist: Option<String>,
    /// (field, category, start, end, explanation), spans into `source`'s fields.
    pub explanations: Vec<(String, String, i64, i64, String)>,
}

/// Why a claim or a decision did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewRefusal {
    /// Another moderator's claim is current.
    ClaimedBy(String),
    /// The case is not waiting for review (decided already, or never submitted).
    NotPending(ReviewState),
    /// A newer version arrived after the moderator opened the one they decided on.
    Changed,
    /// The decision did not say which version the moderator read.
    NoVersion,
    NotFound,
}

/// What a decision writes: who, what, the reason, the moderator's checklist (JSON).
pub struct DecisionWrite<'a> {
    pub moderator: UserId,
    pub decision: Decision,
    pub reason: &'a str,
    pub checklist: Option<&'a str>,
    /// Claims older than this (unix seconds) have lapsed.
    pub claims_after: i64,
    /// The revision the moderator read; the decision applies only if it is still the newest.
    pub revision: Option<i64>,
}

impl Store {
    /// Pending cases the moderator `reader` may see, oldest submission first.
    pub async fn review_queue(
        &self,
        reader: &Actor,
        limit: i64,
    ) -> Result<Vec<QueueRow>, StoreError> {
        let sql = format!(
            "select c.id, c.title, coalesce(c.submitted_at, c.created_at) as submitted_at, c.claimed_by, \
                    m.display_name as claimer, c.claimed_at, \
                    exists (select 1 from case_reviews r where r.case_id = c.id and r.reply_id is null \
                       and r.decision = 'approved') as is_edit, \
                    (select count(*) from flags f where f.case_id = c.id and f.reply_id is null \
                       and f.resolved_at is null and f.kind = 'may_identify') as flags \
             from cases c left join users m on m.id = c.claimed_by \
             where c.review_state = 'pending' and {} order by submitted_at, c.id limit $1",
            case_visible("c", "$2", reader)
        );
        let rows = sqlx::query(&sql)
            .bind(limit)
            .bind(reader.user_id.0)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(QueueRow {
                    id: CaseId(r.try_get("id")?),
                    title: r.try_get("title")?,
                    submitted_at: r.try_get("submitted_at")?,
                    claimed_by: match r.try_get::<Option<i64>, _>("claimed_by")? {
                        Some(id) => Some((
                            UserId(id),
                            r.try_get::<Option<String>, _>("claimer")?
                                .unwrap_or_default(),
                        )),
                        None => None,
                    },
                    claimed_at: r.try_get("claimed_at")?,
                    is_edit: flag(r, "is_edit")?,
                    flags: r.try_get("flags")?,
                })
            })
            .collect()
    }

    /// The name shown for a moderator holding a claim.
    pub async fn display_name(&self, id: UserId) -> Result<Option<String>, StoreError> {
        Ok(
            sqlx::query_scalar("select display_name from users where id = $1")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    pub async fn count_pending_cases(&self, reader: &Actor) -> Result<i64, StoreError> {
        let sql = format!(
            "select count(*) from cases c where c.review_state = 'pending' and {}",
            case_visible("c", "$1", reader)
        );
        Ok(sqlx::query_scalar(&sql)
            .bind(reader.user_id.0)
            .fetch_one(&self.pool)
            .await?)
    }

    /// The newest revision of the case, with its explanations, and the author's checklist of the
    /// newest revision that has one (a moderator's edit carries none).
    pub async fn revision_under_review(
        &self,
        case: CaseId,
    ) -> Result<Option<RevisionUnderReview>, StoreError> {
        let Some((id, source, checklist)) = sqlx::query_as::<_, (i64, String, Option<String>)>(
            "select id, source, (select checklist from revisions a where a.case_id = $1 and a.reply_id is null \
               and a.checklist is not null order by a.id desc limit 1) \
             from revisions where case_id = $1 and reply_id is null order by id desc limit 1",
        )
        .bind(case.0)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let explanations = sqlx::query_as(
            "select field, category, start_byte, end_byte, explanation from scan_explanations \
             where revision_id = $1 order by id",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        Ok(Some(RevisionUnderReview {
            id,
            source,
            checklist,
            explanations,
        }))
    }

    /// The source of the last approved version, to show an edit as a difference from it.
    pub async fn last_approved_source(&self, case: CaseId) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "select v.source from case_reviews r join revisions v on v.id = r.revision_id \
             where r.case_id = $1 and r.reply_id is null and r.decision = 'approved' order by r.id desc limit 1",
        )
        .bind(case.0)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Every decision on the case, oldest first.
    pub async fn case_reviews(&self, case: CaseId) -> Result<Vec<ReviewRow>, StoreError> {
        let rows = sqlx::query_as::<_, (String, String, String, i64)>(
            "select r.decision, r.reason, u.display_name, r.at from case_reviews r \
             join users u on u.id = r.moderator_id where r.case_id = $1 and r.reply_id is null order by r.id",
        )
        .bind(case.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(decision, reason, moderator, at)| {
                Ok(ReviewRow {
                    decision: ReviewState::parse(&decision)
                        .ok_or(StoreError::Corrupt("case_reviews.decision"))?,
                    reason,
                    moderator,
                    at,
                })
            })
            .collect()
    }

    /// The latest decision's reason, for the author of a returned or rejected case.
    pub async fn latest_review_reason(&self, case: CaseId) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "select nullif(reason, '') from case_reviews where case_id = $1 and reply_id is null \
             order by id desc limit 1",
        )
        .bind(case.0)
        .fetch_optional(&self.pool)
        .await?
        .flatten())
    }
}
