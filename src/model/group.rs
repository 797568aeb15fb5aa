//! Consultation groups as the pages show them.

use serde::{Deserialize, Serialize};

use crate::domain::group::GroupRole;
use crate::model::{GroupId, UserId};

/// A group the member may bring a case to (the composer's audience choice).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupOption {
    pub id: GroupId,
    pub name: String,
}

/// A case's audience as a reader sees it: the group's name, for the badge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupBadge {
    pub id: GroupId,
    pub name: String,
}

/// One of "my groups".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyGroup {
    pub id: GroupId,
    pub name: String,
    pub role: GroupRole,
    pub joined_at: i64,
}

/// An invitation waiting for the member's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupInvitationView {
    pub id: i64,
    pub group_name: String,
    pub role: GroupRole,
    pub invited_by: String,
    pub expires_at: i64,
}

/// A member of a group as its page lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMemberView {
    pub id: UserId,
    pub name: String,
    pub role: GroupRole,
    pub joined_at: i64,
}

/// A group case's place in the review queue, for the group's supervisors: no text (what waits
/// for review is for its author and the moderators), only where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupQueueEntry {
    pub case_id: crate::model::CaseId,
    pub state: crate::domain::review::ReviewState,
    pub claimed: bool,
    pub submitted_at: Option<i64>,
}

/// A former member, for the group's supervisors: when and why they left.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormerMemberView {
    pub name: String,
    pub left_at: i64,
    /// The reason given for a removal; `None` when they left.
    pub removal_reason: Option<String>,
}

/// A group's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupPage {
    pub id: GroupId,
    pub name: String,
    pub description: String,
    /// Who is reading (they are not offered a form to remove themselves).
    pub viewer: UserId,
    /// The reader's role in the group; `None` for a moderator or admin who is not a member.
    pub my_role: Option<GroupRole>,
    /// Invite and remove members, see the review states (group supervisors and admins).
    pub can_manage: bool,
    pub members: Vec<GroupMemberView>,
    /// For those who manage the group: its cases waiting for, or returned from, review.
    pub queue: Vec<GroupQueueEntry>,
    /// For those who manage the group: who left or was removed.
    pub former: Vec<FormerMemberView>,
    /// For those who manage the group: invitations not yet answered (invitee, expiry).
    pub pending_invitations: Vec<(String, i64)>,
}

/// "My groups": the member's groups, their pending invitations, and whether they may create
/// a group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyGroups {
    pub groups: Vec<MyGroup>,
    pub invitations: Vec<GroupInvitationView>,
    pub can_create: bool,
}
