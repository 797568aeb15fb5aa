//! Which database is behind the pool, and the statements the two dialects spell differently
//! that are not plain SQL text.

/// Which database is behind the pool, for the few statements the dialects spell differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The id column and value that insert a new row of `table`: on SQLite past every id the
    /// table ever had, deleted ones too (its `floor` table, raised by a trigger on delete;
    /// migrations 0017 and 0023), so no id names two rows in the audit log, notifications or
    /// old links. PostgreSQL's identity never goes back, so the id is left to it.
    pub(super) fn fresh_id(self, table: &str, floor: &str) -> (&'static str, String) {
        match self {
            Backend::Sqlite => (
                "id, ",
                format!(
                    "(select max(coalesce((select max(id) from {table}), 0), last_id) + 1 \
                     from {floor} where id = 1), "
                ),
            ),
            Backend::Postgres => ("", String::new()),
        }
    }

    pub fn of_url(url: &str) -> Backend {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}
