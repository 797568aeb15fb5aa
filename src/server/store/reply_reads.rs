//! Reading replies, always through the visibility rule.

use sqlx::Row;

use super::visibility::reply_visible;
use super::{DbRow, Store, StoreError, flag};
use crate::domain::policy::{Actor, CaseFacts, ReplyFacts};
use crate::domain::review::ReviewState;
use crate::model::{CaseId, ReplyId, UserId};

pub struct ReplyRow {
    pub id: ReplyId,
    pub case_id: CaseId,
    pub author_id: UserId,
    pub author_name: String,
    /// The author's professional title and discipline, for a signed reply.
    pub author_about: Option<String>,
    pub anonymous: bool,
    pub supervisor_feedback: bool,
    pub helpful: bool,
    pub source: String,
    pub html: String,
    pub created_at: i64,
    pub edited: bool,
    /// Hidden after flags until a moderator restores it.
    pub hidden: bool,
    /// Deleted by its author: kept for moderators.
    pub deleted: bool,
    /// `Approved`, or `Pending`/`Rejected` at the reply gate.
    pub review: ReviewState,
}

impl ReplyRow {
    /// The reply as the policy sees it, with its case as the same reader sees it.
    pub fn facts(&self, case: CaseFacts) -> ReplyFacts {
        ReplyFacts {
            author: self.author_id,
            review: self.review,
            hidden: self.hidden,
            deleted: self.deleted,
            case,
        }
    }
}

pub(super) const REPLY_COLUMNS: &str = "r.id, r.case_id, r.author_id, u.display_name as author_name, \
     u.professional_title as author_title, u.discipline as author_discipline, r.anonymous, \
     r.supervisor_feedback, r.helpful, r.body_md, r.body_html, r.created_at, r.edited_at, r.hidden_at, r.deleted_at, r.review_state";

impl Store {
    /// Approved cases and published replies by `user`: the reply gate's measure of trust.
    pub async fn approved_posts(&self, user: UserId) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "select (select count(*) from cases where author_id = $1 and review_state = 'approved') \
                  + (select count(*) from replies where author_id = $1 and review_state = 'approved')",
        )
        .bind(user.0)
        .fetch_one(&self.pool)
        .await?)
    }

    /// The reply, if `reader` may see it (the visibility rule); `None` for a missing reply and
    /// for one the reader may not see alike.
    pub async fn find_reply(
        &self,
        id: ReplyId,
        reader: &Actor,
    ) -> Result<Option<ReplyRow>, StoreError> {
        let sql = format!(
            "select {REPLY_COLUMNS} from replies r join users u on u.id = r.author_id \
             join cases c on c.id = r.case_id where r.id = $1 and {}",
            reply_visible("r", "c", "$2", reader)
        );
        let row = sqlx::query(&sql)
            .bind(id.0)
            .bind(reader.user_id.0)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(reply_from_row).transpose()
    }
}

pub(super) fn reply_from_row(r: &DbRow) -> Result<ReplyRow, StoreError> {
    Ok(ReplyRow {
        id: ReplyId(r.try_get("id")?),
        case_id: CaseId(r.try_get("case_id")?),
        author_id: UserId(r.try_get("author_id")?),
        author_name: r.try_get("author_name")?,
        author_about: super::case_reads::about_line(
            r.try_get("author_title")?,
            r.try_get("author_discipline")?,
        ),
        anonymous: flag(r, "anonymous")?,
        supervisor_feedback: flag(r, "supervisor_feedback")?,
        helpful: flag(r, "helpful")?,
        source: r.try_get("body_md")?,
        html: r.try_get("body_html")?,
        created_at: r.try_get("created_at")?,
        edited: r.try_get::<Option<i64>, _>("edited_at")?.is_some(),
        hidden: r.try_get::<Option<i64>, _>("hidden_at")?.is_some(),
        deleted: r.try_get::<Option<i64>, _>("deleted_at")?.is_some(),
        review: ReviewState::parse(r.try_get("review_state")?).unwrap_or(ReviewState::Pending),
    })
}
