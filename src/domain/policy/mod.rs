//! The one permission policy. Every form handler and every server function asks [`can`] before it
//! reads or changes anything; the browser never decides who may see what.

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
    /// Read a published case and its replies.
    ViewCase,
    /// Edit a case's text and context (its author).
    EditCase,
    /// Reply to a case the member can see.
    Reply,
    /// Edit a reply (its author).
    EditReply,
    /// Mark a reply helpful, post a follow-up, close the case (the case author).
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
}

/// What the action is aimed at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Site,
    User(UserId),
    /// A case, by its author.
    Case {
        author: UserId,
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
        Action::ViewCase | Action::Reply => Ok(()),
        Action::CreateCase => {
            if actor.has(Role::Clinician) || actor.has(Role::Supervisor) {
                Ok(())
            } else {
                Err(Denial::Forbidden)
            }
        }
        Action::EditCase | Action::ManageOwnCase => match target {
            Target::Case { author } if author == actor.user_id => Ok(()),
            _ => Err(Denial::Forbidden),
        },
        Action::EditReply => match target {
            Target::Reply { author } if author == actor.user_id => Ok(()),
            _ => Err(Denial::Forbidden),
        },
        Action::SeeAnonymousAuthor | Action::ViewRevisions | Action::Redact => {
            if actor.has(Role::Moderator) || actor.has(Role::Admin) {
                Ok(())
            } else {
                Err(Denial::Forbidden)
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

fn require_admin(actor: &Actor) -> Result<(), Denial> {
    if actor.has(Role::Admin) {
        Ok(())
    } else {
        Err(Denial::Forbidden)
    }
}

#[cfg(test)]
mod tests;
