//! One capitalised word in a run, on its own: a name, a place, an organization or nothing, from
//! the word lists, its shape and the words around it (`classify` handles the run as a whole).

use super::LowerWords;
use super::bare::{acts_next, initial_as_person};
use super::citation::derived_word;
use super::context::context;
use super::shape::{acronym, camel_case, compound_word, is_hyphenated_name, looks_like_name};
use super::tokens::*;
use crate::domain::deid::lexicon as lx;
use crate::domain::deid::name_shape::name_likeness;
use crate::domain::deid::text::{Case, fold};
use crate::domain::deid::{Category, Severity};

pub(super) fn classify_word(
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
