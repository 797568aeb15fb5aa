//! Issuing invites, from the admin page or the command line.

use crate::domain::account_input::Email;
use crate::domain::policy::{Action, Actor, Target, can};
use crate::domain::role::Role;
use crate::server::auth::token::{hash_secret, new_secret};
use crate::server::error::AppError;
use crate::server::state::AppState;
use crate::server::store::NewInvite;

pub const INVITE_LIFETIME_SECS: i64 = 7 * 24 * 3600;

/// Who is issuing: a member through the web (asked of the policy), or the operator at the
/// command line, who already holds the database.
pub enum IssuedBy<'a> {
    Member(Option<&'a Actor>),
    Operator,
}

/// Creates a single-use invite and returns its link. The token exists only in that link.
pub async fn create(
    state: &AppState,
    by: IssuedBy<'_>,
    email_raw: &str,
    role_raw: &str,
) -> Result<String, AppError> {
    let created_by = match by {
        IssuedBy::Member(actor) => {
            can(actor, Action::CreateInvite, Target::Site)?;
            actor.map(|a| a.user_id)
        }
        IssuedBy::Operator => None,
    };
    let email = Email::parse(email_raw).map_err(|e| AppError::Invalid(e.to_string()))?;
    let role = Role::parse(role_raw).map_err(|e| AppError::Invalid(e.to_string()))?;
    if state.store.email_exists(email.as_str()).await? {
        return Err(AppError::Conflict(
            "A member with this email already exists; they can sign in as they are.".into(),
        ));
    }
    let token = new_secret();
    let now = state.clock.now();
    let id = state
        .store
        .create_invite(
            NewInvite {
                token_hash: &hash_secret(&token),
                email: email.as_str(),
                role,
                created_by,
                expires_at: now + INVITE_LIFETIME_SECS,
            },
            now,
        )
        .await?;
    tracing::info!(invite.id = id, role = %role, "invite created");
    Ok(format!(
        "{}/register?token={token}",
        state.config.public_url
    ))
}
