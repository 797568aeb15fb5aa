//! Erasing an account (issue 18, docs/MEMBER_DATA.md): by the member, with their password, or
//! by an admin, with a reason. Whether the member's posts go or stay under "Former member" is
//! chosen per the forum's `erasure_posts` setting.

use crate::domain::policy::{Action, Actor, Denial, Target, can};
use crate::model::{ErasureRule, UserId};
use crate::server::auth::token::{hash_secret, new_secret};
use crate::server::config::ErasurePosts;
use crate::server::error::AppError;
use crate::server::state::AppState;
use crate::server::store::{EraseRefusal, Erasure, Posts};

/// The forum's setting, as the pages show it.
pub fn rule(state: &AppState) -> ErasureRule {
    match state.config.erasure_posts {
        ErasurePosts::Choose => ErasureRule::Choose,
        ErasurePosts::Remove => ErasureRule::Remove,
        ErasurePosts::Keep => ErasureRule::Keep,
    }
}

/// What the form asked for, checked against the forum's setting.
fn posts(state: &AppState, asked: &str) -> Result<Posts, AppError> {
    match (state.config.erasure_posts, asked) {
        (ErasurePosts::Remove, _) => Ok(Posts::Remove),
        (ErasurePosts::Keep, _) => Ok(Posts::Keep),
        (ErasurePosts::Choose, "remove") => Ok(Posts::Remove),
        (ErasurePosts::Choose, "keep") => Ok(Posts::Keep),
        (ErasurePosts::Choose, _) => Err(AppError::Invalid(
            "Choose whether your cases and replies are removed or kept without your name.".into(),
        )),
    }
}

/// The member erases their own account; `confirm` is the ticked box.
pub async fn erase_own(
    state: &AppState,
    actor: Option<&Actor>,
    password: String,
    asked_posts: &str,
    confirm: bool,
) -> Result<(), AppError> {
    let actor = actor.ok_or(AppError::Denied(Denial::SignInRequired))?;
    can(
        Some(actor),
        Action::EraseAccount,
        Target::User(actor.user_id),
    )?;
    let posts = posts(state, asked_posts)?;
    if !confirm {
        return Err(AppError::Invalid(
            "Tick the box to confirm: an erased account cannot be brought back.".into(),
        ));
    }
    let stored = state.store.password_hash(actor.user_id).await?;
    if !state.hasher.verify(password, stored).await? {
        return Err(AppError::Invalid("Your password is not right.".into()));
    }
    erase(state, actor.user_id, posts, None, "").await
}

/// An admin erases another member's account, with a reason kept with the erasure.
pub async fn erase_other(
    state: &AppState,
    actor: Option<&Actor>,
    member: UserId,
    asked_posts: &str,
    reason: &str,
) -> Result<(), AppError> {
    can(actor, Action::EraseAccount, Target::User(member))?;
    let admin = actor.ok_or(AppError::Denied(Denial::SignInRequired))?;
    if admin.user_id == member {
        return Err(AppError::Conflict(
            "Erase your own account from your account page.".into(),
        ));
    }
    let posts = posts(state, asked_posts)?;
    let reason =
        crate::domain::text::check_body(reason, "The reason").map_err(AppError::Invalid)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::Invalid(
            "Give the reason for erasing this account; it is kept with the erasure.".into(),
        ));
    }
    if reason.chars().count() > 1000 {
        return Err(AppError::Invalid(
            "Keep the reason under 1,000 characters.".into(),
        ));
    }
    erase(state, member, posts, Some(admin.user_id), reason).await
}

async fn erase(
    state: &AppState,
    member: UserId,
    posts: Posts,
    by_admin: Option<UserId>,
    reason: &str,
) -> Result<(), AppError> {
    let email = state
        .store
        .email_of(member)
        .await?
        .ok_or_else(|| AppError::NotFound("There is no member with that number.".into()))?;
    let unusable_hash = state.hasher.hash(new_secret()).await?;
    let outcome = state
        .store
        .erase_member(
            Erasure {
                member,
                posts,
                by_admin,
                reason,
                login_key: &hash_secret(&email),
                unusable_hash: &unusable_hash,
            },
            state.clock.now(),
        )
        .await?;
    match outcome {
        Ok(erased) => {
            tracing::info!(
                user.id = %member,
                cases = erased.cases_removed,
                replies = erased.replies_removed,
                "account erased"
            );
            Ok(())
        }
        Err(EraseRefusal::NoSuchMember) => Err(AppError::NotFound(
            "There is no member with that number.".into(),
        )),
        Err(EraseRefusal::AlreadyErased) => Err(AppError::Gone(
            "This account has already been erased.".into(),
        )),
        Err(EraseRefusal::LastAdmin) => Err(AppError::Conflict(
            "This is the only active admin: make another member an admin first, so someone can still run the forum.".into(),
        )),
    }
}
