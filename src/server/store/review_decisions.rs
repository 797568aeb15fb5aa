//! Moderators' claims and decisions on cases, each with its notification and audit row in one
//! transaction.

use sqlx::Row;

use super::notifications::notify;
use super::review::{DecisionWrite, ReviewRefusal};
use super::{AuditEvent, Db, Store, StoreError};
use crate::domain::review::{Decision, ReviewState};
use crate::model::{CaseId, UserId};

impl Store {
    /// Claims a pending case for `moderator` unless another moderator's claim is current.
    pub async fn claim_case(
        &self,
        case: CaseId,
        moderator: UserId,
        now: i64,
        claims_after: i64,
    ) -> Result<Result<(), ReviewRefusal>, StoreError> {
        let mut tx = self.write_tx().await?;
        if let Err(refusal) = check_reviewable(self, &mut tx, case, moderator, claims_after).await?
        {
            return Ok(Err(refusal));
        }
        sqlx::query("update cases set claimed_by = $1, claimed_at = $2 where id = $3")
            .bind(moderator.0)
            .bind(now)
            .bind(case.0)
            .execute(&mut *tx)
            .await?;
        AuditEvent {
            at: now,
            actor: Some(moderator),
            action: "case_claimed",
            target: None,
            detail: "",
            case: Some(case),
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// Records a decision on the version under review: the new state, the review row, the
    /// author's notification, the supervisor of record's first notification on approval, and
    /// the audit row, all or nothing.
    pub async fn decide_case(
        &self,
        case: CaseId,
        write: &DecisionWrite<'_>,
        now: i64,
    ) -> Result<Result<i64, ReviewRefusal>, StoreError> {
        let mut tx = self.write_tx().await?;
        if let Err(refusal) =
            check_reviewable(self, &mut tx, case, write.moderator, write.claims_after).await?
        {
            return Ok(Err(refusal));
        }
        let (author, supervisor): (i64, Option<i64>) =
            sqlx::query_as("select author_id, supervisor_id from cases where id = $1")
                .bind(case.0)
                .fetch_one(&mut *tx)
                .await?;
        let revision: i64 = sqlx::query_scalar(
            "select max(id) from revisions where case_id = $1 and reply_id is null",
        )
        .bind(case.0)
        .fetch_one(&mut *tx)
        .await?;
        match write.revision {
            None => return Ok(Err(ReviewRefusal::NoVersion)),
            Some(seen) if seen != revision => return Ok(Err(ReviewRefusal::Changed)),
            Some(_) => {}
        }
        let outcome = write.decision.outcome();
        let (id_column, id_value) = self.backend.fresh_id("case_reviews", "review_id_floor");
        let review: i64 = sqlx::query_scalar(&format!(
            "insert into case_reviews ({id_column}case_id, revision_id, moderator_id, decision, reason, checklist, at) \
             values ({id_value}$1, $2, $3, $4, $5, $6, $7) returning id",
        ))
        .bind(case.0)
        .bind(revision)
        .bind(write.moderator.0)
        .bind(outcome.key())
        .bind(write.reason)
        .bind(write.checklist)
        .bind(now)
        .fetch_one(&mut *tx)
        .await?;
        // An approved case is new to the list: it goes to the top.
        sqlx::query(
            "update cases set review_state = $1, claimed_by = null, claimed_at = null, \
             last_activity_at = case when $1 = 'approved' then $2 else last_activity_at end where id = $3",
        )
        .bind(outcome.key())
        .bind(now)
        .bind(case.0)
        .execute(&mut *tx)
        .await?;
        super::search_index::sync_case(&mut tx, self.backend, case).await?;
        let (kind, action) = match write.decision {
            Decision::Approve => ("case_approved", "case_approved"),
            Decision::Return => ("case_returned", "case_returned"),
            Decision::Reject => ("case_rejected", "case_rejected"),
        };
        notify_review(&mut tx, self.mail, UserId(author), kind, case, review, now).await?;
        if write.decision == Decision::Approve {
            super::flags::resolve_case_flags(&mut tx, self.mail, case, now).await?;
        }
        if let (Decision::Approve, Some(sup)) = (write.decision, supervisor) {
            let told: i64 = sqlx::query_scalar(
                "select count(*) from notifications where user_id = $1 and case_id = $2 and kind = 'supervisor_of_record'",
            )
            .bind(sup)
            .bind(case.0)
            .fetch_one(&mut *tx)
            .await?;
            if told == 0 {
                notify(
                    &mut tx,
                    self.mail,
                    UserId(sup),
                    "supervisor_of_record",
                    case,
                    now,
                )
                .await?;
            }
        }
        let detail = format!("revision={revision}");
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

/// The case exists, is pending, and no other moderator holds a current claim on it.
///
/// The case row stays locked to the end of the transaction (on PostgreSQL; SQLite's write
/// transaction excludes other writers already), so of two moderators claiming or deciding at
/// once on two nodes, the second sees the first one's claim or decision.
async fn check_reviewable(
    store: &Store,
    tx: &mut sqlx::Transaction<'_, Db>,
    case: CaseId,
    moderator: UserId,
    claims_after: i64,
) -> Result<Result<(), ReviewRefusal>, StoreError> {
    match store.lock_case(tx, case).await {
        Ok(_) => {}
        Err(StoreError::NotFound(_)) => return Ok(Err(ReviewRefusal::NotFound)),
        Err(e) => return Err(e),
    }
    let row = sqlx::query(
        "select c.review_state, c.claimed_by, c.claimed_at, u.display_name from cases c \
         left join users u on u.id = c.claimed_by where c.id = $1",
    )
    .bind(case.0)
    .fetch_optional(&mut **tx)
    .await?;
    let Some(row) = row else {
        return Ok(Err(ReviewRefusal::NotFound));
    };
    let state = ReviewState::parse(row.try_get("review_state")?)
        .ok_or(StoreError::Corrupt("cases.review_state"))?;
    if state != ReviewState::Pending {
        return Ok(Err(ReviewRefusal::NotPending(state)));
    }
    let claimer: Option<i64> = row.try_get("claimed_by")?;
    let claimed_at: Option<i64> = row.try_get("claimed_at")?;
    match (claimer, claimed_at) {
        (Some(by), Some(at)) if by != moderator.0 && at > claims_after => {
            Ok(Err(ReviewRefusal::ClaimedBy(
                row.try_get::<Option<String>, _>("display_name")?
                    .unwrap_or_default(),
            )))
        }
        _ => Ok(Ok(())),
    }
}

/// A notification about a review decision, pointing at its `case_reviews` row (the reason).
pub(super) async fn notify_review(
    tx: &mut sqlx::Transaction<'_, Db>,
    mail: bool,
    user: UserId,
    kind: &'static str,
    case: CaseId,
    review: i64,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into notifications (user_id, kind, case_id, review_id, created_at) values ($1, $2, $3, $4, $5)",
    )
    .bind(user.0)
    .bind(kind)
    .bind(case.0)
    .bind(review)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    if mail {
        super::notifications::mail_about(tx, user, kind, case, now).await?;
    }
    Ok(())
}
