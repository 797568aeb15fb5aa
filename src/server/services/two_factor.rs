//! Two-factor sign-in: setting it up on the account page, the code after the password at
//! sign-in, recovery codes for a lost phone, turning it off. Any member may use it; with
//! `CASEROOM_REQUIRE_TWO_FACTOR=staff`, moderators and admins act without those roles until
//! they do (`auth::session`).

use crate::domain::policy::{Action, Actor, Target, can};
use crate::domain::role::Role;
use crate::model::TwoFactorView;
use crate::server::auth::token::{hash_secret, new_secret};
use crate::server::auth::totp;
use crate::server::error::AppError;
use crate::server::state::AppState;

use super::accounts::{MAX_ACCOUNT_FAILURES, NewSession, THROTTLE_WINDOW_SECS, start_session};
use crate::server::store::{AuditEvent, ThrottleScope};

/// How long the code may take after the password.
const CHALLENGE_SECS: i64 = 5 * 60;
/// Wrong codes before the password must be given again.
const CHALLENGE_ATTEMPTS: i64 = 5;

fn member(actor: Option<&Actor>) -> Result<&Actor, AppError> {
    can(actor, Action::ViewMemberArea, Target::Site)?;
    super::access::signed_in(actor)
}

fn wrong_code() -> AppError {
    AppError::Invalid(
        "That code is not right. Type the six digits your authenticator app shows now, or one of your recovery codes.".into(),
    )
}

pub async fn view(state: &AppState, actor: Option<&Actor>) -> Result<TwoFactorView, AppError> {
    let me = member(actor)?;
    // The roles as stored: the session's may lack the staff ones until this is set up.
    let roles = state.store.roles_of(me.user_id).await?;
    let required =
        state.config.require_two_factor && (roles.has(Role::Moderator) || roles.has(Role::Admin));
    Ok(match state.store.two_factor(me.user_id).await? {
        Some(row) if row.confirmed => TwoFactorView::On {
            recovery_codes_left: state.store.recovery_codes_left(me.user_id).await?,
            required,
        },
        Some(row) => {
            let email = state.store.email_of(me.user_id).await?.unwrap_or_default();
            TwoFactorView::SettingUp {
                uri: totp::provisioning_uri(&row.secret, &email),
                secret: row.secret,
                required,
            }
        }
        None => TwoFactorView::Off { required },
    })
}

/// A new secret for the member's app, shown on the account page until confirmed. The password
/// is asked first: a session left open must not be enough to tie the account to another phone.
pub async fn begin(
    state: &AppState,
    actor: Option<&Actor>,
    password: String,
) -> Result<(), AppError> {
    let me = member(actor)?;
    let stored = state.store.password_hash(me.user_id).await?;
    if !state.hasher.verify(password, stored).await? {
        return Err(AppError::Invalid("Your password is not right.".into()));
    }
    state
        .store
        .begin_two_factor(me.user_id, &totp::new_secret())
        .await?;
    tracing::info!(user.id = %me.user_id, "two-factor set-up started");
    Ok(())
}

/// The first code turns it on; the recovery codes, shown this once. This session (`session`,
/// its token's hash) counts as signed in with a code, and the member's other sessions end.
pub async fn confirm(
    state: &AppState,
    actor: Option<&Actor>,
    session: &str,
    code: &str,
) -> Result<Vec<String>, AppError> {
    let me = member(actor)?;
    let Some(row) = state
        .store
        .two_factor(me.user_id)
        .await?
        .filter(|r| !r.confirmed)
    else {
        return Err(AppError::Conflict(
            "There is no set-up waiting for a code: start it again on this page.".into(),
        ));
    };
    let step =
        totp::verify(&row.secret, code, state.clock.now(), row.last_step).ok_or_else(wrong_code)?;
    let codes = totp::new_recovery_codes();
    let hashes: Vec<String> = codes.iter().map(|c| hash_secret(c)).collect();
    if !state
        .store
        .confirm_two_factor(me.user_id, session, step, &hashes, state.clock.now())
        .await?
    {
        return Err(AppError::Conflict(
            "Two-factor sign-in was turned on or reset meanwhile; this page shows where it stands."
                .into(),
        ));
    }
    tracing::info!(user.id = %me.user_id, "two-factor sign-in turned on");
    Ok(codes)
}

