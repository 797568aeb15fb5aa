//! Searching: the parsed query written out for FTS5 or PostgreSQL, and one ranked, filtered page
//! of cases. Every case passes the visibility rule in SQL, and the count is counted over what
//! passed, so neither a result, a gap nor a count tells of a case the reader may not see
//! (docs/SEARCH.md).

use sqlx::Row;

use super::case_reads::{bind_filter, filter_sql};
use super::visibility::{case_visible, reply_visible};
use super::{Backend, Store, StoreError};
use crate::domain::policy::Actor;
use crate::domain::search::{SearchQuery, Term};
use crate::model::{CaseFilter, CaseId, ReplyId};

/// A page of matching cases, best first, and how many matched in all.
#[derive(Debug, Default)]
pub struct SearchHits {
    pub cases: Vec<CaseId>,
    pub total: i64,
}

/// The published text of a result, as stored, for its snippet.
pub struct HitText {
    /// The case's sections' Markdown, in no particular order.
    pub sections: Vec<(String, String)>,
    /// Its published replies that the reader sees, oldest first.
    pub replies: Vec<(ReplyId, String)>,
}

impl Store {
    /// One page of the cases whose published text matches `query`, best first (ties: the most
    /// recent activity), among the cases `reader` may see and `filter` lets through.
    pub async fn search(
        &self,
        query: &SearchQuery,
        filter: &CaseFilter,
        reader: &Actor,
        offset: i64,
        limit: i64,
    ) -> Result<SearchHits, StoreError> {
        // $1 the query, $2 the reader, $3..$11 the filter, $12 limit, $13 offset.
        let visible = case_visible("c", "$2", reader);
        let filter_sql = filter_sql(3, "$2");
        let sql = match self.backend {
            // bm25: lower is better. A title word counts four times a section's, a reply's
            // half. FTS5 answers bm25() only in the query that matches, so the matches are
            // made first.
            Backend::Sqlite => format!(
                "with m as materialized (select rowid as id, bm25(search_fts, 4.0, 1.0, 0.5) as rank \
                   from search_fts where search_fts match $1) \
                 select c.id, count(*) over () as total from m join cases c on c.id = m.id \
                 where {visible} and {filter_sql} \
                 order by m.rank, c.last_activity_at desc, c.id desc limit $12 offset $13"
            ),
            // Weights A (title), B (sections) and D (replies) from `search_index`.
            Backend::Postgres => format!(
                "select c.id, count(*) over () as total \
                 from search_docs d join cases c on c.id = d.case_id \
                 where d.tsv @@ to_tsquery('english', $1) and {visible} and {filter_sql} \
                 order by ts_rank_cd(d.tsv, to_tsquery('english', $1)) desc, \
                 c.last_activity_at desc, c.id desc limit $12 offset $13"
            ),
        };
        let expr = match self.backend {
            Backend::Sqlite => fts5_query(query),
            Backend::Postgres => tsquery(query),
        };
        let q = sqlx::query(&sql).bind(expr).bind(reader.user_id.0);
        let rows = bind_filter(q, filter)
            .bind(limit)
            .bind(offset)
            .fetch_all(&self.pool)
            .await?;
        let mut out = SearchHits::default();
        for row in &rows {
            out.total = row.try_get("total")?;
            out.cases.push(CaseId(row.try_get("id")?));
        }
        if rows.is_empty() && offset > 0 {
            // Past the last page: the count still answers.
            out.total = Box::pin(self.search(query, filter, reader, 0, 1))
                .await?
                .total;
        }
        Ok(out)
    }

    /// The published text of a result the reader still sees: the case's sections while it is
    /// approved, and its approved, unhidden replies.
    pub async fn hit_text(&self, case: CaseId, reader: &Actor) -> Result<HitText, StoreError> {
        let sql = format!(
            "select cs.section, cs.source_md from case_sections cs \
             join cases c on c.id = cs.case_id \
             where c.id = $1 and c.review_state = 'approved' and {}",
            case_visible("c", "$2", reader)
        );
        let sections: Vec<(String, String)> = sqlx::query_as(&sql)
            .bind(case.0)
            .bind(reader.user_id.0)
            .fetch_all(&self.pool)
            .await?;
        if sections.is_empty() {
            return Ok(HitText {
                sections,
                replies: Vec::new(),
            });
        }
        let sql = format!(
            "select r.id, r.body_md from replies r join cases c on c.id = r.case_id \
             where r.case_id = $1 and r.review_state = 'approved' and r.hidden_at is null \
             and {} order by r.id",
            reply_visible("r", "c", "$2", reader)
        );
        let replies: Vec<(i64, String)> = sqlx::query_as(&sql)
            .bind(case.0)
            .bind(reader.user_id.0)
            .fetch_all(&self.pool)
            .await?;
        Ok(HitText {
            sections,
            replies: replies
                .into_iter()
                .map(|(id, b)| (ReplyId(id), b))
                .collect(),
        })
    }
}

/// The query in FTS5's syntax. Every word is a quoted string (a `"` in it doubled, though the
/// parser lets none through), so nothing the member typed is read as an operator.
pub fn fts5_query(query: &SearchQuery) -> String {
    let quote = |w: &str| format!("\"{}\"", w.replace('"', "\"\""));
    let term = |t: &Term| match t {
        Term::Word(w) => quote(w),
        Term::Prefix(w) => format!("{}*", quote(w)),
        Term::Phrase(ws) => quote(&ws.join(" ")),
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
            r#""grief" "cancelled the session" "adolesc"* NOT "divorce""#
        );
        assert_eq!(
            tsquery(&q),
            "'grief' & ('cancelled' <-> 'the' <-> 'session') & 'adolesc':* & !'divorce'"
        );
    }
}
