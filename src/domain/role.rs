use serde::{Deserialize, Serialize};
use std::fmt;

/// A member's role. A user may hold several; the policy looks at the set, never at one "main" role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Clinician,
    Supervisor,
    Moderator,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Clinician,
        Role::Supervisor,
        Role::Moderator,
        Role::Admin,
    ];

    /// The stable lowercase name used in the database, on the command line and in forms.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Clinician => "clinician",
            Role::Supervisor => "supervisor",
            Role::Moderator => "moderator",
            Role::Admin => "admin",
        }
    }

    /// The word a person reads on the page.
    pub fn label(self) -> &'static str {
        match self {
            Role::Clinician => "Clinician",
            Role::Supervisor => "Supervisor",
            Role::Moderator => "Moderator",
            Role::Admin => "Admin",
        }
    }

    pub fn parse(s: &str) -> Result<Role, UnknownRole> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim().to_ascii_lowercase())
            .ok_or(UnknownRole)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role: choose clinician, supervisor, moderator or admin")]
pub struct UnknownRole;

/// The set of roles one user holds, kept sorted and free of duplicates.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Roles(Vec<Role>);

impl Roles {
    pub fn new(roles: impl IntoIterator<Item = Role>) -> Self {
        let mut v: Vec<Role> = roles.into_iter().collect();
        v.sort();
        v.dedup();
        Roles(v)
    }

    pub fn has(&self, role: Role) -> bool {
        self.0.contains(&role)
    }

    pub fn iter(&self) -> impl Iterator<Item = Role> + '_ {
        self.0.iter().copied()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_every_role_name_in_any_case() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Ok(r));
            assert_eq!(Role::parse(&r.as_str().to_uppercase()), Ok(r));
        }
        assert_eq!(Role::parse("superuser"), Err(UnknownRole));
        assert_eq!(Role::parse(""), Err(UnknownRole));
    }

    #[test]
    fn roles_are_sorted_and_deduplicated() {
        let r = Roles::new([Role::Admin, Role::Clinician, Role::Admin]);
        assert_eq!(
            r.iter().collect::<Vec<_>>(),
            vec![Role::Clinician, Role::Admin]
        );
    }
}
