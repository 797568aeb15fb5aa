//! Checks of identifiers written out to be read aloud or to dodge a filter: numbers in words,
//! e-mails with "at" and "dot", a record's name field.

use super::Span;
use crate::domain::deid::Severity::{self, Block, Warn};

/// Digit words after the three the rule matched: "oh seven seven double-oh nine double-oh
/// three one six" is one finding. Seven words at least (fewer is a count, "one two three"), at
/// most twenty, a phone number's length.
pub(super) fn more_digit_words(s: &mut Span<'_>) -> Option<Severity> {
    const WORDS: &[&str] = &[
        "zero", "oh", "nought", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "double", "triple",
    ];
    let mut end = s.end;
    let mut words = 3;
    for _ in 0..17 {
        let rest = &s.text[end..];
        let gap = rest.len() - rest.trim_start_matches([' ', ',', '-']).len();
        if gap == 0 || gap > 3 {
            break;
        }
        let word_len = rest[gap..]
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(rest.len() - gap);
        let word = rest[gap..gap + word_len].to_ascii_lowercase();
        if !WORDS.contains(&word.as_str()) {
            break;
        }
        end += gap + word_len;
        words += 1;
    }
    s.end = end;
    (words >= 7).then_some(Block)
}

/// The same, for the rule with no keyword before: a warning.
pub(super) fn more_digit_words_warn(s: &mut Span<'_>) -> Option<Severity> {
    more_digit_words(s).map(|_| Warn)
}

/// An e-mail spelled out needs its "at" between two words that are not ordinary prose: "jo
/// dot smith at example dot com", "r.adeyemi [at] example [dot] org". The finding reaches back
/// over "jo dot " before the matched "smith".
pub(super) fn spelled_email(s: &mut Span<'_>) -> Option<Severity> {
    // The rule starts at the "at": the local part is the word before it.
    let head = s.text[..s.start].trim_end_matches(' ');
    let local = head
        .bytes()
        .rev()
        .take(41)
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
        .count();
    if local == 0 || local > 40 {
        return None;
    }
    s.start = head.len() - local;
    for _ in 0..3 {
        let before = &s.text[..s.start];
        let Some(head) = before
            .strip_suffix(" dot ")
            .or_else(|| before.strip_suffix(" [dot] "))
        else {
            break;
        };
        let word = head
            .rsplit(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("");
        if word.is_empty() || word.len() > 40 {
            break;
        }
        s.start = head.len() - word.len();
    }
    let t = s.get().to_ascii_lowercase();
    let bracketed = t.contains("[at]") || t.contains("(at)");
    let dots = t.matches(" dot ").count() + t.matches("[dot]").count() + t.matches("(dot)").count();
    let tld = [
        "com", "org", "net", "uk", "ie", "ca", "au", "nz", "edu", "gov", "io", "co", "in",
    ]
    .iter()
    .any(|d| t.ends_with(d));
    ((bracketed || dots >= 1) && tld).then_some(Block)
}

/// The value of a name field, unless it is a placeholder ("unknown", "n/a", "redacted").
pub(super) fn name_value(s: &mut Span<'_>) -> Option<Severity> {
    let v = s.get().to_ascii_lowercase();
    #[rustfmt::skip]
    const PLACEHOLDERS: &[&str] = &[
        "unknown", "n/a", "na", "none", "redacted", "withheld", "tbc", "not given", "anonymous",
        "the client", "client", "patient", "unassigned", "pending",
    ];
    (!PLACEHOLDERS
        .iter()
        .any(|p| v == *p || v.starts_with(&format!("{p} "))))
    .then_some(Block)
}
