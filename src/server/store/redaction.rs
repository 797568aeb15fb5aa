//! A moderator's redaction: one transaction over every place a case's text is stored (title,
//! sections and their HTML, replies and theirs, every revision, the authors' explanations of
//! kept findings, the moderators' reasons for decisions and locks, readers' flag notes), then
//! the old bytes are made to leave the database files:
//! - SQLite: `secure_delete` (set in `Store::connect`) overwrites the freed space, and a WAL
//!   checkpoint with TRUNCATE empties the write-ahead log.
//! - PostgreSQL keeps an updated row's old version in the table file until it is vacuumed, and
//!   a plain VACUUM frees the space without overwriting it, so the touched tables are rewritten
//!   (`vacuum full`, which writes new files and removes the old ones). It locks those tables
//!   for the moment it takes; redaction is rare. What stays in WAL and backups is in
//!   docs/DEPLOYMENT.md.

use sqlx::Transaction;

use super::Db;

use super::{AuditEvent, Backend, Store, StoreError};
use crate::model::{CaseId, UserId};

/// What a redaction does to one text: the new text and how many places changed, or `None`.
pub type Change<'a> = &'a (dyn Fn(&str) -> Option<(String, usize)> + Sync);
/// `Change` for a stored form that can fail to read (a revision's JSON).
type RowChange<'a> = &'a (dyn Fn(&str) -> Result<Option<(String, usize)>, StoreError> + Sync);
/// Cooks Markdown to HTML for a changed text.
pub type Cook<'a> = &'a (dyn Fn(&str) -> String + Sync);

impl Store {
    /// Applies `change` everywhere the case's text is kept and returns how many places
    /// changed (0: the text is nowhere, and nothing was written).
    pub async fn redact_case(
        &self,
        case: CaseId,
        moderator: UserId,
        now: i64,
        change: Change<'_>,
        cook: Cook<'_>,
    ) -> Result<usize, StoreError> {
        let mut tx = self.write_tx().await?;
        self.lock_case(&mut tx, case).await?;
        let mut places = 0;
        places += redact_title(&mut tx, case, change).await?;
        places += redact_sections(&mut tx, case, change, cook).await?;
        places += redact_replies(&mut tx, case, change, cook).await?;
        places += redact_revisions(&mut tx, case, change).await?;
        for (select, update) in PLAIN_TEXT {
            places += redact_rows(&mut tx, case, select, update, &|t| Ok(change(t)), None).await?;
        }
        if places == 0 {
            tx.rollback().await?;
            return Ok(0);
        }
        // The index is rewritten from the redacted text in the same transaction.
        super::search_index::sync_case(&mut tx, self.backend, case).await?;
        super::search_index::scrub(&mut tx, self.backend).await?;
        let detail = format!("places={places}");
        AuditEvent {
            at: now,
            actor: Some(moderator),
            action: "case_redacted",
            target: None,
            detail: &detail,
            case: Some(case),
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        // This node's copy of the replies holds the old text: drop it now rather than at the
        // next read. Another node replaces its copy on its next read of the case.
        self.snapshots.forget(case);
        self.scrub_freed_text(CASE_TEXT_TABLES).await?;
        Ok(places)
    }
}

impl Store {
    /// Removes the old versions of redacted rows from the database files (see the module
    /// comment). Outside the transaction: neither statement may run inside one.
    /// After a commit that overwrote or deleted text: on SQLite (with `secure_delete`, freed
    /// pages are already zeroed) the log is copied back and emptied; on PostgreSQL `tables` are
    /// rewritten, so no dead row version keeps the old text.
    pub(super) async fn scrub_freed_text(&self, tables: &str) -> Result<(), StoreError> {
        let sql = match self.backend {
            // TRUNCATE empties the log file after copying it back, so no old page image stays.
            Backend::Sqlite => "pragma wal_checkpoint(truncate)".to_owned(),
            Backend::Postgres => format!("vacuum full {tables}"),
        };
        sqlx::query(&sql).execute(&self.pool).await?;
        Ok(())
    }
}

/// Every table that holds a case's text or a copy of it.
pub(super) const CASE_TEXT_TABLES: &str = "cases, case_sections, replies, revisions, \
    scan_explanations, case_reviews, case_locks, flags, search_docs, retention_holds";

async fn redact_title(
    tx: &mut Transaction<'_, Db>,
    case: CaseId,
    change: Change<'_>,
) -> Result<usize, StoreError> {
    let title: Option<String> = sqlx::query_scalar("select title from cases where id = $1")
        .bind(case.0)
        .fetch_optional(&mut **tx)
        .await?;
    let Some((title, n)) = title.as_deref().and_then(change) else {
        return Ok(0);
    };
    sqlx::query("update cases set title = $1 where id = $2")
        .bind(title)
        .bind(case.0)
        .execute(&mut **tx)
        .await?;
    Ok(n)
}

async fn redact_sections(
    tx: &mut Transaction<'_, Db>,
    case: CaseId,
    change: Change<'_>,
    cook: Cook<'_>,
) -> Result<usize, StoreError> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("select section, source_md from case_sections where case_id = $1")
            .bind(case.0)
            .fetch_all(&mut **tx)
            .await?;
    let mut places = 0;
    for (section, source) in rows {
        let Some((source, n)) = change(&source) else {
            continue;
        };
        sqlx::query(
            "update case_sections set source_md = $1, html = $2 where case_id = $3 and section = $4",
        )
        .bind(&source)
        .bind(cook(&source))
        .bind(case.0)
        .bind(section)
        .execute(&mut **tx)
        .await?;
        places += n;
    }
    Ok(places)
}

