//! Email preferences, the daily digest and the key that signs unsubscribe links
//! (docs/EMAIL.md). The outbox asks `delivery_of` before writing a message a member chose for.

use super::{AuditEvent, Db, Store, StoreError};
use crate::model::{MailDelivery, UserId};

/// How `user` gets messages of `kind` (a kind's key), inside the transaction writing one.
pub(super) async fn delivery_of(
    tx: &mut sqlx::Transaction<'_, Db>,
    user: UserId,
    kind: &str,
) -> Result<MailDelivery, StoreError> {
    let stored: Option<String> = sqlx::query_scalar(
        "select delivery from mail_preferences where user_id = $1 and kind = $2",
    )
    .bind(user.0)
    .bind(kind)
    .fetch_optional(&mut **tx)
    .await?;
    Ok(stored
        .as_deref()
        .and_then(MailDelivery::parse)
        .unwrap_or_default())
}

/// Keeps a message for the member's next digest: its kind and time only.
pub(super) async fn keep_for_digest(
    tx: &mut sqlx::Transaction<'_, Db>,
    user: UserId,
    kind: &str,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query("insert into digest_items (user_id, kind, created_at) values ($1, $2, $3)")
        .bind(user.0)
        .bind(kind)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

impl Store {
    /// The member's choices that differ from "immediately", by kind key.
    pub async fn mail_preferences(
        &self,
        user: UserId,
    ) -> Result<Vec<(String, MailDelivery)>, StoreError> {
        let rows: Vec<(String, String)> =
            sqlx::query_as("select kind, delivery from mail_preferences where user_id = $1")
                .bind(user.0)
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(kind, d)| MailDelivery::parse(&d).map(|d| (kind, d)))
            .collect())
    }

    /// Sets the member's choice for each of `choices` (kind key, delivery), in one transaction.
    pub async fn set_mail_preferences(
        &self,
        user: UserId,
        choices: &[(&str, MailDelivery)],
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        for (kind, delivery) in choices {
            set_one(&mut tx, user, kind, *delivery).await?;
        }
        let detail = format!("kinds={}", choices.len());
        AuditEvent {
            at: now,
            actor: Some(user),
            action: "mail_preferences_changed",
            target: Some(user),
            detail: &detail,
            case: None,
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// An unsubscribe link used: `kind` is never emailed to the member again, or with `None`
    /// (the digest's own link) every kind they get in the digest. Returns whether anything
    /// changed.
    pub async fn unsubscribe(
        &self,
        user: UserId,
        kind: Option<&str>,
        now: i64,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let changed = match kind {
            Some(kind) => {
                let before = delivery_of(&mut tx, user, kind).await?;
                set_one(&mut tx, user, kind, MailDelivery::Never).await?;
                before != MailDelivery::Never
            }
            None => {
                sqlx::query(
                    "update mail_preferences set delivery = 'none' \
                     where user_id = $1 and delivery = 'digest'",
                )
                .bind(user.0)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    > 0
            }
        };
        if changed {
            AuditEvent {
                at: now,
                actor: Some(user),
                action: "mail_unsubscribed",
                target: Some(user),
                detail: kind.unwrap_or("digest"),
                case: None,
                review: None,
            }
            .write(&mut tx)
            .await?;
        }
        tx.commit().await?;
        Ok(changed)
    }

    /// Makes the day's digests, once across every node: the node whose insert of `day` into
    /// `digest_runs` succeeds writes one outbox row per member with waiting items and ties the
    /// items to it, in one transaction. Returns how many digests it wrote (`None`: another node
    /// or an earlier run made this day's).
    pub async fn run_digest(&self, day: i64, now: i64) -> Result<Option<usize>, StoreError> {
        let mut tx = self.write_tx().await?;
        let ran = sqlx::query(
            "insert into digest_runs (day, ran_at) values ($1, $2) on conflict (day) do nothing",
        )
        .bind(day)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if ran.rows_affected() == 0 {
            return Ok(None);
        }
        let members: Vec<i64> = sqlx::query_scalar(
            "select distinct user_id from digest_items where outbox_id is null and created_at <= $1 \
             order by user_id",
        )
        .bind(now)
        .fetch_all(&mut *tx)
        .await?;
        for member in &members {
            let id: i64 = sqlx::query_scalar(
                "insert into outbox (kind, user_id, link, created_at, not_before) \
                 values ('digest', $1, '/notifications', $2, $2) returning id",
            )
            .bind(member)
            .bind(now)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "update digest_items set outbox_id = $1 \
                 where user_id = $2 and outbox_id is null and created_at <= $3",
            )
            .bind(id)
            .bind(member)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(Some(members.len()))
    }

    /// A digest's counts per kind key, for its message.
    pub async fn digest_counts(&self, outbox_id: i64) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "select kind, count(*) from digest_items where outbox_id = $1 group by kind order by kind",
        )
        .bind(outbox_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The secret named `name`, made (from `fresh`) by whichever node asks first; every node then
    /// reads the same one.
    pub async fn site_key(&self, name: &str, fresh: &str, now: i64) -> Result<String, StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "insert into site_keys (name, secret, created_at) values ($1, $2, $3) \
             on conflict (name) do nothing",
        )
        .bind(name)
        .bind(fresh)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let secret: String = sqlx::query_scalar("select secret from site_keys where name = $1")
            .bind(name)
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(secret)
    }
}

async fn set_one(
    tx: &mut sqlx::Transaction<'_, Db>,
    user: UserId,
    kind: &str,
    delivery: MailDelivery,
) -> Result<(), StoreError> {
    if delivery == MailDelivery::Immediately {
        sqlx::query("delete from mail_preferences where user_id = $1 and kind = $2")
            .bind(user.0)
            .bind(kind)
            .execute(&mut **tx)
            .await?;
    } else {
        // An upsert: two saves at once (a mail program's one-click and the member's own click)
        // must not collide on the key.
        sqlx::query(
            "insert into mail_preferences (user_id, kind, delivery) values ($1, $2, $3) \
             on conflict (user_id, kind) do update set delivery = excluded.delivery",
        )
        .bind(user.0)
        .bind(kind)
        .bind(delivery.key())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
