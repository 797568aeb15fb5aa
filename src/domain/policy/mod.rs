//! The one permission policy. Every form handler and every server function asks [`can`] before it
//! reads or changes anything; the browser never decides who may see what.

use crate::domain::review::ReviewState;
use crate::domain::role::{Role, Roles};
use crate::model::UserId;

/// Who is asking: a signed-in member with their current roles (read fresh on every request, so a
/// role change or a disabled account takes effect at once).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub roles: Roles,
}

impl Actor {
    pub fn has(&self, role: Role) -> bool {
        self.roles.has(role)
    }
}

/// Everything a request can try to do. New capabilities add a variant here and a row to the table
/// test below, so an action nobody thought about cannot slip through a default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// See any page behind sign-in (home, account).
    ViewMemberArea,
    ChangeOwnPassword,
    ListUsers,
    ChangeRoles,
    SetAccountDisabled,
    CreateInvite,
    ListInvites,
    /// Post a new case (clinicians and supervisors).
    CreateCase,
    /// Read a case and its replies: a published one, or one's own or (moderators) any in review.
    ViewCase,
    /// Edit a case's text and context: its author (not once it was rejected; the edit goes
    /// back to review), or a moderator while it waits for review.
    EditCase,
    /// Reply to a published case.
    Reply,
    /// Edit a reply (its author).
    EditReply,
    /// Mark a reply helpful, post a follow-up, close the case (the author of a published case).
    ManageOwnCase,
    /// Learn who wrote an anonymous case (moderators and admins).
    SeeAnonymousAuthor,
    /// Read every stored revision of a case (moderators and admins).
    ViewRevisions,
    /// Read and export the audit log (admins).
    ViewAuditLog,
    /// Replace identifying text in a case, its replies and every stored copy (moderators and
    /// admins).
    Redact,
    /// See the review queue (moderators and admins).
    ViewReviewQueue,
    /// Claim, approve, return or reject a case in review, or approve or reject a held reply
    /// (moderators and admins, never their own).
    Review,
    /// Flag a published case or a reply as possibly identifying (any member but its author).
    Flag,
    /// Show again a reply hidden after flags (moderators and admins).
    RestoreReply,
}

/// What the action is aimed at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Site,
    User(UserId),
    /// A case, by its author and where it stands with the moderators.
    Case {
        author: UserId,
        review: ReviewState,
    },
    /// A reply, by its author.
    Reply {
        author: UserId,
    },
}

/// Why a request was refused; the server maps these to 401-style sign-in prompts and 403 pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Denial {
    #[error("Please sign in to continue.")]
    SignInRequired,
    #[error("You do not have permission to do that.")]
    Forbidden,
    #[error("You cannot change your own roles or disable your own account. Ask another admin.")]
    OwnAccount,
    #[error("You cannot review your own post. Another moderator will.")]
    OwnCase,
}

/// Decides whether `actor` may perform `action` on `target`.
///
/// Admin actions need the admin role. An admin may not change their own roles or disable
/// themselves, so the last admin cannot lock everyone out by accident.
pub fn can(actor: Option<&Actor>, action: Action, target: Target) -> Result<(), Denial> {
    let Some(actor) = actor else {
        return Err(Denial::SignInRequired);
    };
    match action {
        Action::ViewMemberArea | Action::ChangeOwnPassword => Ok(()),
        Action::ListUsers | Action::CreateInvite | Action::ListInvites | Action::ViewAuditLog => {
            require_admin(actor)
        }
        Action::ViewCase => match target {
            Target::Case { author, review } if !review.is_published() => {
                if author == actor.user_id || is_moderator(actor) {
                    Ok(())
                } else {
                    // Answered like a missing case would be for peers: see `access::case_for`.
                    Err(Denial::Forbidden)
                }
            }
            _ => Ok(()),
        },
        Action::Reply => match target {
            Target::Case { review, .. } if !review.is_published() => Err(Denial::Forbidden),
            _ => Ok(()),
        },
        Action::CreateCase => {
            if actor.has(Role::Clinician) || actor.has(Role::Supervisor) {
                Ok(())
            } else {
                Err(Denial::Forbidden)
            }
        }
        Action::EditCase => match target {
            Target::Case { author, review }
                if author == actor.user_id && review != ReviewState::Rejected =>
            {
                Ok(())
            }
            // A moderator may edit a case while it waits for review (never their own); a
            // returned case is the author's to change.
            Target::Case {
                author,
                review: ReviewState::Pending,
            } if author != actor.user_id && is_moderator(actor) => Ok(()),
            _ => Err(Denial::Forbidden),
        },
        Action::ManageOwnCase => match target {
            Target::Case { author, review } if author == actor.user_id && review.is_published() => {
                Ok(())
            }
            _ => Err(Denial::Forbidden),
        },
        Action::EditReply => match target {
            Target::Reply { author } if author == actor.user_id => Ok(()),
            _ => Err(Denial::Forbidden),
        },
        Action::Flag => match target {
            Target::Case { author, review } if author != actor.user_id && review.is_published() => {
                Ok(())
            }
            Target::Reply { author } if author != actor.user_id => Ok(()),
            _ => Err(Denial::Forbidden),
        },
        Action::SeeAnonymousAuthor
        | Action::ViewRevisions
        | Action::Redact
        | Action::ViewReviewQueue
        | Action::RestoreReply => {
            if is_moderator(actor) {
                Ok(())
            } else {
                Err(Denial::Forbidden)
            }
        }
        Action::Review => {
            if !is_moderator(actor) {
                return Err(Denial::Forbidden);
            }
            match target {
                Target::Case { author, .. } | Target::Reply { author }
                    if author == actor.user_id =>
                {
                    Err(Denial::OwnCase)
                }
                Target::Case { .. } | Target::Reply { .. } => Ok(()),
                _ => Err(Denial::Forbidden),
            }
        }
        Action::ChangeRoles | Action::SetAccountDisabled => {
            require_admin(actor)?;
            match target {
                Target::User(id) if id == actor.user_id => Err(Denial::OwnAccount),
                _ => Ok(()),
            }
        }
    }
}

fn is_moderator(actor: &Actor) -> bool {
    actor.has(Role::Moderator) || actor.has(Role::Admin)
}

fn require_admin(actor: &Actor) -> Result<(), Denial> {
    if actor.has(Role::Admin) {
        Ok(())
    } else {
        Err(Denial::Forbidden)
    }
}

#[cfg(test)]
mod tests;