async fn redact_replies(
    tx: &mut Transaction<'_, Db>,
    case: CaseId,
    change: Change<'_>,
    cook: Cook<'_>,
) -> Result<usize, StoreError> {
    redact_rows(
        tx,
        case,
        "select id, body_md from replies where case_id = $1",
        "update replies set body_md = $1, body_html = $3 where id = $2",
        &|body| Ok(change(body)),
        Some(cook),
    )
    .await
}

/// Revisions keep their source as JSON; every string in it is redacted.
async fn redact_revisions(
    tx: &mut Transaction<'_, Db>,
    case: CaseId,
    change: Change<'_>,
) -> Result<usize, StoreError> {
    redact_rows(
        tx,
        case,
        "select id, source from revisions where case_id = $1",
        "update revisions set source = $1 where id = $2",
        &|source| {
            let mut value: serde_json::Value = serde_json::from_str(source)
                .map_err(|_| StoreError::Corrupt("a revision is not valid JSON"))?;
            Ok(match redact_json(&mut value, change) {
                0 => None,
                n => Some((value.to_string(), n)),
            })
        },
        None,
    )
    .await
}

fn redact_json(value: &mut serde_json::Value, change: Change<'_>) -> usize {
    match value {
        serde_json::Value::String(s) => match change(s) {
            Some((new, n)) => {
                *s = new;
                n
            }
            None => 0,
        },
        serde_json::Value::Array(items) => items.iter_mut().map(|v| redact_json(v, change)).sum(),
        serde_json::Value::Object(map) => map.values_mut().map(|v| redact_json(v, change)).sum(),
        _ => 0,
    }
}

/// Plain-text columns that belong to a case, as (select, update) for `redact_rows`: authors'
/// explanations of kept findings, moderators' reasons for decisions and locks (which may quote
/// what they asked to remove), readers' flag notes, and a moderator's reason for a retention
/// hold.
const PLAIN_TEXT: [(&str, &str); 5] = [
    (
        "select e.id, e.explanation from scan_explanations e join revisions r on r.id = e.revision_id \
         where r.case_id = $1",
        "update scan_explanations set explanation = $1 where id = $2",
    ),
    (
        "select id, reason from case_reviews where case_id = $1",
        "update case_reviews set reason = $1 where id = $2",
    ),
    (
        "select id, note from flags where case_id = $1",
        "update flags set note = $1 where id = $2",
    ),
    (
        "select id, reason from case_locks where case_id = $1",
        "update case_locks set reason = $1 where id = $2",
    ),
    (
        "select case_id, reason from retention_holds where case_id = $1",
        "update retention_holds set reason = $1 where case_id = $2",
    ),
];

/// One text column of the rows `select` finds (`id, text` for the case `$1`): each changed
/// text is written back by `update` (`$1` the text, `$2` the id and, with `cook`, `$3` its
/// HTML). Returns how many places changed.
async fn redact_rows(
    tx: &mut Transaction<'_, Db>,
    case: CaseId,
    select: &'static str,
    update: &'static str,
    change: RowChange<'_>,
    cook: Option<Cook<'_>>,
) -> Result<usize, StoreError> {
    let rows: Vec<(i64, String)> = sqlx::query_as(select)
        .bind(case.0)
        .fetch_all(&mut **tx)
        .await?;
    let mut places = 0;
    for (id, text) in rows {
        let Some((text, n)) = change(&text)? else {
            continue;
        };
        let html = cook.map(|cook| cook(&text));
        let mut query = sqlx::query(update).bind(&text).bind(id);
        if let Some(html) = html {
            query = query.bind(html);
        }
        query.execute(&mut **tx).await?;
        places += n;
    }
    Ok(places)
}
