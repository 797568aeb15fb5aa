//! Watching a case: who is told of its new replies. The case's author, the members whose
//! replies on it were published and its supervisor of record watch it unless they chose not to;
//! anyone who sees it may choose to (`case_watches`). Only watchers who may see the case now, by
//! the visibility rule's member form, and whose accounts are active, are told.

use super::notifications::notify;
use super::visibility::case_visible;
use super::{Db, Store, StoreError, yes};
use crate::domain::policy::Actor;
use crate::domain::role::Roles;
use crate::model::{CaseId, UserId};

/// Everyone who watches case `$1`, by default or by choice, less those who chose not to.
const WATCHERS: &str = "select d.user_id from (\
     select author_id as user_id from cases where id = $1 \
     union select supervisor_id from cases where id = $1 and supervisor_id is not null \
     union select author_id from replies where case_id = $1 and review_state = 'approved' \
       and deleted_at is null \
     union select user_id from case_watches where case_id = $1 and watching = 1) d \
     where not exists (select 1 from case_watches w where w.case_id = $1 \
       and w.user_id = d.user_id and w.watching = 0)";

impl Store {
    /// Whether `user` watches the case now.
    pub async fn is_watching(&self, case: CaseId, user: UserId) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar(&format!(
            "select count(*) from ({WATCHERS}) watchers where user_id = $2"
        ))
        .bind(case.0)
        .bind(user.0)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }

    /// The member's choice, which outlasts their later replies.
    pub async fn set_watching(
        &self,
        case: CaseId,
        user: UserId,
        watching: bool,
        now: i64,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "insert into case_watches (case_id, user_id, watching, at) values ($1, $2, $3, $4) \
             on conflict (case_id, user_id) do update set watching = excluded.watching, at = excluded.at",
        )
        .bind(case.0)
        .bind(user.0)
        .bind(yes(watching))
        .bind(now)
        .execute(&mut *self.pool.acquire().await?)
        .await?;
        Ok(())
    }
}

/// Tells the case's watchers of a newly published reply, in its transaction: the case's author
/// as before (`reply`, or `supervisor_feedback` when a supervisor wrote it), everyone else
/// `watched_reply`. Never the reply's own author.
pub(super) async fn notify_watchers(
    tx: &mut sqlx::Transaction<'_, Db>,
    mail: bool,
    case: CaseId,
    reply_author: UserId,
    supervisor_feedback: bool,
    now: i64,
) -> Result<(), StoreError> {
    let member = Actor {
        user_id: UserId(0),
        roles: Roles::default(),
    };
    let sql = format!(
        "select w.user_id, c.author_id from ({WATCHERS}) w \
         join users u on u.id = w.user_id and u.disabled_at is null \
         join cases c on c.id = $1 \
         where w.user_id <> $2 and {} order by w.user_id",
        case_visible("c", "w.user_id", &member)
    );
    let watchers: Vec<(i64, i64)> = sqlx::query_as(&sql)
        .bind(case.0)
        .bind(reply_author.0)
        .fetch_all(&mut **tx)
        .await?;
    for (user, case_author) in watchers {
        let kind = match (user == case_author, supervisor_feedback) {
            (true, true) => "supervisor_feedback",
            (true, false) => "reply",
            (false, _) => "watched_reply",
        };
        notify(tx, mail, UserId(user), kind, case, now).await?;
    }
    Ok(())
}
