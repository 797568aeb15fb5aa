//! Erasing an account (issue 18, docs/MEMBER_DATA.md), in one transaction: the member's name,
//! email, password, roles, sessions and everything else about them go; their cases and replies
//! go too, or stay under "Former member", as chosen. Then the freed bytes are scrubbed the way
//! redaction scrubs them.

use super::redaction::CASE_TEXT_TABLES;
use super::replies::recount;
use super::{AuditEvent, Backend, Store, StoreError, search_index};
use crate::model::{CaseId, UserId};

/// The name every erased member is shown under.
pub const FORMER_MEMBER: &str = "Former member";

/// What happens to the member's cases and replies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Posts {
    Remove,
    Keep,
}

impl Posts {
    fn as_str(self) -> &'static str {
        match self {
            Posts::Remove => "removed",
            Posts::Keep => "kept",
        }
    }
}

/// An erasure to carry out.
pub struct Erasure<'a> {
    pub member: UserId,
    pub posts: Posts,
    /// The admin who erased the account; `None`: the member themselves.
    pub by_admin: Option<UserId>,
    pub reason: &'a str,
    /// `hash_secret` of the member's email: their failed sign-ins are counted under it.
    pub login_key: &'a str,
    /// A hash of a password nobody knows, in place of theirs (a well-formed one, so a sign-in
    /// attempt is answered like any wrong password).
    pub unusable_hash: &'a str,
}

#[derive(Debug, PartialEq, Eq)]
pub enum EraseRefusal {
    NoSuchMember,
    AlreadyErased,
    /// The member is the last active admin: nobody could administer the forum after.
    LastAdmin,
}

/// What was erased, in counts.
#[derive(Debug, PartialEq, Eq)]
pub struct Erased {
    pub cases_removed: usize,
    pub replies_removed: usize,
}

