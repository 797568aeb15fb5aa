//! Review before publication: the states a case passes through, the two de-identification
//! checklists, and the reason a moderator gives when a case goes back to its author.

mod checklist;
mod diff;

pub use checklist::{
    AUTHOR_ITEMS, AuthorChecklist, ChecklistItem, DISGUISES, Disguise, MODERATOR_ITEMS,
    ModeratorChecklist, Tick,
};
pub use diff::{DiffRow, line_diff};

use serde::{Deserialize, Serialize};

/// Where a case stands with the moderators. Only `Approved` cases reach peers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReviewState {
    /// Waiting in the review queue (a new case, a resubmission, or an edit).
    Pending,
    /// Sent back to the author with a reason; the author edits and resubmits.
    Returned,
    /// Refused with a reason; it stays visible to its author and moderators only.
    Rejected,
    Approved,
}

impl ReviewState {
    pub const ALL: [ReviewState; 4] = [
        ReviewState::Pending,
        ReviewState::Returned,
        ReviewState::Rejected,
        ReviewState::Approved,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ReviewState::Pending => "pending",
            ReviewState::Returned => "returned",
            ReviewState::Rejected => "rejected",
            ReviewState::Approved => "approved",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ReviewState::Pending => "Pending review",
            ReviewState::Returned => "Returned to you",
            ReviewState::Rejected => "Not published",
            ReviewState::Approved => "Published",
        }
    }

    pub fn parse(raw: &str) -> Option<ReviewState> {
        Self::ALL.into_iter().find(|s| s.key() == raw)
    }

    pub fn is_published(self) -> bool {
        self == ReviewState::Approved
    }
}

/// What a moderator decides about a pending case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    Approve,
    /// Back to the author to change and resubmit.
    Return,
    Reject,
}

impl Decision {
    /// The state the case is in afterwards, which is also the stored decision's name.
    pub fn outcome(self) -> ReviewState {
        match self {
            Decision::Approve => ReviewState::Approved,
            Decision::Return => ReviewState::Returned,
            Decision::Reject => ReviewState::Rejected,
        }
    }

    pub fn parse(raw: &str) -> Option<Decision> {
        match raw {
            "approve" => Some(Decision::Approve),
            "return" => Some(Decision::Return),
            "reject" => Some(Decision::Reject),
            _ => None,
        }
    }
}

/// The reason a moderator gives the author for returning or rejecting a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason(String);

impl Reason {
    pub const MIN: usize = 10;
    pub const MAX: usize = 2000;

    pub fn parse(raw: &str) -> Result<Reason, String> {
        let text = crate::domain::text::check_body(raw.trim(), "The reason")?;
        let text = text.as_str();
        let chars = if crate::domain::text::looks_empty(text) {
            0
        } else {
            text.chars().count()
        };
        if chars < Self::MIN {
            Err(format!(
                "Tell the author why, in at least {} characters: they will read it.",
                Self::MIN
            ))
        } else if chars > Self::MAX {
            Err(format!("Keep the reason under {} characters.", Self::MAX))
        } else {
            Ok(Reason(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_and_decisions_parse_back_and_unknown_values_are_refused() {
        for s in ReviewState::ALL {
            assert_eq!(ReviewState::parse(s.key()), Some(s));
        }
        assert_eq!(ReviewState::parse("open"), None);
        assert_eq!(Decision::parse("approve"), Some(Decision::Approve));
        assert_eq!(
            Decision::parse("return").map(Decision::outcome),
            Some(ReviewState::Returned)
        );
        assert_eq!(Decision::parse("publish"), None);
        assert!(ReviewState::Approved.is_published());
        assert!(!ReviewState::Pending.is_published());
    }

    #[test]
    fn a_reason_is_trimmed_and_must_say_something() {
        assert!(Reason::parse("   no  ").is_err());
        assert!(Reason::parse(&"x".repeat(2001)).is_err());
        assert_eq!(
            Reason::parse("  Remove the school's name.  ").map(|r| r.as_str().to_owned()),
            Ok("Remove the school's name.".to_owned())
        );
    }
}
