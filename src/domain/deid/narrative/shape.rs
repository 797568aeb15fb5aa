//! How a word looks, apart from the lists it is in: a hyphenated name, a name's shape, a brand's
//! camel case, an acronym.

use super::tokens::*;
use crate::domain::deid::lexicon as lx;
use crate::domain::deid::text::Case;

/// Known as a first name or surname in every hyphenated part ("Mei-Lin").
pub(super) fn is_hyphenated_name(folded: &str) -> bool {
    folded.contains('-')
        && folded
            .split('-')
            .all(|p| p.len() >= 2 && lx::entry(p).person())
}

pub(super) fn looks_like_name(t: &Token<'_>) -> bool {
    // "They're", "We've": a contraction, not a name ("O'Brien" keeps its capital after the
    // apostrophe).
    let contraction = t
        .word
        .text
        .split(['\'', '’'])
        .nth(1)
        .is_some_and(|after| matches!(after, "re" | "ve" | "ll" | "d" | "t" | "m"));
    !contraction
        && t.word.case == Case::Title
        && t.word.text.chars().count() >= 3
        && t.word
            .text
            .split(['-', '\'', '’'])
            .all(|p| p.chars().count() >= 2 || p == "s")
}

pub(super) fn camel_case(word: &str) -> bool {
    let mut humps = 0;
    let mut prev_lower = false;
    for c in word.chars() {
        if c.is_uppercase() && prev_lower {
            humps += 1;
        }
        prev_lower = c.is_lowercase();
    }
    humps >= 1 && word.chars().filter(|c| c.is_lowercase()).count() >= 4
}

/// "DoLS", "CBTp", "OTs", "GPs": an acronym in mixed case or a plural of one, not a name
/// ("JoJo", "McKay" stay names: two capitals and a lower-case end).
pub(super) fn acronym(word: &str) -> bool {
    let letters = word.chars().count();
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let plural = word.ends_with('s') && upper + 1 == letters && upper >= 2;
    let mixed = letters <= 6 && (upper >= 3 || upper >= 2 && word.ends_with(char::is_uppercase));
    // "D6W" is a postcode's part, not an acronym.
    !word.contains(|c: char| c.is_ascii_digit()) && (plural || mixed)
}

/// Two English words run together ("Handover", "Peoplemaking"): a compound, not a name.
/// Only asked of a word in no list, so a few lookups per such word.
pub(super) fn compound_word(folded: &str) -> bool {
    folded.is_ascii()
        && folded.len() >= 6
        && (3..=folded.len() - 3)
            .any(|cut| lx::is_common_word(&folded[..cut]) && lx::is_common_word(&folded[cut..]))
}
