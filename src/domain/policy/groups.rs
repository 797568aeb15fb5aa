//! What a member may do with a consultation group (docs/GROUPS.md). A group's page is seen by
//! its current members and by moderators and admins (who see its cases to review them); to
//! anyone else the group does not exist. Leading a group is a role inside it, given by an
//! invitation, not the forum's supervisor role.

use super::{Action, Actor, Denial, Target, is_moderator};
use crate::domain::group::GroupRole;
use crate::domain::role::Role;

pub(super) fn sees_group(actor: &Actor, role: Option<GroupRole>) -> bool {
    role.is_some() || is_moderator(actor)
}

/// The group actions, after `can` refused a group the actor may not see.
pub(super) fn can_in_group(actor: &Actor, action: Action, target: Target) -> Result<(), Denial> {
    match (action, target) {
        (
            Action::CreateGroup,
            Target::NewGroup {
                supervisors_may_create,
            },
        ) => {
            if actor.has(Role::Admin) || (supervisors_may_create && actor.has(Role::Supervisor)) {
                Ok(())
            } else {
                Err(Denial::Forbidden)
            }
        }
        (Action::ViewGroup, Target::Group(_)) => Ok(()),
        (Action::ManageGroup, Target::Group(role))
            if role == Some(GroupRole::Supervisor) || actor.has(Role::Admin) =>
        {
            Ok(())
        }
        (Action::LeaveGroup | Action::BringCaseToGroup, Target::Group(Some(_))) => Ok(()),
        _ => Err(Denial::Forbidden),
    }
}
