//! The admin's user management: list members and invites, change roles, disable accounts,
//! turn off a member's two-factor sign-in.

use crate::domain::policy::{Action, Actor, Target, can};
use crate::domain::role::{Role, Roles};
use crate::model::{FailedMailView, InviteList, MemberList, UserId};
use crate::server::error::AppError;
use crate::server::state::AppState;

/// Members on a page of the admin's list.
pub const MEMBERS_PAGE: usize = 50;

/// A page of members whose name or email holds `words`. Words are cleaned, not refused: no
/// control characters (PostgreSQL refuses a NUL), at most 100 characters. They never reach a
/// log.
pub async fn list_users(
    state: &AppState,
    actor: Option<&Actor>,
    words: &str,
    page: u32,
) -> Result<MemberList, AppError> {
    can(actor, Action::ListUsers, Target::Site)?;
    let words: String = words
        .chars()
        .filter(|c| !c.is_control())
        .take(100)
        .collect::<String>()
        .trim()
        .to_owned();
    let (matching, total) = state.store.find_users(&words, 0, usize::MAX).await?;
    let pages = total.div_ceil(MEMBERS_PAGE).max(1);
    // A page past the last shows the last.
    let page = (page.max(1) as usize).min(pages);
    let users = matching
        .into_iter()
        .skip((page - 1) * MEMBERS_PAGE)
        .take(MEMBERS_PAGE)
        .collect();
    let (page, pages) = (
        u32::try_from(page).unwrap_or(u32::MAX),
        u32::try_from(pages).unwrap_or(u32::MAX),
    );
    Ok(MemberList {
        users,
        words,
        page,
        pages,
        total: total as i64,
        email_enabled: state.store.mail_enabled(),
        erasure: crate::server::services::erasure::rule(state),
    })
}

/// The latest messages that failed for good (docs/EMAIL.md), for admins.
pub async fn failed_mail(
    state: &AppState,
    actor: Option<&Actor>,
) -> Result<Vec<FailedMailView>, AppError> {
    can(actor, Action::ViewOutbox, Target::Site)?;
    Ok(state
        .store
        .failed_mail(100)
        .await?
        .into_iter()
        .map(|m| FailedMailView {
            id: m.id,
            kind: m.kind,
            failed_at: m.failed_at,
            attempts: m.attempts,
            last_error: m.last_error,
        })
        .collect())
}

pub async fn list_invites(state: &AppState, actor: Option<&Actor>) -> Result<InviteList, AppError> {
    can(actor, Action::ListInvites, Target::Site)?;
    let now = state.clock.now();
    let mut invites = state.store.list_invites(50).await?;
    for i in &mut invites {
        i.expired = i.used_at.is_none() && i.expires_at <= now;
    }
    Ok(InviteList {
        invites,
        email_enabled: state.store.mail_enabled(),
    })
}

/// `role_names` are the ticked checkboxes; at least one role must remain.
pub async fn set_roles(
    state: &AppState,
    actor: Option<&Actor>,
    target: UserId,
    role_names: &[String],
) -> Result<(), AppError> {
    can(actor, Action::ChangeRoles, Target::User(target))?;
    refuse_erased(state, target).await?;
    let Some(actor) = actor else {
        return Err(AppError::Denied(
            crate::domain::policy::Denial::SignInRequired,
        ));
    };
    let roles: Result<Vec<Role>, _> = role_names.iter().map(|r| Role::parse(r)).collect();
    let roles = Roles::new(roles.map_err(|e| AppError::Invalid(e.to_string()))?);
    if roles.is_empty() {
        return Err(AppError::Invalid(
            "Choose at least one role. To stop someone signing in, disable the account instead."
                .into(),
        ));
    }
    if !state
        .store
        .set_roles(actor.user_id, target, &roles, state.clock.now())
        .await?
    {
        return Err(AppError::NotFound(
            "There is no member with that id.".into(),
        ));
    }
    tracing::info!(actor.id = %actor.user_id, target.id = %target, "roles changed");
    Ok(())
}

pub async fn set_disabled(
    state: &AppState,
    actor: Option<&Actor>,
    target: UserId,
    disabled: bool,
) -> Result<(), AppError> {
    can(actor, Action::SetAccountDisabled, Target::User(target))?;
    refuse_erased(state, target).await?;
    let Some(actor) = actor else {
        return Err(AppError::Denied(
            crate::domain::policy::Denial::SignInRequired,
        ));
    };
    if !state
        .store
        .set_disabled(actor.user_id, target, disabled, state.clock.now())
        .await?
    {
        return Err(AppError::NotFound(
            "There is no member with that id.".into(),
        ));
    }
    tracing::info!(actor.id = %actor.user_id, target.id = %target, disabled, "account status changed");
    Ok(())
}

/// The page of the whole member list (no search) that shows `member`'s row; the first when
/// there is none. Only a number: where to send an admin back to after an erasure.
pub async fn page_of(state: &AppState, member: UserId) -> Result<u32, AppError> {
    let at = state
        .store
        .list_users()
        .await?
        .iter()
        .position(|u| u.id == member)
        .unwrap_or(0);
    Ok(u32::try_from(at / MEMBERS_PAGE + 1).unwrap_or(1))
}

/// An admin turns off a member's two-factor sign-in, for a member who lost both the phone and
/// the recovery codes (`confirmed`: the admin ticked that the member asked, checked by a
/// channel they trust). The member's sessions end, and they are emailed when email is set up.
pub async fn reset_two_factor(
    state: &AppState,
    actor: Option<&Actor>,
    target: UserId,
    confirmed: bool,
) -> Result<(), AppError> {
    can(actor, Action::ResetTwoFactor, Target::User(target))?;
    refuse_erased(state, target).await?;
    let Some(actor) = actor else {
        return Err(AppError::Denied(
            crate::domain::policy::Denial::SignInRequired,
        ));
    };
    if !confirmed {
        return Err(AppError::Invalid(
            "Tick the box to confirm that the member asked for this: it lets anyone with their password in.".into(),
        ));
    }
    let tell = state.store.mail_enabled();
    match state
        .store
        .reset_two_factor(actor.user_id, target, tell, state.clock.now())
        .await?
    {
        Some(true) => {}
        Some(false) => {
            return Err(AppError::Conflict(
                "Two-factor sign-in is not on for this member.".into(),
            ));
        }
        None => {
            return Err(AppError::NotFound(
                "There is no member with that id.".into(),
            ));
        }
    }
    tracing::info!(actor.id = %actor.user_id, target.id = %target, "two-factor sign-in turned off by an admin");
    Ok(())
}

/// An erased account is no longer anyone's: it cannot be enabled, given roles or a reset link.
pub(super) async fn refuse_erased(state: &AppState, member: UserId) -> Result<(), AppError> {
    if state.store.is_erased(member).await? {
        return Err(AppError::Gone(
            "This account was erased; nothing about it can be changed.".into(),
        ));
    }
    Ok(())
}
