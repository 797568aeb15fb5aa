//! Names in lower case: a given name no English word spells (`jayden`), one told by the words
//! around it ("her sister ana", "seeing kev"), a name in brackets after a word for kin ("nan
//! (pat)"), a possessive ("linda's mobile") and initials ("seeing a.k. tomorrow").

use super::push;
use super::tokens::*;
use crate::domain::deid::text::Case;
use crate::domain::deid::{Category, Hit, Severity};

/// "maria said", "her sister ana": lower-case names, only where the words around say person.
pub(super) fn names(text: &str, tokens: &[Token<'_>], hits: &mut Vec<Hit>) {
    for (i, t) in tokens.iter().enumerate() {
        // The word itself may be a name only in lower case; a word for kin or a meeting
        // verb may open the sentence ("Seeing kev weekly").
        let lower = t.word.case == Case::Lower;
        if !(lower || t.word.case == Case::Title && t.has(RELATION | MEETS_PERSON)) {
            continue;
        }
        if lower && t.possessive && t.flags == 0 && t.folded.len() >= 3 && {
            let e = t.entry();
            e.first_name() && !e.common()
        } {
            push(
                hits,
                t.word.start,
                t.word.start + t.base_len,
                Category::Name,
                Severity::Block,
            );
            continue;
        }
        // "stepdad (kev), 45", "nan (pat)": a genogram's name in brackets after a word for kin.
        if t.has(RELATION) && kin_bracket(text, tokens, i, hits) {
            continue;
        }
        // Recall first: a given name in lower case is a name even with nothing around it
        // ("seeing jayden tmrw, 14, school refusal"). A warning, since a lower-case word with no
        // context is the scanner's guess; words that are also names in the lists ("will",
        // "grace") stay words unless the words around say person (below).
        if lower
            && t.marks & GIVEN_NAME != 0
            && !t.word.text.contains(['\'', '’'])
            && !NOT_LOWER_NAMES.contains(&t.folded.as_ref())
            && !determined(tokens, i)
            && t.entry().first_name()
            && !t.entry().common()
        {
            push(
                hits,
                t.word.start,
                t.word.end,
                Category::Name,
                Severity::Warn,
            );
            continue;
        }
        let candidate = if t.has(RELATION | MEETS_PERSON) {
            tokens.get(i + 1)
        } else if t.has(STRONG_AFTER) && i > 0 {
            tokens.get(i - 1)
        } else {
            None
        };
        let Some(c) = candidate else { continue };
        // "seeing a.k. tomorrow": a client's initials in lower case.
        if t.has(MEETS_PERSON) && dotted_initials(&text[c.word.start..]) {
            let len = if text.as_bytes().get(c.word.start + 3) == Some(&b'.') {
                4
            } else {
                3
            };
            push(
                hits,
                c.word.start,
                c.word.start + len,
                Category::Name,
                Severity::Block,
            );
            continue;
        }
        if c.word.case != Case::Lower || c.flags != 0 || c.folded.len() < 3 {
            continue;
        }
        // Only across a space or a comma: "her sister, ana," but not across a sentence.
        let (a, b) = if c.word.start > t.word.start {
            (t.word.end, c.word.start)
        } else {
            (c.word.end, t.word.start)
        };
        if !text[a..b]
            .chars()
            .all(|ch| matches!(ch, ' ' | ',' | '"' | '“' | '\''))
        {
            continue;
        }
        let e = c.entry();
        if e.first_name() && !e.common() {
            push(
                hits,
                c.word.start,
                c.word.end,
                Category::Name,
                Severity::Block,
            );
        } else if c.word.start > t.word.start
            && MEETING.contains(&t.folded.as_ref())
            && !e.common()
            && !e.person()
            && !e.place()
            && !e.region()
            && c.word.text.bytes().all(|b| b.is_ascii_lowercase())
        {
            // "seeing kev weekly", "met shaz at the hostel": a short form no list holds, right
            // after a verb of meeting someone.
            push(
                hits,
                c.word.start,
                c.word.end,
                Category::Name,
                Severity::Warn,
            );
        }
    }
}

/// Verbs after which a word in no list is someone met ("with" and "and" are not: "with ptsd").
const MEETING: &[&str] = &[
    "saw", "seeing", "seen", "met", "meeting", "visited", "visiting", "texted", "rang", "phoned",
    "emailed",
];

/// One or two words in brackets right after a word for kin, each a first name or no English
/// word ("(kev)", "(pat)", "(lil mo)"), never a description ("(deceased)", "(maternal)").
fn kin_bracket(text: &str, tokens: &[Token<'_>], i: usize, hits: &mut Vec<Hit>) -> bool {
    let t = &tokens[i];
    let Some(inside) = text[t.word.end..].strip_prefix(" (") else {
        return false;
    };
    let Some(close) = inside.bytes().take(32).position(|b| b == b')') else {
        return false;
    };
    let words: Vec<&Token<'_>> = tokens[i + 1..]
        .iter()
        .take_while(|w| w.word.end <= t.word.end + 2 + close)
        .collect();
    let named = (1..=2).contains(&words.len())
        && inside[..close]
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’'))
        && words.iter().all(|w| {
            let e = w.entry();
            w.flags == 0 && (e.first_name() || !e.common())
        });
    if named {
        let (a, b) = (words[0].word.start, words[words.len() - 1].word.end);
        push(hits, a, b, Category::Name, Severity::Block);
    }
    named
}

/// In the first-name list and in no English word list, but in lower case in a case write-up
/// most often a word: kin words of other languages ("amma", "dadi"), words of faith and
/// culture, units and short forms.
#[rustfmt::skip]
const NOT_LOWER_NAMES: &[&str] = &[
    "amma", "ama", "appa", "baba", "bibi", "dadi", "nani", "jaan", "oma", "opa", "tia", "tio",
    "mijo", "mija", "tita", "tito", "lolo", "kuya", "nonna", "nonno", "abba", "didi", "bhai",
    "imam", "salah", "taha", "ramadan", "dua", "eid", "wudu", "puja", "max", "min", "mins",
    "doc", "docs", "uni", "edu", "ping", "han", "ok", "okay", "etc", "tmrw", "tho", "lol", "ute",
    "theres", "thats", "whats", "hes", "shes", "ive", "youre", "theyre", "ajji", "ajja", "paati",
    "thatha", "kokum", "mushum", "lola", "lolo", "babcia", "nanny", "kuia", "koro", "tutu",
    "telly", "tita", "tito", "kuya", "nanay", "tatay", "gogo", "ouma", "oupa", "tata", "iya",
    "aiga", "mana", "mahi", "mamaw", "pawpaw", "whanau",
];

/// "a.k." or "a.k": two single letters joined by a full stop.
fn dotted_initials(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 3
        && b[0].is_ascii_lowercase()
        && b[1] == b'.'
        && b[2].is_ascii_lowercase()
        && b.get(3).is_none_or(|c| !c.is_ascii_alphabetic())
}

/// "the hui", "a whānau hui", "our tangi": after an article or a determiner, a lower-case word
/// is a thing, not someone's name ("the boy jayden" still is one: a word for a person between).
fn determined(tokens: &[Token<'_>], i: usize) -> bool {
    let is_determiner = |p: &Token<'_>| {
        matches!(
            p.folded.as_ref(),
            "the" | "a" | "an" | "this" | "that" | "these" | "those" | "our" | "their" | "its"
        )
    };
    // Within one phrase: "the talking, wiremu" and "the shul — beth shalom" are two.
    let joined = |a: &Token<'_>, b: &Token<'_>| b.word.start == a.word.end + 1;
    let Some(prev) = i.checked_sub(1).map(|p| &tokens[p]) else {
        return false;
    };
    if !joined(prev, &tokens[i]) {
        return false;
    }
    is_determiner(prev)
        || prev.word.case == Case::Lower
            && !prev.has(RELATION)
            && i.checked_sub(2)
                .is_some_and(|p| is_determiner(&tokens[p]) && joined(&tokens[p], prev))
}
