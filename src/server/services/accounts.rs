//! Signing in and out, registering from an invite, changing a password.

use std::net::IpAddr;

use crate::domain::account_input::{DisplayName, Email};
use crate::domain::password::NewPassword;
use crate::domain::policy::{Action, Actor, Target, can};
use crate::domain::role::Roles;
use crate::model::{InvitePreview, UserId};
use crate::server::auth::session::SignedIn;
use crate::server::auth::token::{hash_secret, new_secret};
use crate::server::error::AppError;
use crate::server::state::AppState;
use crate::server::store::{AuditEvent, NewUser, ThrottleScope, UserConflict};

/// Failures allowed per account within the window before sign-in is refused for a window.
pub const MAX_ACCOUNT_FAILURES: i64 = 5;
/// Per client address the bar is higher: a clinic's staff often share one public address.
pub const MAX_ADDRESS_FAILURES: i64 = 20;
pub const THROTTLE_WINDOW_SECS: i64 = 15 * 60;

/// A fresh session: the cookie value to hand to the browser.
pub struct NewSession {
    pub token: String,
    pub user_id: UserId,
}

/// What a right password leads to: a session, or, with two-factor sign-in on, the token of a
/// sign-in waiting for its code.
pub enum SignedInOr {
    Session(NewSession),
    SecondFactor { challenge: String },
}

pub async fn sign_in(
    state: &AppState,
    email_raw: &str,
    password: String,
    client: IpAddr,
    previous_session: Option<&str>,
    next: &str,
) -> Result<SignedInOr, AppError> {
    let now = state.clock.now();
    // Count unknown and malformed emails too, keyed by a hash so no email is stored.
    let normalised = email_raw.trim().to_lowercase();
    let account_key = hash_secret(&normalised);
    let address_key = client.to_string();
    let since = now - THROTTLE_WINDOW_SECS;
    let store = &state.store;
    if store
        .count_failures(ThrottleScope::Account, &account_key, since)
        .await?
        >= MAX_ACCOUNT_FAILURES
        || store
            .count_failures(ThrottleScope::Address, &address_key, since)
            .await?
            >= MAX_ADDRESS_FAILURES
    {
        tracing::info!("sign-in throttled");
        return Err(AppError::TooManyAttempts);
    }

    let account = match Email::parse(email_raw) {
        Ok(email) => store.find_auth_by_email(email.as_str()).await?,
        Err(_) => None,
    };
    let (stored_hash, user_id, disabled) = match &account {
        Some(a) => (Some(a.password_hash.clone()), Some(a.id), a.disabled),
        None => (None, None, false),
    };
    // Always pay for one argon2 verification so an unknown email answers in the same time.
    let matches = state.hasher.verify(password, stored_hash).await?;
    if !matches {
        let audit = AuditEvent {
            at: now,
            actor: None,
            action: "login_failed",
            target: user_id,
            detail: "",
            case: None,
            review: None,
        };
        store
            .record_failure(&account_key, &address_key, now, since, audit)
            .await?;
        return Err(AppError::BadCredentials);
    }
    let Some(user_id) = user_id else {
        return Err(AppError::BadCredentials);
    };
    if disabled {
        return Err(AppError::AccountDisabled);
    }
    // With two-factor sign-in, the count is cleared by the right code, not the password.
    if store
        .two_factor(user_id)
        .await?
        .is_some_and(|t| t.confirmed)
    {
        let challenge = super::two_factor::challenge(state, user_id, next).await?;
        return Ok(SignedInOr::SecondFactor { challenge });
    }
    store.clear_account_failures(&account_key).await?;
    Ok(SignedInOr::Session(
        start_session(state, user_id, previous_session, "login").await?,
    ))
}

pub async fn sign_out(state: &AppState, session: &SignedIn) -> Result<(), AppError> {
    state
        .store
        .end_session(
            &session.token_hash,
            Some(session.actor.user_id),
            state.clock.now(),
            "logout",
        )
        .await?;
    Ok(())
}

/// What the registration page shows for an invite link, or why the link cannot be used.
pub async fn preview_invite(state: &AppState, token: &str) -> Result<InvitePreview, AppError> {
    let invite = usable_invite(state, token).await?;
    Ok(InvitePreview {
        email: invite.email,
        role: invite.role,
    })
}

