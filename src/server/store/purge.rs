//! The purge job's writes (issue 18, docs/MEMBER_DATA.md). Every node runs the job; each write
//! is one conditional statement that re-checks the rule (`domain::retention`, spelled here as
//! SQL), so of two nodes at the same case exactly one warns or purges, and a purge cut short by
//! a crash is rolled back whole and done by the next run.

use super::notifications::notify;
use super::{AuditEvent, Backend, Db, Store, StoreError, search_index};
use crate::domain::retention::{DAY_SECS, NOTICE_SECS};
use crate::model::{CaseId, UserId};

/// When the case expires, as SQL over the `cases` row: `null` when it has no period.
/// `forum_days` is the setting (never member input), written into the statement.
fn expiry(forum_days: Option<i64>) -> String {
    let forum = forum_days.map_or("null".to_owned(), |d| d.to_string());
    format!("(cases.last_activity_at + coalesce(cases.keep_for_days, {forum}) * {DAY_SECS})")
}

/// At most one scrub after purges this often (seconds).
pub const SCRUB_GAP: i64 = 3600;

/// The tables a purge frees case text in (`redaction::CASE_TEXT_TABLES` and the notifications).
const SCRUBBED_TABLES: [&str; 11] = [
    "cases",
    "case_sections",
    "replies",
    "revisions",
    "scan_explanations",
    "case_reviews",
    "case_locks",
    "flags",
    "search_docs",
    "retention_holds",
    "notifications",
];

const NOT_HELD: &str = "not exists (select 1 from retention_holds h where h.case_id = cases.id)";

/// `domain::retention::warning_due`, with `$1` now.
fn warning_due(forum_days: Option<i64>) -> String {
    let e = expiry(forum_days);
    format!(
        "{e} - {NOTICE_SECS} <= $1 and (cases.purge_warned_at is null \
         or cases.purge_warned_at < {e} - {NOTICE_SECS}) and {NOT_HELD}"
    )
}

/// `domain::retention::purge_due`, with `$1` now.
fn purge_due(forum_days: Option<i64>) -> String {
    let e = expiry(forum_days);
    format!(
        "{e} <= $1 and cases.purge_warned_at >= {e} - {NOTICE_SECS} \
         and cases.purge_warned_at + {NOTICE_SECS} <= $1 and {NOT_HELD}"
    )
}

impl Store {
    /// Cases whose author is due the week's warning, oldest first, at most `limit`.
    pub async fn purge_warnings_due(
        &self,
        now: i64,
        forum_days: Option<i64>,
        limit: i64,
    ) -> Result<Vec<CaseId>, StoreError> {
        self.due(&warning_due(forum_days), now, limit).await
    }

    /// Cases due for the purge, at most `limit`.
    pub async fn purges_due(
        &self,
        now: i64,
        forum_days: Option<i64>,
        limit: i64,
    ) -> Result<Vec<CaseId>, StoreError> {
        self.due(&purge_due(forum_days), now, limit).await
    }

    async fn due(&self, rule: &str, now: i64, limit: i64) -> Result<Vec<CaseId>, StoreError> {
        let ids: Vec<i64> = sqlx::query_scalar(&format!(
            "select id from cases where {rule} order by last_activity_at, id limit $2"
        ))
        .bind(now)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        Ok(ids.into_iter().map(CaseId).collect())
    }

