//! The `caseroom` binary itself: configuration errors, `admin create`, `invite`, `demo`.

use std::io::Write as _;
use std::process::{Command, Stdio};

fn caseroom(
    db: &std::path::Path,
    args: &[&str],
    stdin: Option<&str>,
    env: &[(&str, &str)],
) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_caseroom"));
    cmd.args(args)
        .env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .env("RUST_LOG", "off")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("spawn caseroom");
    if let Some(mut input) = child.stdin.take() {
        input
            .write_all(stdin.unwrap_or("").as_bytes())
            .expect("stdin");
    }
    let out = child.wait_with_output().expect("caseroom runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_bad_setting_stops_start_with_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let (code, _, err) = caseroom(
        &db,
        &["migrate"],
        None,
        &[("CASEROOM_SESSION_IDLE_TIMEOUT", "forever")],
    );
    assert_eq!(code, 2);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("CASEROOM_SESSION_IDLE_TIMEOUT"), "{err}");
}

#[test]
fn admin_create_reads_the_password_from_stdin_and_refuses_weak_ones() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let (code, _, err) = caseroom(
        &db,
        &["admin", "create", "--email", "root@clinic.example"],
        Some("password1234\n"),
        &[],
    );
    assert_eq!(code, 1);
    assert!(err.contains("too common"), "{err}");
    let (code, out, err) = caseroom(
        &db,
        &["admin", "create", "--email", "root@clinic.example"],
        Some("lantern orchard velvet\n"),
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("created admin root@clinic.example"));
    let (code, _, err) = caseroom(
        &db,
        &["admin", "create", "--email", "ROOT@clinic.example"],
        Some("lantern orchard velvet\n"),
        &[],
    );
    assert_eq!(code, 1);
    assert!(err.contains("already exists"), "{err}");
}

