//! Names that no capital letter announces: written in another script ("فاطمة"), given by a
//! naming phrase ("goes by JJ", "her name is Blessing"), or as initials beside a word for a
//! person ("her sister KB", "session with RB").

use super::push;
use super::tokens::*;
use crate::domain::deid::lexicon as lx;
use crate::domain::deid::text::Case;
use crate::domain::deid::{Category, Hit, Severity};

/// Letters of a script other than Latin: Arabic, Hebrew, Devanagari, Chinese, Korean, Cyrillic
/// written wholly in it, and so on. Latin letters with accents and combining marks are Latin.
fn other_script(c: char) -> bool {
    c.is_alphabetic()
        && !c.is_ascii()
        && !matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' | '\u{300}'..='\u{36F}')
        && !matches!(c, 'ª' | 'º' | 'µ' | 'ß')
}

pub(super) fn in_other_script(word: &str) -> bool {
    word.chars().any(other_script) && word.chars().filter(|c| c.is_alphabetic()).all(other_script)
}

/// The three cues in one walk over the words, a flag test per word for each.
pub(super) fn find(text: &str, tokens: &[Token<'_>], hits: &mut Vec<Hit>) {
    let mut run_end = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.marks & OTHER_SCRIPT != 0 && i >= run_end {
            run_end = other_script_run(text, tokens, i, hits);
        }
        if t.has(NAMING) && i > 0 {
            named_by_phrase(text, tokens, i, hits);
        }
        if t.word.case == Case::Upper && (2..=3).contains(&t.word.text.len()) {
            initials(text, tokens, i, hits);
        }
    }
}

