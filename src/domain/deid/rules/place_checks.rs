//! Checks of the place rules: a word before the rule's keyword names the ward, the street, the
//! estate or the care home ("Cedar Unit", "ravensworth ave", "Larchfield estate"); the rules
//! start at the keyword and these checks look one word back.

use super::Span;
use crate::domain::deid::Severity::{self, Block, Warn};
use crate::domain::deid::lexicon as lx;
use crate::domain::deid::text::fold;

/// "the Fox and Hounds", "the Rose and Crown": both words capitalised mid-sentence.
pub(super) fn pub_name(s: &mut Span<'_>) -> Option<Severity> {
    let before = s.before(2);
    // "the Hayling and Brixton tests", "the Tinker & Wilson child protocol": authors' work.
    #[rustfmt::skip]
    const WORKS: &[&str] = &[
        "test", "tests", "protocol", "model", "models", "approach", "scale", "scales", "method",
        "manual", "child", "framework", "questionnaire", "inventory", "criteria", "study",
        "trial", "paper", "book", "programme", "program", "technique", "battery",
    ];
    if WORKS.contains(&s.next_word().as_str()) {
        return None;
    }
    // At a sentence start "The Beck and Ellis models" is prose; a pub follows a word.
    (!before.is_empty() && !before.ends_with(['.', '\n'])).then_some(Warn)
}

/// The word before `s.start` across spaces: its start and text, when it is 3 to 20 ASCII
/// letters on the same line.
fn word_before<'a>(s: &Span<'a>) -> Option<(usize, &'a str)> {
    let head = &s.text[..s.start];
    let trimmed = head.trim_end_matches(' ');
    if trimmed.len() == head.len() || head.len() - trimmed.len() > 8 {
        return None;
    }
    let letters = trimmed
        .bytes()
        .rev()
        .take(21)
        .take_while(u8::is_ascii_alphabetic)
        .count();
    if !(3..=20).contains(&letters) {
        return None;
    }
    let start = trimmed.len() - letters;
    Some((start, &s.text[start..trimmed.len()]))
}

/// "ravensworth ave": a lower-case street whose name is no common word; the finding takes
/// the name in.
pub(super) fn lower_street(s: &mut Span<'_>) -> Option<Severity> {
    let (start, word) = word_before(s)?;
    if !word.bytes().all(|b| b.is_ascii_lowercase()) || word.len() < 4 {
        return None;
    }
    if lx::is_common_word(&word.to_ascii_lowercase()) {
        return None;
    }
    s.start = start;
    Some(Block)
}

/// "orchard street surgery": one word before the street word, whatever it is.
pub(super) fn one_word_before(s: &mut Span<'_>) -> Option<Severity> {
    let (start, _) = word_before(s)?;
    s.start = start;
    Some(Block)
}

/// "Larchfield estate": a capitalised word no word list calls common.
pub(super) fn capital_before(s: &mut Span<'_>) -> Option<Severity> {
    let (start, word) = word_before(s)?;
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) || word.len() < 4 {
        return None;
    }
    if lx::is_common_word(&word.to_ascii_lowercase()) {
        return None;
    }
    s.start = start;
    Some(Block)
}

/// "heatherlea (nursing home off the bypass)", "the Larkspur (the ED unit)": the word before the
/// bracket names the place, unless it is a common word ("a place (nursing home)").
pub(super) fn name_before_bracket(s: &mut Span<'_>) -> Option<Severity> {
    let (start, word) = word_before(s)?;
    if lx::is_common_word(&word.to_ascii_lowercase()) {
        return None;
    }
    s.start = start;
    Some(Block)
}

/// An Eircode's unique part holds a letter and a digit ("XK29"), unlike a word.
pub(super) fn eircode(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    let tail = t.rsplit(' ').next().unwrap_or(t);
    let tail = &tail[tail.len().saturating_sub(4)..];
    (tail.chars().any(|c| c.is_ascii_digit()) && tail.chars().any(|c| c.is_ascii_alphabetic()))
        .then_some(Block)
}

/// "Cedar Unit", "Elm wing", "maple ward", but not "the Intensive Care Unit" or "an acute ward":
/// the word before is a name, not a kind of care.
pub(super) fn named_unit(s: &mut Span<'_>) -> Option<Severity> {
    #[rustfmt::skip]
    const KINDS: &[&str] = &[
        "care", "intensive", "disorders", "disorder", "baby", "psychiatric", "assessment",
        "treatment", "inpatient", "admissions", "admission", "acute", "rehab", "rehabilitation",
        "secure", "forensic", "medical", "surgical", "stroke", "dementia", "respiratory",
        "maternity", "children's", "childrens", "adolescent", "adult", "older", "mental",
        "health", "eating", "crisis", "recovery", "day", "night", "the", "a", "an", "this",
        "that", "same", "other", "new", "old", "open", "locked", "general", "female", "male",
        "mixed", "psychiatry", "detox", "addictions", "neuro", "neurology", "renal", "cardiac",
        "oncology", "cancer", "palliative", "burns", "trauma", "emergency", "observation",
        "high", "low", "medium", "step-down", "specialist", "private", "nhs", "local", "hospital",
        "psych", "her", "his", "their", "our", "my", "your", "same-sex", "youth", "paediatric",
        "pediatric", "geriatric", "elderly", "perinatal", "postnatal", "antenatal", "labour",
        "delivery", "isolation", "seclusion", "behaviour", "behavior", "learning", "disability",
        "disabilities", "autism", "personality", "mood", "anxiety", "addiction", "substance",
        "alcohol", "drug", "ptsd", "ed", "icu", "picu", "hdu", "ccu", "nicu", "mbu", "one",
        "each", "every", "which", "what", "whole", "entire",
    ];
    let (start, first) = word_before(s)?;
    if KINDS.contains(&fold(first).as_str()) {
        return None;
    }
    s.start = start;
    Some(Block)
}

/// "Ward 7B", "ward 22", but not "the ward 3 times a day".
pub(super) fn ward_number(s: &mut Span<'_>) -> Option<Severity> {
    let next = s.next_word();
    (!super::checks::is_unit(&next)).then_some(Block)
}
