//! The search index's writes: which text is searchable, kept in step with the text itself.
//!
//! Only published text is indexed (docs/SEARCH.md). While a case is approved it has one
//! document: its title, its sections, and its approved, unhidden replies. Every write that
//! changes such text or its state calls `sync_case` (or `sync_reply`, which syncs the reply's
//! case) inside its own transaction, and a sync answers from the rows as they now stand: it
//! removes the document and, when the case is published, writes it again. So a sync cannot
//! leave a stale document behind, whatever state the text came from, and a change that rolls
//! back takes its sync with it.
//!
//! One document per case, not per reply, because a member searches for a case: every word must
//! appear somewhere in the case and its discussion, and an excluded word keeps the whole case
//! out. Published replies are seen by everyone who sees their case (the visibility rule), so a
//! case's document holds nothing its readers may not read.
//!
//! What is indexed is the text as readers read it (`render::reading`): no Markdown markup, link
//! addresses after their text. Member names are never indexed.
//!
//! SQLite: a `search_docs` row and a contentless FTS5 entry keyed by the case id, which a
//! trigger removes with the row (so a deleted case leaves no entry either). PostgreSQL: the
//! `tsvector` in the `search_docs` row itself. Both rows keep a digest of the indexed text, which
//! `search_index_drift` compares with the text published now.

use sha2::{Digest as _, Sha256};
use sqlx::Transaction;

use super::{Backend, Db, Store, StoreError};
use crate::domain::search::is_stop_word;
use crate::model::{CaseId, ReplyId};
use crate::server::render::reading;

/// A case's published text as it is indexed: the three weighted parts.
struct IndexedText {
    title: String,
    body: String,
    replies: String,
}

