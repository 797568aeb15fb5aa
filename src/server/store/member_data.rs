//! Everything the forum holds about one member, read by their id for their export (issue 18,
//! docs/MEMBER_DATA.md). Their own rows only: other members' text that belongs in an export
//! (replies to their cases) is read through the visibility rule by the service, as the member.

use super::member_records::{
    AccountData, AuditData, DraftData, EmailChoiceData, FlagData, MemberData, MembershipData,
    NotificationData, OwnCaseData, OwnReplyData, ReviewData, RevisionData, SectionData,
    SessionData,
};
use super::{AuditEvent, Backend, Db, Store, StoreError};
use crate::model::UserId;

type CaseTuple = (
    i64,
    String,
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<i64>,
    i64,
    i64,
    Option<i64>,
);
type AccountTuple = (
    String,
    String,
    i64,
    Option<i64>,
    Option<String>,
    Option<String>,
);
type ReplyTuple = (
    i64,
    i64,
    String,
    i64,
    i64,
    i64,
    String,
    Option<i64>,
    i64,
    Option<i64>,
    Option<i64>,
);

impl Store {
    /// The export is in the audit log: who, and whether an operator ran it at the command line.
    pub async fn record_export(
        &self,
        member: UserId,
        by_operator: bool,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        AuditEvent {
            at: now,
            actor: (!by_operator).then_some(member),
            action: "member_data_exported",
            target: Some(member),
            detail: if by_operator {
                "by=operator"
            } else {
                "by=member"
            },
            case: None,
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// `None`: no such member.
    pub async fn member_data(&self, member: UserId) -> Result<Option<MemberData>, StoreError> {
        let id = member.0;
        // One snapshot: a case purged or a reply removed while the export is read is in it
        // whole or not at all (docs/MEMBER_DATA.md).
        let mut tx = self.pool.begin().await?;
        if self.backend == Backend::Postgres {
            sqlx::query("set transaction isolation level repeatable read, read only")
                .execute(&mut *tx)
                .await?;
        }
        let Some((email, display_name, created_at, disabled_at, professional_title, discipline)) =
            sqlx::query_as::<_, AccountTuple>(
                "select email, display_name, created_at, disabled_at, professional_title, discipline \
                 from users where id = $1",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
        else {
            return Ok(None);
        };
        let roles: Vec<String> =
            sqlx::query_scalar("select role from user_roles where user_id = $1 order by role")
                .bind(id)
                .fetch_all(&mut *tx)
                .await?;
        let sessions = sqlx::query_as::<_, (i64, i64)>(
            "select created_at, last_seen_at from sessions where user_id = $1 order by created_at",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(|(created_at, last_seen_at)| SessionData {
            created_at,
            last_seen_at,
        })
        .collect();

        let case_rows: Vec<CaseTuple> = sqlx::query_as(
            "select id, title, anonymous, review_state, state, age_band, setting, modality, \
             sessions_band, group_id, created_at, last_activity_at, keep_for_days \
             from cases where author_id = $1 order by id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        let mut cases = Vec::with_capacity(case_rows.len());
        for row in case_rows {
            let case = row.0;
            let sections = sqlx::query_as::<_, (String, String)>(
                "select section, source_md from case_sections where case_id = $1 order by section",
            )
            .bind(case)
            .fetch_all(&mut *tx)
            .await?
            .into_iter()
            .map(|(section, markdown)| SectionData { section, markdown })
            .collect();
            let tags: Vec<String> =
                sqlx::query_scalar("select tag from case_tags where case_id = $1 order by tag")
                    .bind(case)
                    .fetch_all(&mut *tx)
                    .await?;
            cases.push(OwnCaseData {
                id: case,
                title: row.1,
                anonymous: row.2 != 0,
                review_state: row.3,
                state: row.4,
                age_band: row.5,
                setting: row.6,
                modality: row.7,
                sessions_band: row.8,
                tags,
                group_id: row.9,
                created_at: row.10,
                last_activity_at: row.11,
                keep_for_days: row.12,
                sections,
                revisions: revisions_of(&mut tx, member, "case_id = $1 and reply_id is null", case)
                    .await?,
                reviews: reviews_of(&mut tx, "case_id = $1 and reply_id is null", case).await?,
            });
        }

        let reply_rows: Vec<ReplyTuple> = sqlx::query_as(
            "select id, case_id, body_md, anonymous, supervisor_feedback, helpful, review_state, \
             hidden_at, created_at, edited_at, deleted_at from replies where author_id = $1 order by id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?;
        let mut replies = Vec::with_capacity(reply_rows.len());
        for row in reply_rows {
            replies.push(OwnReplyData {
                id: row.0,
                case_id: row.1,
                markdown: row.2,
                anonymous: row.3 != 0,
                supervisor_feedback: row.4 != 0,
                helpful: row.5 != 0,
                review_state: row.6,
                hidden_after_flags: row.7.is_some(),
                created_at: row.8,
                edited_at: row.9,
                deleted_at: row.10,
                revisions: revisions_of(&mut tx, member, "reply_id = $1", row.0).await?,
                reviews: reviews_of(&mut tx, "reply_id = $1", row.0).await?,
            });
        }

        let drafts = sqlx::query_as::<_, (i64, String, String, i64)>(
            "select id, title, source, saved_at from case_drafts where author_id = $1 order by id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(|(id, title, source, saved_at)| DraftData {
            id,
            title,
            // Written by the gate as JSON; kept as text should it ever not parse.
            fields: serde_json::from_str(&source).unwrap_or(serde_json::Value::String(source)),
            saved_at,
        })
        .collect();

        let flags = sqlx::query_as::<_, (i64, Option<i64>, String, String, i64, Option<i64>)>(
            "select case_id, reply_id, kind, note, at, resolved_at from flags \
             where flagger_id = $1 order by id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(
            |(case_id, reply_id, kind, note, at, resolved_at)| FlagData {
                case_id,
                reply_id,
                kind,
                note,
                at,
                resolved_at,
            },
        )
        .collect();
        let notifications = sqlx::query_as::<_, (String, i64, i64, Option<i64>)>(
            "select kind, case_id, created_at, read_at from notifications \
             where user_id = $1 order by id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(|(kind, case_id, created_at, read_at)| NotificationData {
            kind,
            case_id,
            created_at,
            read_at,
        })
        .collect();
        let groups = sqlx::query_as::<_, (i64, String, String, i64, Option<i64>)>(
            "select g.id, g.name, m.role, m.joined_at, m.left_at from group_members m \
             join consultation_groups g on g.id = m.group_id where m.user_id = $1 order by m.id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(
            |(group_id, group_name, role, joined_at, left_at)| MembershipData {
                group_id,
                group_name,
                role,
                joined_at,
                left_at,
            },
        )
        .collect();
        let email_choices = sqlx::query_as::<_, (String, String)>(
            "select kind, delivery from mail_preferences where user_id = $1 order by kind",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(|(kind, delivery)| EmailChoiceData { kind, delivery })
        .collect();
        let audit = sqlx::query_as::<_, (i64, String, String, Option<i64>, Option<i64>)>(
            "select at, action, detail, case_id, target_user_id from audit_log \
             where actor_id = $1 order by id",
        )
        .bind(id)
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .map(|(at, action, detail, case_id, target_user_id)| AuditData {
            at,
            action,
            detail,
            case_id,
            target_user_id,
        })
        .collect();

        Ok(Some(MemberData {
            account: AccountData {
                id,
                email,
                display_name,
                professional_title,
                discipline,
                roles,
                created_at,
                disabled_at,
            },
            sessions,
            cases,
            replies,
            drafts,
            flags,
            notifications,
            groups,
            email_choices,
            audit,
        }))
    }
}

/// The revisions matching `filter` (on `$1`), oldest first.
async fn revisions_of(
    tx: &mut sqlx::Transaction<'static, Db>,
    member: UserId,
    filter: &'static str,
    id: i64,
) -> Result<Vec<RevisionData>, StoreError> {
    let rows: Vec<(i64, i64, String)> = sqlx::query_as(&format!(
        "select at, editor_id, source from revisions where {filter} order by id"
    ))
    .bind(id)
    .fetch_all(&mut **tx)
    .await?;
    rows.into_iter()
        .map(|(at, editor, source)| {
            Ok(RevisionData {
                at,
                by_you: editor == member.0,
                source: serde_json::from_str(&source)
                    .map_err(|_| StoreError::Corrupt("revisions.source"))?,
            })
        })
        .collect()
}

/// The moderators' decisions matching `filter` (on `$1`), oldest first; never who decided.
async fn reviews_of(
    tx: &mut sqlx::Transaction<'static, Db>,
    filter: &'static str,
    id: i64,
) -> Result<Vec<ReviewData>, StoreError> {
    Ok(sqlx::query_as::<_, (i64, String, String)>(&format!(
        "select at, decision, reason from case_reviews where {filter} order by id"
    ))
    .bind(id)
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(|(at, decision, reason)| ReviewData {
        at,
        decision,
        reason,
    })
    .collect())
}
