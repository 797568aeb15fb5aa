//! Deciding what a run of capitalised words is: a name, a place, an organization or nothing,
//! from the word lists and the words around it.

use super::tokens::*;
use super::{push, single_initial};
use crate::domain::deid::lexicon as lx;
use crate::domain::deid::text::Case;
use crate::domain::deid::{Category, Hit, Severity};

/// What the words just around `tokens[i]` say about it.
struct Context {
    nickname: bool,
    person: bool,
    strong_person: bool,
    place: bool,
}

fn context(text: &str, tokens: &[Token<'_>], start: usize, end: usize) -> Context {
    let last = &tokens[end - 1];
    let next = tokens.get(end);
    let prev = start.checked_sub(1).map(|p| &tokens[p]);
    let strong_next = next.is_some_and(|n| n.has(STRONG_AFTER) && n.word.case == Case::Lower);
    let person_next = next.is_some_and(|n| n.has(AFTER_PERSON) && n.word.case == Case::Lower);
    // Never across a sentence: "…his dad. CBTp focused…".
    let joined = !tokens[start].word.sentence_start;
    let relation_before =
        joined && prev.is_some_and(|p| p.has(RELATION) && p.word.case == Case::Lower);
    let possessive_relation = last.possessive && next.is_some_and(|n| n.has(RELATION));
    // The object of a speech verb ("told Grace"), a nickname ("calls him Stretch").
    let object = joined
        && prev.is_some_and(|p| {
            p.has(STRONG_AFTER)
                && p.word.case == Case::Lower
                && text[p.word.end..tokens[start].word.start] == *" "
        });
    let nickname = start >= 2
        && matches!(tokens[start - 1].word.text, "him" | "her" | "them")
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
            || object
            || nickname
            || appositive(text, tokens, start, end),
        place: prev.is_some_and(|p| p.has(PLACE_PREP) && p.word.case == Case::Lower),
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

fn distinctive(t: &Token<'_>) -> bool {
    if t.has(CONNECTOR) || t.has(CLINICAL) {
        return false;
    }
    let e = lx::entry(&t.folded);
    !e.common() || e.person() || e.place()
}

pub(super) fn classify_run(
    text: &str,
    tokens: &[Token<'_>],
    start: usize,
    end: usize,
    hits: &mut Vec<Hit>,
) {
    let first = &tokens[start];
    let last = &tokens[end - 1];
    let span = |a: usize, b: usize| (tokens[a].word.start, tokens[b - 1].word.end);
    let len = end - start;

    // "Mr. Okafor", "Mrs K", "Dr Hale", "Auntie Bea".
    if len >= 2 && (first.has(TITLE) || first.has(SOFT_TITLE)) {
        let named = &tokens[start + 1];
        let theorist = named.has(CLINICAL) && !first.has(TITLE);
        if !theorist && (first.has(TITLE) || distinctive(named) || single_initial(named)) {
            let (a, b) = span(start, end);
            push(hits, a, b, Category::Name, Severity::Block);
            return;
        }
    }
    if len >= 2 && !first.word.title_line {
        let others = || tokens[start..end - 1].iter();
        if last.has(ORG_SUFFIX) && others().any(distinctive) {
            let (a, b) = span(start, end);
            push(hits, a, b, Category::Organization, Severity::Block);
            return;
        }
        if first.has(ORG_HEAD) && len >= 3 && tokens[start + 1].has(CONNECTOR) {
            let (a, b) = span(start, end);
            push(hits, a, b, Category::Organization, Severity::Block);
            return;
        }
        if last.has(STREET) && !last.has(ORG_SUFFIX) {
            let (a, b) = span(start, end);
            push(hits, a, b, Category::Location, Severity::Block);
            return;
        }
        if last.has(AREA) && others().any(distinctive) {
            let (a, b) = span(start, end);
            push(hits, a, b, Category::Location, Severity::Block);
            return;
        }
    }
    // Multi-word places: "San Jose", "Fort Wayne", "Salt Lake City".
    let mut i = start;
    let mut name_from: Option<(usize, Severity)> = None;
    let flush = |hits: &mut Vec<Hit>, name_from: &mut Option<(usize, Severity)>, upto: usize| {
        if let Some((from, sev)) = name_from.take() {
            let (a, b) = span(from, upto);
            push(hits, a, b, Category::Name, sev);
        }
    };
    while i < end {
        if let Some(n) = multi_word_place(tokens, i, end) {
            flush(hits, &mut name_from, i);
            let (a, b) = span(i, i + n);
            push(hits, a, b, Category::Location, Severity::Block);
            i += n;
            continue;
        }
        match classify_word(text, tokens, i, start, end) {
            Some((Category::Name, sev)) => {
                name_from = match name_from {
                    Some((from, s)) => Some((from, s.max(sev))),
                    None => Some((i, sev)),
                };
            }
            Some((category, sev)) => {
                flush(hits, &mut name_from, i);
                let (a, b) = span(i, i + 1);
                push(hits, a, b, category, sev);
            }
            None => {
                // An unknown surname right after a known first name: "José Okonkwo-Bates".
                let joins = name_from.is_some()
                    && tokens[i].word.capitalised()
                    && !lx::is_common_word(&tokens[i].folded)
                    && !tokens[i].has(CLINICAL | CALENDAR | ORG_SUFFIX | STREET | AREA);
                if !joins {
                    flush(hits, &mut name_from, i);
                }
            }
        }
        i += 1;
    }
    flush(hits, &mut name_from, end);
}

fn multi_word_place(tokens: &[Token<'_>], i: usize, end: usize) -> Option<usize> {
    for n in [3usize, 2] {
        if i + n > end {
            continue;
        }
        let joined = tokens[i..i + n]
            .iter()
            .map(|t| t.folded.as_ref())
            .collect::<Vec<_>>()
            .join(" ");
        let e = lx::entry(&joined);
        if e.place() && !e.region() {
            return Some(n);
        }
    }
    None
}

fn classify_word(
    text: &str,
    tokens: &[Token<'_>],
    i: usize,
    run_start: usize,
    run_end: usize,
) -> Option<(Category, Severity)> {
    use Category::{Location, Name, Organization};
    use Severity::{Block, Warn};
    let t = &tokens[i];
    if !t.word.capitalised() || t.word.title_line || t.has(CONNECTOR) {
        return None;
    }
    let letters = t.word.text.chars().count();
    if letters < 2 || (t.word.case == Case::Upper && letters > 1) {
        return None;
    }
    // "Gottman-informed", "Small-town", "T-scores": adjectives, not names.
    if t.word
        .text
        .rsplit('-')
        .next()
        .is_some_and(|p| p.starts_with(|c: char| c.is_lowercase()))
        && t.word.text.contains('-')
    {
        return None;
    }
    let f = t.folded.as_ref();
    // Context of the whole run for its last word, of the word itself otherwise.
    let ctx = context(
        text,
        tokens,
        run_start.max(i),
        if i + 1 == run_end { run_end } else { i + 1 },
    );
    let place_ctx = context(text, tokens, i, i + 1).place && i == run_start;
    let e = lx::entry(f);
    let name = e.person() || is_hyphenated_name(f);
    let common = e.common();
    if t.has(CLINICAL) {
        // "Beck's model" is a theorist; "Kelly said" is a person.
        let strong_next = tokens.get(i + 1).is_some_and(|n| n.has(STRONG_AFTER));
        return (strong_next && e.first_name() && !common).then_some((Name, Block));
    }
    if t.has(CALENDAR) {
        // "June has dominated the group": a month that is also a name, used as a person.
        return (name && ctx.person && !t.has(PLACE_PREP)).then_some((Name, Block));
    }
    if t.has(PRONOUN) || t.has(TITLE) {
        return None;
    }
    if e.region() && !ctx.strong_person {
        return None;
    }
    let place = e.place();
    let sentence_start = t.word.sentence_start && i == run_start;
    if sentence_start {
        return if !common && name && !(place && place_ctx) {
            Some((Name, Block))
        } else if !common && place {
            Some((Location, Block))
        } else if (name || !common) && ctx.strong_person {
            Some((Name, Block))
        } else {
            None
        };
    }
    if place && place_ctx && !(name && ctx.strong_person) {
        return Some((Location, if common { Warn } else { Block }));
    }
    if name && !common {
        return Some((Name, Block));
    }
    if common {
        // "Will", "Hope", "Grace": a name only where the words around say person.
        return ((name && ctx.strong_person) || ctx.nickname).then_some((Name, Block));
    }
    if place {
        return Some((Location, Block));
    }
    if camel_case(t.word.text) {
        // "SwiftDrop", "BetHarbor": brand-style names of firms and apps.
        return Some((Organization, Warn));
    }
    if ctx.strong_person || ctx.person && looks_like_name(t) {
        return Some((Name, Block));
    }
    if place_ctx {
        return Some((Location, Warn));
    }
    // A capitalised word in no dictionary, mid-sentence: most often a name nobody listed.
    looks_like_name(t).then_some((Name, Warn))
}

/// Known as a first name or surname in every hyphenated part ("Mei-Lin").
fn is_hyphenated_name(folded: &str) -> bool {
    folded.contains('-')
        && folded
            .split('-')
            .all(|p| p.len() >= 2 && lx::entry(p).person())
}

fn looks_like_name(t: &Token<'_>) -> bool {
    t.word.case == Case::Title
        && t.word.text.chars().count() >= 3
        && t.word
            .text
            .split(['-', '\'', '’'])
            .all(|p| p.chars().count() >= 2 || p == "s")
}

fn camel_case(word: &str) -> bool {
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
