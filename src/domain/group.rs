//! Consultation groups as pure rules (docs/GROUPS.md): a member's role inside one group, and
//! what makes a group's name acceptable and unique.

use serde::{Deserialize, Serialize};

use crate::model::GroupId;

/// A member's role inside one group. A group supervisor leads the group (invites and removes
/// its members); it is not the forum's supervisor role and gives no moderator powers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupRole {
    Member,
    Supervisor,
}

impl GroupRole {
    /// The stable name used in the database and in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupRole::Member => "member",
            GroupRole::Supervisor => "supervisor",
        }
    }

    pub fn parse(s: &str) -> Option<GroupRole> {
        match s {
            "member" => Some(GroupRole::Member),
            "supervisor" => Some(GroupRole::Supervisor),
            _ => None,
        }
    }

    /// The words a person reads on the page.
    pub fn label(self) -> &'static str {
        match self {
            GroupRole::Member => "Member",
            GroupRole::Supervisor => "Group supervisor",
        }
    }
}

/// Where a reader stands towards a case's audience, as the visibility rule needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Audience {
    /// The whole forum.
    Forum,
    /// One consultation group; `member` is whether this reader belongs to it now (as any role).
    Group { id: GroupId, member: bool },
}

impl Audience {
    pub fn group(self) -> Option<GroupId> {
        match self {
            Audience::Forum => None,
            Audience::Group { id, .. } => Some(id),
        }
    }
}

pub const NAME_MIN: usize = 3;
pub const NAME_MAX: usize = 80;
pub const DESCRIPTION_MAX: usize = 2000;
pub const REMOVAL_REASON_MAX: usize = 500;

/// A group's name folded for uniqueness: lower case, runs of white space as one space.
pub fn group_name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The name as it will be kept (white space runs folded), or the sentence that says what to
/// change. Names are plain text: markup characters are refused rather than silently dropped.
pub fn check_group_name(name: &str) -> Result<String, &'static str> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars = name.chars().count();
    if chars < NAME_MIN {
        return Err("A group's name needs at least 3 characters.");
    }
    if chars > NAME_MAX {
        return Err("A group's name can be at most 80 characters.");
    }
    if name.chars().any(|c| c == '<' || c == '>' || c.is_control()) {
        return Err("A group's name is plain text: leave out < and >.");
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_for_uniqueness_and_refuse_markup() {
        assert_eq!(
            group_name_key("  Tuesday \t Peer  GROUP "),
            "tuesday peer group"
        );
        assert_eq!(
            check_group_name("  Tuesday   peer group "),
            Ok("Tuesday peer group".to_owned())
        );
        assert!(check_group_name("ab").is_err());
        assert!(check_group_name(&"x".repeat(81)).is_err());
        assert!(check_group_name(&"é".repeat(80)).is_ok());
        assert!(check_group_name("<b>Team</b>").is_err());
        assert!(check_group_name("Team \u{7}bell").is_err());
    }

    #[test]
    fn roles_round_trip() {
        for role in [GroupRole::Member, GroupRole::Supervisor] {
            assert_eq!(GroupRole::parse(role.as_str()), Some(role));
        }
        assert_eq!(GroupRole::parse("admin"), None);
    }
}
