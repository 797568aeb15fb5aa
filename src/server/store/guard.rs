//! Several writers, one answer. A service decides whether a member may act on a case from the
//! case as it read it (`CaseFacts`), then asks the store to write. Another node (or another
//! request) may close, lock, return or hide the case in between, so every write that depends
//! on those facts first locks the case row inside its own transaction and confirms they are
//! still the ones the policy saw. On PostgreSQL the lock is `select … for update`, held to the
//! end of the transaction, so the writers to one case queue behind each other; on SQLite the
//! write transaction (`BEGIN IMMEDIATE`) already excludes every other writer.
//!
//! Every writer of a case's replies locks the case first, even when it depends on no fact: a
//! change to a reply also bumps the case's `replies_version` (a trigger), so the case row is
//! locked either way, and taking it first keeps one lock order (case, then reply) on every
//! path. Two writers that took them in opposite orders could deadlock.

use sqlx::Row as _;

use super::{Backend, Db, Store, StoreError};
use crate::domain::case::CaseState;
use crate::domain::group::Audience;
use crate::domain::policy::CaseFacts;
use crate::domain::review::ReviewState;
use crate::model::{CaseId, GroupId, UserId};

/// What a member sees when the case changed under them. Nothing was saved.
pub const CASE_CHANGED: &str = "This case changed while you were writing (it was closed, locked or sent back to review). Nothing was saved; what you typed is kept. Reload the case to see where it stands.";

/// A post refused because its writer's account was deleted while it was sent.
pub const WRITER_ERASED: &str =
    "This account was deleted while the post was being sent. Nothing was saved.";

impl Store {
    /// Locks the case row for the rest of `tx` and returns its facts as the policy reads them
    /// (`recused` is the reader's own flag and stays false here). `NotFound` for no such case.
    pub(super) async fn lock_case(
        &self,
        tx: &mut sqlx::Transaction<'_, Db>,
        case: CaseId,
    ) -> Result<CaseFacts, StoreError> {
        let sql = format!(
            "select author_id, review_state, state, locked_at, group_id from cases where id = $1{}",
            self.for_update()
        );
        let row = sqlx::query(&sql)
            .bind(case.0)
            .fetch_optional(&mut **tx)
            .await?
            .ok_or(StoreError::NotFound("There is no such case."))?;
        Ok(CaseFacts {
            author: UserId(row.try_get("author_id")?),
            review: ReviewState::parse(row.try_get("review_state")?)
                .ok_or(StoreError::Corrupt("cases.review_state"))?,
            state: CaseState::parse(row.try_get("state")?)
                .ok_or(StoreError::Corrupt("cases.state"))?,
            locked: row.try_get::<Option<i64>, _>("locked_at")?.is_some(),
            recused: false,
            // Like `recused`, membership is the reader's: only the group is compared.
            audience: match row.try_get::<Option<i64>, _>("group_id")? {
                None => Audience::Forum,
                Some(id) => Audience::Group {
                    id: GroupId(id),
                    member: false,
                },
            },
        })
    }

    /// Locks the case and confirms the facts a service decided on (`seen`) still hold;
    /// `Conflict` when another writer changed them first.
    pub(super) async fn confirm_case(
        &self,
        tx: &mut sqlx::Transaction<'_, Db>,
        case: CaseId,
        seen: &CaseFacts,
    ) -> Result<(), StoreError> {
        let now = self.lock_case(tx, case).await?;
        if now.author == seen.author
            && now.review == seen.review
            && now.state == seen.state
            && now.locked == seen.locked
            && now.audience.group() == seen.audience.group()
        {
            Ok(())
        } else {
            Err(StoreError::Conflict(CASE_CHANGED))
        }
    }

    /// The writer's account has not been erased since their session was checked: an erasure
    /// that committed meanwhile took their posts (or made them "Former member"'s), and a post
    /// written after it must not appear under either. On PostgreSQL the users row is
    /// share-locked, before the case row, the order erasure locks them in: a post and an
    /// erasure of its writer queue behind each other instead of deadlocking, and an erasure
    /// that comes second deletes the post with the others.
    pub(super) async fn confirm_writer(
        &self,
        tx: &mut sqlx::Transaction<'_, Db>,
        writer: UserId,
    ) -> Result<(), StoreError> {
        let share = match self.backend {
            Backend::Sqlite => "",
            Backend::Postgres => " for share",
        };
        let erased: Option<Option<i64>> =
            sqlx::query_scalar(&format!("select erased_at from users where id = $1{share}"))
                .bind(writer.0)
                .fetch_optional(&mut **tx)
                .await?;
        match erased {
            Some(None) => Ok(()),
            _ => Err(StoreError::Conflict(WRITER_ERASED)),
        }
    }

    /// Registrations (and name changes) one at a time, to the end of `tx`: the look-alike name check compares a
    /// new name with every member's, which no row lock covers. PostgreSQL: a transaction-level
    /// advisory lock; SQLite's write transaction already is one.
    pub(super) async fn serialize_registrations(
        &self,
        tx: &mut sqlx::Transaction<'_, Db>,
    ) -> Result<(), StoreError> {
        if self.backend == Backend::Postgres {
            sqlx::query("select pg_advisory_xact_lock(7301)")
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// ` for update` on PostgreSQL (a row lock held to the end of the transaction), nothing on
    /// SQLite, whose write transaction already excludes every other writer.
    pub(super) fn for_update(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite => "",
            Backend::Postgres => " for update",
        }
    }
}
