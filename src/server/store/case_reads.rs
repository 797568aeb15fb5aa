//! Reading cases: one case with its sections, the paged and filtered list, supervisors, revisions.

use sqlx::Row;

use super::case_filter::{bind_filter, filter_sql};
use super::visibility::case_visible;
use super::{DbRow, Store, StoreError, flag};
use crate::domain::case::{AgeBand, CaseState, ConcernTag, Modality, SessionsBand, Setting};
use crate::domain::group::Audience;
use crate::domain::policy::{Actor, CaseFacts};
use crate::domain::review::ReviewState;
use crate::model::{CaseContext, CaseFilter, CaseId, GroupId, UserId};

/// A stored case as the service needs it (before the reader's view is decided).
pub struct CaseRow {
    pub id: CaseId,
    pub author_id: UserId,
    pub author_name: String,
    /// The author's professional title and discipline, for a signed case (`about_line`).
    pub author_about: Option<String>,
    pub anonymous: bool,
    pub title: String,
    pub context: CaseContext,
    pub state: CaseState,
    pub review: ReviewState,
    /// When the version in review was submitted (null before review existed).
    pub submitted_at: Option<i64>,
    pub claimed_by: Option<UserId>,
    pub claimed_at: Option<i64>,
    pub supervisor_id: Option<UserId>,
    pub supervisor_name: Option<String>,
    pub reply_count: i64,
    pub has_supervisor_feedback: bool,
    pub created_at: i64,
    pub last_activity_at: i64,
    pub edited: bool,
    /// Locked by a moderator.
    pub locked: bool,
    /// The reader it was read for said they may know the client. Always false as read: every
    /// read of a case filters by the visibility rule, which leaves such cases out; the field
    /// keeps the policy's facts complete.
    pub recused: bool,
    /// The whole forum or a consultation group, and whether the reader belongs to it now.
    pub audience: Audience,
    /// The group's name, for the badge; `None` for the whole forum.
    pub group_name: Option<String>,
    /// Bumped with every change to the case's replies (`reply_snapshot`).
    pub replies_version: i64,
    /// (section key, source, html); empty for list rows.
    pub sections: Vec<(String, String, String)>,
}

impl CaseRow {
    /// The case as the policy sees it, from where its reader stands.
    pub fn facts(&self) -> CaseFacts {
        CaseFacts {
            author: self.author_id,
            review: self.review,
            state: self.state,
            locked: self.locked,
            recused: self.recused,
            audience: self.audience,
        }
    }

    /// The Markdown of a section (or of the follow-up), if the case has it.
    pub fn section_source(&self, key: &str) -> Option<&str> {
        self.sections
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, src, _)| src.as_str())
    }
}

/// Where a page of the case list starts: after this (activity, id).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub last_activity_at: i64,
    pub id: i64,
}

impl Cursor {
    pub fn encode(&self) -> String {
        format!("{}.{}", self.last_activity_at, self.id)
    }

    pub fn decode(s: &str) -> Option<Cursor> {
        let (a, b) = s.split_once('.')?;
        Some(Cursor {
            last_activity_at: a.parse().ok()?,
            id: b.parse().ok()?,
        })
    }
}

/// The columns of a case row, read for the reader bound at `reader`.
fn case_columns(reader: &str) -> String {
    format!(
        "c.id, c.author_id, u.display_name as author_name, u.professional_title as author_title, \
     u.discipline as author_discipline, c.anonymous, c.title, c.age_band, c.setting, \
     c.modality, c.sessions_band, c.state, c.supervisor_id, s.display_name as supervisor_name, c.reply_count, \
     c.has_supervisor_feedback, c.created_at, c.last_activity_at, c.edited_at, c.locked_at, \
     c.review_state, c.submitted_at, c.claimed_by, c.claimed_at, c.replies_version, c.group_id, \
     (select g.name from consultation_groups g where g.id = c.group_id) as group_name, \
     (case when c.group_id is null then 0 when exists (select 1 from group_members gm \
      where gm.group_id = c.group_id and gm.user_id = {reader} and gm.left_at is null) then 1 \
      else 0 end) as group_member, \
     (select coalesce(string_agg(tag, ','), '') from case_tags t where t.case_id = c.id) as tags"
    )
}

