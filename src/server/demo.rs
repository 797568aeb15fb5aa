//! Demo accounts, one per role, so a first-time visitor can look around. Passwords are random and
//! printed once, when the accounts are created (or reset on request); only hashes are stored.

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

pub async fn load(
    state: &AppState,
    reset_passwords: bool,
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
                    Err(UserConflict::InviteUnavailable) => {}
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

/// 96 random bits as 16 URL-safe characters.
fn demo_password() -> String {
    let mut bytes = [0u8; 12];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}
