//! The schema on both backends, and what start does with a database it cannot serve.
//!
//! - `migrations/sqlite` and `migrations/postgres` build the same schema: tables, columns and
//!   their kinds, nullability and defaults, primary keys, unique and foreign keys, the number of
//!   checks per table, indexes and triggers (run when the tests have a PostgreSQL server).
//! - A database behind this build, ahead of it, with a different history, or holding another
//!   program's tables is refused by `serve` with one line, untouched; `caseroom migrate` brings
//!   an older one up. An unreachable database or a wrong password is one line too.
//! - A node that loses its database answers 503 on `/healthz` and recovers by itself.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use sqlx::{AnyPool, Row as _};

use crate::support::*;

/// A schema reduced to what both backends can say the same way.
#[derive(Debug, Default, PartialEq, Eq)]
struct Schema {
    /// table → column → (kind, not null, default)
    columns: BTreeMap<String, BTreeMap<String, (String, bool, String)>>,
    /// (table, primary-key columns)
    keys: BTreeSet<(String, String)>,
    /// (table, unique columns)
    uniques: BTreeSet<(String, String)>,
    /// (table, "from -> table(to) on delete …")
    foreign: BTreeSet<(String, String)>,
    /// table → number of check constraints
    checks: BTreeMap<String, usize>,
    /// (table, index, unique, columns or "expression", partial)
    indexes: BTreeSet<(String, String, bool, String, bool)>,
    /// (table, trigger)
    triggers: BTreeSet<(String, String)>,
}

fn kind(declared: &str) -> String {
    let t = declared.to_lowercase();
    if t.contains("int") {
        "integer".into()
    } else if t.contains("char") || t.contains("text") {
        "text".into()
    } else if t.contains("blob") || t.contains("bytea") {
        "blob".into()
    } else {
        t
    }
}

/// A default as both backends would write it: no casts, no quotes around numbers.
fn default(d: Option<String>) -> String {
    match d {
        None => String::new(),
        // An identity column's sequence is PostgreSQL's spelling of SQLite's rowid alias.
        Some(d) if d.starts_with("nextval(") => String::new(),
        Some(d) => d.split("::").next().unwrap_or_default().trim().to_owned(),
    }
}

/// The part of an index definition between its first "(" and the matching ")", normalised;
/// "expression" when it is not a plain column list.
fn index_columns(definition: &str) -> String {
    let def = definition.to_lowercase();
    let Some(start) = def.find('(') else {
        return String::new();
    };
    let mut depth = 0;
    let mut end = def.len();
    for (i, c) in def[start..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    end = start + i;
                    break;
                }
            }
            _ => {}
        }
    }
    let inner = def[start + 1..end].replace(' ', "");
    if inner.contains('(') {
        "expression".into()
    } else {
        inner
    }
}

async fn strings(pool: &AnyPool, sql: &str) -> Vec<Vec<Option<String>>> {
    let rows = sqlx::query(sql).fetch_all(pool).await.expect(sql);
    rows.iter()
        .map(|r| {
            (0..r.len())
                .map(|i| {
                    r.try_get::<Option<String>, _>(i)
                        .ok()
                        .flatten()
                        .or_else(|| r.try_get::<i64, _>(i).ok().map(|n| n.to_string()))
                })
                .collect()
        })
        .collect()
}