impl IndexedText {
    fn digest(&self) -> String {
        let mut h = Sha256::new();
        for part in [&self.title, &self.body, &self.replies] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        // 128 bits tell two texts apart as well as 256 and store in half the space.
        h.finalize()[..16]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// Brings the case's document in line with the case and its replies.
pub(super) async fn sync_case(
    tx: &mut Transaction<'_, Db>,
    backend: Backend,
    case: CaseId,
) -> Result<(), StoreError> {
    sqlx::query("delete from search_docs where case_id = $1")
        .bind(case.0)
        .execute(&mut **tx)
        .await?;
    let Some(text) = published_text(tx, case).await? else {
        return Ok(());
    };
    let digest = text.digest();
    match backend {
        Backend::Sqlite => {
            sqlx::query("insert into search_docs (case_id, digest) values ($1, $2)")
                .bind(case.0)
                .bind(&digest)
                .execute(&mut **tx)
                .await?;
            // Without the common words, as PostgreSQL's `english` configuration indexes: the
            // index is a third smaller, and a phrase is matched on its other words, as the
            // query leaves them out too (`store::search::fts5_query`).
            sqlx::query(
                "insert into search_fts (rowid, title, body, replies) values ($1, $2, $3, $4)",
            )
            .bind(case.0)
            .bind(without_stop_words(&text.title))
            .bind(without_stop_words(&text.body))
            .bind(without_stop_words(&text.replies))
            .execute(&mut **tx)
            .await?;
        }
        Backend::Postgres => {
            sqlx::query(
                "insert into search_docs (case_id, digest, tsv) values ($1, $2, \
                 setweight(to_tsvector('english', $3), 'A') \
                 || setweight(to_tsvector('english', $4), 'B') \
                 || to_tsvector('english', $5))",
            )
            .bind(case.0)
            .bind(&digest)
            .bind(&text.title)
            .bind(&text.body)
            .bind(&text.replies)
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

/// Leaves no trace of removed text in the index's files: after a redaction (and, later, a
/// purge). SQLite's FTS5 removes a contentless document by a tombstone and keeps its words in
/// the index's pages until they are merged, so the whole index is merged into one new segment
/// here; the old pages are freed and `secure_delete` overwrites them. It costs a rewrite of
/// the index, which redaction, being rare, can afford. PostgreSQL keeps the words in the row
/// itself, which redaction's `vacuum full` rewrites.
pub(super) async fn scrub(
    tx: &mut Transaction<'_, Db>,
    backend: Backend,
) -> Result<(), StoreError> {
    if backend == Backend::Sqlite {
        sqlx::query("insert into search_fts(search_fts) values ('optimize')")
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Brings the document of the reply's case in line after a change to the reply.
pub(super) async fn sync_reply(
    tx: &mut Transaction<'_, Db>,
    backend: Backend,
    reply: ReplyId,
) -> Result<(), StoreError> {
    let case: Option<i64> = sqlx::query_scalar("select case_id from replies where id = $1")
        .bind(reply.0)
        .fetch_optional(&mut **tx)
        .await?;
    match case {
        Some(case) => sync_case(tx, backend, CaseId(case)).await,
        None => Ok(()),
    }
}

/// The text of the case as its readers read it now, or `None` while it is not published.
async fn published_text(
    db: &mut sqlx::AnyConnection,
    case: CaseId,
) -> Result<Option<IndexedText>, StoreError> {
    let title: Option<String> =
        sqlx::query_scalar("select title from cases where id = $1 and review_state = 'approved'")
            .bind(case.0)
            .fetch_optional(&mut *db)
            .await?;
    let Some(title) = title else {
        return Ok(None);
    };
    let sections: Vec<(String, String)> =
        sqlx::query_as("select section, source_md from case_sections where case_id = $1")
            .bind(case.0)
            .fetch_all(&mut *db)
            .await?;
    let replies: Vec<String> = sqlx::query_scalar(
        "select body_md from replies where case_id = $1 \
         and review_state = 'approved' and hidden_at is null and deleted_at is null order by id",
    )
    .bind(case.0)
    .fetch_all(&mut *db)
    .await?;
    let mut all_replies = String::new();
    for body in replies {
        if !all_replies.is_empty() {
            all_replies.push_str("\n\n");
        }
        all_replies.push_str(reading(&body).text());
    }
    Ok(Some(IndexedText {
        title: reading(&title).text().to_owned(),
        body: case_body(sections),
        replies: all_replies,
    }))
}

/// The words of `text` that are not common words, space-separated: what FTS5 indexes.
fn without_stop_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() / 2);
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() || is_stop_word(&word.to_lowercase()) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A case's sections as one text, as readers read them, in the order the case page shows them:
/// what a case's document is indexed by, and what its search snippet is cut from.
pub fn case_body(mut sections: Vec<(String, String)>) -> String {
    let order = |key: &str| {
        crate::domain::case::SECTIONS
            .iter()
            .position(|s| s.key == key)
            .unwrap_or(usize::MAX)
    };
    sections.sort_by_key(|(key, _)| order(key));
    let mut body = String::new();
    for (_, source) in sections {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        body.push_str(reading(&source).text());
    }
    body
}

/// The index against the published text: cases whose document is missing, stale (made from
/// other text) or extra (the case is not published). All empty when the index is in step.
/// Tests and `caseroom search-index --check` ask it.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct IndexDrift {
    pub missing: Vec<i64>,
    pub stale: Vec<i64>,
    pub extra: Vec<i64>,
    /// Full-text entries with no document row (SQLite).
    pub orphaned: i64,
}

impl IndexDrift {
    pub fn is_clean(&self) -> bool {
        *self == IndexDrift::default()
    }
}

impl Store {
    /// Rewrites the whole index from the stored text, in one transaction: after the migration
    /// that creates it, or when the way text is indexed changes. Returns the documents written.
    pub async fn rebuild_search_index(&self) -> Result<i64, StoreError> {
        let mut tx = self.write_tx().await?;
        // Every row goes through the trigger (SQLite), so the full-text entries go too.
        sqlx::query("delete from search_docs")
            .execute(&mut *tx)
            .await?;
        let cases: Vec<i64> =
            sqlx::query_scalar("select id from cases where review_state = 'approved' order by id")
                .fetch_all(&mut *tx)
                .await?;
        for case in &cases {
            sync_case(&mut tx, self.backend, CaseId(*case)).await?;
        }
        // One compact segment, and no tombstoned words left from the old documents.
        scrub(&mut tx, self.backend).await?;
        tx.commit().await?;
        Ok(cases.len() as i64)
    }

    /// Compares every document with the text that is published now.
    pub async fn search_index_drift(&self) -> Result<IndexDrift, StoreError> {
        let mut drift = IndexDrift::default();
        let have: Vec<(i64, String)> = sqlx::query_as("select case_id, digest from search_docs")
            .fetch_all(&self.pool)
            .await?;
        let have: std::collections::BTreeMap<i64, String> = have.into_iter().collect();
        let cases: Vec<i64> = sqlx::query_scalar("select id from cases order by id")
            .fetch_all(&self.pool)
            .await?;
        let mut conn = self.pool.acquire().await?;
        for case in cases {
            let want = published_text(&mut conn, CaseId(case)).await?;
            match (want, have.get(&case)) {
                (None, None) => {}
                (None, Some(_)) => drift.extra.push(case),
                (Some(_), None) => drift.missing.push(case),
                (Some(text), Some(digest)) if text.digest() != *digest => drift.stale.push(case),
                (Some(_), Some(_)) => {}
            }
        }
        if self.backend == Backend::Sqlite {
            drift.orphaned = sqlx::query_scalar(
                "select count(*) from search_fts_docsize \
                 where id not in (select case_id from search_docs)",
            )
            .fetch_one(&self.pool)
            .await?;
        }
        Ok(drift)
    }
}
