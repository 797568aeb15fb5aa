//! The command line: `caseroom [serve|migrate|admin create|invite|export|demo|backup|scan]`.

use std::io::{IsTerminal as _, Read as _};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::domain::account_input::{DisplayName, Email};
use crate::domain::password::NewPassword;
use crate::domain::role::{Role, Roles};
use crate::server::app::{Application, build_state};
use crate::server::clock::Clock;
use crate::server::config::Config;
use crate::server::services::invites::{self, Delivery, Issued, IssuedBy};
use crate::server::store::{NewUser, Store, UserConflict};
use crate::server::{demo, telemetry};

#[derive(Parser)]
#[command(
    name = "caseroom",
    version,
    about = "Caseroom: case consultation for clinicians"
)]
struct Cli {
    /// A caseroom.toml to read (default: ./caseroom.toml when present). Environment variables win.
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve Caseroom (the default).
    Serve,
    /// Create or update the database schema, then exit.
    Migrate,
    /// Manage accounts directly.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Print a single-use invite link (valid 7 days) for a new member, or with `--send` email
    /// it to them (needs CASEROOM_SMTP_URL; a running Caseroom sends it from the outbox).
    Invite {
        #[arg(long)]
        role: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        send: bool,
    },
    /// Write everything the forum holds about one member to a ZIP file (their own export).
    Export {
        #[arg(long)]
        member: String,
        /// The file to write; it must not exist yet.
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Create the demo accounts (one per role) and print their passwords.
    Demo {
        /// Give the existing demo accounts new passwords and print them.
        #[arg(long)]
        reset_passwords: bool,
        /// Then add numbered copies of the demo cases, through the same gate and review, until
        /// the forum holds this many posts (cases and replies): a data set for benchmarks.
        #[arg(long, value_name = "POSTS")]
        scale: Option<i64>,
    },
    /// Write a consistent copy of the SQLite database to FILE, while Caseroom keeps serving
    /// (PostgreSQL: use pg_dump; see docs/DEPLOYMENT.md).
    Backup {
        /// Where the copy goes; it must not exist yet.
        file: PathBuf,
    },
    /// Rewrite the search index from the published text (safe while Caseroom serves: one
    /// transaction), or with --check report whether it is in step, exiting 1 when it is not.
    SearchIndex {
        #[arg(long)]
        check: bool,
    },
    /// Check a text for anything that could identify a client. Prints each finding as
    /// line:column, category, reason and safer wording. Exit status: 1 when a finding blocks
    /// publication, 0 otherwise, 2 on error.
    Scan {
        /// Print `{"findings":[…]}` with byte offsets into the file's UTF-8 text.
        #[arg(long)]
        json: bool,
        /// The file to check, or `-` for standard input.
        file: String,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create an admin account. The password is read from standard input when it is not a
    /// terminal, otherwise prompted for twice.
    Create {
        #[arg(long)]
        email: String,
        /// The name other members see (default: the part of the email before the @).
        #[arg(long)]
        name: Option<String>,
    },
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    if let Some(Command::Scan { json, file }) = &cli.command {
        return super::cli_scan::run(file, *json);
    }
    let config = match Config::from_env_and_file(cli.config.clone()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("caseroom: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(config.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("caseroom: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(dispatch(cli.command.unwrap_or(Command::Serve), config));
    // Dropping a runtime waits without end for every blocking task still running; a stop must
    // not hang on one (everything that matters was written before `block_on` returned).
    runtime.shutdown_timeout(std::time::Duration::from_secs(5));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("caseroom: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn dispatch(command: Command, config: Config) -> Result<(), String> {
    match command {
        Command::Serve => serve(config).await,
        Command::Migrate => {
            let store = Store::connect(&config.database_url)
                .await
                .map_err(|e| format!("cannot open the database: {e}"))?;
            store.migrate().await.map_err(|e| e.to_string())?;
            store.close().await;
            println!(
                "database is up to date (schema version {})",
                store.schema_version()
            );
            Ok(())
        }
        Command::Admin {
            command: AdminCommand::Create { email, name },
        } => create_admin(config, &email, name.as_deref()).await,
        Command::Invite { role, email, send } => {
            let state = build_state(config, Clock::System)
                .await
                .map_err(|e| e.to_string())?;
            let delivery = if send {
                Delivery::Email
            } else {
                Delivery::ShowLink
            };
            let issued = invites::create(&state, IssuedBy::Operator, &email, &role, delivery).await;
            state.store.close().await;
            match issued.map_err(|e| e.to_string())? {
                Issued::Link(link) => println!("{link}"),
                Issued::Emailed => println!(
                    "The invitation is in the outbox; a running Caseroom with email set up sends it."
                ),
            }
            Ok(())
        }
        Command::Export { member, out } => {
            let state = build_state(config, Clock::System)
                .await
                .map_err(|e| e.to_string())?;
            let result = super::cli_export::run(&state, &member, &out).await;
            state.store.close().await;
            result
        }
        Command::Scan { .. } => Ok(()),
        Command::SearchIndex { check } => {
            let store = Store::connect(&config.database_url)
                .await
                .map_err(|e| format!("cannot open the database: {e}"))?;
            let result = super::cli_search::run(&store, check).await;
            store.close().await;
            result
        }
        Command::Backup { file } => {
            let store = Store::connect(&config.database_url)
                .await
                .map_err(|e| format!("cannot open the database: {e}"))?;
            let result = store.backup_to(&file).await.map_err(|e| e.to_string());
            store.close().await;
            result?;
            println!("backup written to {}", file.display());
            Ok(())
        }
        Command::Demo {
            reset_passwords,
            scale,
        } => {
            let state = build_state(config, Clock::System)
                .await
                .map_err(|e| e.to_string())?;
            let r = demo::load(&state, reset_passwords, scale)
                .await
                .map_err(|e| e.to_string());
            state.store.close().await;
            r
        }
    }
}

async fn serve(config: Config) -> Result<(), String> {
    telemetry::log_panics_without_text();
    // A log collector reading JSON gets JSON only: the banner is for a person at a terminal.
    let banner = config.log_format == crate::server::config::LogFormat::Text;
    let app = Application::build(config, Clock::System)
        .await
        .map_err(|e| e.to_string())?;
    let addr = app.local_addr();
    tracing::info!(%addr, "Caseroom is listening");
    if banner {
        println!("Caseroom is running at http://{addr} (Ctrl+C to stop)");
    }
    app.run_until(shutdown_signal())
        .await
        .map_err(|e| e.to_string())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
    tracing::info!("shutting down");
}

async fn create_admin(config: Config, email_raw: &str, name: Option<&str>) -> Result<(), String> {
    let email = Email::parse(email_raw).map_err(|e| e.to_string())?;
    let local = email
        .as_str()
        .split('@')
        .next()
        .unwrap_or_default()
        .to_owned();
    let name = DisplayName::parse(name.unwrap_or(&local)).map_err(|e| e.to_string())?;
    let (password, confirm) = read_password()?;
    let password = NewPassword::parse(&password, &confirm, &local).map_err(|e| e.to_string())?;
    let state = build_state(config, Clock::System)
        .await
        .map_err(|e| e.to_string())?;
    let hash = state
        .hasher
        .hash(password.expose().to_owned())
        .await
        .map_err(|e| e.to_string())?;
    let roles = Roles::new([Role::Admin]);
    let user = NewUser {
        email: email.as_str(),
        display_name: name.as_str(),
        password_hash: &hash,
        roles: &roles,
    };
    let created = state
        .store
        .create_user(user, state.clock.now())
        .await
        .map_err(|e| e.to_string())?;
    state.store.close().await;
    match created {
        Ok(id) => {
            println!("created admin {} (id {id})", email.as_str());
            Ok(())
        }
        Err(UserConflict::DuplicateEmail) => Err(format!(
            "an account with email {} already exists",
            email.as_str()
        )),
        Err(UserConflict::InviteUnavailable | UserConflict::NameLooksTaken) => {
            Err("unexpected conflict".into())
        }
    }
}

/// From standard input (first line) when piped; from two prompts without echo at a terminal.
fn read_password() -> Result<(String, String), String> {
    if std::io::stdin().is_terminal() {
        let p =
            rpassword::prompt_password("Password (12+ characters): ").map_err(|e| e.to_string())?;
        let c = rpassword::prompt_password("Repeat the password: ").map_err(|e| e.to_string())?;
        Ok((p, c))
    } else {
        let mut input = String::new();
        std::io::stdin()
            .take(4096)
            .read_to_string(&mut input)
            .map_err(|e| format!("cannot read the password from standard input: {e}"))?;
        let p = input.lines().next().unwrap_or_default().to_owned();
        Ok((p.clone(), p))
    }
}
