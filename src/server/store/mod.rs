//! The database. Every mutating method is one transaction and writes its audit row inside it.
//! SQL is written once in the common dialect (`$1` placeholders, lowercase) so a PostgreSQL
//! backend can share it; only SQLite is wired today.
//!
//! Two rules hold for every method: member text is written only from the publication gate's
//! types (`server::gate`), and every read that returns a case or a reply to a reader filters
//! by the visibility rule (`visibility`).

mod audit;
mod case_reads;
mod case_state;
mod cases;
mod flags;
mod invites;
mod notifications;
mod redaction;
mod replies;
mod reply_review;
mod review;
mod review_decisions;
mod sessions;
mod throttle;
mod users;
pub mod visibility;

pub use audit::AuditEvent;
pub use case_reads::{CaseRow, Cursor};
pub use case_state::LockRow;
pub use cases::{EditOutcome, ScanExplanation};
pub use flags::{FlagOutcome, FlagWrite, HiddenReplyRow};
pub use invites::{InviteRow, NewInvite};
pub use notifications::NotificationRow;
pub use replies::{ReplyRow, ReplyWrite};
pub use reply_review::PendingReplyRow;
pub use review::{DecisionWrite, QueueRow, ReviewRefusal, ReviewRow, RevisionUnderReview};
pub use sessions::SessionRow;
pub use throttle::ThrottleScope;
pub use users::{NewUser, UserAuthRow, UserConflict};

use sqlx::AnyPool;
use sqlx::Executor as _;
use sqlx::any::AnyPoolOptions;

/// The database type every query runs on: sqlx's `Any`, so each query is written once and runs
/// on whichever backend `DATABASE_URL` names.
pub type Db = sqlx::Any;
pub type DbRow = sqlx::any::AnyRow;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error")]
    Database(#[from] sqlx::Error),
    #[error("migration failed")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored value is not valid: {0}")]
    Corrupt(&'static str),
    #[error("the background writer stopped before it finished")]
    WriterStopped,
}

#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    /// Reads of cases not yet written to the audit log (see `audit`).
    case_views: audit::CaseViewBuffer,
}

impl Store {
    /// Opens (creating when missing) the SQLite database: WAL so readers never wait for the
    /// writer, foreign keys on, a busy timeout instead of instant "database is locked" errors,
    /// and `secure_delete` so removed text is overwritten rather than left in free pages. The
    /// pragmas are set on every new connection, since `Any` takes only a URL.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let url = sqlite_url(url);
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            .after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute(
                        "pragma journal_mode = wal; pragma synchronous = normal; \
                         pragma foreign_keys = on; pragma busy_timeout = 5000; \
                         pragma secure_delete = on;",
                    )
                    .await?;
                    Ok(())
                })
            })
            .connect(&url)
            .await?;
        Ok(Store {
            pool,
            case_views: Default::default(),
        })
    }

    pub async fn migrate(&self) -> Result<(), StoreError> {
        sqlx::migrate!("./migrations/sqlite")
            .run(&self.pool)
            .await?;
        Ok(())
    }

    /// Writes the buffered case views, then closes every connection.
    pub async fn close(&self) {
        if let Err(e) = self.flush_case_views().await {
            tracing::error!(error = %e, "case views could not be written at shutdown");
        }
        self.pool.close().await;
    }

    /// Begins a write transaction holding SQLite's write lock from its first statement. A
    /// deferred transaction that reads and then writes fails at once with "database is locked"
    /// when another connection wrote in between (its snapshot is stale, and SQLite does not wait
    /// in that case); taking the lock up front makes it wait for the busy timeout instead. A
    /// review decision racing the audit log's batch writer turned into a 500 before this.
    async fn write_tx(&self) -> Result<sqlx::Transaction<'static, Db>, sqlx::Error> {
        self.pool.begin_with("BEGIN IMMEDIATE").await
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
