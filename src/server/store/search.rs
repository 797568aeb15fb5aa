//! Searching: the parsed query written out for FTS5 or PostgreSQL, and one ranked, filtered page
//! of cases. Every case passes the visibility rule in SQL, and the count is counted over what
//! passed, so neither a result, a gap nor a count tells of a case the reader may not see
//! (docs/SEARCH.md).

use std::collections::HashMap;

use sqlx::Row;

use super::case_filter::{bind_filter, filter_sql};
use super::visibility::{case_visible, reply_visible};
use super::{Backend, Store, StoreError};
use crate::domain::policy::Actor;
use crate::domain::search::{SearchQuery, Term, is_stop_word};
use crate::model::{CaseFilter, CaseId, ReplyId};

/// A page of matching cases, best first, and how many matched in all, counted up to
/// `COUNT_CAP` (past it, the count says only "more than").
#[derive(Debug, Default)]
pub struct SearchHits {
    pub cases: Vec<CaseId>,
    pub total: i64,
    /// The window was full: older matches may exist that were not ranked.
    pub window_full: bool,
}

/// Counting stops here: pages end at 1,000 results (`services::search::MAX_PAGE`), so past
/// that a count says only "more than".
pub const COUNT_CAP: i64 = 1_001;

impl Store {
    /// One page of the cases whose published text matches `query`, best first (ties: the newest
    /// case), among the cases `reader` may see and `filter` lets through. Only the newest
    /// `window` of those are ranked, and `total` counts them (up to `COUNT_CAP`), so a page and
    /// its count agree.
    pub async fn search(
        &self,
        query: &SearchQuery,
        filter: &CaseFilter,
        reader: &Actor,
        window: i64,
        offset: i64,
        limit: i64,
    ) -> Result<SearchHits, StoreError> {
        // $1 the query, $2 the reader, $3..$12 the filter, $13 limit, $14 offset, $15 window.
        let visible = case_visible("c", "$2", reader);
        let filter_sql = filter_sql(3, "$2");
        // Ranking costs per match (bm25 about 0.6 µs on SQLite, `ts_rank_cd` about 13 µs on
        // PostgreSQL, which unpacks each document), and a common word matches most of the
        // forum: every match ranked was 15–25 ms on SQLite and 170–240 ms on PostgreSQL at
        // 100,000 posts. So the matches are walked newest first, through the visibility rule
        // and the filters, and the first `window` of them are ranked (`w`). The window holds
        // only cases the reader may see, so what is ranked, shown and counted depends on
        // nothing else.
        let sql = match self.backend {
            // bm25: lower is better. A title word counts four times a section's, a reply's
            // half. FTS5 walks a word's matches in rowid (case id) order, so the newest come
            // first and the walk stops at the window.
            Backend::Sqlite => format!(
                "with w as materialized (select f.rowid as id, bm25(search_fts, 4.0, 1.0, 0.5) as rank \
                   from search_fts f join cases c on c.id = f.rowid \
                   where search_fts match $1 and {visible} and {filter_sql} \
                   order by f.rowid desc limit $15) \
                 select id, (select count(*) from w) as matched \
                 from w order by rank, id desc limit $13 offset $14"
            ),
            // Weights A (title), B (sections) and D (replies) from `search_index`. The matches
            // come from the GIN index alone (`m`: a document is not unpacked to be matched),
            // each is checked against the rule by its case's key, newest first, until the
            // window is full (`w`), and only the window's documents are unpacked to be ranked.
            Backend::Postgres => format!(
                "with m as materialized (select case_id from search_docs \
                   where tsv @@ to_tsquery('english', $1)), \
                 w as (select m.case_id as id from m where exists (select 1 from cases c \
                   where c.id = m.case_id and {visible} and {filter_sql}) \
                   order by m.case_id desc limit $15) \
                 select w.id, count(*) over () as matched from w join search_docs d on d.case_id = w.id \
                 order by ts_rank_cd(d.tsv, to_tsquery('english', $1)) desc, w.id desc \
                 limit $13 offset $14"
            ),
        };
        let expr = match self.backend {
            Backend::Sqlite => fts5_query(query),
            Backend::Postgres => tsquery(query),
        };
        let q = sqlx::query(&sql).bind(expr).bind(reader.user_id.0);
        let q = bind_filter(q, filter).bind(limit).bind(offset).bind(window);
        let rows = match self.backend {
            Backend::Sqlite => q.fetch_all(&self.pool).await?,
            Backend::Postgres => {
                // PostgreSQL's planner prices matching a word in every row below reading the
                // GIN index for it, not knowing each document must be unpacked to be matched:
                // a word in most cases was matched row by row in 150 ms instead of 26 ms from
                // the index. Only this statement is told to use the index.
                let mut tx = self.pool.begin().await?;
                sqlx::query("set local enable_seqscan = off")
                    .execute(&mut *tx)
                    .await?;
                let rows = q.fetch_all(&mut *tx).await?;
                tx.commit().await?;
                rows
            }
        };
        let mut out = SearchHits::default();
        for row in &rows {
            let matched: i64 = row.try_get("matched")?;
            out.total = matched.min(COUNT_CAP);
            out.window_full = matched >= window;
            out.cases.push(CaseId(row.try_get("id")?));
        }
        if rows.is_empty() && offset > 0 {
            // Past the last page: the count still answers.
            let first = Box::pin(self.search(query, filter, reader, window, 0, 1)).await?;
            out.total = first.total;
            out.window_full = first.window_full;
        }
        Ok(out)
    }

