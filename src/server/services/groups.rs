//! Consultation groups (docs/GROUPS.md): creating one, its page, "my groups", invitations,
//! leaving and removal. Each asks the policy first; a group the member may not see answers as
//! one that does not exist. What a group's cases say is never read here: they are read through
//! the case list and the case page, under the one visibility rule.

use super::access::signed_in;
use crate::domain::case::FieldError;
use crate::domain::group::GroupRole;
use crate::domain::policy::{Action, Actor, Denial, Target, can};
use crate::model::{GroupId, GroupOption, GroupPage, MyGroup, MyGroups, UserId};
use crate::server::error::AppError;
use crate::server::gate;
use crate::server::state::AppState;

/// How long an invitation into a group may be answered.
pub const INVITATION_DAYS: i64 = 14;

fn no_group() -> AppError {
    AppError::NotFound("There is no such group.".into())
}

/// The actor's role in the group, once the policy allows `action` there.
async fn group_for(
    state: &AppState,
    actor: &Actor,
    id: GroupId,
    action: Action,
) -> Result<Option<GroupRole>, AppError> {
    if state.store.find_group(id).await?.is_none() {
        return Err(no_group());
    }
    let role = state.store.group_role(id, actor.user_id).await?;
    match can(Some(actor), action, Target::Group(role)) {
        Ok(()) => Ok(role),
        Err(Denial::Unseen) => Err(no_group()),
        Err(denial) => Err(denial.into()),
    }
}

fn may_create(state: &AppState, actor: &Actor) -> bool {
    let target = Target::NewGroup {
        supervisors_may_create: state.config.supervisors_create_groups,
    };
    can(Some(actor), Action::CreateGroup, target).is_ok()
}

/// The groups a member may bring a case to: those they belong to now.
pub async fn options(
    state: &AppState,
    actor: Option<&Actor>,
) -> Result<Vec<GroupOption>, AppError> {
    let actor = signed_in(actor)?;
    Ok(state
        .store
        .groups_of(actor.user_id)
        .await?
        .into_iter()
        .map(|g| GroupOption {
            id: g.group_id,
            name: g.name,
        })
        .collect())
}

/// "My groups": memberships, invitations waiting for an answer, and whether they may create one.
pub async fn my_groups(state: &AppState, actor: Option<&Actor>) -> Result<MyGroups, AppError> {
    can(actor, Action::ViewMemberArea, Target::Site)?;
    let actor = signed_in(actor)?;
    let groups = state
        .store
        .groups_of(actor.user_id)
        .await?
        .into_iter()
        .map(|g| MyGroup {
            id: g.group_id,
            name: g.name,
            role: g.role,
            joined_at: g.joined_at,
        })
        .collect();
    Ok(MyGroups {
        groups,
        invitations: state
            .store
            .invitations_for(actor.user_id, state.clock.now())
            .await?,
        can_create: may_create(state, actor),
    })
}

/// A group's page: members for every reader allowed; the review states, former members and
/// open invitations only for those who manage the group.
pub async fn page(
    state: &AppState,
    actor: Option<&Actor>,
    id: GroupId,
) -> Result<GroupPage, AppError> {
    let actor = signed_in(actor)?;
    let my_role = group_for(state, actor, id, Action::ViewGroup).await?;
    let (name, description) = state.store.find_group(id).await?.ok_or_else(no_group)?;
    let can_manage = can(Some(actor), Action::ManageGroup, Target::Group(my_role)).is_ok();
    let (queue, former, pending_invitations) = if can_manage {
        (
            state.store.group_queue(id).await?,
            state.store.former_group_members(id).await?,
            state
                .store
                .open_group_invitations(id, state.clock.now())
                .await?,
        )
    } else {
        (Vec::new(), Vec::new(), Vec::new())
    };
    Ok(GroupPage {
        id,
        name,
        description,
        viewer: actor.user_id,
        my_role,
        can_manage,
        members: state.store.group_members(id).await?,
        queue,
        former,
        pending_invitations,
    })
}

