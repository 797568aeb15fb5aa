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
mod tests {
    use super::*;

    fn actor(id: i64, roles: &[Role]) -> Actor {
        Actor {
            user_id: UserId(id),
            roles: Roles::new(roles.iter().copied()),
        }
    }

    #[test]
    fn visitors_must_sign_in_for_everything() {
        for action in [
            Action::ViewMemberArea,
            Action::ChangeOwnPassword,
            Action::ListUsers,
            Action::ChangeRoles,
            Action::SetAccountDisabled,
            Action::CreateInvite,
            Action::ListInvites,
            Action::CreateCase,
            Action::ViewCase,
            Action::EditCase,
            Action::Reply,
            Action::EditReply,
            Action::ManageOwnCase,
            Action::SeeAnonymousAuthor,
            Action::ViewRevisions,
            Action::ViewAuditLog,
            Action::Redact,
        ] {
            assert_eq!(
                can(None, action, Target::Site),
                Err(Denial::SignInRequired),
                "{action:?}"
            );
        }
    }

    #[test]
    fn the_role_by_action_table_holds() {
        use Action::*;
        let other = Target::User(UserId(99));
        let mine = Target::Case { author: UserId(1) };
        let theirs = Target::Case { author: UserId(2) };
        type Row = (&'static [Role], Action, Target, Result<(), Denial>);
        let table: &[Row] = &[
            (&[Role::Clinician], ViewMemberArea, Target::Site, Ok(())),
            (&[Role::Clinician], ChangeOwnPassword, Target::Site, Ok(())),
            (
                &[Role::Clinician],
                ListUsers,
                Target::Site,
                Err(Denial::Forbidden),
            ),
            (
                &[Role::Clinician],
                CreateInvite,
                Target::Site,
                Err(Denial::Forbidden),
            ),
            (
                &[Role::Clinician],
                ChangeRoles,
                other,
                Err(Denial::Forbidden),
            ),
            (
                &[Role::Supervisor],
                ListUsers,
                Target::Site,
                Err(Denial::Forbidden),
            ),
            (
                &[Role::Supervisor],
                ListInvites,
                Target::Site,
                Err(Denial::Forbidden),
            ),
            (
                &[Role::Moderator],
                ListUsers,
                Target::Site,
                Err(Denial::Forbidden),
            ),
            (
                &[Role::Moderator],
                SetAccountDisabled,
                other,
                Err(Denial::Forbidden),
            ),
            (
                &[Role::Moderator],
                CreateInvite,
                Target::Site,
                Err(Denial::Forbidden),
            ),
            (&[Role::Admin], ListUsers, Target::Site, Ok(())),
            (&[Role::Admin], ViewAuditLog, Target::Site, Ok(())),
            (&[Role::Moderator], Redact, theirs, Ok(())),
            (&[Role::Admin], Redact, theirs, Ok(())),
            (&[Role::Clinician], Redact, mine, Err(Denial::Forbidden)),
            (&[Role::Supervisor], Redact, theirs, Err(Denial::Forbidden)),
            (
                &[Role::Moderator],
                ViewAuditLog,
                Target::Site,
                Err(Denial::Forbidden),
            ),
            (
                &[Role::Supervisor, Role::Clinician],
                ViewAuditLog,
                Target::Site,
                Err(Denial::Forbidden),
            ),
            (&[Role::Admin], ListInvites, Target::Site, Ok(())),
            (&[Role::Admin], CreateInvite, Target::Site, Ok(())),
            (&[Role::Admin], ChangeRoles, other, Ok(())),
            (&[Role::Admin], SetAccountDisabled, other, Ok(())),
            (&[Role::Clinician, Role::Admin], ChangeRoles, other, Ok(())),
            (&[Role::Clinician], CreateCase, Target::Site, Ok(())),
            (&[Role::Supervisor], CreateCase, Target::Site, Ok(())),
            (
                &[Role::Moderator],
                CreateCase,
                Target::Site,
                Err(Denial::Forbidden),
            ),
            (
                &[Role::Admin],
                CreateCase,
                Target::Site,
                Err(Denial::Forbidden),
            ),
            (&[Role::Clinician], ViewCase, theirs, Ok(())),
            (&[Role::Clinician], Reply, theirs, Ok(())),
            (&[Role::Clinician], EditCase, mine, Ok(())),
            (&[Role::Clinician], EditCase, theirs, Err(Denial::Forbidden)),
            (&[Role::Admin], EditCase, theirs, Err(Denial::Forbidden)),
            (&[Role::Moderator], EditCase, theirs, Err(Denial::Forbidden)),
            (&[Role::Clinician], ManageOwnCase, mine, Ok(())),
            (
                &[Role::Supervisor],
                ManageOwnCase,
                theirs,
                Err(Denial::Forbidden),
            ),
            (
                &[Role::Clinician],
                EditReply,
                Target::Reply { author: UserId(1) },
                Ok(()),
            ),
            (
                &[Role::Supervisor],
                EditReply,
                Target::Reply { author: UserId(2) },
                Err(Denial::Forbidden),
            ),
            (
                &[Role::Clinician],
                SeeAnonymousAuthor,
                theirs,
                Err(Denial::Forbidden),
            ),
            (
                &[Role::Supervisor],
                SeeAnonymousAuthor,
                theirs,
                Err(Denial::Forbidden),
            ),
            (&[Role::Moderator], SeeAnonymousAuthor, theirs, Ok(())),
            (&[Role::Admin], SeeAnonymousAuthor, theirs, Ok(())),
            (
                &[Role::Clinician],
                ViewRevisions,
                mine,
                Err(Denial::Forbidden),
            ),
            (&[Role::Moderator], ViewRevisions, theirs, Ok(())),
        ];
        for (roles, action, target, expected) in table {
            assert_eq!(
                can(Some(&actor(1, roles)), *action, *target),
                *expected,
                "{roles:?} {action:?} {target:?}"
            );
        }
    }

    #[test]
    fn an_admin_cannot_change_their_own_roles_or_disable_themselves() {
        let admin = actor(7, &[Role::Admin]);
        let me = Target::User(UserId(7));
        assert_eq!(
            can(Some(&admin), Action::ChangeRoles, me),
            Err(Denial::OwnAccount)
        );
        assert_eq!(
            can(Some(&admin), Action::SetAccountDisabled, me),
            Err(Denial::OwnAccount)
        );
    }

    #[test]
    fn a_member_with_no_roles_left_can_still_only_reach_member_pages() {
        let nobody = actor(3, &[]);
        assert_eq!(
            can(Some(&nobody), Action::ViewMemberArea, Target::Site),
            Ok(())
        );
        assert_eq!(
            can(Some(&nobody), Action::ListUsers, Target::Site),
            Err(Denial::Forbidden)
        );
    }
}
