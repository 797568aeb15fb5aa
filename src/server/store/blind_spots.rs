//! The reads behind "My blind spots": a clinician's own cases (their tags, stuck point and
//! suspected blind spot) and the supervisor feedback they marked helpful, each through the
//! visibility rule in its member's form, whatever the clinician's other roles: a case of a
//! group they left is not there, nor feedback hidden after flags or deleted by its author.

use std::collections::HashMap;

use super::visibility::{case_visible, reply_visible};
use super::{Store, StoreError};
use crate::domain::case::ConcernTag;
use crate::domain::policy::Actor;

/// How many of their cases the page reads: the latest.
const CASES_MAX: i64 = 500;

pub struct OwnCaseNotes {
    pub id: i64,
    pub title: String,
    pub created_at: i64,
    pub published: bool,
    pub tags: Vec<ConcernTag>,
    /// Markdown, as written.
    pub stuck: String,
    pub blind_spot: String,
}

pub struct HelpfulFeedback {
    pub case_id: i64,
    pub author_name: String,
    pub body: String,
}

impl Store {
    /// The reader's own cases that they may see, oldest first.
    pub async fn own_case_notes(&self, reader: &Actor) -> Result<Vec<OwnCaseNotes>, StoreError> {
        let reader = &as_member(reader);
        let visible = case_visible("c", "$1", reader);
        let rows: Vec<(i64, String, i64, String)> = sqlx::query_as(&format!(
            "select c.id, c.title, c.created_at, c.review_state from cases c \
             where c.author_id = $1 and {visible} order by c.id desc limit {CASES_MAX}"
        ))
        .bind(reader.user_id.0)
        .fetch_all(&self.pool)
        .await?;
        let tags: Vec<(i64, String)> = sqlx::query_as(&format!(
            "select t.case_id, t.tag from case_tags t join cases c on c.id = t.case_id \
             where c.author_id = $1 and {visible}"
        ))
        .bind(reader.user_id.0)
        .fetch_all(&self.pool)
        .await?;
        let sections: Vec<(i64, String, String)> = sqlx::query_as(&format!(
            "select s.case_id, s.section, s.source_md from case_sections s \
             join cases c on c.id = s.case_id \
             where c.author_id = $1 and s.section in ('stuck', 'blind_spot') and {visible}"
        ))
        .bind(reader.user_id.0)
        .fetch_all(&self.pool)
        .await?;
        let mut by_case: HashMap<i64, OwnCaseNotes> = rows
            .into_iter()
            .map(|(id, title, created_at, review)| {
                (
                    id,
                    OwnCaseNotes {
                        id,
                        title,
                        created_at,
                        published: review == "approved",
                        tags: Vec::new(),
                        stuck: String::new(),
                        blind_spot: String::new(),
                    },
                )
            })
            .collect();
        for (case, tag) in tags {
            if let (Some(notes), Ok(tag)) = (by_case.get_mut(&case), ConcernTag::parse(&tag)) {
                notes.tags.push(tag);
            }
        }
        for (case, section, source) in sections {
            if let Some(notes) = by_case.get_mut(&case) {
                match section.as_str() {
                    "stuck" => notes.stuck = source,
                    _ => notes.blind_spot = source,
                }
            }
        }
        let mut out: Vec<OwnCaseNotes> = by_case.into_values().collect();
        out.sort_by_key(|c| c.id);
        for notes in &mut out {
            notes.tags.sort();
        }
        Ok(out)
    }

    /// Supervisor feedback on the reader's cases that they marked helpful and may still see.
    pub async fn helpful_feedback(
        &self,
        reader: &Actor,
    ) -> Result<Vec<HelpfulFeedback>, StoreError> {
        let reader = &as_member(reader);
        let rows: Vec<(i64, String, String)> = sqlx::query_as(&format!(
            "select r.case_id, u.display_name, r.body_md from replies r \
             join cases c on c.id = r.case_id join users u on u.id = r.author_id \
             where c.author_id = $1 and r.helpful = 1 and r.supervisor_feedback = 1 and {} \
             order by r.id",
            reply_visible("r", "c", "$1", reader)
        ))
        .bind(reader.user_id.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(case_id, author_name, body)| HelpfulFeedback {
                case_id,
                author_name,
                body,
            })
            .collect())
    }
}

/// The reader with no roles: the page is about their own writing as a member.
fn as_member(reader: &Actor) -> Actor {
    Actor {
        user_id: reader.user_id,
        roles: crate::domain::role::Roles::default(),
    }
}