impl Store {
    pub async fn erase_member(
        &self,
        erasure: Erasure<'_>,
        now: i64,
    ) -> Result<Result<Erased, EraseRefusal>, StoreError> {
        let id = erasure.member.0;
        let mut tx = self.write_tx().await?;
        let lock = match self.backend {
            Backend::Sqlite => "",
            // Not `for update`: a post by someone else still takes its foreign-key share of
            // these rows (a notification to the member) while it holds a case this erasure
            // will need, and the two would deadlock. `confirm_writer`'s share lock still waits.
            Backend::Postgres => " for no key update",
        };
        // Admins are locked together on PostgreSQL, so two admins erasing each other at once
        // cannot both pass the last-admin check.
        let admins: Vec<i64> = sqlx::query_scalar(&format!(
            "select u.id from users u join user_roles r on r.user_id = u.id and r.role = 'admin' \
             where u.disabled_at is null and u.erased_at is null order by u.id{lock}"
        ))
        .fetch_all(&mut *tx)
        .await?;
        let row: Option<Option<i64>> =
            sqlx::query_scalar(&format!("select erased_at from users where id = $1{lock}"))
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        match row {
            None => return Ok(Err(EraseRefusal::NoSuchMember)),
            Some(Some(_)) => return Ok(Err(EraseRefusal::AlreadyErased)),
            Some(None) => {}
        }
        if admins == [id] {
            return Ok(Err(EraseRefusal::LastAdmin));
        }

        // A moderator's claims on cases in review are let go, for another moderator to take.
        sqlx::query("update cases set claimed_by = null, claimed_at = null where claimed_by = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;

        let mut erased = Erased {
            cases_removed: 0,
            replies_removed: 0,
        };
        let mut touched: Vec<i64> = Vec::new();
        let mut gone: Vec<i64> = Vec::new();
        if erasure.posts == Posts::Remove {
            // Replies on other members' cases: notifications of their reviews first (those
            // point at the reviews without a cascade), then the replies, which take their
            // versions, flags and reviews with them.
            touched = sqlx::query_scalar(
                "select distinct case_id from replies where author_id = $1 order by case_id",
            )
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
            sqlx::query(
                "delete from notifications where review_id in (select cr.id from case_reviews cr \
                 join replies r on r.id = cr.reply_id where r.author_id = $1)",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
            erased.replies_removed = sqlx::query("delete from replies where author_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected() as usize;
            // Their cases, with everything that hangs on them (sections, replies, versions,
            // reviews, flags, notifications, the search entry).
            let cases: Vec<i64> = sqlx::query_scalar("select id from cases where author_id = $1")
                .bind(id)
                .fetch_all(&mut *tx)
                .await?;
            for case in &cases {
                sqlx::query("delete from cases where id = $1")
                    .bind(case)
                    .execute(&mut *tx)
                    .await?;
            }
            erased.cases_removed = cases.len();
            touched.retain(|c| !cases.contains(c));
            gone = cases;
            for case in &touched {
                recount(&mut tx, CaseId(*case)).await?;
                // Every node then reads the case's replies afresh.
                sqlx::query("update cases set replies_version = replies_version + 1 where id = $1")
                    .bind(case)
                    .execute(&mut *tx)
                    .await?;
                search_index::sync_case(&mut tx, self.backend, CaseId(*case)).await?;
            }
            search_index::scrub(&mut tx, self.backend).await?;
        }

        // Everything about the member that is not a post.
        let email: String = sqlx::query_scalar("select email from users where id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        for sql in [
            "delete from sessions where user_id = $1",
            "delete from user_roles where user_id = $1",
            "delete from mail_preferences where user_id = $1",
            "delete from digest_items where user_id = $1",
            "delete from outbox where user_id = $1",
            "delete from password_resets where user_id = $1",
            "delete from notifications where user_id = $1",
            "delete from group_invitations where invitee_id = $1",
            "delete from case_watches where user_id = $1",
            "delete from case_drafts where author_id = $1",
            "delete from two_factor where user_id = $1",
            "delete from recovery_codes where user_id = $1",
            "delete from login_challenges where user_id = $1",
            "delete from email_changes where user_id = $1",
            // The flags stay (moderation depends on them); the member's words in them go.
            "update flags set note = '' where flagger_id = $1",
        ] {
            sqlx::query(sql).bind(id).execute(&mut *tx).await?;
        }
        sqlx::query("update group_members set left_at = $2 where user_id = $1 and left_at is null")
            .bind(id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        let placeholder = format!("erased-{id}@erased.invalid");
        sqlx::query("update invites set email = $1 where used_by = $2 or email = $3")
            .bind(&placeholder)
            .bind(id)
            .bind(&email)
            .execute(&mut *tx)
            .await?;
        // An invitation emailed before they joined holds their address, not their id.
        sqlx::query("delete from outbox where address = $1")
            .bind(&email)
            .execute(&mut *tx)
            .await?;
        sqlx::query("delete from login_failures where scope = 'account' and key = $1")
            .bind(erasure.login_key)
            .execute(&mut *tx)
            .await?;
        // The name change also moves every case they replied to on (a trigger), so each node
        // drops its copy of those replies and shows the new name.
        sqlx::query(
            "update users set display_name = $1, email = $2, password_hash = $5, \
             professional_title = null, discipline = null, \
             disabled_at = coalesce(disabled_at, $3), erased_at = $3 where id = $4",
        )
        .bind(FORMER_MEMBER)
        .bind(&placeholder)
        .bind(now)
        .bind(id)
        .bind(erasure.unusable_hash)
        .execute(&mut *tx)
        .await?;

        sqlx::query(
            "insert into erasures (user_id, by_admin, posts, reason, at) values ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(erasure.by_admin.map(|u| u.0))
        .bind(erasure.posts.as_str())
        .bind(erasure.reason)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let detail = format!(
            "posts={} cases_removed={} replies_removed={} by={}",
            erasure.posts.as_str(),
            erased.cases_removed,
            erased.replies_removed,
            if erasure.by_admin.is_some() {
                "admin"
            } else {
                "member"
            }
        );
        AuditEvent {
            at: now,
            actor: Some(erasure.by_admin.unwrap_or(erasure.member)),
            action: "member_erased",
            target: Some(erasure.member),
            detail: &detail,
            case: None,
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;

        for case in touched.iter().chain(&gone) {
            self.snapshots.forget(CaseId(*case));
        }
        // The erasure is committed; a scrub that fails is reported, not turned into a failed
        // erasure (a retry would only find it already done). The next redaction, erasure or
        // checkpoint finishes it.
        if let Err(e) = self
            .scrub_freed_text(&format!(
                "users, invites, sessions, notifications, outbox, group_members, {CASE_TEXT_TABLES}"
            ))
            .await
        {
            tracing::error!(error = %e, "freed bytes not scrubbed after an erasure");
        }
        Ok(Ok(erased))
    }
}