/// Runs of words in another script, each one finding. The scanner's word lists are English
/// and Latin-script, so it cannot tell a name from a word there; a forum that reads English
/// sees such a run as what it most often is in a case write-up: a name as the client writes it.
fn other_script_run(text: &str, tokens: &[Token<'_>], i: usize, hits: &mut Vec<Hit>) -> usize {
    let in_run = |t: &Token<'_>| t.marks & OTHER_SCRIPT != 0;
    let mut end = i + 1;
    while end < tokens.len()
        && in_run(&tokens[end])
        && text[tokens[end - 1].word.end..tokens[end].word.start]
            .chars()
            .all(|c| c == ' ')
    {
        end += 1;
    }
    let (a, b) = (tokens[i].word.start, tokens[end - 1].word.end);
    // A word glossed in brackets is a word, not a name: "тоска (toska, a spiritual
    // anguish)". A name's brackets open with its spelling in Latin letters, capitalised
    // ("(Fatima)", "(Min-jun, goes by MJ at uni)"), or with English ("(uses "Jay" with
    // friends)"), so the first word inside decides: a gloss opens with a lower-case word in
    // no English list.
    let glossed = text[b..].strip_prefix(" (").is_some_and(|g| {
        // At most 120 characters: a gloss is short, and a longer look is a scan per run.
        let inside = g.char_indices().take(120).find(|(_, c)| *c == ')');
        inside.is_some_and(|(at, _)| {
            g[..at]
                .split([' ', ','])
                .find(|w| !w.is_empty())
                .is_some_and(|w| {
                    w.starts_with(char::is_lowercase)
                        && !lx::is_common_word(&crate::domain::deid::text::fold(w))
                })
        })
    });
    // One Greek letter is a symbol ("β-blocker", "α = .05"), not a name.
    if !glossed && text[a..b].chars().filter(|c| c.is_alphabetic()).count() >= 2 {
        hits.push(Hit {
            start: a,
            end: b,
            category: Category::Name,
            severity: Severity::Warn,
            reason: "Text in another script: a name written as the client writes it is \
                     still a name, and the scanner cannot read this script for names.",
            priority: 61,
        });
    }
    end
}

/// "her name is Blessing", "goes by JJ", "known as Stretch", "she's called Noa", "calls
/// himself Macca", "nicknamed Bear": the words after the phrase are a name, whatever their case.
fn named_by_phrase(text: &str, tokens: &[Token<'_>], i: usize, hits: &mut Vec<Hit>) {
    let w = tokens[i].folded.as_ref();
    let p = tokens[i - 1].folded.as_ref();
    let phrase = matches!(
        (p, w),
        ("name", "is" | "was")
            | ("names", "are")
            | ("goes" | "go" | "going" | "went", "by")
            | ("known", "as")
            | ("calls" | "called", "himself" | "herself" | "themselves")
    ) || (matches!(w, "uses" | "prefers")
        && text[tokens[i].word.end..]
            .strip_prefix(' ')
            .is_some_and(|q| q.starts_with(['"', '“'])))
        || (matches!(w, "is" | "was")
            && matches!(
                p,
                "dog" | "cat" | "puppy" | "kitten" | "pony" | "horse" | "rabbit" | "hamster"
            )
            && tokens.get(i + 1).is_some_and(|n| n.word.capitalised()))
        || (matches!(w, "called" | "nicknamed" | "named")
            && matches!(
                p,
                "s" | "is" | "was" | "he" | "she" | "they" | "been" | "dog" | "cat"
            ));
    if !phrase {
        return;
    }
    let Some(first) = tokens.get(i + 1) else {
        return;
    };
    let gap = &text[tokens[i].word.end..first.word.start];
    if !matches!(gap, " " | " \"" | " “" | " '" | " ‘") {
        return;
    }
    // Not a common lower-case word ("goes by bus", "known as a worrier").
    let lower_word = first.word.case == Case::Lower && first.entry().common();
    if lower_word || first.has(PRONOUN | CLINICAL) || first.word.text.len() < 2 {
        return;
    }
    let mut end = i + 2;
    while end < tokens.len()
        && tokens[end].word.capitalised()
        && text[tokens[end - 1].word.end..tokens[end].word.start] == *" "
    {
        end += 1;
    }
    push(
        hits,
        first.word.start,
        tokens[end - 1].word.end,
        Category::Name,
        Severity::Block,
    );
}

/// Medical and service abbreviations that follow "with" and words for people as often as
/// initials do ("a man with MS", "her sister with CF").
const NOT_INITIALS: &[&str] = &[
    "ms", "me", "cf", "mnd", "id", "ld", "pd", "ibs", "cp", "tbi", "fnd", "cfs", "did", "eupd",
    "copd", "hiv", "uti", "dka", "gp", "ot", "mdt", "cpn", "slt", "sw", "hca", "sho", "tv", "ok",
    "us", "uk", "au", "nz", "ca", "ie", "eu", "it", "pe", "pt", "re", "ed", "er", "ae", "ii", "iv",
    "iii", "vi", "vii", "am", "pm", "oh", "mr", "ct", "mri", "eeg", "ecg", "ekg", "bp", "bmi",
    "hr", "pr", "qa", "ceo", "cfo", "hq", "md", "dr", "rn", "np", "pa", "ta", "lsa", "dsl",
];

/// Two or three capitals as a person: after a word for a person ("her sister KB"), after
/// "session with" or a meeting verb ("seeing RB"), or before a speech verb ("JJ says").
fn initials(text: &str, tokens: &[Token<'_>], i: usize, hits: &mut Vec<Hit>) {
    let t = &tokens[i];
    if t.has(CLINICAL) || NOT_INITIALS.contains(&t.folded.as_ref()) {
        return;
    }
    let prev = i.checked_sub(1).map(|p| &tokens[p]);
    let joined_prev =
        prev.is_some_and(|p| text[p.word.end..t.word.start] == *" " && p.word.case == Case::Lower);
    let after_person = joined_prev
        && prev.is_some_and(|p| {
            p.has(RELATION)
                || matches!(
                    p.folded.as_ref(),
                    "saw" | "seeing" | "seen" | "met" | "meeting"
                )
                || p.folded == "with"
                    && i >= 2
                    && matches!(
                        tokens[i - 2].folded.as_ref(),
                        "session" | "sessions" | "work" | "working" | "met" | "meeting" | "seen"
                    )
        });
    let speaks = tokens.get(i + 1).is_some_and(|n| {
        n.has(STRONG_AFTER) && n.word.case == Case::Lower && text[t.word.end..n.word.start] == *" "
    });
    if after_person || speaks {
        push(
            hits,
            t.word.start,
            t.word.end,
            Category::Name,
            Severity::Block,
        );
    }
}
