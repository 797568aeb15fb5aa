//! A member's email choices (docs/EMAIL.md): per kind, immediately, in the daily digest or never,
//! on the account page; and the signed one-click unsubscribe link every such message carries.

use crate::domain::policy::{Action, Actor, Denial, Target, can};
use crate::model::{MailDelivery, MailPreferenceView, MailSettingsView, UnsubscribeView, UserId};
use crate::server::error::AppError;
use crate::server::mail::MailKind;
use crate::server::state::AppState;

/// The account page's email section for the signed-in member.
pub async fn settings(
    state: &AppState,
    actor: Option<&Actor>,
) -> Result<MailSettingsView, AppError> {
    can(actor, Action::ViewMemberArea, Target::Site)?;
    let actor = actor.ok_or(AppError::Denied(Denial::SignInRequired))?;
    let chosen = state.store.mail_preferences(actor.user_id).await?;
    let preferences = MailKind::CHOSEN
        .into_iter()
        .map(|kind| MailPreferenceView {
            kind: kind.key().to_owned(),
            label: kind.preference_label().to_owned(),
            delivery: chosen
                .iter()
                .find(|(k, _)| k == kind.key())
                .map(|(_, d)| *d)
                .unwrap_or_default(),
        })
        .collect();
    Ok(MailSettingsView {
        email_enabled: state.store.mail_enabled(),
        digest_hour: state.config.mail.as_ref().map_or(7, |m| m.digest_hour),
        preferences,
    })
}

/// Saves the account page's choices: `fields` holds one (kind key, delivery key) per kind the
/// form showed. A kind the form did not send keeps its choice.
pub async fn save(
    state: &AppState,
    actor: Option<&Actor>,
    fields: &[(String, String)],
) -> Result<(), AppError> {
    can(actor, Action::ViewMemberArea, Target::Site)?;
    let actor = actor.ok_or(AppError::Denied(Denial::SignInRequired))?;
    let mut choices = Vec::new();
    for kind in MailKind::CHOSEN {
        if let Some((_, value)) = fields.iter().find(|(k, _)| k == kind.key()) {
            let delivery = MailDelivery::parse(value).ok_or_else(|| {
                AppError::Invalid(format!(
                    "Choose immediately, a daily digest or never for \"{}\".",
                    kind.preference_label()
                ))
            })?;
            choices.push((kind.key(), delivery));
        }
    }
    state
        .store
        .set_mail_preferences(actor.user_id, &choices, state.clock.now())
        .await?;
    Ok(())
}

/// An unsubscribe link's parts, checked: the member, and the kind it stops (`None`: the digest).
struct Link {
    member: UserId,
    kind: Option<MailKind>,
}

fn check(state: &AppState, member: &str, kind: &str, signature: &str) -> Result<Link, AppError> {
    let invalid = || {
        AppError::NotFound(
            "This unsubscribe link is not valid. Check that you opened all of it, or choose what you get on your account page.".into(),
        )
    };
    let member = member
        .trim()
        .parse::<i64>()
        .map(UserId)
        .map_err(|_| invalid())?;
    let kind = match MailKind::parse(kind.trim()) {
        Some(MailKind::Digest) => None,
        Some(k) if k.has_preference() => Some(k),
        _ => return Err(invalid()),
    };
    let key = kind.map_or(MailKind::Digest.key(), MailKind::key);
    if !state.unsubscribe_key.verify(member, key, signature) {
        return Err(invalid());
    }
    Ok(Link { member, kind })
}

/// What the link would stop, for the page that asks to confirm (a GET changes nothing).
pub async fn preview(
    state: &AppState,
    member: &str,
    kind: &str,
    signature: &str,
) -> Result<UnsubscribeView, AppError> {
    let link = check(state, member, kind, signature)?;
    let chosen = state.store.mail_preferences(link.member).await?;
    let already_stopped = match link.kind {
        Some(kind) => chosen
            .iter()
            .any(|(k, d)| k == kind.key() && *d == MailDelivery::Never),
        None => !chosen.iter().any(|(_, d)| *d == MailDelivery::Digest),
    };
    Ok(UnsubscribeView {
        what: link.kind.unwrap_or(MailKind::Digest).plural().to_owned(),
        already_stopped,
    })
}

/// Stops what the link names. Using it twice is not an error: the second time changes nothing.
pub async fn unsubscribe(
    state: &AppState,
    member: &str,
    kind: &str,
    signature: &str,
) -> Result<(), AppError> {
    let link = check(state, member, kind, signature)?;
    if state.store.is_disabled(link.member).await?.is_none() {
        return Err(AppError::NotFound(
            "This unsubscribe link is for an account that no longer exists.".into(),
        ));
    }
    let changed = state
        .store
        .unsubscribe(link.member, link.kind.map(MailKind::key), state.clock.now())
        .await?;
    tracing::info!(user.id = %link.member, changed, "unsubscribed");
    Ok(())
}