impl Store {
    /// The case with its sections, if `reader` may see it (the visibility rule); `None` for a
    /// missing case and for one the reader may not see alike. One query: a row per section,
    /// the case's columns repeated on each (a case has at most six sections).
    pub async fn find_case(
        &self,
        id: CaseId,
        reader: &Actor,
    ) -> Result<Option<CaseRow>, StoreError> {
        let sql = format!(
            "select {}, cs.section, cs.source_md, cs.html \
             from cases c join users u on u.id = c.author_id \
             left join users s on s.id = c.supervisor_id \
             left join case_sections cs on cs.case_id = c.id \
             where c.id = $1 and {}",
            case_columns("$2"),
            case_visible("c", "$2", reader)
        );
        let rows = sqlx::query(&sql)
            .bind(id.0)
            .bind(reader.user_id.0)
            .fetch_all(&self.pool)
            .await?;
        let Some(first) = rows.first() else {
            return Ok(None);
        };
        let mut case = case_from_row(first)?;
        for row in &rows {
            if let Some(section) = row.try_get::<Option<String>, _>("section")? {
                case.sections
                    .push((section, row.try_get("source_md")?, row.try_get("html")?));
            }
        }
        Ok(Some(case))
    }

    /// The list rows of these cases, among those `reader` may see, in no particular order.
    pub async fn find_cases(
        &self,
        ids: &[CaseId],
        reader: &Actor,
    ) -> Result<Vec<CaseRow>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let list: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 2)).collect();
        let sql = format!(
            "select {} from cases c join users u on u.id = c.author_id \
             left join users s on s.id = c.supervisor_id where c.id in ({}) and {}",
            case_columns("$1"),
            list.join(", "),
            case_visible("c", "$1", reader)
        );
        let mut query = sqlx::query(&sql).bind(reader.user_id.0);
        for id in ids {
            query = query.bind(id.0);
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter().map(case_from_row).collect()
    }

    /// How many cases exist, in any state (the demo loader fills only an empty forum).
    pub async fn count_cases(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("select count(*) from cases")
            .fetch_one(&self.pool)
            .await?)
    }

    /// How many posts exist, cases and replies together, in any state.
    pub async fn count_posts(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "select (select count(*) from cases) + (select count(*) from replies)",
        )
        .fetch_one(&self.pool)
        .await?)
    }

    /// Where a case stands with the moderators, without loading it.
    pub async fn case_review_state(&self, id: CaseId) -> Result<Option<ReviewState>, StoreError> {
        let raw: Option<String> =
            sqlx::query_scalar("select review_state from cases where id = $1")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?;
        raw.map(|r| ReviewState::parse(&r).ok_or(StoreError::Corrupt("cases.review_state")))
            .transpose()
    }

    /// One page of the case list, newest activity first, after `cursor`.
    pub async fn list_cases(
        &self,
        filter: &CaseFilter,
        reader: &Actor,
        cursor: Option<Cursor>,
        limit: i64,
    ) -> Result<Vec<CaseRow>, StoreError> {
        // One statement shape per reader kind: an absent filter is a null (or false) parameter.
        let sql = format!(
            "select {} from cases c join users u on u.id = c.author_id \
             left join users s on s.id = c.supervisor_id where {} and {} \
             and ($12 is null or c.last_activity_at < $12 or (c.last_activity_at = $12 and c.id < $13)) \
             order by c.last_activity_at desc, c.id desc limit $14",
            case_columns("$1"),
            case_visible("c", "$1", reader),
            filter_sql(2, "$1"),
        );
        let query = sqlx::query(&sql).bind(reader.user_id.0);
        let rows = bind_filter(query, filter)
            .bind(cursor.map(|c| c.last_activity_at))
            .bind(cursor.map(|c| c.id))
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(case_from_row).collect()
    }

    /// Supervisors who can be named supervisor of record (active accounts only).
    pub async fn list_supervisors(&self) -> Result<Vec<(UserId, String)>, StoreError> {
        let rows = sqlx::query_as::<_, (i64, String)>(
            "select u.id, u.display_name from users u join user_roles r on r.user_id = u.id \
             where r.role = 'supervisor' and u.disabled_at is null order by u.display_name",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(|(id, n)| (UserId(id), n)).collect())
    }

    pub async fn is_active_supervisor(&self, id: UserId) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar(
            "select count(*) from users u join user_roles r on r.user_id = u.id \
             where u.id = $1 and r.role = 'supervisor' and u.disabled_at is null",
        )
        .bind(id.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }

    /// Every stored revision of a case and its replies: (reply id, editor name, at, source).
    pub async fn list_revisions(
        &self,
        id: CaseId,
    ) -> Result<Vec<(Option<i64>, String, i64, String)>, StoreError> {
        Ok(sqlx::query_as(
            "select r.reply_id, u.display_name, r.at, r.source from revisions r join users u on u.id = r.editor_id \
             where r.case_id = $1 order by r.id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?)
    }
}

fn case_from_row(r: &DbRow) -> Result<CaseRow, StoreError> {
    let corrupt = |what| StoreError::Corrupt(what);
    let tags: String = r.try_get("tags")?;
    let mut tags: Vec<ConcernTag> = tags
        .split(',')
        .filter(|t| !t.is_empty())
        .map(|t| ConcernTag::parse(t).map_err(|_| corrupt("case_tags.tag")))
        .collect::<Result<_, _>>()?;
    tags.sort();
    Ok(CaseRow {
        id: CaseId(r.try_get("id")?),
        author_id: UserId(r.try_get("author_id")?),
        author_name: r.try_get("author_name")?,
        author_about: about_line(r.try_get("author_title")?, r.try_get("author_discipline")?),
        anonymous: flag(r, "anonymous")?,
        title: r.try_get("title")?,
        context: CaseContext {
            age_band: AgeBand::parse(r.try_get("age_band")?)
                .map_err(|_| corrupt("cases.age_band"))?,
            setting: Setting::parse(r.try_get("setting")?).map_err(|_| corrupt("cases.setting"))?,
            modality: Modality::parse(r.try_get("modality")?)
                .map_err(|_| corrupt("cases.modality"))?,
            sessions: SessionsBand::parse(r.try_get("sessions_band")?)
                .map_err(|_| corrupt("cases.sessions_band"))?,
            tags,
        },
        state: CaseState::parse(r.try_get("state")?).ok_or(corrupt("cases.state"))?,
        review: ReviewState::parse(r.try_get("review_state")?)
            .ok_or(corrupt("cases.review_state"))?,
        submitted_at: r.try_get("submitted_at")?,
        claimed_by: r.try_get::<Option<i64>, _>("claimed_by")?.map(UserId),
        claimed_at: r.try_get("claimed_at")?,
        supervisor_id: r.try_get::<Option<i64>, _>("supervisor_id")?.map(UserId),
        supervisor_name: r.try_get("supervisor_name")?,
        reply_count: r.try_get("reply_count")?,
        has_supervisor_feedback: flag(r, "has_supervisor_feedback")?,
        created_at: r.try_get("created_at")?,
        last_activity_at: r.try_get("last_activity_at")?,
        edited: r.try_get::<Option<i64>, _>("edited_at")?.is_some(),
        locked: r.try_get::<Option<i64>, _>("locked_at")?.is_some(),
        recused: false,
        audience: match r.try_get::<Option<i64>, _>("group_id")? {
            None => Audience::Forum,
            Some(id) => Audience::Group {
                id: GroupId(id),
                member: flag(r, "group_member")?,
            },
        },
        group_name: r.try_get("group_name")?,
        replies_version: r.try_get("replies_version")?,
        sections: Vec::new(),
    })
}

/// A member's professional title and discipline as one line ("Clinical psychologist · CBT"),
/// or `None` when both are blank.
pub(super) fn about_line(title: Option<String>, discipline: Option<String>) -> Option<String> {
    let parts: Vec<String> = [title, discipline]
        .into_iter()
        .flatten()
        .filter(|p| !p.trim().is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(" \u{b7} "))
}
