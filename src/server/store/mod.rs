//! The database: SQLite or PostgreSQL, chosen by `DATABASE_URL`. Every mutating method is one
//! transaction and writes its audit row inside it. SQL is written once in the dialect both
//! share (`$1` placeholders, lowercase, unix-second integers, yes/no as 0 or 1, `string_agg`,
//! which SQLite has since 3.44); the few places they differ ask `Backend`.
//!
//! Rows are read by column name with `try_get`, which is what `#[derive(FromRow)]` expands to:
//! a missing or mistyped column is an error (a 500 with the column in the log), never a panic.
//! The mapping is written out because nearly every row becomes a domain type on the way (states
//! and tags parsed, a yes/no that is 0/1 in a column but a boolean from a PostgreSQL
//! expression), which a derive would only move into a second, raw struct.
//!
//! Two rules hold for every method: member text is written only from the publication gate's
//! types (`server::gate`), and every read that returns a case or a reply to a reader filters
//! by the visibility rule (`visibility`).

mod audit;
mod backend;
mod backup;
mod blind_spots;
mod case_filter;
mod case_reads;
mod case_state;
mod cases;
mod drafts;
mod email_changes;
mod erasure;
mod flags;
mod gauges;
mod group_invitations;
mod group_reads;
mod groups;
mod guard;
mod invites;
mod mail_preferences;
mod member_data;
mod member_records;
mod members;
mod notifications;
mod outbox;
mod password_resets;
mod profiles;
mod purge;
mod redaction;
mod replies;
mod reply_deletion;
mod reply_reads;
mod reply_review;
mod reply_snapshot;
mod retention;
mod review;
mod review_decisions;
mod search;
mod search_index;
mod sessions;
mod throttle;
mod two_factor;
mod users;
pub mod visibility;
mod watches;

pub use audit::AuditEvent;
pub use backend::Backend;
pub use blind_spots::{HelpfulFeedback, OwnCaseNotes};
pub use case_reads::{CaseRow, Cursor};
pub use case_state::LockRow;
pub use cases::{EditBase, EditOutcome, ScanExplanation};
pub use drafts::{DRAFTS_MAX, TOO_MANY_DRAFTS};
pub use email_changes::EmailChangeOutcome;
pub use erasure::{EraseRefusal, Erased, Erasure, FORMER_MEMBER, Posts};
pub use flags::{FlagOutcome, FlagWrite, HiddenReplyRow};
pub use gauges::Gauges;
pub use groups::GroupMembership;
pub use guard::CASE_CHANGED;
pub use invites::{InviteRow, NewInvite};
pub use member_records::MemberData;
pub use notifications::NotificationRow;
pub use outbox::{BACKOFF_SECS, CLAIM_SECS, ClaimedMail, FailedMail, Outgoing, Recipient};
pub use password_resets::{NewReset, ResetOutcome, ResetRow};
pub use purge::SCRUB_GAP;
pub use replies::ReplyWrite;
pub use reply_deletion::{ALREADY_DELETED, NOT_DELETED};
pub use reply_reads::ReplyRow;
pub use reply_review::PendingReplyRow;
pub use reply_snapshot::ThreadItem;
pub use retention::{HoldRow, RetentionRow};
pub use review::{DecisionWrite, QueueRow, ReviewRefusal, ReviewRow, RevisionUnderReview};
pub use search::SearchHits;
pub use search_index::{IndexDrift, case_body};
pub use sessions::SessionRow;
pub use throttle::ThrottleScope;
pub use two_factor::{ALREADY_ON, ChallengeRow, TwoFactorRow};
pub use users::{NewUser, UserAuthRow, UserConflict};

mod schema;

use std::time::Duration;

use sqlx::AnyPool;
use sqlx::Executor as _;
use sqlx::any::AnyPoolOptions;

pub use schema::SchemaProblem;

