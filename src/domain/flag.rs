//! Readers' flags: what a flag says, and when flags hide an item before a moderator has looked.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FlagKind {
    /// Something in it could identify a client.
    MayIdentify,
    /// The reader thinks they know the client.
    MayKnow,
    Other,
}

pub const FLAG_KINDS: [FlagKind; 3] = [FlagKind::MayIdentify, FlagKind::MayKnow, FlagKind::Other];

/// Distinct members whose "may identify" flags hide an item (supervisors and moderators hide it
/// alone).
pub const MEMBERS_TO_HIDE: i64 = 2;

impl FlagKind {
    pub fn key(self) -> &'static str {
        match self {
            FlagKind::MayIdentify => "may_identify",
            FlagKind::MayKnow => "may_know",
            FlagKind::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FlagKind::MayIdentify => "It may identify a client",
            FlagKind::MayKnow => "I may know this client",
            FlagKind::Other => "Something else",
        }
    }

    pub fn parse(raw: &str) -> Option<FlagKind> {
        FLAG_KINDS.into_iter().find(|k| k.key() == raw)
    }
}

/// Whether a new flag hides the item now: a "may identify" flag from someone whose word is
/// enough (`trusted`: supervisors, moderators, admins), or the `MEMBERS_TO_HIDE`th member's.
pub fn hides(kind: FlagKind, trusted: bool, members_flagging: i64) -> bool {
    kind == FlagKind::MayIdentify && (trusted || members_flagging >= MEMBERS_TO_HIDE)
}

/// The flagger's optional note, for the moderator.
pub fn parse_note(raw: &str) -> Result<String, String> {
    let note = crate::domain::text::check_body(raw.trim(), "The note")?;
    if crate::domain::text::looks_empty(&note) {
        return Ok(String::new());
    }
    if note.chars().count() > 500 {
        Err(
            "Keep the note under 500 characters, and do not repeat what could identify anyone."
                .into(),
        )
    } else {
        Ok(note)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn may_identify_hides_from_a_trusted_flagger_or_the_second_member() {
        assert!(hides(FlagKind::MayIdentify, true, 1));
        assert!(!hides(FlagKind::MayIdentify, false, 1));
        assert!(hides(FlagKind::MayIdentify, false, 2));
        assert!(!hides(FlagKind::MayKnow, true, 5));
        assert!(!hides(FlagKind::Other, true, 5));
    }

    #[test]
    fn kinds_parse_back_and_notes_are_bounded() {
        for k in FLAG_KINDS {
            assert_eq!(FlagKind::parse(k.key()), Some(k));
        }
        assert_eq!(FlagKind::parse("spam"), None);
        assert!(parse_note(&"x".repeat(501)).is_err());
        assert_eq!(parse_note("  the town  "), Ok("the town".to_owned()));
    }
}
