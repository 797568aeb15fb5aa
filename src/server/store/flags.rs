//! Readers' flags on cases and replies, and the hiding they cause, each with its audit row in
//! the same transaction.

use sqlx::Transaction;

use super::Db;

use super::notifications::mail_case;
use super::search_index::{sync_case, sync_reply};
use super::visibility::reply_visible;
use super::{AuditEvent, Backend, Store, StoreError, is_unique_violation};
use crate::domain::flag::{FlagKind, hides};
use crate::domain::policy::Actor;
use crate::model::{CaseId, ReplyId, UserId};
use crate::server::mail::MailKind;

/// A new flag, as the service checked it.
pub struct FlagWrite<'a> {
    pub case: CaseId,
    /// `None`: the case itself.
    pub reply: Option<ReplyId>,
    pub flagger: UserId,
    pub kind: FlagKind,
    pub note: &'a str,
    /// A supervisor's, moderator's or admin's "may identify" flag hides the item alone.
    pub trusted: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagOutcome {
    Recorded,
    /// The flag hid the item until a moderator looks at it.
    Hidden,
    /// This member already has an open flag of this kind on the item.
    Duplicate,
}

/// A reply hidden after flags, for the review queue.
pub struct HiddenReplyRow {
    pub reply: ReplyId,
    pub case: CaseId,
    pub case_title: String,
    pub hidden_at: i64,
}

