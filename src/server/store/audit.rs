//! The append-only audit log (the database refuses updates and deletes). Actions write their
//! row in the same transaction as the action. A read of a case is committed before its page is
//! sent, so neither `kill -9` of a node nor a crash loses it, and every node's reads are in the
//! one database for the audit page. Reads share commits (group commit): a request's read joins
//! the batch being gathered while another batch is written, and one transaction writes them
//! all, so under load a commit serves many readers.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use sqlx::Transaction;
use sqlx::any::AnyArguments;

use super::Db;

use super::StoreError;
use crate::domain::audit_filter::AuditFilter;
use crate::model::{AuditEntry, CaseId, UserId};

/// One audit row. `detail` carries ids, role names and counts, never text a member typed.
pub struct AuditEvent<'a> {
    pub at: i64,
    pub actor: Option<UserId>,
    pub action: &'static str,
    pub target: Option<UserId>,
    pub detail: &'a str,
    pub case: Option<CaseId>,
    /// The moderator decision (`case_reviews` row) an entry is about; its reason lives there.
    pub review: Option<i64>,
}

impl AuditEvent<'_> {
    /// Written inside the caller's transaction, so the action and its record commit together.
    pub(super) async fn write(&self, tx: &mut Transaction<'_, Db>) -> Result<(), StoreError> {
        // An action the admin's filter does not list could never be found by it.
        debug_assert!(
            crate::domain::audit_filter::ACTIONS.contains(&self.action),
            "audit action {:?} is missing from audit_filter::ACTIONS",
            self.action
        );
        sqlx::query("insert into audit_log (at, actor_id, action, target_user_id, detail, case_id, review_id) values ($1, $2, $3, $4, $5, $6, $7)")
            .bind(self.at)
            .bind(self.actor.map(|u| u.0))
            .bind(self.action)
            .bind(self.target.map(|u| u.0))
            .bind(self.detail)
            .bind(self.case.map(|c| c.0))
            .bind(self.review)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }
}

/// A read of a case waiting for the next batch.
#[derive(Clone, Copy, Debug)]
pub(super) struct CaseViewRecord {
    at: i64,
    reader: UserId,
    case: CaseId,
    /// A moderator read a case that is not published (recorded under its own action).
    unpublished: bool,
}

/// The reads waiting for their commit, and a lock held while a batch is being written: a second
/// flush waits for the first to commit, then writes whatever gathered meanwhile.
#[derive(Clone, Default)]
pub(super) struct CaseViewBuffer {
    pending: Arc<Mutex<Vec<CaseViewRecord>>>,
    writing: Arc<tokio::sync::Mutex<()>>,
}

/// Rows per insert statement (five bound values each, well under SQLite's limit).
const ROWS_PER_INSERT: usize = 100;

