//! The schema's version: `caseroom migrate` brings a database up to this build's migrations;
//! every other start only checks that the database is exactly at them, so no node ever runs
//! against a schema it does not know, and no node half-migrates a database others are using.
//! An empty database is the one exception: it gets the schema at once (a first start).

use sqlx::migrate::Migrator;

use super::{Backend, Store, StoreError};

static SQLITE: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES: Migrator = sqlx::migrate!("./migrations/postgres");

/// The migration that creates the search index (`0011_search.sql`).
const SEARCH_INDEX_MIGRATION: i64 = 11;

/// Why a database cannot be served as it is. Each says what to do, in one line.
#[derive(Debug, thiserror::Error)]
pub enum SchemaProblem {
    #[error(
        "the database schema is at version {have}, this build needs {want}: run `caseroom migrate` once (with every node stopped or on the old version), then start"
    )]
    Behind { have: i64, want: i64 },
    #[error(
        "the database schema is at version {have}, newer than this build knows ({want}): run the Caseroom version that migrated it"
    )]
    Ahead { have: i64, want: i64 },
    #[error(
        "migration {0} of this database differs from this build's: it was made by another program or another Caseroom; restore a backup or use an empty database"
    )]
    Changed(i64),
    #[error(
        "migration {0} failed part way on this database earlier; restore the backup taken before it"
    )]
    Dirty(i64),
    #[error(
        "the database holds tables but no Caseroom schema: point DATABASE_URL at an empty database or a Caseroom one"
    )]
    Foreign,
}

struct Applied {
    version: i64,
    checksum: Vec<u8>,
    success: bool,
}

impl Store {
    fn migrator(&self) -> &'static Migrator {
        match self.backend {
            Backend::Sqlite => &SQLITE,
            Backend::Postgres => &POSTGRES,
        }
    }

    /// The newest migration this build has.
    pub fn schema_version(&self) -> i64 {
        self.migrator().iter().map(|m| m.version).max().unwrap_or(0)
    }

    /// Brings the schema up to this build's (`caseroom migrate`). Each migration is its own
    /// transaction, and on PostgreSQL an advisory lock keeps two nodes from migrating at once.
    /// A database that is ahead of this build, or whose history differs, is refused untouched.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        let before = match self.check_schema().await {
            Ok(()) => return Ok(()),
            Err(StoreError::Schema(SchemaProblem::Behind { have, .. })) => have,
            Err(e) => return Err(e),
        };
        self.migrator().run(&self.pool).await?;
        // The migration that creates the search index cannot fill it (the indexed text is the
        // text as read, made in Rust): it is filled here, once, from what is published.
        if before > 0 && before < SEARCH_INDEX_MIGRATION {
            self.rebuild_search_index().await?;
        }
        Ok(())
    }

    /// Refuses a database not exactly at this build's schema; creates the schema in an empty one.
    pub async fn ensure_schema(&self) -> Result<(), StoreError> {
        if self.user_tables().await? == 0 {
            self.migrator().run(&self.pool).await?;
            return Ok(());
        }
        self.check_schema().await
    }

    async fn check_schema(&self) -> Result<(), StoreError> {
        let applied = self.applied().await?;
        if applied.is_none() && self.user_tables().await? > 0 {
            return Err(SchemaProblem::Foreign.into());
        }
        let applied = applied.unwrap_or_default();
        if let Some(bad) = applied.iter().find(|a| !a.success) {
            return Err(SchemaProblem::Dirty(bad.version).into());
        }
        let want = self.schema_version();
        let have = applied.iter().map(|a| a.version).max().unwrap_or(0);
        if have > want {
            return Err(SchemaProblem::Ahead { have, want }.into());
        }
        for a in &applied {
            let ours = self.migrator().iter().find(|m| m.version == a.version);
            if ours.is_none_or(|m| *m.checksum != *a.checksum) {
                return Err(SchemaProblem::Changed(a.version).into());
            }
        }
        if have < want {
            return Err(SchemaProblem::Behind { have, want }.into());
        }
        Ok(())
    }

    /// The migrations recorded in the database, or `None` when it has no record of any.
    async fn applied(&self) -> Result<Option<Vec<Applied>>, StoreError> {
        let exists: i64 = sqlx::query_scalar(match self.backend {
            Backend::Sqlite => {
                "select count(*) from sqlite_master where type = 'table' and name = '_sqlx_migrations'"
            }
            Backend::Postgres => {
                "select count(*) from information_schema.tables \
                 where table_schema = current_schema() and table_name = '_sqlx_migrations'"
            }
        })
        .fetch_one(&self.pool)
        .await?;
        if exists == 0 {
            return Ok(None);
        }
        let rows = sqlx::query(
            "select version, checksum, case when success then 1 else 0 end as success \
             from _sqlx_migrations order by version",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut applied = Vec::with_capacity(rows.len());
        for row in rows {
            use sqlx::Row as _;
            applied.push(Applied {
                version: row.try_get("version")?,
                checksum: row.try_get("checksum")?,
                success: super::flag(&row, "success")?,
            });
        }
        Ok(Some(applied))
    }

    /// How many tables the database holds besides the engine's own.
    async fn user_tables(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(match self.backend {
            Backend::Sqlite => {
                "select count(*) from sqlite_master where type = 'table' and name not like 'sqlite_%'"
            }
            Backend::Postgres => {
                "select count(*) from information_schema.tables where table_schema = current_schema()"
            }
        })
        .fetch_one(&self.pool)
        .await?)
    }
}