/// The database type every query runs on: sqlx's `Any`, so each query is written once and runs
/// on whichever backend `DATABASE_URL` names.
pub type Db = sqlx::Any;
pub type DbRow = sqlx::any::AnyRow;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(sqlx::Error),
    /// The database cannot be reached (refused, timed out, the pool closed): a 503, and the
    /// next request tries again.
    #[error("the database cannot be reached: {0}")]
    Unavailable(sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error(transparent)]
    Schema(#[from] SchemaProblem),
    /// What the caller asked for does not exist (or no longer does).
    #[error("{0}")]
    NotFound(&'static str),
    /// Another writer changed it first; the message says what to do.
    #[error("{0}")]
    Conflict(&'static str),
    /// Something this backend or this request cannot do; the message says what to do instead.
    #[error("{0}")]
    Unsupported(&'static str),
    #[error("stored value is not valid: {0}")]
    Corrupt(&'static str),
    #[error("the background writer stopped before it finished")]
    WriterStopped,
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::Io(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed => StoreError::Unavailable(e),
            // PostgreSQL gave up one of two transactions that waited on each other (a deadlock,
            // or a serialization failure): nothing was saved, and the same request again
            // succeeds. A 503 says so; it is not a bug in the request.
            sqlx::Error::Database(ref db)
                if matches!(db.code().as_deref(), Some("40P01") | Some("40001")) =>
            {
                StoreError::Unavailable(e)
            }
            e => StoreError::Database(e),
        }
    }
}

#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// Reads of cases waiting for their group commit (see `audit`).
    case_views: audit::CaseViewBuffer,
    /// The replies of recently read cases, per version (see `reply_snapshot`).
    snapshots: reply_snapshot::SnapshotCache,
    /// Email is configured: changes that notify a member also write to the outbox.
    mail: bool,
}

impl Store {
    /// Opens the database `url` names. SQLite (created when missing): WAL so readers never wait
    /// for the writer, foreign keys on, a busy timeout instead of instant "database is locked"
    /// errors, `secure_delete` so removed text is overwritten rather than left in free pages,
    /// and reads through a memory map of the file's first GiB: each connection's own page
    /// cache is 2 MB, so a search at 100,000 posts read its pages again by system call on every
    /// connection of the pool (40 ms for a statement that took 8 ms on a warm connection).
    /// The pragmas are set on every new connection, since `Any` takes only a URL. PostgreSQL:
    /// the server's defaults. A request waits at most five seconds for a connection, so a lost
    /// database answers 503 quickly instead of holding every request.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of_url(url);
        // No ping before each use: it doubled the round trips of every query. A connection the
        // database dropped fails its query (a 503) and is not reused; the next one is fresh.
        let options = AnyPoolOptions::new()
            .max_connections(8)
            .test_before_acquire(false)
            .acquire_timeout(Duration::from_secs(5));
        let pool = match backend {
            Backend::Sqlite => {
                options
                    .after_connect(|conn, _| {
                        Box::pin(async move {
                            conn.execute(
                                "pragma journal_mode = wal; pragma synchronous = normal; \
                                 pragma foreign_keys = on; pragma busy_timeout = 5000; \
                                 pragma secure_delete = on; pragma mmap_size = 1073741824;",
                            )
                            .await?;
                            Ok(())
                        })
                    })
                    .connect(&sqlite_url(url))
                    .await?
            }
            Backend::Postgres => options.connect(url).await?,
        };
        Ok(Store {
            pool,
            backend,
            case_views: Default::default(),
            snapshots: Default::default(),
            mail: false,
        })
    }

    /// With email configured, notifications also write to the outbox (docs/EMAIL.md).
    pub fn with_mail(mut self, on: bool) -> Store {
        self.mail = on;
        self
    }

    /// Whether email is configured, so a message can be asked for (an invite, a reset link).
    pub fn mail_enabled(&self) -> bool {
        self.mail
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Writes any reads still waiting for their commit, then closes every connection.
    pub async fn close(&self) {
        if let Err(e) = self.flush_case_views().await {
            tracing::error!(error = %e, "case views could not be written at shutdown");
        }
        // `close` waits for every connection to come back; one held by a task that never ends
        // must not keep the process from stopping. Every write has committed by now.
        if tokio::time::timeout(std::time::Duration::from_secs(5), self.pool.close())
            .await
            .is_err()
        {
            tracing::warn!("database connections still in use 5 s into shutdown; stopping anyway");
        }
    }

    /// Begins a write transaction. On SQLite it holds the write lock from its first statement:
    /// a deferred transaction that reads and then writes fails at once with "database is
    /// locked" when another connection wrote in between (SQLite does not wait in that case);
    /// taking the lock up front makes it wait for the busy timeout instead. On PostgreSQL it is
    /// an ordinary read-committed transaction: every read-then-write in it is a conditional
    /// write or takes a row lock (`for update`), so several writers stay correct.
    async fn write_tx(&self) -> Result<sqlx::Transaction<'static, Db>, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// A cheap round trip for `/healthz`.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("select 1").execute(&self.pool).await?;
        Ok(())
    }
}

/// `url` with `mode=rwc` added, so a missing database file is created (what
/// `create_if_missing` did for the SQLite driver's own options).
fn sqlite_url(url: &str) -> String {
    if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    }
}

/// A yes/no value for a yes/no column or a filter: 0 or 1 on both backends (a bound `bool` is
/// a boolean on PostgreSQL, which does not compare with an integer column).
fn yes(b: bool) -> i64 {
    i64::from(b)
}

/// A yes/no column: SQLite keeps 0 or 1, PostgreSQL a boolean; both read the same.
fn flag(row: &DbRow, column: &str) -> Result<bool, sqlx::Error> {
    use sqlx::Row as _;
    match row.try_get::<i64, _>(column) {
        Ok(v) => Ok(v != 0),
        Err(_) => row.try_get::<bool, _>(column),
    }
}

/// True when `e` is a unique-constraint violation (a duplicate email, a reused token).
fn is_unique_violation(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.is_unique_violation())
}
