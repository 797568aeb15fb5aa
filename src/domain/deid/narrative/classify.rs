//! Deciding what a run of capitalised words is: a name, a place, an organization or nothing,
//! from the word lists and the words around it.

use super::LowerWords;
use super::bare::venue;
use super::citation::cited;
use super::context::context;
use super::tokens::*;
use super::word_kind::classify_word;
use super::{push, single_initial};
use crate::domain::deid::lexicon as lx;
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