    /// The sections of the results the reader still sees while they are approved, by case.
    pub async fn hit_sections(
        &self,
        cases: &[CaseId],
        reader: &Actor,
    ) -> Result<HashMap<CaseId, Vec<(String, String)>>, StoreError> {
        if cases.is_empty() {
            return Ok(HashMap::new());
        }
        // `review_state || ''` keeps SQLite from answering the state by its index (every
        // approved case) instead of the twenty ids: without statistics it judged that index the
        // better one, and the replies' read took 140 ms instead of 0.2 ms at 100,000 posts.
        let sql = format!(
            "select cs.case_id, cs.section, cs.source_md from case_sections cs \
             join cases c on c.id = cs.case_id \
             where c.id in ({}) and c.review_state || '' = 'approved' and {}",
            placeholders(2, cases.len()),
            case_visible("c", "$1", reader)
        );
        let mut query = sqlx::query_as::<_, (i64, String, String)>(&sql).bind(reader.user_id.0);
        for case in cases {
            query = query.bind(case.0);
        }
        let mut out: HashMap<CaseId, Vec<(String, String)>> = HashMap::new();
        for (case, section, source) in query.fetch_all(&self.pool).await? {
            out.entry(CaseId(case)).or_default().push((section, source));
        }
        Ok(out)
    }

    /// The published, unhidden replies of these results that the reader sees, oldest first,
    /// by case.
    pub async fn hit_replies(
        &self,
        cases: &[CaseId],
        reader: &Actor,
    ) -> Result<HashMap<CaseId, Vec<(ReplyId, String)>>, StoreError> {
        if cases.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "select r.case_id, r.id, r.body_md from replies r join cases c on c.id = r.case_id \
             where r.case_id in ({}) and c.review_state || '' = 'approved' \
             and r.review_state || '' = 'approved' and r.hidden_at is null and r.deleted_at is null and {} \
             order by r.case_id, r.id",
            placeholders(2, cases.len()),
            reply_visible("r", "c", "$1", reader)
        );
        let mut query = sqlx::query_as::<_, (i64, i64, String)>(&sql).bind(reader.user_id.0);
        for case in cases {
            query = query.bind(case.0);
        }
        let mut out: HashMap<CaseId, Vec<(ReplyId, String)>> = HashMap::new();
        for (case, reply, body) in query.fetch_all(&self.pool).await? {
            out.entry(CaseId(case))
                .or_default()
                .push((ReplyId(reply), body));
        }
        Ok(out)
    }
}

/// `$from, $from+1, …`: `n` placeholders for a list.
fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The query in FTS5's syntax. Every word is a quoted string (a `"` in it doubled, though the
/// parser lets none through), so nothing the member typed is read as an operator. The index
/// holds no common words (`search_index`), so a phrase is written without them: "cancelled the
/// session" is matched as "cancelled session", as PostgreSQL matches it with a gap.
pub fn fts5_query(query: &SearchQuery) -> String {
    let quote = |w: &str| format!("\"{}\"", w.replace('"', "\"\""));
    let term = |t: &Term| match t {
        Term::Word(w) => quote(w),
        Term::Prefix(w) => format!("{}*", quote(w)),
        Term::Phrase(ws) => {
            let kept: Vec<&str> = ws
                .iter()
                .map(String::as_str)
                .filter(|w| !is_stop_word(w))
                .collect();
            quote(&kept.join(" "))
        }
    };
    let mut out: Vec<String> = query.include.iter().map(term).collect();
    for t in &query.exclude {
        out.push(format!("NOT {}", term(t)));
    }
    out.join(" ")
}

/// The query in PostgreSQL's `tsquery` syntax, for `to_tsquery('english', …)`. Words hold only
/// letters and digits (the parser's rule) and are quoted besides, so none is an operator.
pub fn tsquery(query: &SearchQuery) -> String {
    let quote = |w: &str| format!("'{}'", w.replace('\'', "''").replace('\\', "\\\\"));
    let term = |t: &Term| match t {
        Term::Word(w) => quote(w),
        Term::Prefix(w) => format!("{}:*", quote(w)),
        Term::Phrase(ws) => {
            let words: Vec<String> = ws.iter().map(|w| quote(w)).collect();
            format!("({})", words.join(" <-> "))
        }
    };
    let mut out: Vec<String> = query.include.iter().map(term).collect();
    for t in &query.exclude {
        out.push(format!("!{}", term(t)));
    }
    out.join(" & ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_syntaxes_quote_every_word() {
        let q = SearchQuery::parse(r#"grief "cancelled the session" adolesc* -divorce"#)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            fts5_query(&q),
            r#""grief" "cancelled session" "adolesc"* NOT "divorce""#
        );
        assert_eq!(
            tsquery(&q),
            "'grief' & ('cancelled' <-> 'the' <-> 'session') & 'adolesc':* & !'divorce'"
        );
    }
}
