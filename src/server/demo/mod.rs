//! Demo accounts, one per role, and twenty demo cases, so a first-time visitor finds a living
//! forum, two of them in a demo consultation group. Passwords are random and printed once, when the accounts are created (or reset on
//! request); only hashes are stored. Cases go through the same services as the web forms.

mod cases;
mod data;
mod groups;
mod loader;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore as _;

use crate::domain::role::{Role, Roles};
use crate::server::state::AppState;
use crate::server::store::{NewUser, UserConflict};

struct DemoUser {
    email: &'static str,
    name: &'static str,
    roles: &'static [Role],
}

const DEMO_USERS: &[DemoUser] = &[
    DemoUser {
        email: "admin@demo.caseroom.example",
        name: "Avery (admin)",
        roles: &[Role::Admin],
    },
    DemoUser {
        email: "moderator@demo.caseroom.example",
        name: "Morgan (moderator)",
        roles: &[Role::Moderator],
    },
    DemoUser {
        email: "supervisor@demo.caseroom.example",
        name: "Dr Sam Okafor",
        roles: &[Role::Supervisor, Role::Clinician],
    },
    DemoUser {
        email: "clinician@demo.caseroom.example",
        name: "Jordan Reyes",
        roles: &[Role::Clinician],
    },
    DemoUser {
        email: "clinician2@demo.caseroom.example",
        name: "Priya Nair",
        roles: &[Role::Clinician],
    },
];

/// The demo accounts and cases; with `scale`, then numbered copies of the cases until the forum
/// holds that many posts.
pub async fn load(
    state: &AppState,
    reset_passwords: bool,
    scale: Option<i64>,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let now = state.clock.now();
    let mut printed = Vec::new();
    for demo in DEMO_USERS {
        let existing = state.store.find_auth_by_email(demo.email).await?;
        match existing {
            None => {
                let password = demo_password();
                let hash = state
                    .hasher
                    .hash(password.clone())
                    .await
                    .map_err(|e| e.to_string())?;
                let roles = Roles::new(demo.roles.iter().copied());
                let user = NewUser {
                    email: demo.email,
                    display_name: demo.name,
                    password_hash: &hash,
                    roles: &roles,
                };
                match state.store.create_user(user, now).await? {
                    Ok(_) | Err(UserConflict::DuplicateEmail) => {}
                    Err(UserConflict::InviteUnavailable | UserConflict::NameLooksTaken) => {}
                }
                printed.push((demo, password));
            }
            Some(row) if reset_passwords => {
                let password = demo_password();
                let hash = state
                    .hasher
                    .hash(password.clone())
                    .await
                    .map_err(|e| e.to_string())?;
                state.store.set_password_hash(row.id, &hash, now).await?;
                printed.push((demo, password));
            }
            Some(_) => {}
        }
    }
    let loaded = loader::load_cases(state, &emails()).await?;
    if loaded > 0 {
        println!("Loaded {loaded} demo cases.");
    }
    if let Some(posts) = scale {
        let added = loader::load_scaled(state, &emails(), posts).await?;
        println!("Added {added} copies of the demo cases.");
    }
    if printed.is_empty() {
        println!(
            "Demo accounts already exist; their passwords were printed when they were created.\n\
             To set new ones: caseroom demo --reset-passwords"
        );
    } else {
        println!("Demo accounts (passwords are shown only now; keep them):");
        for (demo, password) in printed {
            let roles: Vec<&str> = demo.roles.iter().map(|r| r.as_str()).collect();
            println!("  {:<22} {:<36} {}", roles.join("+"), demo.email, password);
        }
    }
    Ok(())
}

/// The demo accounts' emails by role, for the case loader.
fn emails() -> loader::DemoEmails {
    loader::DemoEmails {
        admin: DEMO_USERS[0].email,
        moderator: DEMO_USERS[1].email,
        supervisor: DEMO_USERS[2].email,
        clinician: DEMO_USERS[3].email,
        clinician2: DEMO_USERS[4].email,
    }
}

/// 96 random bits as 16 URL-safe characters.
fn demo_password() -> String {
    let mut bytes = [0u8; 12];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// Each demo case's title and sections together, as the combination check reads a case.
pub fn case_texts() -> Vec<Vec<(&'static str, &'static str)>> {
    cases::CASES
        .iter()
        .map(|c| {
            vec![
                ("title", c.title),
                ("situation", c.situation),
                ("tried", c.tried),
                ("stuck", c.stuck),
                ("blind_spot", c.blind_spot),
                ("asking", c.asking),
            ]
        })
        .collect()
}

/// Every text the demo cases publish (each section, reply and follow-up), as a clinician would
/// write it: the scanner benchmark's realistic posts.
pub fn texts() -> Vec<&'static str> {
    let mut out = Vec::new();
    for case in cases::CASES {
        out.extend([
            case.title,
            case.situation,
            case.tried,
            case.stuck,
            case.blind_spot,
            case.asking,
        ]);
        out.extend(case.replies.iter().map(|r| r.body));
        out.extend(case.follow_up);
    }
    out.retain(|t| !t.is_empty());
    out
}