#[test]
fn invite_prints_a_single_link_and_demo_prints_passwords_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let (code, out, err) = caseroom(
        &db,
        &[
            "invite",
            "--role",
            "supervisor",
            "--email",
            "sup@clinic.example",
        ],
        None,
        &[("CASEROOM_PUBLIC_URL", "https://caseroom.example.org")],
    );
    assert_eq!(code, 0, "{err}");
    let link = out.trim();
    assert!(
        link.starts_with("https://caseroom.example.org/register?token="),
        "{link}"
    );
    assert_eq!(out.trim().lines().count(), 1);
    let (code, _, err) = caseroom(
        &db,
        &[
            "invite",
            "--role",
            "overlord",
            "--email",
            "x@clinic.example",
        ],
        None,
        &[],
    );
    assert_eq!(code, 1);
    assert!(err.contains("unknown role"), "{err}");

    // `--send` needs email set up; with it, the invitation waits in the outbox for a server.
    let (code, _, err) = caseroom(
        &db,
        &[
            "invite",
            "--role",
            "clinician",
            "--email",
            "y@clinic.example",
            "--send",
        ],
        None,
        &[],
    );
    assert_eq!(code, 1);
    assert!(err.contains("Email is not set up"), "{err}");
    let (code, out, err) = caseroom(
        &db,
        &[
            "invite",
            "--role",
            "clinician",
            "--email",
            "y@clinic.example",
            "--send",
        ],
        None,
        &[
            ("CASEROOM_SMTP_URL", "smtp://127.0.0.1:9"),
            ("CASEROOM_MAIL_FROM", "caseroom@clinic.example"),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("in the outbox"), "{out}");
    assert!(!out.contains("token="), "the link is not printed: {out}");

    // An operator's export of one member, never over an existing file.
    let out = dir.path().join("export.zip");
    let out_arg = out.display().to_string();
    let export = [
        "export",
        "--member",
        "admin@demo.caseroom.example",
        "--out",
        &out_arg,
    ];
    let (code, _, err) = caseroom(&db, &export, None, &[]);
    assert_eq!(code, 1, "no such member yet");
    assert!(err.contains("no member has that address"), "{err}");

    let (code, first, _) = caseroom(&db, &["demo"], None, &[]);
    assert_eq!(code, 0);
    for role in ["admin", "moderator", "supervisor", "clinician"] {
        assert!(
            first.contains(&format!("{role}@demo.caseroom.example")),
            "{first}"
        );
    }
    let (_, second, _) = caseroom(&db, &["demo"], None, &[]);
    assert!(second.contains("already exist"), "{second}");
    assert!(
        !second.contains("admin@demo.caseroom.example"),
        "passwords are printed only once"
    );
    let (code, out_text, err) = caseroom(&db, &export, None, &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out_text.contains("wrote"), "{out_text}");
    let files = caseroom::server::export::zip::read_for_tests(&std::fs::read(&out).unwrap())
        .expect("a readable ZIP");
    let account = &files
        .iter()
        .find(|(n, _)| n.ends_with("account.json"))
        .expect("account.json")
        .1;
    assert!(String::from_utf8_lossy(account).contains("admin@demo.caseroom.example"));
    let (code, _, err) = caseroom(&db, &export, None, &[]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot create"), "{err}");
}

/// `caseroom scan` on a file, on standard input, as JSON, and on bad input.
#[test]
fn scan_reports_findings_with_positions_and_exit_status() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.db");
    let notes = dir.path().join("notes.md");
    std::fs::write(&notes, "Session notes.\nMaria rang from 503-555-0147.\n").unwrap();
    let path = notes.to_str().unwrap();

    let (code, out, _) = caseroom(&db, &["scan", path], None, &[]);
    assert_eq!(code, 1, "a blocking finding: {out}");
    assert!(out.contains("2:1: name (block)"), "{out}");
    assert!(out.contains("2:17: phone number (block)"), "{out}");
    assert!(out.contains("Try: leave the number out"), "{out}");
    assert!(!out.contains("Maria"), "the report names no identifier");

    let (code, out, _) = caseroom(
        &db,
        &["scan", "--json", "-"],
        Some("Call 503-555-0147."),
        &[],
    );
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let f = &json["findings"][0];
    assert_eq!(
        (f["start"].as_u64(), f["end"].as_u64()),
        (Some(5), Some(17))
    );
    assert_eq!(f["category"], "phone");
    assert_eq!(f["severity"], "block");
    assert!(f["reason"].as_str().unwrap().contains("phone"));
    assert!(f["suggestion"].as_str().is_some());

    let (code, out, _) = caseroom(
        &db,
        &["scan", "-"],
        Some("A woman in her 40s, PHQ-9 of 17, since 2019."),
        &[],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 finding(s)"));

    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"caf\xe9 notes").unwrap();
    let (code, _, err) = caseroom(&db, &["scan", bad.to_str().unwrap()], None, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("not UTF-8"), "{err}");
    let (code, _, err) = caseroom(&db, &["scan", "/nonexistent/notes.md"], None, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot open"), "{err}");
    assert!(!db.exists(), "scan needs no database");
}

/// `caseroom scan` on a case whose details together may single out one person: a case-level
/// warning by kind and position, never the words themselves, and it does not change the exit
/// status.
#[test]
fn scan_reports_the_combination_warning_by_position_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("unused.db");
    let notes = "Session notes.\nA retired headteacher in her late 70s, recently widowed, whose \
                 son was in the news after the flood.\n";

    let (code, out, _) = caseroom(&db, &["scan", "--json", "-"], Some(notes), &[]);
    assert_eq!(code, 0, "a warning does not block: {out}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let c = &json["combination"];
    assert_eq!(c["severity"], "warn");
    assert!(
        c["reason"]
            .as_str()
            .unwrap()
            .ends_with("together may single out one person"),
        "{c}"
    );
    let factors: Vec<(&str, u64, u64)> = c["factors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["factor"].as_str().unwrap(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(factors.contains(&("occupation", 2, 11)), "{factors:?}");
    assert!(factors.contains(&("age", 2, 30)), "{factors:?}");
    assert_eq!(c["advice"].as_array().unwrap().len(), factors.len());
    for word in ["headteacher", "late 70s", "widowed", "flood"] {
        assert!(!out.contains(word), "{word} printed: {out}");
    }

    let (code, out, _) = caseroom(&db, &["scan", "-"], Some(notes), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("case: combination (warn): exact age + occupation"),
        "{out}"
    );
    assert!(out.contains("2:11: occupation"), "{out}");
    for word in ["headteacher", "late 70s", "widowed", "flood"] {
        assert!(!out.contains(word), "{word} printed: {out}");
    }

    // An ordinary case: no warning at all.
    let ordinary = "A woman in her 30s with recurrent depression who cancels every third session.";
    let (_, out, _) = caseroom(&db, &["scan", "--json", "-"], Some(ordinary), &[]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(json["combination"].is_null(), "{out}");
    let (_, out, _) = caseroom(&db, &["scan", "-"], Some(ordinary), &[]);
    assert!(!out.contains("case: combination"), "{out}");
}

/// `caseroom backup FILE` while the server is serving and writing; the README's restore steps
/// (replace the database file, start again) bring back every case. On PostgreSQL it points to
/// pg_dump instead.
#[tokio::test]
async fn a_backup_taken_while_serving_restores_every_case() {
    use caseroom::domain::role::Role;

    let app = crate::support::TestApp::spawn().await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("backup.db");
    let run = |args: Vec<String>, url: String| {
        let out = Command::new(env!("CARGO_BIN_EXE_caseroom"))
            .args(args)
            .env("DATABASE_URL", url)
            .env("RUST_LOG", "off")
            .output()
            .expect("caseroom runs");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let backup = vec!["backup".to_owned(), file.display().to_string()];
    let (author, _) = app
        .member_client("author@clinic.example", &[Role::Clinician])
        .await;
    let case = crate::cases::publish(
        &app,
        &author,
        &crate::cases::case_form("Kept in the backup", &[]),
    )
    .await;
    let url = if app.on_postgres() {
        let (code, err) = run(backup, app.database_url.clone());
        assert_ne!(code, 0);
        assert!(err.contains("pg_dump"), "{err}");
        // docs/DEPLOYMENT.md's steps: pg_dump while serving, pg_restore into an empty database.
        let admin = crate::support::postgres_admin_url().unwrap();
        let restored = crate::support::fresh_postgres_database(&admin).await;
        succeeds(
            Command::new("pg_dump")
                .args(["--format=custom", "--file"])
                .arg(&file)
                .arg(&app.database_url),
        );
        succeeds(
            Command::new("pg_restore")
                .args(["--no-owner", "--dbname", &restored])
                .arg(&file),
        );
        restored
    } else {
        // Readers keep writing to the audit log while the copy is taken.
        let reads = async {
            for _ in 0..20 {
                let (status, _) = app.get(&author, &format!("/cases/{case}")).await;
                assert_eq!(status, reqwest::StatusCode::OK);
            }
        };
        let copy = tokio::task::spawn_blocking({
            let (backup, url) = (backup.clone(), app.database_url.clone());
            move || run(backup, url)
        });
        let ((code, err), ()) = tokio::join!(async { copy.await.unwrap() }, reads);
        assert_eq!(code, 0, "{err}");
        let (code, err) = run(backup, app.database_url.clone());
        assert_ne!(code, 0, "an existing file is not overwritten");
        assert!(err.contains("already exists"), "{err}");
        // Restore as the README says: the backup becomes the database file.
        let restored = dir.path().join("caseroom.db");
        std::fs::rename(&file, &restored).unwrap();
        format!("sqlite://{}", restored.display())
    };

    // Caseroom opens the restored database, and the case is in it.
    let (code, err) = run(
        vec![
            "invite".into(),
            "--role".into(),
            "clinician".into(),
            "--email".into(),
            "after.restore@clinic.example".into(),
        ],
        url.clone(),
    );
    assert_eq!(code, 0, "the restored database opens: {err}");
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    let title: String = sqlx::query_scalar("select title from cases where id = $1")
        .bind(case)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(title, "Kept in the backup");
}

/// Runs a PostgreSQL tool and fails the test with its error output if it fails.
fn succeeds(cmd: &mut Command) {
    let out = cmd.output().expect("the tool runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
