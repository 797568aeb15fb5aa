//! Saved drafts of a case: private to their author (every statement names the author), never
//! in the review queue. Deleting one asks the purge job to scrub its bytes.

use super::purge::owe_scrubs;
use super::{Store, StoreError};
use crate::model::UserId;
use crate::server::gate::GatedDraft;

/// How many drafts a member keeps at once.
pub const DRAFTS_MAX: i64 = 20;
pub const TOO_MANY_DRAFTS: &str = "You have 20 saved drafts, the most there can be. Delete one on \"My cases\" first; nothing was saved, and your text is below.";
const NO_DRAFT: &str = "There is no such draft. It may have been deleted, or submitted as a case.";

impl Store {
    /// Saves a new draft (`id` none) or replaces one of the author's; its id.
    pub async fn save_draft(
        &self,
        author: UserId,
        id: Option<i64>,
        draft: &GatedDraft,
        now: i64,
    ) -> Result<i64, StoreError> {
        let mut tx = self.write_tx().await?;
        self.confirm_writer(&mut tx, author).await?;
        let id = match id {
            Some(id) => sqlx::query_scalar(
                "update case_drafts set title = $1, source = $2, saved_at = $3 \
                 where id = $4 and author_id = $5 returning id",
            )
            .bind(draft.title())
            .bind(draft.source())
            .bind(now)
            .bind(id)
            .bind(author.0)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound(NO_DRAFT))?,
            None => {
                let held: i64 =
                    sqlx::query_scalar("select count(*) from case_drafts where author_id = $1")
                        .bind(author.0)
                        .fetch_one(&mut *tx)
                        .await?;
                if held >= DRAFTS_MAX {
                    return Err(StoreError::Conflict(TOO_MANY_DRAFTS));
                }
                sqlx::query_scalar(
                    "insert into case_drafts (author_id, title, source, saved_at) \
                     values ($1, $2, $3, $4) returning id",
                )
                .bind(author.0)
                .bind(draft.title())
                .bind(draft.source())
                .bind(now)
                .fetch_one(&mut *tx)
                .await?
            }
        };
        tx.commit().await?;
        Ok(id)
    }

    /// One of the author's drafts: its fields as JSON and when it was saved.
    pub async fn find_draft(
        &self,
        id: i64,
        author: UserId,
    ) -> Result<Option<(String, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "select source, saved_at from case_drafts where id = $1 and author_id = $2",
        )
        .bind(id)
        .bind(author.0)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// The author's drafts, the latest saved first.
    pub async fn list_drafts(&self, author: UserId) -> Result<Vec<(i64, String, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "select id, title, saved_at from case_drafts where author_id = $1 \
             order by saved_at desc, id desc",
        )
        .bind(author.0)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Deletes one of the author's drafts; `scrub`: the purge job overwrites its bytes.
    /// `false`: no such draft of theirs.
    pub async fn delete_draft(
        &self,
        id: i64,
        author: UserId,
        scrub: bool,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let gone = sqlx::query("delete from case_drafts where id = $1 and author_id = $2")
            .bind(id)
            .bind(author.0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if gone > 0 && scrub {
            owe_scrubs(&mut tx).await?;
        }
        tx.commit().await?;
        Ok(gone > 0)
    }

    /// Deletes every draft not saved since `before`; how many.
    pub async fn expire_drafts(&self, before: i64) -> Result<u64, StoreError> {
        let mut tx = self.write_tx().await?;
        let gone = sqlx::query("delete from case_drafts where saved_at < $1")
            .bind(before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if gone > 0 {
            owe_scrubs(&mut tx).await?;
        }
        tx.commit().await?;
        Ok(gone)
    }
}