/// Turning it off takes a current code or a recovery code: a stolen session alone cannot.
pub async fn disable(state: &AppState, actor: Option<&Actor>, code: &str) -> Result<(), AppError> {
    let me = member(actor)?;
    let Some(row) = state
        .store
        .two_factor(me.user_id)
        .await?
        .filter(|r| r.confirmed)
    else {
        return Err(AppError::Conflict("Two-factor sign-in is not on.".into()));
    };
    if !code_is_good(state, me.user_id, &row, code).await? {
        return Err(wrong_code());
    }
    state
        .store
        .disable_two_factor(me.user_id, state.clock.now())
        .await?;
    tracing::info!(user.id = %me.user_id, "two-factor sign-in turned off");
    Ok(())
}

/// After a right password for a member with two-factor sign-in: the token of the sign-in
/// waiting for its code.
pub(super) async fn challenge(
    state: &AppState,
    user: crate::model::UserId,
    next: &str,
) -> Result<String, AppError> {
    let token = new_secret();
    let now = state.clock.now();
    state
        .store
        .create_challenge(&hash_secret(&token), user, next, now, now + CHALLENGE_SECS)
        .await?;
    Ok(token)
}

/// The code after the password: the session, and where to go. Each try counts against the
/// sign-in before the code is checked (five at most, even sent at once), and each wrong code
/// counts against the account as a wrong password does, so guessing is as slow as guessing
/// passwords; the account's count is cleared only by a right code.
pub async fn second_step(
    state: &AppState,
    challenge: &str,
    code: &str,
    client: std::net::IpAddr,
    previous_session: Option<&str>,
) -> Result<(NewSession, String), AppError> {
    let hash = hash_secret(challenge);
    let now = state.clock.now();
    let expired = || {
        AppError::Gone(
            "This sign-in has ended (it waits five minutes for the code, and takes five tries). Sign in again with your password.".into(),
        )
    };
    let Some(waiting) = state
        .store
        .try_challenge(&hash, now, CHALLENGE_ATTEMPTS)
        .await?
    else {
        state.store.end_challenge(&hash).await?;
        return Err(expired());
    };
    let Some(row) = state
        .store
        .two_factor(waiting.user_id)
        .await?
        .filter(|r| r.confirmed)
    else {
        state.store.end_challenge(&hash).await?;
        return Err(expired());
    };
    let email = state
        .store
        .email_of(waiting.user_id)
        .await?
        .unwrap_or_default();
    let account_key = hash_secret(&email);
    let since = now - THROTTLE_WINDOW_SECS;
    if state
        .store
        .count_failures(ThrottleScope::Account, &account_key, since)
        .await?
        >= MAX_ACCOUNT_FAILURES
    {
        state.store.end_challenge(&hash).await?;
        return Err(AppError::TooManyAttempts);
    }
    if !code_is_good(state, waiting.user_id, &row, code).await? {
        let audit = AuditEvent {
            at: now,
            actor: None,
            action: "login_code_failed",
            target: Some(waiting.user_id),
            detail: "",
            case: None,
            review: None,
        };
        state
            .store
            .record_failure(&account_key, &client.to_string(), now, since, audit)
            .await?;
        if waiting.attempts >= CHALLENGE_ATTEMPTS {
            state.store.end_challenge(&hash).await?;
            tracing::info!(user.id = %waiting.user_id, "two-factor sign-in: too many wrong codes");
            return Err(AppError::Gone(
                "Too many wrong codes: this sign-in has ended. Sign in again with your password."
                    .into(),
            ));
        }
        return Err(wrong_code());
    }
    state.store.end_challenge(&hash).await?;
    state.store.clear_account_failures(&account_key).await?;
    let session = start_session(state, waiting.user_id, previous_session, "login").await?;
    state
        .store
        .mark_second_factor(&hash_secret(&session.token), now)
        .await?;
    Ok((session, waiting.next))
}

/// A code from the app (each step taken once), or an unused recovery code (used up now).
async fn code_is_good(
    state: &AppState,
    user: crate::model::UserId,
    row: &crate::server::store::TwoFactorRow,
    code: &str,
) -> Result<bool, AppError> {
    let now = state.clock.now();
    if let Some(step) = totp::verify(&row.secret, code, now, row.last_step) {
        return Ok(state.store.take_code_step(user, step).await?);
    }
    match totp::normalise_recovery_code(code) {
        Some(recovery) => Ok(state
            .store
            .use_recovery_code(user, &hash_secret(&recovery), now)
            .await?),
        None => Ok(false),
    }
}
