//! Password reset (docs/EMAIL.md): "forgot password" on the sign-in page emails a single-use
//! link valid for 30 minutes; without email, an admin issues one from the member's row.

use crate::domain::account_input::Email;
use crate::domain::password::NewPassword;
use crate::domain::policy::{Action, Actor, Target, can};
use crate::model::UserId;
use crate::server::auth::token::{hash_secret, new_secret};
use crate::server::error::AppError;
use crate::server::mail::MailKind;
use crate::server::state::AppState;
use crate::server::store::{NewReset, Outgoing, Recipient, ResetOutcome, ResetRow};

pub const RESET_LIFETIME_SECS: i64 = 30 * 60;
/// Links one member may ask for within `ASK_WINDOW_SECS`; past it the answer is the same and
/// nothing is sent, so a flood fills nobody's inbox and says nothing about the account.
pub const MAX_ASKED_PER_WINDOW: i64 = 3;
pub const ASK_WINDOW_SECS: i64 = 3600;
/// Admin-issued links are not throttled like asked ones, but are not unlimited either.
const MAX_ISSUED_PER_WINDOW: i64 = 10;

/// "Forgot password": writes a reset link and its email for an active account with this
/// address. The answer is the same whether or not there is one (the caller shows one message).
pub async fn ask(state: &AppState, email_raw: &str) -> Result<(), AppError> {
    if !state.store.mail_enabled() {
        return Err(no_email());
    }
    let email = Email::parse(email_raw).map_err(|e| AppError::Invalid(e.to_string()))?;
    let account = state.store.find_auth_by_email(email.as_str()).await?;
    let Some(account) = account.filter(|a| !a.disabled) else {
        // Ids and counts only: the address asked for is not logged.
        tracing::info!("password reset asked for no active account");
        return Ok(());
    };
    let now = state.clock.now();
    let token = new_secret();
    let mail = reset_mail(account.id, &token);
    let written = state
        .store
        .create_password_reset(
            NewReset {
                user: account.id,
                token_hash: &hash_secret(&token),
                issued_by: None,
                expires_at: now + RESET_LIFETIME_SECS,
                mail: Some(&mail),
            },
            MAX_ASKED_PER_WINDOW,
            now - ASK_WINDOW_SECS,
            now,
        )
        .await?;
    if !written {
        tracing::info!(user.id = %account.id, "password reset throttled for the account");
    }
    Ok(())
}

/// What an admin's reset produced: a link to hand over once, or nothing to show (emailed).
#[derive(Debug)]
pub enum AdminReset {
    Link(String),
    Emailed,
}

/// An admin issues a reset link for `member`: emailed to them when email is set up, else shown
/// once to the admin to pass on by a channel they trust.
pub async fn issue(
    state: &AppState,
    actor: Option<&Actor>,
    member: UserId,
) -> Result<AdminReset, AppError> {
    can(actor, Action::IssuePasswordReset, Target::User(member))?;
    super::admin::refuse_erased(state, member).await?;
    let admin = actor.map(|a| a.user_id);
    let Some(disabled) = state.store.is_disabled(member).await? else {
        return Err(AppError::NotFound(
            "There is no member with that number.".into(),
        ));
    };
    if disabled {
        return Err(AppError::Conflict(
            "This account is disabled. Enable it first; a reset link does not open a disabled account.".into(),
        ));
    }
    let now = state.clock.now();
    let token = new_secret();
    let mail = state
        .store
        .mail_enabled()
        .then(|| reset_mail(member, &token));
    let written = state
        .store
        .create_password_reset(
            NewReset {
                user: member,
                token_hash: &hash_secret(&token),
                issued_by: admin,
                expires_at: now + RESET_LIFETIME_SECS,
                mail: mail.as_ref(),
            },
            MAX_ISSUED_PER_WINDOW,
            now - ASK_WINDOW_SECS,
            now,
        )
        .await?;
    if !written {
        return Err(AppError::Conflict(
            "Many reset links were made for this member in the last hour. Wait before issuing another.".into(),
        ));
    }
    Ok(match mail {
        Some(_) => AdminReset::Emailed,
        None => AdminReset::Link(format!(
            "{}/password/reset?token={token}",
            state.config.public_url
        )),
    })
}

/// Whether a reset link can be used now; the reset page asks before showing its form.
pub async fn check(state: &AppState, token: &str) -> Result<(), AppError> {
    usable(state, token).await.map(|_| ())
}

/// Sets a new password with a reset link. Every session of the member ends, and every other
/// reset link of theirs; they then sign in with the new password.
pub async fn complete(
    state: &AppState,
    token: &str,
    password: &str,
    confirm: &str,
) -> Result<(), AppError> {
    let reset = usable(state, token).await?;
    let local = reset.email.split('@').next().unwrap_or_default();
    let password = NewPassword::parse(password, confirm, local)
        .map_err(|e| AppError::Invalid(e.to_string()))?;
    let hash = state.hasher.hash(password.expose().to_owned()).await?;
    match state
        .store
        .complete_password_reset(reset.id, reset.user, &hash, state.clock.now())
        .await?
    {
        ResetOutcome::Done { sessions_ended } => {
            tracing::info!(user.id = %reset.user, sessions_ended, "password reset");
            Ok(())
        }
        ResetOutcome::Unusable => Err(used_or_expired()),
    }
}

async fn usable(state: &AppState, token: &str) -> Result<ResetRow, AppError> {
    let reset = state
        .store
        .find_password_reset(&hash_secret(token.trim()))
        .await?
        .ok_or_else(|| {
            AppError::NotFound(
                "This reset link is not valid. Check that you copied all of it, or ask for a new one."
                    .into(),
            )
        })?;
    if reset.used || reset.account_disabled || reset.expires_at <= state.clock.now() {
        return Err(used_or_expired());
    }
    Ok(reset)
}

fn reset_mail(member: UserId, token: &str) -> Outgoing {
    Outgoing {
        kind: MailKind::PasswordReset.key(),
        to: Recipient::Member(member),
        link: format!("/password/reset?token={token}"),
    }
}

fn used_or_expired() -> AppError {
    AppError::Gone(
        "This reset link has already been used or has expired (links last 30 minutes). Ask for a new one from the sign-in page.".into(),
    )
}

fn no_email() -> AppError {
    AppError::Conflict(
        "This site cannot send email. Ask an admin for a reset link: they can make one from the member list.".into(),
    )
}