    /// Marks the case warned and, in the same transaction, tells its author (a notification,
    /// and an email when email is set up). `false`: another node did it first, or the case
    /// moved (activity, a hold, a new period) and is no longer due.
    pub async fn warn_of_purge(
        &self,
        case: CaseId,
        now: i64,
        forum_days: Option<i64>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let author: Option<i64> = sqlx::query_scalar(&format!(
            "update cases set purge_warned_at = $1 where id = $2 and {} returning author_id",
            warning_due(forum_days)
        ))
        .bind(now)
        .bind(case.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(author) = author else {
            return Ok(false);
        };
        let erased: Option<i64> = sqlx::query_scalar("select erased_at from users where id = $1")
            .bind(author)
            .fetch_one(&mut *tx)
            .await?;
        // An erased author's kept case is purged in time like any other; nobody is told.
        if erased.is_none() {
            notify(
                &mut tx,
                self.mail,
                UserId(author),
                "case_purge_soon",
                case,
                now,
            )
            .await?;
        }
        AuditEvent {
            at: now,
            actor: None,
            action: "case_purge_warned",
            target: Some(UserId(author)),
            detail: "",
            case: Some(case),
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Deletes the case with everything that hangs on it (sections, tags, replies, versions,
    /// reviews, flags, locks, notifications, the search entry, a hold), if it is still due, in
    /// one transaction with its audit row. `false`: not due any more, or already gone. The
    /// freed bytes are scrubbed by `scrub_if_owed`, which this purge asks for twice.
    pub async fn purge_case(
        &self,
        case: CaseId,
        now: i64,
        forum_days: Option<i64>,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let gone: Option<(i64, Option<i64>)> = sqlx::query_as(&format!(
            "delete from cases where id = $2 and {} returning author_id, keep_for_days",
            purge_due(forum_days)
        ))
        .bind(now)
        .bind(case.0)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((author, keep_for)) = gone else {
            return Ok(false);
        };
        let detail = match keep_for.or(forum_days) {
            Some(d) => format!("kept_for_days={d}"),
            None => String::new(),
        };
        AuditEvent {
            at: now,
            actor: None,
            action: "case_purged",
            target: Some(UserId(author)),
            detail: &detail,
            case: Some(case),
            review: None,
        }
        .write(&mut tx)
        .await?;
        owe_scrubs(&mut tx).await?;
        tx.commit().await?;
        self.snapshots.forget(case);
        Ok(true)
    }

    /// After purges: the search index's pages merged (so no deleted word stays in them) and
    /// the freed bytes overwritten, as redaction and erasure do. Owed twice by every purge
    /// (`purge_scrubs`, in the purge's transaction, so a node that dies first leaves it to the
    /// next): a transaction that began before the purge (another node's request, an export,
    /// PostgreSQL's statistics) keeps the old rows from `vacuum full`, and a reader keeps
    /// SQLite's log from being truncated, until it ends. At most once every `SCRUB_GAP`, by
    /// any node: a scrub rewrites tables, and purges come every day. `true`: scrubbed now.
    pub async fn scrub_if_owed(&self, now: i64) -> Result<bool, StoreError> {
        let (owed, last_at): (i64, Option<i64>) =
            sqlx::query_as("select owed, last_at from purge_scrubs where id = 1")
                .fetch_one(&self.pool)
                .await?;
        if owed <= 0 || last_at.is_some_and(|at| now - at < SCRUB_GAP) {
            return Ok(false);
        }
        match self.scrub_case_tables().await {
            Ok(true) => {}
            Ok(false) => return Ok(false),
            Err(e) => {
                tracing::warn!(error = %e, "scrub after purges not done; trying at the next run");
                return Ok(false);
            }
        }
        // A purge since the read asked for two again: only the count read is taken down.
        sqlx::query(
            "update purge_scrubs set owed = owed - 1, last_at = $1 where id = 1 and owed = $2",
        )
        .bind(now)
        .bind(owed)
        .execute(&self.pool)
        .await?;
        Ok(true)
    }

    /// `false` when something kept it from finishing (a reader holding SQLite's log, a table
    /// PostgreSQL could not lock within `lock_timeout`): still owed.
    async fn scrub_case_tables(&self) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        search_index::scrub(&mut tx, self.backend).await?;
        tx.commit().await?;
        match self.backend {
            Backend::Sqlite => {
                // (busy, log frames, frames checkpointed): busy when a reader held the log.
                let (busy, _, _): (i64, i64, i64) =
                    sqlx::query_as("pragma wal_checkpoint(truncate)")
                        .fetch_one(&self.pool)
                        .await?;
                Ok(busy == 0)
            }
            Backend::Postgres => {
                // One table at a time, each waiting at most two seconds for its lock, so no
                // reader queues long behind a scrub (a `vacuum full` waiting for its lock holds
                // every later query on the table).
                let mut conn = self.pool.acquire().await?;
                sqlx::query("set lock_timeout = '2s'")
                    .execute(&mut *conn)
                    .await?;
                let mut done = true;
                for table in SCRUBBED_TABLES {
                    if let Err(e) = sqlx::query(&format!("vacuum full {table}"))
                        .execute(&mut *conn)
                        .await
                    {
                        tracing::warn!(table, error = %e, "table not scrubbed after purges");
                        done = false;
                    }
                }
                sqlx::query("reset lock_timeout")
                    .execute(&mut *conn)
                    .await?;
                Ok(done)
            }
        }
    }

    /// Which of `ids` are cases still.
    pub async fn existing_cases(&self, ids: &[i64]) -> Result<Vec<i64>, StoreError> {
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(500) {
            let list = chunk
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",");
            if list.is_empty() {
                continue;
            }
            let found: Vec<i64> =
                sqlx::query_scalar(&format!("select id from cases where id in ({list})"))
                    .fetch_all(&self.pool)
                    .await?;
            out.extend(found);
        }
        Ok(out)
    }

    /// Deletes audit rows older than `before`, at most `limit` of them; returns how many. The
    /// log's trigger refuses any other delete: the bound is raised in the same transaction.
    pub async fn expire_audit(&self, before: i64, limit: i64) -> Result<u64, StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query("update audit_retention set before = $1 where id = 1")
            .bind(before)
            .execute(&mut *tx)
            .await?;
        let deleted = sqlx::query(
            "delete from audit_log where id in \
             (select id from audit_log where at < $1 order by at limit $2)",
        )
        .bind(before)
        .bind(limit)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(deleted)
    }
}

/// Asks the purge job for two scrubs (see `scrub_if_owed`), in the transaction that deleted
/// member text, so a node that dies before scrubbing leaves them to the next run of any node.
pub(super) async fn owe_scrubs(tx: &mut sqlx::Transaction<'_, Db>) -> Result<(), StoreError> {
    sqlx::query("update purge_scrubs set owed = 2 where id = 1")
        .execute(&mut **tx)
        .await?;
    Ok(())
}
