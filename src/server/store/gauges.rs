//! The counts `/metrics` reports: how long the queues are and how the pool is used. Counts
//! only, never which case or member.

use super::{Store, StoreError};

#[derive(Clone, Copy, Debug, Default)]
pub struct Gauges {
    pub cases_waiting: i64,
    pub replies_waiting: i64,
    pub outbox_due: i64,
    pub outbox_failed: i64,
    pub digest_items_waiting: i64,
    pub scrubs_owed: i64,
    pub pool_open: u32,
    pub pool_idle: u32,
    pub pool_max: u32,
}

impl Store {
    pub async fn gauges(&self) -> Result<Gauges, StoreError> {
        let (cases, replies, due, failed, digest, scrubs): (i64, i64, i64, i64, i64, i64) =
            sqlx::query_as(
                "select \
                   (select count(*) from cases where review_state = 'pending'), \
                   (select count(*) from replies where review_state = 'pending' and deleted_at is null), \
                   (select count(*) from outbox where sent_at is null and failed_at is null), \
                   (select count(*) from outbox where failed_at is not null), \
                   (select count(*) from digest_items where outbox_id is null), \
                   (select coalesce(max(owed), 0) from purge_scrubs)",
            )
            .fetch_one(&self.pool)
            .await?;
        Ok(Gauges {
            cases_waiting: cases,
            replies_waiting: replies,
            outbox_due: due,
            outbox_failed: failed,
            digest_items_waiting: digest,
            scrubs_owed: scrubs,
            pool_open: self.pool.size(),
            pool_idle: u32::try_from(self.pool.num_idle()).unwrap_or(u32::MAX),
            pool_max: self.pool.options().get_max_connections(),
        })
    }
}
