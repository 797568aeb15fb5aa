//! Writing cases: a new case or an edit, with its sections, tags, revision and notification.

use sqlx::Transaction;

use super::Db;
use super::groups::confirm_member;
use super::yes;

use super::{AuditEvent, Store, StoreError};
use crate::domain::case::ConcernTag;
use crate::domain::policy::CaseFacts;
use crate::model::{CaseId, UserId};
use crate::server::gate::{GatedCase, GatedSection};

/// An author's reason for keeping text the scanner flagged as blocking, stored with the revision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScanExplanation {
    pub field: String,
    pub category: String,
    pub start: usize,
    pub end: usize,
    pub explanation: String,
}

/// What an editor started from: the newest revision when they opened the form, and the case
/// as the policy saw it when they saved.
pub struct EditBase {
    pub revision: i64,
    pub facts: CaseFacts,
}

/// Whether an edit was stored, or refused because someone saved a newer version after the
/// editor opened the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditOutcome {
    Saved,
    Stale,
}

impl Store {
    /// Stores a new case, pending review, with its sections, tags, first revision (with the
    /// author's checklist) and the audit row, all or nothing. Nobody else is notified until a
    /// moderator approves it.
    /// `keep_for_days`: the author's retention period, `None` for the forum's.
    pub async fn insert_case(
        &self,
        author: UserId,
        case: &GatedCase,
        keep_for_days: Option<i64>,
        now: i64,
    ) -> Result<CaseId, StoreError> {
        let mut tx = self.write_tx().await?;
        self.confirm_writer(&mut tx, author).await?;
        if let Some(group) = case.group() {
            confirm_member(self, &mut tx, group, author).await?;
        }
        let (id_column, id_value) = self.backend.fresh_id("cases", "case_id_floor");
        let id: i64 = sqlx::query_scalar(&format!(
            "insert into cases ({id_column}author_id, anonymous, title, age_band, setting, modality, sessions_band, supervisor_id, \
             created_at, last_activity_at, review_state, submitted_at, group_id, keep_for_days) \
             values ({id_value}$1, $2, $3, $4, $5, $6, $7, $8, $9, $9, 'pending', $9, $10, $11) returning id",
        ))
        .bind(author.0)
        .bind(yes(case.anonymous()))
        .bind(case.title())
        .bind(case.context().age_band.key())
        .bind(case.context().setting.key())
        .bind(case.context().modality.key())
        .bind(case.context().sessions.key())
        .bind(case.supervisor_id().map(|u| u.0))
        .bind(now)
        .bind(case.group().map(|g| g.0))
        .bind(keep_for_days)
        .fetch_one(&mut *tx)
        .await?;
        let case_id = CaseId(id);
        write_sections(&mut tx, case_id, case.sections(), case.renderer_version()).await?;
        write_tags(&mut tx, case_id, &case.context().tags).await?;
        let revision =
            insert_revision(&mut tx, case_id, None, author, now, case.revision()).await?;
        set_checklist(&mut tx, revision, case.checklist()).await?;
        write_explanations(&mut tx, revision, case.explanations()).await?;
        let detail = format!(
            "case={id} findings={} explained={}",
            case.findings(),
            case.explanations().len()
        );
        AuditEvent {
            at: now,
            actor: Some(author),
            action: "case_submitted",
            target: None,
            detail: &detail,
            case: Some(case_id),
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(case_id)
    }

    /// Replaces a case's text and context, keeping the new source as a revision with its
    /// checklist. The author's edit sends the case back to the review queue (any claim is
    /// released); a moderator's (`by_moderator`) leaves its place and claim as they are. Refused
    /// as `Stale` when the newest revision is not `base.revision`, the one the editor started
    /// from, and as a conflict when the case was closed, locked or returned meanwhile.
    pub async fn update_case(
        &self,
        id: CaseId,
        editor: UserId,
        base: &EditBase,
        case: &GatedCase,
        by_moderator: bool,
        now: i64,
    ) -> Result<EditOutcome, StoreError> {
        let mut tx = self.write_tx().await?;
        self.confirm_writer(&mut tx, editor).await?;
        // Locked first: two editors of one case on two nodes queue here, and the second finds
        // the first one's revision below.
        self.confirm_case(&mut tx, id, &base.facts).await?;
        let latest: Option<i64> = sqlx::query_scalar(
            "select max(id) from revisions where case_id = $1 and reply_id is null",
        )
        .bind(id.0)
        .fetch_one(&mut *tx)
        .await?;
        if latest != Some(base.revision) {
            return Ok(EditOutcome::Stale);
        }
        // An author moving their case to a group must belong to it; a moderator's edit keeps
        // the case where it is.
        if let Some(group) = case.group().filter(|_| !by_moderator) {
            confirm_member(self, &mut tx, group, editor).await?;
        }
        sqlx::query(
            "update cases set title = $1, age_band = $2, setting = $3, modality = $4, sessions_band = $5, \
             anonymous = $6, supervisor_id = $7, edited_at = $8, review_state = 'pending', group_id = $11, \
             submitted_at = case when $10 then submitted_at else $8 end, \
             claimed_by = case when $10 then claimed_by end, claimed_at = case when $10 then claimed_at end \
             where id = $9",
        )
        .bind(case.title())
        .bind(case.context().age_band.key())
        .bind(case.context().setting.key())
        .bind(case.context().modality.key())
        .bind(case.context().sessions.key())
        .bind(yes(case.anonymous()))
        .bind(case.supervisor_id().map(|u| u.0))
        .bind(now)
        .bind(id.0)
        .bind(by_moderator)
        .bind(case.group().map(|g| g.0))
        .execute(&mut *tx)
        .await?;
        // The author's own replies follow the case's anonymity.
        sqlx::query("update replies set anonymous = $1 where case_id = $2 and author_id = (select author_id from cases where id = $2)")
            .bind(yes(case.anonymous()))
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        sqlx::query("delete from case_sections where case_id = $1 and section <> 'follow_up'")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        write_sections(&mut tx, id, case.sections(), case.renderer_version()).await?;
        sqlx::query("delete from case_tags where case_id = $1")
            .bind(id.0)
            .execute(&mut *tx)
            .await?;
        write_tags(&mut tx, id, &case.context().tags).await?;
        // The edit waits for review: the case leaves search until it is approved again.
        super::search_index::sync_case(&mut tx, self.backend, id).await?;
        let revision = insert_revision(&mut tx, id, None, editor, now, case.revision()).await?;
        set_checklist(&mut tx, revision, case.checklist()).await?;
        write_explanations(&mut tx, revision, case.explanations()).await?;
        let detail = format!(
            "case={id} revision={revision} findings={} explained={}",
            case.findings(),
            case.explanations().len()
        );
        AuditEvent {
            at: now,
            actor: Some(editor),
            action: if by_moderator {
                "case_edited_by_moderator"
            } else {
                "case_resubmitted"
            },
            target: None,
            detail: &detail,
            case: Some(id),
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(EditOutcome::Saved)
    }

    /// The newest revision of the case itself, which an edit form starts from.
    pub async fn latest_case_revision(&self, id: CaseId) -> Result<i64, StoreError> {
        let latest: Option<i64> = sqlx::query_scalar(
            "select max(id) from revisions where case_id = $1 and reply_id is null",
        )
        .bind(id.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(latest.unwrap_or(0))
    }
}

pub(super) async fn insert_revision(
    tx: &mut Transaction<'_, Db>,
    case: CaseId,
    reply: Option<i64>,
    editor: UserId,
    now: i64,
    source: &str,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "insert into revisions (case_id, reply_id, editor_id, at, source) values ($1, $2, $3, $4, $5) returning id",
    )
    .bind(case.0)
    .bind(reply)
    .bind(editor.0)
    .bind(now)
    .bind(source)
    .fetch_one(&mut **tx)
    .await?)
}

pub(super) async fn set_checklist(
    tx: &mut Transaction<'_, Db>,
    revision: i64,
    checklist: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query("update revisions set checklist = $1 where id = $2")
        .bind(checklist)
        .bind(revision)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub(super) async fn write_explanations(
    tx: &mut Transaction<'_, Db>,
    revision: i64,
    explanations: &[ScanExplanation],
) -> Result<(), StoreError> {
    for e in explanations {
        sqlx::query(
            "insert into scan_explanations (revision_id, field, category, start_byte, end_byte, explanation) \
             values ($1, $2, $3, $4, $5, $6)",
        )
        .bind(revision)
        .bind(&e.field)
        .bind(&e.category)
        .bind(e.start as i64)
        .bind(e.end as i64)
        .bind(&e.explanation)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

impl Store {
    /// How many scanner explanations the case's revisions hold.
    pub async fn count_scan_explanations(&self, case: CaseId) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(
            "select count(*) from scan_explanations e join revisions r on r.id = e.revision_id where r.case_id = $1",
        )
        .bind(case.0)
        .fetch_one(&self.pool)
        .await?)
    }
}

async fn write_sections(
    tx: &mut Transaction<'_, Db>,
    id: CaseId,
    sections: &[GatedSection],
    renderer_version: i64,
) -> Result<(), StoreError> {
    for s in sections.iter().filter(|s| !s.source().is_empty()) {
        sqlx::query(
            "insert into case_sections (case_id, section, source_md, html, renderer_version) values ($1, $2, $3, $4, $5)",
        )
        .bind(id.0)
        .bind(s.key())
        .bind(s.source())
        .bind(s.html())
        .bind(renderer_version)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

async fn write_tags(
    tx: &mut Transaction<'_, Db>,
    id: CaseId,
    tags: &[ConcernTag],
) -> Result<(), StoreError> {
    for t in tags {
        sqlx::query("insert into case_tags (case_id, tag) values ($1, $2)")
            .bind(id.0)
            .bind(t.key())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
