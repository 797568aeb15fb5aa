//! Password rules for new passwords: long enough, and not a well-known password in disguise.

use std::collections::HashSet;
use std::sync::OnceLock;

/// The 30,000 most common passwords from zxcvbn's frequency lists (MIT licence, see docs/DECISIONS.md).
const COMMON: &str = include_str!("common_passwords.txt");

/// Shortest acceptable new password, in characters (shared with the form's hint).
pub const MIN_PASSWORD_CHARS: usize = 12;

/// A password that passed the rules. It is never logged, serialised or echoed back into a form.
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("Use at least {min} characters: a short sentence you will remember works well.", min = NewPassword::MIN_CHARS)]
    TooShort,
    #[error("That password is too long ({max} characters at most).", max = NewPassword::MAX_CHARS)]
    TooLong,
    #[error("That password is too common or too easy to guess. Try a few unrelated words.")]
    TooCommon,
    #[error("Do not use your email address in your password.")]
    ContainsEmail,
    #[error("The two passwords do not match.")]
    Mismatch,
}

impl NewPassword {
    pub const MIN_CHARS: usize = MIN_PASSWORD_CHARS;
    /// Bounded so that hashing cost stays bounded.
    pub const MAX_CHARS: usize = 256;

    /// Checks a new password and its confirmation. `email_local` is the part of the member's
    /// email before the `@`; a password built from it is refused.
    pub fn parse(
        password: &str,
        confirm: &str,
        email_local: &str,
    ) -> Result<NewPassword, PasswordProblem> {
        let n = password.chars().count();
        if n < Self::MIN_CHARS {
            return Err(PasswordProblem::TooShort);
        }
        if n > Self::MAX_CHARS {
            return Err(PasswordProblem::TooLong);
        }
        if password != confirm {
            return Err(PasswordProblem::Mismatch);
        }
        let lower = password.to_lowercase();
        if email_local.chars().count() >= 4 && lower.contains(&email_local.to_lowercase()) {
            return Err(PasswordProblem::ContainsEmail);
        }
        if is_guessable(&lower) {
            return Err(PasswordProblem::TooCommon);
        }
        Ok(NewPassword(password.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

fn common_set() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| COMMON.lines().filter(|l| !l.is_empty()).collect())
}

/// True for a common password, a common password padded with digits or symbols
/// ("password1234!"), a repeated chunk ("dragondragon", "abcabcabcabc"), or too few distinct
/// characters. `lower` is already lowercased.
fn is_guessable(lower: &str) -> bool {
    let common = common_set();
    if common.contains(lower) {
        return true;
    }
    let core = lower
        .trim_end_matches(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation())
        .trim_start_matches(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation());
    if core.chars().count() >= 4 && common.contains(core) {
        return true;
    }
    if is_sequence(lower) {
        return true;
    }
    let chars: Vec<char> = lower.chars().collect();
    let distinct: HashSet<char> = chars.iter().copied().collect();
    if distinct.len() < 5 {
        return true;
    }
    (1..=chars.len() / 2).any(|unit| {
        chars.len().is_multiple_of(unit) && chars.chunks(unit).all(|c| c == &chars[..unit])
    })
}

/// A run along a keyboard row, the alphabet or the digits, either way ("qwertyuiopasdfgh", "9876543210ab").
fn is_sequence(lower: &str) -> bool {
    const RUNS: [&str; 3] = [
        "qwertyuiopasdfghjklzxcvbnm",
        "abcdefghijklmnopqrstuvwxyz",
        "1234567890",
    ];
    let s: String = lower.chars().filter(char::is_ascii_alphanumeric).collect();
    let reversed: String = s.chars().rev().collect();
    // Split into maximal runs of letters and digits; each run must lie along one sequence.
    let fits = |text: &str| {
        let mut parts = Vec::new();
        let mut cur = String::new();
        for c in text.chars() {
            if !cur.is_empty()
                && cur.chars().last().map(|l| l.is_ascii_digit()) != Some(c.is_ascii_digit())
            {
                parts.push(std::mem::take(&mut cur));
            }
            cur.push(c);
        }
        parts.push(cur);
        parts
            .iter()
            .all(|p| RUNS.iter().any(|r| r.contains(p.as_str())))
    };
    s.len() >= 8 && (fits(&s) || fits(&reversed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(p: &str) -> Result<NewPassword, PasswordProblem> {
        NewPassword::parse(p, p, "ana.silva")
    }

    #[test]
    fn short_passwords_are_refused() {
        assert_eq!(check("short").err(), Some(PasswordProblem::TooShort));
        assert_eq!(check("elevenchars").err(), Some(PasswordProblem::TooShort));
        assert_eq!(
            check(&"x".repeat(257)).err(),
            Some(PasswordProblem::TooLong)
        );
    }

    #[test]
    fn common_and_disguised_common_passwords_are_refused() {
        for p in [
            "qwertyuiopasdfgh",
            "1qaz2wsx3edc",
            "password1234",
            "Password1234!",
            "!!football2024",
            "dragondragon",
            "abcabcabcabc",
            "aaaaaaaaaaaaaaaa",
            "121212121212",
            "sunshinesunshine",
        ] {
            assert_eq!(check(p).err(), Some(PasswordProblem::TooCommon), "{p}");
        }
    }

    #[test]
    fn a_password_containing_the_email_is_refused() {
        assert_eq!(
            check("my-ana.silva-pass").err(),
            Some(PasswordProblem::ContainsEmail)
        );
    }

    #[test]
    fn a_mismatched_confirmation_is_refused() {
        assert_eq!(
            NewPassword::parse("lantern orchard velvet", "lantern orchard velve", "ana").err(),
            Some(PasswordProblem::Mismatch)
        );
    }

    #[test]
    fn memorable_long_passwords_are_accepted() {
        for p in [
            "lantern orchard velvet",
            "Tidepool-Quarry-47",
            "correct horse battery staple",
        ] {
            assert!(check(p).is_ok(), "{p}");
        }
    }

    #[test]
    fn debug_output_never_shows_the_password() {
        let p = check("lantern orchard velvet").map(|p| format!("{p:?}"));
        assert_eq!(p.ok().as_deref(), Some("NewPassword(***)"));
    }
}
