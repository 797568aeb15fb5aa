//! A member changes their email. With email set up, a link goes to the new address and the
//! change is made when it is followed (proof the member reads that address), and the old
//! address is told; without email there is nothing to confirm with, and the change is made at
//! once. Either way the member's password is asked for first.

use crate::domain::account_input::Email;
use crate::domain::policy::{Action, Actor, Target, can};
use crate::server::auth::token::{hash_secret, new_secret};
use crate::server::error::AppError;
use crate::server::state::AppState;
use crate::server::store::EmailChangeOutcome;

/// How long the confirmation link works.
const LINK_SECS: i64 = 24 * 3600;

/// What asking came to.
#[derive(Debug, PartialEq, Eq)]
pub enum Asked {
    /// A link is on its way to the new address.
    LinkSent,
    /// No email set up: changed already.
    Changed,
}

fn no_link() -> AppError {
    AppError::Gone(
        "This confirmation link does not work: it was used, replaced by a later one, or is more than a day old. Ask again on your account page.".into(),
    )
}

fn taken() -> AppError {
    AppError::Conflict(
        "That address is used by another Caseroom account, so it cannot be yours too. Nothing was changed.".into(),
    )
}

pub async fn ask(
    state: &AppState,
    actor: Option<&Actor>,
    new_email: &str,
    password: String,
) -> Result<Asked, AppError> {
    can(actor, Action::ChangeOwnPassword, Target::Site)?;
    let me = super::access::signed_in(actor)?;
    let email = Email::parse(new_email).map_err(|e| AppError::Invalid(e.to_string()))?;
    let stored = state.store.password_hash(me.user_id).await?;
    if !state.hasher.verify(password, stored).await? {
        return Err(AppError::Invalid("Your password is not right.".into()));
    }
    if state.store.email_of(me.user_id).await?.as_deref() == Some(email.as_str()) {
        return Err(AppError::Invalid("That is already your email.".into()));
    }
    let now = state.clock.now();
    if !state.store.mail_enabled() {
        return match state
            .store
            .change_email_now(me.user_id, email.as_str(), now)
            .await?
        {
            EmailChangeOutcome::Changed => {
                tracing::info!(user.id = %me.user_id, "email changed (no email to confirm with)");
                Ok(Asked::Changed)
            }
            EmailChangeOutcome::Taken => Err(taken()),
            EmailChangeOutcome::NoSuchLink => Err(no_link()),
        };
    }
    let token = new_secret();
    let link = format!("/account/email/confirm?token={token}");
    let written = state
        .store
        .ask_email_change(
            me.user_id,
            &hash_secret(&token),
            email.as_str(),
            &link,
            now,
            now + LINK_SECS,
        )
        .await?;
    if !written {
        return Err(AppError::RateLimited {
            doing: "asking for email confirmation links",
            retry_after: 3600,
        });
    }
    tracing::info!(user.id = %me.user_id, "email change asked");
    Ok(Asked::LinkSent)
}

/// The address a confirmation link would set, for its page (changes nothing).
pub async fn preview(state: &AppState, token: &str) -> Result<String, AppError> {
    state
        .store
        .waiting_email_change(&hash_secret(token.trim()), state.clock.now())
        .await?
        .ok_or_else(no_link)
}

pub async fn confirm(state: &AppState, token: &str) -> Result<(), AppError> {
    match state
        .store
        .confirm_email_change(&hash_secret(token.trim()), state.clock.now())
        .await?
    {
        EmailChangeOutcome::Changed => {
            tracing::info!("email change confirmed");
            Ok(())
        }
        EmailChangeOutcome::Taken => Err(taken()),
        EmailChangeOutcome::NoSuchLink => Err(no_link()),
    }
}
