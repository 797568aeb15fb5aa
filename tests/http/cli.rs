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
}
