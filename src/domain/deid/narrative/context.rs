//! What the words around a capitalised run say about it: a person (a speech verb, kin before
//! or in the next cell, an age after, a nickname), or a place (a preposition before).

use super::tokens::*;
use crate::domain::deid::text::Case;

/// Family and pets: after a name in a genogram's next cell they say who the name is (the
/// `KIN_CELL` flag, so the check is one bit per call).
pub(super) const KIN: &[&str] = &[
    "mother",
    "mum",
    "mom",
    "father",
    "dad",
    "stepfather",
    "stepmother",
    "stepdad",
    "stepmum",
    "stepmom",
    "sister",
    "brother",
    "son",
    "daughter",
    "husband",
    "wife",
    "partner",
    "grandmother",
    "grandfather",
    "grandma",
    "grandpa",
    "nan",
    "gran",
    "aunt",
    "uncle",
    "cousin",
    "niece",
    "nephew",
    "boyfriend",
    "girlfriend",
    "stepson",
    "stepdaughter",
    "half-brother",
    "half-sister",
    "twin",
    "dog",
    "cat",
    "ex-partner",
    "ex-husband",
    "ex-wife",
    "fiance",
    "fiancee",
    "carer",
    "guardian",
    "grandson",
    "granddaughter",
];

/// What the words just around `tokens[i]` say about it.
pub(super) struct Context {
    pub(super) nickname: bool,
    pub(super) person: bool,
    pub(super) strong_person: bool,
    pub(super) place: bool,
    /// Right after a word for a person or a pet: "her dog Biscuit", "my client Hope".
    pub(super) after_relation: bool,
}

pub(super) fn context(text: &str, tokens: &[Token<'_>], start: usize, end: usize) -> Context {
    let last = &tokens[end - 1];
    let next = tokens.get(end);
    let prev = start.checked_sub(1).map(|p| &tokens[p]);
    let strong_next = next.is_some_and(|n| n.has(STRONG_AFTER) && n.word.case == Case::Lower);
    let person_next = next.is_some_and(|n| n.has(AFTER_PERSON) && n.word.case == Case::Lower);
    // Never across a sentence: "…his dad. CBTp focused…".
    let joined = !tokens[start].word.sentence_start;
    let relation_before =
        joined && prev.is_some_and(|p| p.has(RELATION) && p.word.case == Case::Lower);
    // "Rose's GAD-7": a person's score.
    let possessive_relation = last.possessive
        && next.is_some_and(|n| {
            n.has(RELATION) || n.word.text.chars().filter(|c| c.is_uppercase()).count() >= 2
        });
    // "| Dawn | mother |", "Dawn (mother)", "Dawn, mother,": kin in the next cell.
    let relation_after = next.is_some_and(|n| {
        n.has(KIN_CELL)
            && n.word.case == Case::Lower
            && text[last.word.end..n.word.start]
                .chars()
                .all(|c| matches!(c, ' ' | '\n' | '|' | ',' | '(' | ':' | '—' | '–' | '-'))
            && text[last.word.end..n.word.start] != *" "
    });
    // "Hope (17)", "Grace, 70s", "Tomasz, 34": an age right after a name.
    let age_after = {
        let rest = text[last.word.end..].trim_start_matches(['\'', '’', 's']);
        let rest = rest
            .strip_prefix(" (")
            .or_else(|| rest.strip_prefix(", "))
            .unwrap_or("");
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        (1..=2).contains(&digits)
            && (rest.len() == digits
                || rest[digits..].starts_with([')', 's', ',', ' ', 'M', 'F', 'y', ':', ';', '.']))
            && !rest[digits..].starts_with(" %")
            // "India, 20", "Son (15)": a place or a word for a person is not named by an age.
            && !last.entry().region()
            && !last.has(RELATION)
    };
    // The object of a speech verb ("told Grace"), a nickname ("calls him Stretch").
    let object = joined
        && prev.is_some_and(|p| {
            p.has(STRONG_AFTER)
                && p.word.case == Case::Lower
                && text[p.word.end..tokens[start].word.start] == *" "
        });
    let nickname = start >= 2
        && matches!(tokens[start - 1].word.text, "him" | "her" | "them" | "me")
        && matches!(
            tokens[start - 2].folded.as_ref(),
            "calls" | "called" | "call" | "nicknamed" | "named"
        );
    Context {
        nickname,
        person: person_next || relation_before || last.possessive,
        strong_person: strong_next
            || relation_before
            || possessive_relation
            || relation_after
            || age_after
            || object
            || nickname
            || appositive(text, tokens, start, end),
        place: prev.is_some_and(|p| p.has(PLACE_PREP) && p.word.case == Case::Lower),
        after_relation: relation_before
            && text[prev.map_or(0, |p| p.word.end)..tokens[start].word.start] == *" ",
    }
}

/// "Another member, Rose, a 92-year-old": a name set off by commas after a word.
fn appositive(text: &str, tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    let (Some(prev), Some(next)) = (start.checked_sub(1).map(|p| &tokens[p]), tokens.get(end))
    else {
        return false;
    };
    let before = &text[prev.word.end..tokens[start].word.start];
    let after = &text[tokens[end - 1].word.end..next.word.start];
    before == ", " && (after == ", " || after == " (") && prev.word.case == Case::Lower
}
