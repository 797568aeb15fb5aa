//! Raw account input becomes typed values here; code past this point trusts them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A syntactically plausible email address, trimmed and lowercased so that one person cannot
/// hold two accounts by changing case.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EmailProblem {
    #[error("Enter an email address.")]
    Empty,
    #[error("That email address is too long (254 characters at most).")]
    TooLong,
    #[error("Enter an email address like name@example.org.")]
    Malformed,
}

impl Email {
    pub fn parse(raw: &str) -> Result<Email, EmailProblem> {
        let s = raw.trim().to_lowercase();
        if s.is_empty() {
            return Err(EmailProblem::Empty);
        }
        if s.len() > 254 {
            return Err(EmailProblem::TooLong);
        }
        let Some((local, domain)) = s.split_once('@') else {
            return Err(EmailProblem::Malformed);
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "<>()[],;:\"@".contains(c));
        if domain_ok && local_ok {
            Ok(Email(s))
        } else {
            Err(EmailProblem::Malformed)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The name other members see next to a member's replies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayName(String);

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DisplayNameProblem {
    #[error("Enter the name other members will see (at least 2 characters).")]
    TooShort,
    #[error("That name is too long (60 characters at most).")]
    TooLong,
    #[error("A name cannot contain control characters.")]
    ControlCharacters,
    /// Direction controls or invisible characters (`domain::text::check_line`).
    #[error("{0}")]
    Unshowable(String),
    /// Draws like another member's name (`domain::text::skeleton`); checked by the store.
    #[error(
        "Another member's name looks the same as this one. Choose a name readers can tell apart, for example with your surname or title."
    )]
    LooksTaken,
    /// Draws like what the site itself shows in a name's place ("Anonymous clinician", "Former
    /// member"): a member so named could pass their signed posts off as anonymous ones.
    #[error(
        "That name is what Caseroom shows for anonymous posts and deleted accounts. Choose your own name."
    )]
    Reserved,
}

impl DisplayName {
    pub const MAX_CHARS: usize = 60;

    pub fn parse(raw: &str) -> Result<DisplayName, DisplayNameProblem> {
        // Collapse runs of whitespace so "A    B" and "A B" are the same name on the page.
        let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let n = s.chars().count();
        if s.chars().any(char::is_control) {
            return Err(DisplayNameProblem::ControlCharacters);
        }
        crate::domain::text::check_line(&s, "The name").map_err(DisplayNameProblem::Unshowable)?;
        if crate::domain::text::looks_empty(&s) {
            return Err(DisplayNameProblem::TooShort);
        }
        if n < 2 {
            return Err(DisplayNameProblem::TooShort);
        }
        if n > Self::MAX_CHARS {
            return Err(DisplayNameProblem::TooLong);
        }
        // The skeleton is the server's (its tables stay out of the browser's code).
        #[cfg(feature = "ssr")]
        {
            let drawn = crate::domain::text::skeleton(&s);
            if drawn.starts_with(&crate::domain::text::skeleton("Anonymous"))
                || drawn == crate::domain::text::skeleton("Former member")
            {
                return Err(DisplayNameProblem::Reserved);
            }
        }
        Ok(DisplayName(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse("  Ana@Example.ORG ").map(|e| e.0),
            Ok("ana@example.org".into())
        );
        for bad in [
            "",
            "   ",
            "ana",
            "ana@",
            "@example.org",
            "ana@example",
            "ana@.org",
            "a b@example.org",
            "ana@exa..mple.org",
            "<a>@example.org",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert_eq!(
            Email::parse(&format!("{}@example.org", "a".repeat(250))),
            Err(EmailProblem::TooLong)
        );
    }

    #[test]
    fn display_names_collapse_whitespace_and_respect_limits() {
        assert_eq!(
            DisplayName::parse("  Dr   Ana  ").map(|n| n.0),
            Ok("Dr Ana".into())
        );
        assert_eq!(DisplayName::parse("A"), Err(DisplayNameProblem::TooShort));
        assert_eq!(
            DisplayName::parse(&"x".repeat(61)),
            Err(DisplayNameProblem::TooLong)
        );
        assert_eq!(
            DisplayName::parse("An\u{7}a"),
            Err(DisplayNameProblem::ControlCharacters)
        );
        assert!(DisplayName::parse("Zoë Ñúñez").is_ok());
        for reserved in [
            "Anonymous clinician (Sam Peerson, visible to moderators)",
            "anonymous",
            "Former  Member",
            "F\u{43e}rmer member",
        ] {
            assert_eq!(
                DisplayName::parse(reserved),
                Err(DisplayNameProblem::Reserved),
                "{reserved}"
            );
        }
        assert!(DisplayName::parse("Former member of staff").is_ok());
    }
}