/// Creates a group led by its creator.
pub async fn create(
    state: &AppState,
    actor: Option<&Actor>,
    name: &str,
    description: &str,
) -> Result<GroupId, AppError> {
    let target = Target::NewGroup {
        supervisors_may_create: state.config.supervisors_create_groups,
    };
    can(actor, Action::CreateGroup, target)?;
    let actor = signed_in(actor)?;
    let gated = gate::group(name, description)?;
    let id = state
        .store
        .create_group(&gated, actor.user_id, state.clock.now())
        .await?;
    tracing::info!(group.id = %id, actor.id = %actor.user_id, "consultation group created");
    Ok(id)
}

/// Invites a member of the forum, by email address, into the group with a role.
pub async fn invite(
    state: &AppState,
    actor: Option<&Actor>,
    group: GroupId,
    email: &str,
    role: &str,
) -> Result<(), AppError> {
    let actor = signed_in(actor)?;
    group_for(state, actor, group, Action::ManageGroup).await?;
    let field = |field: &str, message: &str| {
        AppError::InvalidFields(vec![FieldError {
            field: field.into(),
            message: message.into(),
        }])
    };
    let role = GroupRole::parse(role).ok_or_else(|| {
        field(
            "role",
            "Choose the role in the group: member or group supervisor.",
        )
    })?;
    let email = email.trim().to_lowercase();
    if email.is_empty() {
        return Err(field(
            "email",
            "Type the email address of the member to invite.",
        ));
    }
    let invitee = state
        .store
        .active_member_by_email(&email)
        .await?
        .ok_or_else(|| field("email", "There is no active member with that email address. Someone new to Caseroom needs an invitation from an admin first."))?;
    let now = state.clock.now();
    let id = state
        .store
        .invite_to_group(
            group,
            invitee,
            role,
            actor.user_id,
            now,
            now + INVITATION_DAYS * 86_400,
        )
        .await?;
    tracing::info!(group.id = %group, invitation.id = id, "group invitation sent");
    Ok(())
}

/// Accepts or declines one's own invitation. Returns the group's id.
pub async fn answer(
    state: &AppState,
    actor: Option<&Actor>,
    invitation: i64,
    accept: bool,
) -> Result<GroupId, AppError> {
    can(actor, Action::ViewMemberArea, Target::Site)?;
    let actor = signed_in(actor)?;
    let group = state
        .store
        .answer_group_invitation(invitation, actor.user_id, accept, state.clock.now())
        .await?;
    tracing::info!(group.id = %group, invitation.id = invitation, accept, "group invitation answered");
    Ok(group)
}

/// Leaves a group: access to its cases ends with this request.
pub async fn leave(
    state: &AppState,
    actor: Option<&Actor>,
    group: GroupId,
) -> Result<(), AppError> {
    let actor = signed_in(actor)?;
    group_for(state, actor, group, Action::LeaveGroup).await?;
    state
        .store
        .end_group_membership(group, actor.user_id, None, state.clock.now())
        .await?;
    tracing::info!(group.id = %group, "left a consultation group");
    Ok(())
}

/// Removes a member with a reason: their access ends with this request.
pub async fn remove(
    state: &AppState,
    actor: Option<&Actor>,
    group: GroupId,
    member: UserId,
    reason: &str,
) -> Result<(), AppError> {
    let actor = signed_in(actor)?;
    group_for(state, actor, group, Action::ManageGroup).await?;
    if member == actor.user_id {
        return Err(AppError::Conflict(
            "To leave the group yourself, use \u{201c}Leave this group\u{201d}.".into(),
        ));
    }
    let removal = gate::removal(reason)?;
    state
        .store
        .end_group_membership(
            group,
            member,
            Some((actor.user_id, &removal)),
            state.clock.now(),
        )
        .await?;
    tracing::info!(group.id = %group, member.id = %member, "member removed from a consultation group");
    Ok(())
}
