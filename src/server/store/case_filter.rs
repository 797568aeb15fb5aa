//! The case list's filters (modality, setting, age band, concern, dates, unanswered, mine,
//! supervisor feedback, one consultation group) as one SQL condition, shared by the case list and search, so a filter
//! means the same in both.

use super::yes;
use crate::model::CaseFilter;

/// The case list's filters as one SQL condition over the case `c`, taking parameters `$n` to
/// `$n+9` in the order `bind_filter` binds them; `reader` is the reader id's placeholder.
pub(super) fn filter_sql(n: usize, reader: &str) -> String {
    let p = |i: usize| format!("${}", n + i);
    format!(
        "({m} is null or c.modality = {m}) and ({s} is null or c.setting = {s}) \
         and ({a} is null or c.age_band = {a}) and ({u} = 0 or c.reply_count = 0) \
         and ({mine} = 0 or c.author_id = {reader}) and ({f} = 0 or c.has_supervisor_feedback = 1) \
         and ({t} is null or exists (select 1 from case_tags ft where ft.case_id = c.id and ft.tag = {t})) \
         and ({since} is null or c.created_at >= {since}) and ({until} is null or c.created_at < {until}) \
         and ({g} is null or c.group_id = {g})",
        m = p(0),
        s = p(1),
        a = p(2),
        u = p(3),
        mine = p(4),
        f = p(5),
        t = p(6),
        since = p(7),
        until = p(8),
        g = p(9),
    )
}

/// Binds the filter's ten parameters (see `filter_sql`).
pub(super) fn bind_filter<'q>(query: AnyQuery<'q>, filter: &CaseFilter) -> AnyQuery<'q> {
    query
        .bind(filter.modality.map(|m| m.key()))
        .bind(filter.setting.map(|s| s.key()))
        .bind(filter.age_band.map(|a| a.key()))
        .bind(yes(filter.unanswered))
        .bind(yes(filter.mine))
        .bind(yes(filter.supervisor_feedback))
        .bind(filter.tag.map(|t| t.key()))
        .bind(filter.since)
        .bind(filter.until)
        .bind(filter.group.map(|g| g.0))
}

/// A query on the `Any` driver, before it runs.
pub(super) type AnyQuery<'q> = sqlx::query::Query<'q, super::Db, sqlx::any::AnyArguments<'q>>;
