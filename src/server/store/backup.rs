//! `caseroom backup FILE`: a consistent copy of a SQLite database, taken while the server keeps
//! serving. `vacuum into` reads one snapshot (WAL readers never wait for the writer) and writes
//! a compact file without free pages, so text removed by a redaction before the backup is not
//! in it. PostgreSQL has its own tools (`pg_dump`), which docs/DEPLOYMENT.md describes.

use std::path::Path;

use super::{Backend, Store, StoreError};

impl Store {
    pub async fn backup_to(&self, file: &Path) -> Result<(), StoreError> {
        if self.backend == Backend::Postgres {
            return Err(StoreError::Unsupported(
                "on PostgreSQL, back up with pg_dump --format=custom (see docs/DEPLOYMENT.md)",
            ));
        }
        if file.exists() {
            return Err(StoreError::Unsupported(
                "the backup file already exists; choose a new name",
            ));
        }
        let Some(path) = file.to_str() else {
            return Err(StoreError::Unsupported(
                "the backup file's name is not valid UTF-8",
            ));
        };
        sqlx::query("vacuum into $1")
            .bind(path)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
