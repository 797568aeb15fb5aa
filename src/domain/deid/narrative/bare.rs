//! Names with little around them, which the recall-first rules read: one capital letter
//! standing for a person, a first name that is also a word opening a sentence with a person's
//! action after it, and ordinary words naming a venue after "at" or "joined".

use super::citation::derived_word;
use super::context::context;
use super::tokens::*;
use crate::domain::deid::text::Case;
use crate::domain::deid::{Category, Severity};

/// Nouns that a single capital letter labels ("Plan B", "vitamin D", "Type 2"): not a person.
#[rustfmt::skip]
const LABELLED_BY_LETTER: &[&str] = &[
    "plan", "vitamin", "type", "grade", "option", "part", "section", "hepatitis", "class",
    "cluster", "block", "wing", "ward", "bay", "bed", "room", "step", "stage", "level", "tier",
    "band", "year", "appendix", "figure", "table", "box", "category", "axis", "group", "team",
    "side", "scenario", "criterion", "point", "item", "form", "schedule", "unit", "floor", "gate",
    "platform", "row", "seat", "letter", "a", "an", "the", "and", "or", "to", "of", "vs", "x",
];

/// "her brother K was stabbed", "R. (mid 20s)", "R.'s care coordinator": one capital letter
/// standing for a person, told by the words around it.
pub(super) fn initial_as_person(
    text: &str,
    tokens: &[Token<'_>],
    i: usize,
    run_start: usize,
    run_end: usize,
) -> Option<(Category, Severity)> {
    let t = &tokens[i];
    if run_end - run_start != 1 || t.word.text == "I" || t.word.text == "A" && t.word.sentence_start
    {
        return None;
    }
    if i.checked_sub(1)
        .is_some_and(|p| LABELLED_BY_LETTER.contains(&tokens[p].folded.as_ref()))
    {
        return None;
    }
    // "29F", "PG-13-R", "T/F": part of a code or a sex marker, not a person.
    let glued = text[..t.word.start]
        .bytes()
        .next_back()
        .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'/' | b'+' | b'.'));
    if glued {
        return None;
    }
    let after = &text[t.word.end..];
    let after = after.strip_prefix('.').unwrap_or(after);
    let ctx = context(text, tokens, i, i + 1);
    let verb_next = tokens
        .get(i + 1)
        .is_some_and(|n| n.has(AFTER_PERSON) && n.word.case == Case::Lower);
    let age_next = after.starts_with(" (")
        && after[2..].starts_with(|c: char| c.is_ascii_digit() || c == 'm' || c == 'l' || c == 'e');
    let possessive = after.starts_with("'s ") || after.starts_with("’s ");
    // "M" and "F" are most often a sex ("client M, 34"): only as an owner.
    let sex = matches!(t.word.text, "M" | "F");
    (possessive || !sex && (ctx.strong_person || verb_next || age_next))
        .then_some((Category::Name, Severity::Warn))
}

/// Things only a person does, without the auxiliaries ("is", "has") and the verbs an idea
/// takes as well ("Hope feels far away", "Grief comes in waves").
#[rustfmt::skip]
const ACTIONS: &[&str] = &[
    "said", "says", "told", "tells", "asked", "asks", "cancelled", "canceled", "cancels", "rang",
    "rings", "messaged", "emailed", "phoned", "texted", "came", "left", "went", "arrived",
    "missed", "skipped", "attended", "refused", "refuses", "cried", "moved", "walked", "brought",
    "visited", "visits", "stayed", "drank", "hit", "died", "insists", "insisted", "denies",
    "denied", "spoke", "admitted", "admits", "disclosed", "shouted", "screamed", "laughed",
    "smiled", "wrote",
];

pub(super) fn acts_next(text: &str, tokens: &[Token<'_>], i: usize) -> bool {
    tokens.get(i + 1).is_some_and(|n| {
        n.word.case == Case::Lower
            && text[tokens[i].word.end..n.word.start] == *" "
            && ACTIONS.contains(&n.folded.as_ref())
    })
}

/// Verbs and prepositions after which ordinary words with capitals name a place one goes to:
/// "front desk at Anvil Strength", "joined Harmony Rising", "boxing at the Phoenix".
const TO_A_VENUE: &[&str] = &[
    "at",
    "joined",
    "joins",
    "attends",
    "attended",
    "attending",
    "from",
];

/// One to three ordinary words, each capitalised, in mid-sentence right after `TO_A_VENUE`
/// (or after it and "the"): a gym, a congregation, a club or a unit with a name.
pub(super) fn venue(text: &str, tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    let first = &tokens[start];
    if end - start > 3 || first.word.sentence_start || first.word.title_line {
        return false;
    }
    // The word before first: most runs have none of these, and the lexicon is asked only then.
    let joined = |a: &Token<'_>, b: &Token<'_>| {
        a.word.case == Case::Lower && text[a.word.end..b.word.start] == *" "
    };
    let Some(prev) = start.checked_sub(1).map(|p| &tokens[p]) else {
        return false;
    };
    if !joined(prev, first) {
        return false;
    }
    let verb = if prev.folded == "the" {
        start
            .checked_sub(2)
            .map(|p| &tokens[p])
            .filter(|v| joined(v, prev))
    } else {
        Some(prev)
    };
    if !verb.is_some_and(|v| TO_A_VENUE.contains(&v.folded.as_ref())) {
        return false;
    }
    // "now at The Laurels": a capitalised "The" is part of the name.
    let body = if first.folded == "the" {
        start + 1
    } else {
        start
    };
    if body == end {
        return false;
    }
    // "at Step 2": a level, not a place.
    let numbered = tokens
        .get(end)
        .is_some_and(|n| n.word.text.starts_with(|c: char| c.is_ascii_digit()));
    if numbered {
        return false;
    }
    let ordinary = tokens[body..end].iter().all(|t| {
        t.word.case == Case::Title
            && t.flags & !(ORG_SUFFIX | AREA) == 0
            && !t.possessive
            && t.word.text.len() >= 3
            && {
                let e = t.entry();
                e.common() && !e.region() && !derived_word(&t.folded)
            }
    });
    // "from Grace", "at Will's": a first name alone is a person, read by the word pass.
    ordinary && !(end - body == 1 && tokens[body].entry().first_name())
}