pub async fn register(
    state: &AppState,
    token: &str,
    display_name: &str,
    password: &str,
    confirm: &str,
    previous_session: Option<&str>,
) -> Result<NewSession, AppError> {
    let invite = usable_invite(state, token).await?;
    let name = DisplayName::parse(display_name).map_err(|e| AppError::Invalid(e.to_string()))?;
    let local = invite.email.split('@').next().unwrap_or_default();
    let password = NewPassword::parse(password, confirm, local)
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    let hash = state.hasher.hash(password.expose().to_owned()).await?;
    let roles = Roles::new([invite.role]);
    let user = NewUser {
        email: &invite.email,
        display_name: name.as_str(),
        password_hash: &hash,
        roles: &roles,
    };
    let user_id = match state
        .store
        .create_user_from_invite(user, invite.id, state.clock.now())
        .await?
    {
        Ok(id) => id,
        Err(UserConflict::DuplicateEmail) => {
            return Err(AppError::Conflict(
                "An account with this email already exists. Sign in instead.".into(),
            ));
        }
        Err(UserConflict::InviteUnavailable) => return Err(used_or_expired()),
        Err(UserConflict::NameLooksTaken) => {
            return Err(AppError::Invalid(
                crate::domain::account_input::DisplayNameProblem::LooksTaken.to_string(),
            ));
        }
    };
    tracing::info!(user.id = %user_id, "member registered");
    start_session(state, user_id, previous_session, "login").await
}

pub async fn change_password(
    state: &AppState,
    actor: Option<&Actor>,
    current: String,
    new: &str,
    confirm: &str,
) -> Result<NewSession, AppError> {
    can(actor, Action::ChangeOwnPassword, Target::Site)?;
    let Some(actor) = actor else {
        return Err(AppError::Denied(
            crate::domain::policy::Denial::SignInRequired,
        ));
    };
    let stored = state.store.password_hash(actor.user_id).await?;
    if !state.hasher.verify(current, stored).await? {
        return Err(AppError::Invalid(
            "Your current password is not right.".into(),
        ));
    }
    let email = state
        .store
        .email_of(actor.user_id)
        .await?
        .unwrap_or_default();
    let local = email.split('@').next().unwrap_or_default();
    let password =
        NewPassword::parse(new, confirm, local).map_err(|e| AppError::Invalid(e.to_string()))?;
    let hash = state.hasher.hash(password.expose().to_owned()).await?;
    let now = state.clock.now();
    // Ends every session of this member, this browser's included; it then gets a new one.
    state
        .store
        .set_password_hash(actor.user_id, &hash, now)
        .await?;
    start_session(state, actor.user_id, None, "login_after_password_change").await
}

/// The member's new display name: checked as at registration (length, control and invisible
/// characters, a name that draws like another member's).
pub async fn change_display_name(
    state: &AppState,
    actor: Option<&Actor>,
    raw: &str,
) -> Result<(), AppError> {
    can(actor, Action::ViewMemberArea, Target::Site)?;
    let Some(actor) = actor else {
        return Err(AppError::Denied(
            crate::domain::policy::Denial::SignInRequired,
        ));
    };
    let name = crate::domain::account_input::DisplayName::parse(raw)
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    match state
        .store
        .change_display_name(actor.user_id, name.as_str(), state.clock.now())
        .await?
    {
        Ok(()) => {
            tracing::info!(user.id = %actor.user_id, "display name changed");
            Ok(())
        }
        Err(_) => Err(AppError::Invalid(
            crate::domain::account_input::DisplayNameProblem::LooksTaken.to_string(),
        )),
    }
}

pub(super) async fn start_session(
    state: &AppState,
    user_id: UserId,
    previous_session: Option<&str>,
    audit: &'static str,
) -> Result<NewSession, AppError> {
    let token = new_secret();
    state
        .store
        .start_session(
            &hash_secret(&token),
            previous_session,
            user_id,
            state.clock.now(),
            audit,
        )
        .await?;
    Ok(NewSession { token, user_id })
}

async fn usable_invite(
    state: &AppState,
    token: &str,
) -> Result<crate::server::store::InviteRow, AppError> {
    let invite = state.store.find_invite(&hash_secret(token.trim())).await?.ok_or_else(|| {
        AppError::NotFound("This invite link is not valid. Check that you copied all of it, or ask an admin for a new one.".into())
    })?;
    if invite.used || invite.expires_at <= state.clock.now() {
        return Err(used_or_expired());
    }
    Ok(invite)
}

fn used_or_expired() -> AppError {
    AppError::Gone(
        "This invite link has already been used or has expired (invites last 7 days). Ask an admin for a new one.".into(),
    )
}