impl Store {
    pub async fn add_flag(
        &self,
        flag: &FlagWrite<'_>,
        now: i64,
    ) -> Result<FlagOutcome, StoreError> {
        let mut tx = self.write_tx().await?;
        // A flag's note is the flagger's words, which erasure blanks.
        self.confirm_writer(&mut tx, flag.flagger).await?;
        // Flags on one case queue behind its row lock, so of two members flagging at once on
        // two nodes, the second counts the first and the item is hidden.
        self.lock_case(&mut tx, flag.case).await?;
        let inserted = sqlx::query(
            "insert into flags (case_id, reply_id, flagger_id, kind, note, at) values ($1, $2, $3, $4, $5, $6)",
        )
        .bind(flag.case.0)
        .bind(flag.reply.map(|r| r.0))
        .bind(flag.flagger.0)
        .bind(flag.kind.key())
        .bind(flag.note)
        .bind(now)
        .execute(&mut *tx)
        .await;
        match inserted {
            Err(e) if is_unique_violation(&e) => return Ok(FlagOutcome::Duplicate),
            other => other?,
        };
        let members: i64 = sqlx::query_scalar(
            "select count(distinct flagger_id) from flags where case_id = $1 and coalesce(reply_id, 0) = coalesce($2, 0) \
             and kind = 'may_identify' and resolved_at is null",
        )
        .bind(flag.case.0)
        .bind(flag.reply.map(|r| r.0))
        .fetch_one(&mut *tx)
        .await?;
        let hidden = hides(flag.kind, flag.trusted, members)
            && hide(&mut tx, self.backend, flag, now).await?;
        let detail = format!(
            "kind={}{}",
            flag.kind.key(),
            flag.reply
                .map(|r| format!(" reply={r}"))
                .unwrap_or_default()
        );
        let action = match (flag.reply.is_some(), hidden) {
            (false, false) => "case_flagged",
            (false, true) => "case_hidden_by_flags",
            (true, false) => "reply_flagged",
            (true, true) => "reply_hidden_by_flags",
        };
        AuditEvent {
            at: now,
            actor: Some(flag.flagger),
            action,
            target: None,
            detail: &detail,
            case: Some(flag.case),
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(if hidden {
            FlagOutcome::Hidden
        } else {
            FlagOutcome::Recorded
        })
    }

    /// Open flags on the case itself: (kind, members, notes).
    pub async fn open_case_flags(
        &self,
        case: CaseId,
    ) -> Result<Vec<(String, i64, Vec<String>)>, StoreError> {
        let rows: Vec<(String, i64, String)> = sqlx::query_as(
            "select kind, count(*), coalesce(string_agg(nullif(note, ''), $2), '') from flags \
             where case_id = $1 and reply_id is null and resolved_at is null group by kind order by kind",
        )
        .bind(case.0)
        .bind("\u{1f}")
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(kind, n, notes)| {
                let notes = notes
                    .split('\u{1f}')
                    .filter(|n| !n.is_empty())
                    .map(str::to_owned)
                    .collect();
                (kind, n, notes)
            })
            .collect())
    }

    /// Replies hidden after flags, on cases the moderator `reader` may see.
    pub async fn hidden_replies(&self, reader: &Actor) -> Result<Vec<HiddenReplyRow>, StoreError> {
        let sql = format!(
            "select r.id, r.case_id, c.title, r.hidden_at from replies r join cases c on c.id = r.case_id \
             where r.hidden_at is not null and {} order by r.hidden_at, r.id",
            reply_visible("r", "c", "$1", reader)
        );
        let rows: Vec<(i64, i64, String, i64)> = sqlx::query_as(&sql)
            .bind(reader.user_id.0)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .map(|(reply, case, case_title, hidden_at)| HiddenReplyRow {
                reply: ReplyId(reply),
                case: CaseId(case),
                case_title,
                hidden_at,
            })
            .collect())
    }

    /// A moderator shows a hidden reply again; its open flags are resolved.
    pub async fn restore_reply(
        &self,
        reply: ReplyId,
        case: CaseId,
        moderator: UserId,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        self.lock_case(&mut tx, case).await?;
        let done = sqlx::query(
            "update replies set hidden_at = null where id = $1 and hidden_at is not null",
        )
        .bind(reply.0)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        sync_reply(&mut tx, self.backend, reply).await?;
        if self.mail {
            let flaggers: Vec<i64> = sqlx::query_scalar(
                "select distinct flagger_id from flags where reply_id = $1 and resolved_at is null",
            )
            .bind(reply.0)
            .fetch_all(&mut *tx)
            .await?;
            for flagger in flaggers {
                mail_case(&mut tx, UserId(flagger), MailKind::FlagOutcome, case, now).await?;
            }
        }
        sqlx::query(
            "update flags set resolved_at = $1 where reply_id = $2 and resolved_at is null",
        )
        .bind(now)
        .bind(reply.0)
        .execute(&mut *tx)
        .await?;
        let detail = format!("reply={reply}");
        AuditEvent {
            at: now,
            actor: Some(moderator),
            action: "reply_restored",
            target: None,
            detail: &detail,
            case: Some(case),
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}

/// Hides the flagged item: a case goes back to the review queue, a reply is hidden. False when
/// it was not showing anyway.
async fn hide(
    tx: &mut Transaction<'_, Db>,
    backend: Backend,
    flag: &FlagWrite<'_>,
    now: i64,
) -> Result<bool, StoreError> {
    let done = match flag.reply {
        None => {
            sqlx::query(
                "update cases set review_state = 'pending', submitted_at = $1, claimed_by = null, claimed_at = null \
                 where id = $2 and review_state = 'approved'",
            )
            .bind(now)
            .bind(flag.case.0)
            .execute(&mut **tx)
            .await?
        }
        Some(reply) => {
            sqlx::query("update replies set hidden_at = $1 where id = $2 and hidden_at is null")
                .bind(now)
                .bind(reply.0)
                .execute(&mut **tx)
                .await?
        }
    };
    match flag.reply {
        None => sync_case(tx, backend, flag.case).await?,
        Some(reply) => sync_reply(tx, backend, reply).await?,
    }
    Ok(done.rows_affected() > 0)
}

/// On approval, the case's open flags are answered (a member's own "I may know this client"
/// stays: it keeps the case hidden from them); with `mail`, each flagger is told by email.
pub(super) async fn resolve_case_flags(
    tx: &mut Transaction<'_, Db>,
    mail: bool,
    case: CaseId,
    now: i64,
) -> Result<(), StoreError> {
    if mail {
        let flaggers: Vec<i64> = sqlx::query_scalar(
            "select distinct flagger_id from flags where case_id = $1 and reply_id is null \
             and resolved_at is null and kind <> 'may_know'",
        )
        .bind(case.0)
        .fetch_all(&mut **tx)
        .await?;
        for flagger in flaggers {
            mail_case(tx, UserId(flagger), MailKind::FlagOutcome, case, now).await?;
        }
    }
    sqlx::query(
        "update flags set resolved_at = $1 where case_id = $2 and reply_id is null and resolved_at is null \
         and kind <> 'may_know'",
    )
    .bind(now)
    .bind(case.0)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
