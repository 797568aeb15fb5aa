//! Deciding what a run of capitalised words is: a name, a place, an organization or nothing,
//! from the word lists and the words around it.

use super::LowerWords;
use super::bare::{acts_next, initial_as_person, venue};
use super::citation::{cited, derived_word};
use super::context::context;
use super::shape::{acronym, camel_case, compound_word, is_hyphenated_name, looks_like_name};
use super::tokens::*;
use super::{push, single_initial};
use crate::domain::deid::lexicon as lx;
use crate::domain::deid::name_shape::name_likeness;
use crate::domain::deid::text::{Case, fold};
use crate::domain::deid::{Category, Hit, Severity};

fn distinctive(t: &Token<'_>) -> bool {
    if t.has(CONNECTOR) || t.has(CLINICAL) {
        return false;
    }
    let e = t.entry();
    !e.common() || e.person() || e.place()
}

pub(super) fn classify_run(
    text: &str,
    tokens: &[Token<'_>],
    lower: &LowerWords<'_>,
    start: usize,
    end: usize,
    hits: &mut Vec<Hit>,
) {
    let before = hits.len();
    classify_words(text, tokens, lower, start, end, hits);
    // Asked only of a run that found something: most runs are a sentence's first word, and
    // reading the context of a citation for each was a tenth of the word pass.
    if hits.len() > before && !tokens[start].has(TITLE) && cited(text, tokens, start, end) {
        hits.truncate(before);
    }
}

fn classify_words(
    text: &str,
    tokens: &[Token<'_>],
    lower: &LowerWords<'_>,
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
        // "Dr. Kessler" is a doctor, whatever instrument bears the name.
        let doctor = matches!(first.folded.as_ref(), "dr" | "doctor");
        let theorist = named.has(CLINICAL) && !first.has(TITLE) && !doctor;
        if !theorist && (first.has(TITLE) || doctor || distinctive(named) || single_initial(named))
        {
            let (a, b) = span(start, end);
            push(hits, a, b, Category::Name, Severity::Block);
            return;
        }
    }
    // Also on title-case lines: a table cell ("| School | Ashcombe Academy |") reads as one,
    // and a suffix with a distinctive word is an organization or a place anywhere.
    if len >= 2 {
        let others = || tokens[start..end - 1].iter();
        // "New Covenant Fellowship", "Hollow Saints": a suffix that only a named place of
        // worship, a club or a pub takes makes the run a name even of ordinary words, in the
        // middle of a sentence ("Catholic Church" and "Free Church" are faiths, not places).
        // ("All Saints" is a feast day.)
        let named_only = || {
            STRONG_ORG_SUFFIXES.contains(&last.folded.as_ref())
                && first.folded != "all"
                && !first.word.sentence_start
                && !first.word.title_line
                && others().all(|t| !t.has(CLINICAL | CALENDAR | PRONOUN) && !t.entry().region())
        };
        if last.has(ORG_SUFFIX) && (named_only() || others().any(distinctive)) {
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
        let in_place = context(text, tokens, start, start + 1).place;
        if last.has(AREA) && (others().any(distinctive) || in_place) {
            let (a, b) = span(start, end);
            push(hits, a, b, Category::Location, Severity::Block);
            return;
        }
    }
    if venue(text, tokens, start, end) {
        let (a, b) = span(start, end);
        push(hits, a, b, Category::Organization, Severity::Warn);
        return;
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
        if let Some((n, region)) = multi_word_place(tokens, i, end) {
            flush(hits, &mut name_from, i);
            // "New Zealand", "Northern Ireland": a region names no one; its words are not
            // read one by one either ("Zealand" is no surname here).
            if !region {
                let (a, b) = span(i, i + n);
                push(hits, a, b, Category::Location, Severity::Block);
            }
            i += n;
            continue;
        }
        match classify_word(text, tokens, lower, i, start, end) {
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
                    && !tokens[i].entry().common()
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

/// A place of two or three words starting at `i`: how many, and whether it is a region.
fn multi_word_place(tokens: &[Token<'_>], i: usize, end: usize) -> Option<(usize, bool)> {
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
        if e.region() {
            return Some((n, true));
        }
        if e.place() {
            return Some((n, false));
        }
    }
    None
}

fn classify_word(
    text: &str,
    tokens: &[Token<'_>],
    lower: &LowerWords<'_>,
    i: usize,
    run_start: usize,
    run_end: usize,
) -> Option<(Category, Severity)> {
    use Category::{Location, Name, Organization};
    use Severity::{Block, Warn};
    let t = &tokens[i];
    if t.word.text.len() == 1
        && t.word.text.bytes().all(|b| b.is_ascii_uppercase())
        && !t.word.title_line
    {
        return initial_as_person(text, tokens, i, run_start, run_end);
    }
    if !t.word.capitalised() || t.has(CONNECTOR) {
        return None;
    }
    if t.word.title_line {
        // A heading capitalises every word, so only a first name no word list knows otherwise
        // ("## Tomasz, 34: stuck at session 9") or a person's context makes one a name.
        let ctx = context(text, tokens, i, i + 1);
        if t.has(CLINICAL | CALENDAR | PRONOUN | TITLE | RELATION) {
            return None;
        }
        let e = t.entry();
        // "## Being the only Polish family in Hexley": a place in a heading.
        if ctx.place && !e.common() && !e.region() {
            return Some((Location, Block));
        }
        return ctx.strong_person.then_some((Name, Block));
    }
    let letters = t.word.text.chars().count();
    if letters < 2 || (t.word.case == Case::Upper && letters > 1) || acronym(t.word.text) {
        return None;
    }
    // "Gottman-informed", "Small-town", "T-scores": adjectives, not names.
    // "Seo-yeon", "Ji-hoon" stay names: the part after the hyphen is no English word.
    if t.word.text.contains('-')
        && t.word.text.rsplit('-').next().is_some_and(|p| {
            p.starts_with(|c: char| c.is_lowercase()) && lx::is_common_word(&fold(p))
        })
    {
        return None;
    }
    // "She", "They", "Dr": never a name on their own (a word on the clinical allowlist or
    // the calendar too is asked below).
    if t.has(PRONOUN | TITLE) && !t.has(CLINICAL | CALENDAR) {
        return None;
    }
    let f = t.folded.as_ref();
    // Context of the whole run for its last word, of the word itself otherwise; read only
    // when a question needs it (most capitalised words open a sentence and need none).
    let ctx_cell = std::cell::OnceCell::new();
    let ctx = || {
        ctx_cell.get_or_init(|| {
            context(
                text,
                tokens,
                run_start.max(i),
                if i + 1 == run_end { run_end } else { i + 1 },
            )
        })
    };
    let place_cell = std::cell::OnceCell::new();
    let place_ctx =
        || *place_cell.get_or_init(|| i == run_start && context(text, tokens, i, i + 1).place);
    let e = t.entry();
    let name = e.person() || is_hyphenated_name(f);
    let common = e.common();
    if t.has(CLINICAL) {
        // A word for kin is never a name, whatever verb follows ("Nan says", "Ajji calls").
        if t.has(KIN_WORD) {
            return None;
        }
        // "Beck's model" is a theorist; "Kelly said" is a person.
        let strong_next = tokens.get(i + 1).is_some_and(|n| n.has(STRONG_AFTER));
        return (strong_next && e.first_name() && !common).then_some((Name, Block));
    }
    if t.has(CALENDAR) {
        // "June has dominated the group": a month that is also a name, used as a person.
        return (name && ctx().person && !t.has(PLACE_PREP)).then_some((Name, Block));
    }
    if t.has(PRONOUN) || t.has(TITLE) {
        return None;
    }
    // "Son (15) has become his carer", "Patient in his 20s": a word for a person, capitalised.
    if t.has(RELATION) && !(ctx().nickname || e.first_name() && ctx().strong_person) {
        return None;
    }
    if e.region() && !ctx().strong_person {
        return None;
    }
    let place = e.place();
    let sentence_start = t.word.sentence_start && i == run_start;
    if sentence_start {
        return if !common && name && !(place && place_ctx()) {
            Some((Name, Block))
        } else if !common && place {
            Some((Location, Block))
        } else if (name || !common && !derived_word(f)) && ctx().strong_person {
            Some((Name, Block))
        } else if common && e.first_name() && acts_next(text, tokens, i) {
            // "Grace cancelled again", "Dawn came in late": a first name that is also a word,
            // opening a sentence with a person's action after it.
            Some((Name, Warn))
        } else if !common
            && !name
            && looks_like_name(t)
            && !derived_word(f)
            && name_likeness(f) > 0.75
            && !lower.contains(f)
            && !compound_word(f)
        {
            // "Abdurakhmon is still refusing the interpreter": a word in no list, shaped like
            // a name, opening a sentence, and never written in lower case in the post.
            Some((Name, Warn))
        } else {
            None
        };
    }
    if place && place_ctx() && !(name && ctx().strong_person) {
        return Some((Location, if common { Warn } else { Block }));
    }
    if name && !common {
        return Some((Name, Block));
    }
    if common {
        // "Will", "Hope", "Grace": a name only where the words around say person: a speech
        // verb, a word for a person or pet just before ("her dog Biscuit"), or a capital in
        // the middle of a sentence with a person's verb after ("… and Summer stopped").
        let verb_next = tokens.get(i + 1).is_some_and(|n| {
            n.has(AFTER_PERSON)
                && n.word.case == Case::Lower
                && text[t.word.end..n.word.start] == *" "
        });
        let mid_sentence_person = e.first_name()
            && (verb_next || t.possessive)
            && !t.word.sentence_start
            && i.checked_sub(1).is_some_and(|p| {
                tokens[p].word.case == Case::Lower && text[tokens[p].word.end..t.word.start] == *" "
            });
        // "Dizzy says school is pointless": an ordinary word with a capital in mid-sentence
        // and a speech verb after is someone's name or nickname, unless a determiner makes it
        // a thing ("the Trust said").
        let determined = i.checked_sub(1).is_some_and(|p| {
            matches!(
                tokens[p].folded.as_ref(),
                "the"
                    | "a"
                    | "an"
                    | "this"
                    | "that"
                    | "our"
                    | "their"
                    | "his"
                    | "her"
                    | "my"
                    | "your"
                    | "its"
            )
        });
        let speaks = ctx().strong_person
            && !t.word.sentence_start
            && !determined
            && tokens.get(i + 1).is_some_and(|n| n.has(STRONG_AFTER));
        if (name && ctx().strong_person)
            || speaks
            || ctx().nickname
            || ctx().after_relation
            || mid_sentence_person
        {
            return Some((Name, Block));
        }
        // "worked with Hope for two years", "Mercy from the drop-in": an ordinary word that is
        // also a first name, alone with a capital in mid-sentence, is most often someone's
        // name. A warning: recall first, the author judges. (Any capitalised word there would
        // catch "Fusion" too, but clinical writing capitalises its concepts: "Rescuer",
        // "Phase", "Treatment".)
        let alone = e.first_name()
            && run_end - run_start == 1
            && !t.word.sentence_start
            && !determined
            && t.flags == 0
            && letters >= 3
            && !t.possessive
            && !t.word.text.contains(['-', '\'', '’'])
            && i.checked_sub(1).is_some_and(|p| {
                tokens[p].word.case == Case::Lower
                    && matches!(&text[tokens[p].word.end..t.word.start], " " | " (")
            })
            && tokens.get(i + 1).is_none_or(|n| {
                !n.word.text.starts_with(|c: char| c.is_ascii_digit())
                    || text[t.word.end..n.word.start] != *" "
            });
        return alone.then_some((Name, Warn));
    }
    if place {
        return Some((Location, Block));
    }
    if camel_case(t.word.text) {
        // "SwiftDrop", "BetHarbor": brand-style names of firms and apps.
        return Some((Organization, Warn));
    }
    if ctx().strong_person || ctx().person && looks_like_name(t) {
        return Some((Name, Block));
    }
    if place_ctx() {
        return Some((Location, Warn));
    }
    if derived_word(f) {
        return None;
    }
    // A capitalised word in no dictionary, mid-sentence: most often a name nobody listed.
    looks_like_name(t).then_some((Name, Warn))
}