fn s(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

async fn sqlite_schema(pool: &AnyPool) -> Schema {
    let mut schema = Schema::default();
    let tables = strings(
        pool,
        "select name, sql from sqlite_master where type = 'table' \
         and name not like 'sqlite_%' and name <> '_sqlx_migrations' order by name",
    )
    .await;
    for t in &tables {
        let (table, sql) = (s(&t[0]), s(&t[1]).to_lowercase());
        let mut pk: Vec<(i64, String)> = Vec::new();
        let cols = strings(
            pool,
            &format!(
                "select name, type, \"notnull\", dflt_value, pk from pragma_table_info('{table}')"
            ),
        )
        .await;
        for c in &cols {
            let pk_at: i64 = s(&c[4]).parse().unwrap_or(0);
            if pk_at > 0 {
                pk.push((pk_at, s(&c[0])));
            }
            schema.columns.entry(table.clone()).or_default().insert(
                s(&c[0]),
                (
                    kind(&s(&c[1])),
                    s(&c[2]) == "1" || pk_at > 0,
                    default(c[3].clone()),
                ),
            );
        }
        pk.sort();
        let pk: Vec<String> = pk.into_iter().map(|(_, c)| c).collect();
        schema.keys.insert((table.clone(), pk.join(",")));
        schema
            .checks
            .insert(table.clone(), sql.matches("check (").count());
        for f in strings(
            pool,
            &format!("select \"from\", \"table\", \"to\", on_delete from pragma_foreign_key_list('{table}')"),
        )
        .await
        {
            let on_delete = match s(&f[3]).to_lowercase().as_str() {
                "no action" | "" => String::new(),
                other => format!(" on delete {other}"),
            };
            schema.foreign.insert((
                table.clone(),
                format!("{} -> {}({}){on_delete}", s(&f[0]), s(&f[1]), s(&f[2])),
            ));
        }
        for i in strings(
            pool,
            &format!("select name, \"unique\", origin, partial from pragma_index_list('{table}')"),
        )
        .await
        {
            let name = s(&i[0]);
            let cols: Vec<String> = strings(
                pool,
                &format!("select name from pragma_index_info('{name}') order by seqno"),
            )
            .await
            .iter()
            .map(|c| s(&c[0]))
            .collect();
            match s(&i[2]).as_str() {
                "u" => {
                    schema.uniques.insert((table.clone(), cols.join(",")));
                }
                "c" => {
                    let sql = strings(
                        pool,
                        &format!(
                            "select sql from sqlite_master where type = 'index' and name = '{name}'"
                        ),
                    )
                    .await;
                    let def = s(&sql[0][0]);
                    schema.indexes.insert((
                        table.clone(),
                        name,
                        s(&i[1]) == "1",
                        index_columns(&def),
                        s(&i[3]) == "1",
                    ));
                }
                _ => {}
            }
        }
    }
    for t in strings(
        pool,
        "select tbl_name, name from sqlite_master where type = 'trigger'",
    )
    .await
    {
        schema.triggers.insert((s(&t[0]), s(&t[1])));
    }
    schema
}

async fn postgres_schema(pool: &AnyPool) -> Schema {
    let mut schema = Schema::default();
    for c in strings(
        pool,
        "select table_name::text, column_name::text, data_type::text, is_nullable::text, column_default::text \
         from information_schema.columns where table_schema = current_schema() \
         and table_name <> '_sqlx_migrations'",
    )
    .await
    {
        schema.columns.entry(s(&c[0])).or_default().insert(
            s(&c[1]),
            (kind(&s(&c[2])), s(&c[3]) == "NO", default(c[4].clone())),
        );
    }
    for table in schema.columns.keys().cloned().collect::<Vec<_>>() {
        schema.checks.insert(table, 0);
    }
    for k in strings(
        pool,
        "select conrelid::regclass::text, contype::text, \
                (select string_agg(a.attname::text, ',' order by k.n) from unnest(conkey) with ordinality k(attnum, n) \
                 join pg_attribute a on a.attrelid = conrelid and a.attnum = k.attnum), \
                confrelid::regclass::text, \
                (select string_agg(a.attname::text, ',' order by k.n) from unnest(confkey) with ordinality k(attnum, n) \
                 join pg_attribute a on a.attrelid = confrelid and a.attnum = k.attnum), \
                confdeltype::text \
         from pg_constraint where connamespace = current_schema()::regnamespace \
         and conrelid::regclass::text <> '_sqlx_migrations'",
    )
    .await
    {
        let table = s(&k[0]);
        match s(&k[1]).as_str() {
            "p" => {
                schema.keys.insert((table, s(&k[2])));
            }
            "u" => {
                schema.uniques.insert((table, s(&k[2])));
            }
            "c" => *schema.checks.entry(table).or_default() += 1,
            "f" => {
                let on_delete = match s(&k[5]).as_str() {
                    "c" => " on delete cascade",
                    "n" => " on delete set null",
                    _ => "",
                };
                schema.foreign.insert((
                    table,
                    format!("{} -> {}({}){on_delete}", s(&k[2]), s(&k[3]), s(&k[4])),
                ));
            }
            _ => {}
        }
    }
    for i in strings(
        pool,
        "select t.relname::text, c.relname::text, case when x.indisunique then 1 else 0 end, \
                pg_get_indexdef(x.indexrelid), case when x.indpred is null then 0 else 1 end \
         from pg_index x join pg_class c on c.oid = x.indexrelid join pg_class t on t.oid = x.indrelid \
         where t.relnamespace = current_schema()::regnamespace and t.relname <> '_sqlx_migrations' \
         and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)",
    )
    .await
    {
        let def = s(&i[3]);
        let columns = def
            .to_lowercase()
            .split_once(" using btree ")
            .map(|(_, rest)| index_columns(rest))
            .unwrap_or_default();
        schema
            .indexes
            .insert((s(&i[0]), s(&i[1]), s(&i[2]) == "1", columns, s(&i[4]) == "1"));
    }
    for t in strings(
        pool,
        "select distinct event_object_table::text, trigger_name::text from information_schema.triggers \
         where trigger_schema = current_schema()",
    )
    .await
    {
        schema.triggers.insert((s(&t[0]), s(&t[1])));
    }
    schema
}

#[tokio::test]
async fn both_backends_build_the_same_schema() {
    let Some(admin) = postgres_admin_url() else {
        eprintln!(
            "schema agreement: runs in the test command's PostgreSQL pass (CASEROOM_TEST_POSTGRES)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let sqlite_url = format!("sqlite://{}", dir.path().join("s.db").display());
    let postgres_url = fresh_postgres_database(&admin).await;
    let mut schemas = Vec::new();
    for url in [&sqlite_url, &postgres_url] {
        let store = caseroom::server::store::Store::connect(url).await.unwrap();
        store.migrate().await.unwrap();
        store.close().await;
    }
    sqlx::any::install_default_drivers();
    let pool = AnyPool::connect(&format!("{sqlite_url}?mode=ro"))
        .await
        .unwrap();
    schemas.push(sqlite_schema(&pool).await);
    pool.close().await;
    let pool = AnyPool::connect(&postgres_url).await.unwrap();
    schemas.push(postgres_schema(&pool).await);
    pool.close().await;
    assert!(schemas[0].columns.len() >= 14, "{:?}", schemas[0]);
    // The search index is the one part each backend builds its own way (docs/SEARCH.md):
    // SQLite's FTS5 table (with its shadow tables) and the trigger that removes a document's
    // entries, PostgreSQL's tsvector column and its GIN index. `search_docs` is otherwise the
    // same and is compared.
    let mut sqlite = std::mem::take(&mut schemas[0]);
    let mut postgres = std::mem::take(&mut schemas[1]);
    let fts: Vec<String> = sqlite
        .columns
        .keys()
        .filter(|t| t.starts_with("search_fts"))
        .cloned()
        .collect();
    assert!(fts.contains(&"search_fts_data".to_owned()), "{fts:?}");
    for t in &fts {
        sqlite.columns.remove(t);
        sqlite.checks.remove(t);
    }
    sqlite.keys.retain(|(t, _)| !t.starts_with("search_fts"));
    sqlite.indexes.retain(|i| !i.0.starts_with("search_fts"));
    assert!(
        sqlite
            .triggers
            .remove(&("search_docs".into(), "search_docs_delete".into()))
    );
    // SQLite's floors for case, reply and review ids (migrations 0017 and 0023): PostgreSQL's
    // identity never reuses one.
    for (table, floor, trigger) in [
        ("cases", "case_id_floor", "cases_keep_id_floor"),
        ("replies", "reply_id_floor", "replies_keep_id_floor"),
        (
            "case_reviews",
            "review_id_floor",
            "case_reviews_keep_id_floor",
        ),
    ] {
        assert!(sqlite.columns.remove(floor).is_some(), "{floor}");
        sqlite.checks.remove(floor);
        sqlite.keys.retain(|(t, _)| t != floor);
        assert!(
            sqlite.triggers.remove(&(table.into(), trigger.into())),
            "{trigger}"
        );
    }
    let tsv = postgres
        .columns
        .get_mut("search_docs")
        .and_then(|c| c.remove("tsv"));
    assert!(tsv.is_some(), "search_docs.tsv on PostgreSQL");
    postgres.indexes.retain(|i| i.1 != "search_docs_tsv");
    let (sqlite, postgres) = (&sqlite, &postgres);
    assert_eq!(sqlite.columns, postgres.columns);
    assert_eq!(sqlite.keys, postgres.keys);
    assert_eq!(sqlite.uniques, postgres.uniques);
    assert_eq!(sqlite.foreign, postgres.foreign);
    assert_eq!(sqlite.checks, postgres.checks);
    assert_eq!(sqlite.indexes, postgres.indexes);
    assert_eq!(sqlite.triggers, postgres.triggers);
}

/// Runs the binary with `DATABASE_URL=url`: (exit code, standard error).
fn caseroom(url: &str, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_caseroom"))
        .args(args)
        .env("DATABASE_URL", url)
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("RUST_LOG", "off")
        .output()
        .expect("caseroom runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A database for this test on the tests' backend.
async fn empty_database(dir: &tempfile::TempDir) -> String {
    match postgres_admin_url() {
        Some(admin) => fresh_postgres_database(&admin).await,
        None => format!("sqlite://{}?mode=rwc", dir.path().join("c.db").display()),
    }
}

/// Applies this build's migrations but the last: a database an older Caseroom left.
async fn older_schema(url: &str) {
    let dir = if url.starts_with("postgres") {
        "migrations/postgres"
    } else {
        "migrations/sqlite"
    };
    let mut migrator = sqlx::migrate::Migrator::new(std::path::Path::new(dir))
        .await
        .unwrap();
    let all = migrator.migrations.to_vec();
    migrator.migrations = std::borrow::Cow::Owned(all[..all.len() - 1].to_vec());
    sqlx::any::install_default_drivers();
    let pool = AnyPool::connect(url).await.unwrap();
    migrator.run(&pool).await.unwrap();
    pool.close().await;
}

async fn execute(url: &str, sql: &str) {
    sqlx::any::install_default_drivers();
    let pool = AnyPool::connect(url).await.unwrap();
    sqlx::query(sql).execute(&pool).await.unwrap();
    pool.close().await;
}

/// `serve` refuses at once with one line (it would otherwise run until stopped).
fn refused(url: &str, words: &str) {
    let (code, err) = caseroom(url, &["serve"]);
    assert_ne!(code, 0, "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains(words), "{err}");
    assert!(
        !err.contains("caseroom-test"),
        "no password in the message: {err}"
    );
}

#[tokio::test]
async fn start_refuses_a_database_it_cannot_serve_and_migrate_brings_an_older_one_up() {
    let dir = tempfile::tempdir().unwrap();

    // Older: refused, untouched; `caseroom migrate` brings it up, then `caseroom invite` (which
    // opens the database as serve does) works.
    let url = empty_database(&dir).await;
    older_schema(&url).await;
    refused(&url, "run `caseroom migrate`");
    let (code, err) = caseroom(
        &url,
        &["invite", "--role", "clinician", "--email", "a@b.example"],
    );
    assert_ne!(code, 0, "{err}");
    let (code, err) = caseroom(&url, &["migrate"]);
    assert_eq!(code, 0, "{err}");
    let (code, err) = caseroom(
        &url,
        &["invite", "--role", "clinician", "--email", "a@b.example"],
    );
    assert_eq!(code, 0, "{err}");

    // Newer: a migration this build does not know. Neither serve nor migrate touches it.
    let checksum = if url.starts_with("postgres") {
        "decode('00', 'hex')"
    } else {
        "x'00'"
    };
    execute(
        &url,
        &format!(
            "insert into _sqlx_migrations (version, description, success, checksum, execution_time) \
             values (99990101000000, 'from the future', true, {checksum}, 0)"
        ),
    )
    .await;
    refused(&url, "newer than this build knows");
    let (code, err) = caseroom(&url, &["migrate"]);
    assert_ne!(code, 0);
    assert!(err.contains("newer than this build knows"), "{err}");

    // Another program's database.
    let dir = tempfile::tempdir().unwrap();
    let url = empty_database(&dir).await;
    execute(&url, "create table accounts (id integer primary key)").await;
    refused(&url, "holds tables but no Caseroom schema");
}

#[tokio::test]
async fn an_unreachable_database_or_a_wrong_password_is_one_line() {
    refused(
        "postgres://caseroom:caseroom-test@127.0.0.1:1/caseroom",
        "cannot open the database",
    );
    refused(
        "sqlite:///nonexistent-directory/for/caseroom.db",
        "cannot open the database",
    );
    if let Some(admin) = postgres_admin_url() {
        let wrong = admin.replace(":caseroom-test@", ":not-the-password@");
        refused(&wrong, "password authentication failed");
    }
}

#[tokio::test]
async fn a_node_that_loses_its_database_answers_503_and_recovers() {
    let Some(admin) = postgres_admin_url() else {
        eprintln!("runs in the test command's PostgreSQL pass: SQLite is a file, never away");
        return;
    };
    let app = TestApp::spawn().await;
    let health = || async {
        reqwest::get(app.url("/healthz"))
            .await
            .expect("healthz")
            .status()
            .as_u16()
    };
    assert_eq!(health().await, 200);
    let name = app.database_url.rsplit('/').next().unwrap().to_owned();
    // The database stops taking connections and drops the ones it has.
    execute(
        &admin,
        &format!("alter database {name} with allow_connections false"),
    )
    .await;
    execute(
        &admin,
        &format!("select pg_terminate_backend(pid) from pg_stat_activity where datname = '{name}'"),
    )
    .await;
    assert_eq!(health().await, 503);
    execute(
        &admin,
        &format!("alter database {name} with allow_connections true"),
    )
    .await;
    // Each probe that meets a connection the database dropped discards it; within a few the
    // node is back, without a restart.
    let mut answers = Vec::new();
    for _ in 0..20 {
        let status = health().await;
        answers.push(status);
        if status == 200 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        answers.last(),
        Some(&200),
        "recovered without a restart: {answers:?}"
    );
}
