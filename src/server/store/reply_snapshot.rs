//! The replies of a case, read once per change and kept in memory: the case page's snapshot.
//!
//! A snapshot holds every reply of a case in every state. It is the same for every reader and
//! is never shown as it is. `list_replies` and `list_thread` (the case page's, with tombstones)
//! filter it for one reader with the visibility rule
//! (`policy::sees_reply`, the rule whose SQL form every other read uses; tests/http/visibility.rs
//! holds the two together). Each snapshot is labelled with the case's `replies_version`. Triggers
//! bump that version in the transaction of every change to the case's replies
//! (migrations/*/0009). A read compares the version it got with the case row, and reloads when the
//! snapshot is older. So a change shows on the next read after its commit, on every app node.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use sqlx::Row as _;

use super::reply_reads::{REPLY_COLUMNS, ReplyRow, reply_from_row};
use super::{CaseRow, Store, StoreError};
use crate::domain::policy::{Actor, sees_reply, sees_tombstone};
use crate::model::{CaseId, ReplyId};

/// How much reply text the snapshots may hold together, about 80 cases of 100 replies. The
/// least recently read case goes first.
const BUDGET_BYTES: usize = 8 << 20;

/// One place in a case's thread as a reader gets it: a reply, or the tombstone of one its author
/// deleted (which carries nothing of the reply but its place).
pub enum ThreadItem {
    Reply(Arc<ReplyRow>),
    Tombstone { id: ReplyId, created_at: i64 },
}

impl ThreadItem {
    pub fn id(&self) -> ReplyId {
        match self {
            ThreadItem::Reply(r) => r.id,
            ThreadItem::Tombstone { id, .. } => *id,
        }
    }
}

/// Every reply of one case as of `version`, oldest first.
struct Snapshot {
    version: i64,
    replies: Vec<Arc<ReplyRow>>,
    bytes: usize,
    last_read: u64,
}

#[derive(Clone, Default)]
pub(super) struct SnapshotCache(Arc<Mutex<Snapshots>>);

#[derive(Default)]
struct Snapshots {
    by_case: HashMap<i64, Snapshot>,
    bytes: usize,
    clock: u64,
}

impl SnapshotCache {
    fn lock(&self) -> MutexGuard<'_, Snapshots> {
        // A panic elsewhere leaves a map that is still whole: every change is one insert or
        // remove.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The replies of `case` if the snapshot is at `version` or newer.
    fn get(&self, case: CaseId, version: i64) -> Option<Vec<Arc<ReplyRow>>> {
        let mut snapshots = self.lock();
        snapshots.clock += 1;
        let now = snapshots.clock;
        let snapshot = snapshots
            .by_case
            .get_mut(&case.0)
            .filter(|s| s.version >= version)?;
        snapshot.last_read = now;
        Some(snapshot.replies.clone())
    }

    /// Keeps `replies` as the snapshot of `case` at `version`, unless a newer one arrived
    /// meanwhile; then evicts the least recently read until the budget holds.
    fn put(&self, case: CaseId, version: i64, replies: &[Arc<ReplyRow>]) {
        let bytes = replies
            .iter()
            .map(|r| r.source.len() + r.html.len() + r.author_name.len() + 128)
            .sum();
        let mut snapshots = self.lock();
        if snapshots
            .by_case
            .get(&case.0)
            .is_some_and(|s| s.version >= version)
        {
            return;
        }
        snapshots.clock += 1;
        let last_read = snapshots.clock;
        let old = snapshots.by_case.insert(
            case.0,
            Snapshot {
                version,
                replies: replies.to_vec(),
                bytes,
                last_read,
            },
        );
        snapshots.bytes = snapshots.bytes + bytes - old.map_or(0, |s| s.bytes);
        while snapshots.bytes > BUDGET_BYTES && snapshots.by_case.len() > 1 {
            let Some(oldest) = snapshots
                .by_case
                .iter()
                .filter(|(id, _)| **id != case.0)
                .min_by_key(|(_, s)| s.last_read)
                .map(|(id, _)| *id)
            else {
                break;
            };
            if let Some(gone) = snapshots.by_case.remove(&oldest) {
                snapshots.bytes -= gone.bytes;
            }
        }
    }
}

impl SnapshotCache {
    /// Drops the snapshot of `case`, if there is one.
    pub(super) fn forget(&self, case: CaseId) {
        let mut snapshots = self.lock();
        if let Some(gone) = snapshots.by_case.remove(&case.0) {
            snapshots.bytes -= gone.bytes;
        }
    }
}

impl Store {
    /// The replies of `case` that `reader` may see, oldest first. `case` must come from
    /// `find_case` for the same reader: the case's own visibility (review state, the reader's
    /// recusal) was decided there, by the SQL form of the rule.
    pub async fn list_replies(
        &self,
        case: &CaseRow,
        reader: &Actor,
    ) -> Result<Vec<Arc<ReplyRow>>, StoreError> {
        let facts = case.facts();
        Ok(self
            .snapshot(case)
            .await?
            .into_iter()
            .filter(|r| sees_reply(reader, &r.facts(facts)))
            .collect())
    }

    /// The case page's thread for `reader`: the replies they may see and, in the place of each
    /// reply its author deleted that they would otherwise have seen, a tombstone (the same
    /// rule, `policy::sees_tombstone`). Oldest first.
    pub async fn list_thread(
        &self,
        case: &CaseRow,
        reader: &Actor,
    ) -> Result<Vec<ThreadItem>, StoreError> {
        let facts = case.facts();
        Ok(self
            .snapshot(case)
            .await?
            .into_iter()
            .filter_map(|r| {
                let seen = r.facts(facts);
                if sees_reply(reader, &seen) {
                    Some(ThreadItem::Reply(r))
                } else if sees_tombstone(reader, &seen) {
                    Some(ThreadItem::Tombstone {
                        id: r.id,
                        created_at: r.created_at,
                    })
                } else {
                    None
                }
            })
            .collect())
    }

    async fn snapshot(&self, case: &CaseRow) -> Result<Vec<Arc<ReplyRow>>, StoreError> {
        Ok(match self.snapshots.get(case.id, case.replies_version) {
            Some(all) => all,
            None => {
                let (version, all) = self.read_replies(case.id).await?;
                self.snapshots.put(case.id, version, &all);
                all
            }
        })
    }

    /// Every reply of `case` and the version they are at, in one statement, so that the two
    /// agree (a statement reads one consistent state on both backends).
    async fn read_replies(&self, case: CaseId) -> Result<(i64, Vec<Arc<ReplyRow>>), StoreError> {
        let sql = format!(
            "select c.replies_version, {REPLY_COLUMNS} from cases c \
             left join replies r on r.case_id = c.id \
             left join users u on u.id = r.author_id \
             where c.id = $1 order by r.id"
        );
        let rows = sqlx::query(&sql).bind(case.0).fetch_all(&self.pool).await?;
        let mut version = 0;
        let mut replies = Vec::with_capacity(rows.len());
        for row in &rows {
            version = row.try_get("replies_version")?;
            // A case without replies is one row of nulls on the reply side.
            if row.try_get::<Option<i64>, _>("id")?.is_some() {
                replies.push(Arc::new(reply_from_row(row)?));
            }
        }
        Ok((version, replies))
    }
}