/// The buffer stays usable after a panic elsewhere: losing audit rows would be worse.
fn lock(buffer: &CaseViewBuffer) -> MutexGuard<'_, Vec<CaseViewRecord>> {
    buffer
        .pending
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl super::Store {
    /// Records an event that has no other write to share a transaction with (a failed sign-in).
    pub async fn audit(&self, event: AuditEvent<'_>) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        event.write(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records that `reader` read `case` (`unpublished`: a case in review), returning once it
    /// is committed. On an error the read stays queued and is written by the next flush (a
    /// read is recorded late rather than lost), and the caller withholds the page.
    pub async fn record_case_view(
        &self,
        at: i64,
        reader: UserId,
        case: CaseId,
        unpublished: bool,
    ) -> Result<(), StoreError> {
        lock(&self.case_views).push(CaseViewRecord {
            at,
            reader,
            case,
            unpublished,
        });
        // When this returns Ok, a flush that began after the push has committed: either this
        // one, or one that took the record while this waited for the writing lock.
        self.flush_case_views().await?;
        Ok(())
    }

    /// Writes every buffered case view in one transaction. On failure the rows go back into
    /// the buffer for the next attempt, so none is lost.
    ///
    /// The write runs in its own task: Leptos abandons (drops) a page's loading future when it
    /// renders again, and a batch taken from the buffer but dropped half-written would be lost.
    pub async fn flush_case_views(&self) -> Result<usize, StoreError> {
        let store = self.clone();
        tokio::spawn(async move { store.write_buffered_case_views().await })
            .await
            .map_err(|_| StoreError::WriterStopped)?
    }

    async fn write_buffered_case_views(&self) -> Result<usize, StoreError> {
        let _writing = self.case_views.writing.lock().await;
        let batch = std::mem::take(&mut *lock(&self.case_views));
        if batch.is_empty() {
            return Ok(0);
        }
        match self.write_case_views(&batch).await {
            Ok(()) => Ok(batch.len()),
            Err(e) => {
                lock(&self.case_views).splice(0..0, batch);
                Err(e)
            }
        }
    }

    /// One insert statement per hundred reads. A batch of one statement (nearly every batch)
    /// runs on its own, which is atomic by itself: no begin and commit around it, a third of
    /// the round trips on PostgreSQL. A larger batch gets a transaction, so it commits whole.
    async fn write_case_views(&self, batch: &[CaseViewRecord]) -> Result<(), StoreError> {
        if batch.len() <= ROWS_PER_INSERT {
            let sql = case_views_sql(batch.len());
            let mut conn = self.pool.acquire().await?;
            insert_case_views(&sql, batch).execute(&mut *conn).await?;
            return Ok(());
        }
        let mut tx = self.write_tx().await?;
        for rows in batch.chunks(ROWS_PER_INSERT) {
            let sql = case_views_sql(rows.len());
            insert_case_views(&sql, rows).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Retries reads left queued by a failed commit every `every`, until the pool is closed
    /// (which writes the rest itself).
    pub fn spawn_case_view_writer(&self, every: Duration) {
        let store = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.tick().await;
            loop {
                tick.tick().await;
                if store.pool.is_closed() {
                    break;
                }
                if let Err(e) = store.flush_case_views().await {
                    tracing::error!(error = %e, pending = lock(&store.case_views).len(), "case views not written yet; will retry");
                }
            }
        });
    }

    /// Audit entries matching `filter`, newest first, with the names of the members involved.
    pub async fn audit_entries(
        &self,
        filter: &AuditFilter,
        limit: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        type Row = (
            i64,
            i64,
            Option<i64>,
            Option<String>,
            String,
            Option<i64>,
            Option<String>,
            Option<i64>,
            String,
        );
        let rows = sqlx::query_as::<_, Row>(
            "select a.id, a.at, a.actor_id, actor.display_name, a.action, a.target_user_id, \
                    target.display_name, a.case_id, \
                    a.detail || coalesce(' reason: ' || nullif(cr.reason, ''), '') \
             from audit_log a \
             left join users actor on actor.id = a.actor_id \
             left join case_reviews cr on cr.id = a.review_id \
             left join users target on target.id = a.target_user_id \
             where ($1 is null or a.action = $1) and ($2 is null or a.actor_id = $2) \
               and ($3 is null or a.case_id = $3) and ($4 is null or a.at >= $4) \
               and ($5 is null or a.at < $5) and ($6 is null or a.id < $6) \
             order by a.id desc limit $7",
        )
        .bind(filter.action)
        .bind(filter.actor)
        .bind(filter.case)
        .bind(filter.from)
        .bind(filter.to)
        .bind(filter.before)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(
                    id,
                    at,
                    actor_id,
                    actor_name,
                    action,
                    target_user_id,
                    target_name,
                    case_id,
                    detail,
                )| {
                    AuditEntry {
                        id,
                        at,
                        actor_id,
                        actor_name,
                        action,
                        target_user_id,
                        target_name,
                        case_id,
                        detail,
                    }
                },
            )
            .collect())
    }

    /// The newest audit actions, newest first (for tests).
    pub async fn recent_audit_actions(
        &self,
        limit: i64,
    ) -> Result<Vec<(String, Option<i64>, Option<i64>)>, StoreError> {
        let rows = sqlx::query_as::<_, (String, Option<i64>, Option<i64>)>(
            "select action, actor_id, target_user_id from audit_log order by id desc limit $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows)
    }
}

/// The insert statement for `n` reads (at most [`ROWS_PER_INSERT`]). `$N` placeholders are
/// written out: a query builder for `Any` would write `?`, which PostgreSQL does not take.
fn case_views_sql(n: usize) -> String {
    let values: Vec<String> = (0..n)
        .map(|i| {
            let n = i * 4;
            format!("(${}, ${}, ${}, '', ${})", n + 1, n + 2, n + 3, n + 4)
        })
        .collect();
    format!(
        "insert into audit_log (at, actor_id, action, detail, case_id) values {}",
        values.join(", ")
    )
}

/// [`case_views_sql`] with the reads bound.
fn insert_case_views<'q>(
    sql: &'q str,
    rows: &[CaseViewRecord],
) -> sqlx::query::Query<'q, Db, AnyArguments<'q>> {
    let mut insert = sqlx::query(sql);
    for v in rows {
        insert = insert
            .bind(v.at)
            .bind(v.reader.0)
            .bind(if v.unpublished {
                "pending_case_viewed"
            } else {
                "case_viewed"
            })
            .bind(v.case.0);
    }
    insert
}
