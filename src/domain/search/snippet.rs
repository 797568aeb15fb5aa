//! A result's snippet: a short stretch of the text a reader can already see, around where the
//! query's words are, with those words marked. Made here from the visible text, because the
//! index keeps no copy of it (docs/SEARCH.md). Words match by their English stem, as both
//! indexes match them, so "grieved" marks "grieving".

use rust_stemmers::{Algorithm, Stemmer};

use super::{SearchQuery, Term, stop_words};

/// About how many characters a snippet shows.
const WIDTH: usize = 200;
/// How much of the text before the first marked word it shows.
const LEAD: usize = 50;

/// Pieces of text in order, each marked or not; `cut_before`/`cut_after` say whether the
/// text goes on beyond them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    pub pieces: Vec<(String, bool)>,
    pub cut_before: bool,
    pub cut_after: bool,
    /// How many of the query's terms it shows.
    pub terms: usize,
}

impl Snippet {
    /// The snippet as plain text, marks left out.
    pub fn plain(&self) -> String {
        self.pieces.iter().map(|(t, _)| t.as_str()).collect()
    }
}

/// The snippet of `text` for `query`: the stretch where most of its terms are, or the text's
/// start when none is in it (the match was in the title).
pub fn snippet(text: &str, query: &SearchQuery) -> Snippet {
    let stemmer = Stemmer::create(Algorithm::English);
    let wanted: Vec<Want> = query
        .include
        .iter()
        .enumerate()
        .flat_map(|(i, term)| Want::of(i, term, &stemmer))
        .collect();
    // A stem keeps its word's first letter (the English stemmer only changes endings, and its
    // irregular forms, "dying" → "die", keep it too), so a word starting with another letter
    // cannot match and is not stemmed: stemming every word of twenty results cost more than
    // the search's SQL.
    let firsts: Vec<char> = wanted
        .iter()
        .filter_map(|w| w.word.chars().next())
        .collect();
    // Each word of the text, with which term (if any) it belongs to.
    let mut hits: Vec<(usize, usize, usize)> = Vec::new();
    for (start, word) in word_spans(text) {
        let first = word.chars().next().and_then(|c| c.to_lowercase().next());
        if !first.is_some_and(|c| firsts.contains(&c)) {
            continue;
        }
        let lower = word.to_lowercase();
        let stem = stemmer.stem(&lower);
        if let Some(w) = wanted.iter().find(|w| w.matches(&lower, &stem)) {
            hits.push((start, start + word.len(), w.term));
        }
    }
    // The window that holds the most different terms, the earliest among equals.
    let mut best: Option<(usize, usize)> = None;
    for (i, &(start, _, _)) in hits.iter().enumerate() {
        let mut terms: Vec<usize> = hits[i..]
            .iter()
            .take_while(|(s, _, _)| *s < start + WIDTH - LEAD)
            .map(|h| h.2)
            .collect();
        terms.sort_unstable();
        terms.dedup();
        if best.is_none_or(|(_, n)| terms.len() > n) {
            best = Some((start, terms.len()));
        }
    }
    let from = match best {
        Some((start, _)) => word_start_before(text, start.saturating_sub(LEAD)).min(start),
        None => 0,
    };
    let to = word_end_after(text, from + WIDTH);
    let mut pieces: Vec<(String, bool)> = Vec::new();
    let mut at = from;
    let mut terms: Vec<usize> = Vec::new();
    for &(s, e, t) in hits.iter().filter(|(s, e, _)| *s >= from && *e <= to) {
        if !terms.contains(&t) {
            terms.push(t);
        }
        push(&mut pieces, &text[at..s], false);
        push(&mut pieces, &text[s..e], true);
        at = e;
    }
    push(&mut pieces, &text[at..to], false);
    if let Some(first) = pieces.first_mut().filter(|(_, hit)| !hit) {
        first.0 = first.0.trim_start().to_owned();
    }
    if let Some(last) = pieces.last_mut().filter(|(_, hit)| !hit) {
        last.0 = last.0.trim_end().to_owned();
    }
    pieces.retain(|(t, _)| !t.is_empty());
    Snippet {
        pieces,
        cut_before: !text[..from].trim().is_empty(),
        cut_after: !text[to..].trim().is_empty(),
        terms: terms.len(),
    }
}

/// One word to mark, from the query's term number `term`.
struct Want {
    term: usize,
    word: String,
    stem: String,
    prefix: bool,
}

impl Want {
    fn of(term: usize, t: &Term, stemmer: &Stemmer) -> Vec<Want> {
        let prefix = matches!(t, Term::Prefix(_));
        t.words()
            .iter()
            // Inside a phrase, its common words would mark every "the" in the text.
            .filter(|w| prefix || !stop_words::is_stop_word(w))
            .map(|w| Want {
                term,
                word: w.clone(),
                stem: stemmer.stem(w).into_owned(),
                prefix,
            })
            .collect()
    }

    fn matches(&self, lower: &str, stem: &str) -> bool {
        if self.prefix {
            lower.starts_with(&self.word)
        } else {
            stem == self.stem
        }
    }
}

/// Adds text to the pieces, white space collapsed to single spaces (the snippet is one line).
fn push(pieces: &mut Vec<(String, bool)>, text: &str, hit: bool) {
    if text.is_empty() {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    match pieces.last_mut() {
        Some((last, false)) if !hit => last.push_str(&out),
        _ => pieces.push((out, hit)),
    }
}

/// The words of the text with their byte offsets (the same words `super::words` finds).
fn word_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// The start of the word at or after byte `at` (0 stays 0), on a character boundary.
fn word_start_before(text: &str, at: usize) -> usize {
    if at == 0 {
        return 0;
    }
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    match text[at..].find(char::is_whitespace) {
        Some(i) => at + i,
        None => at,
    }
}

/// The end of the word at byte `at`, or the text's end; a word running on for more than a
/// few dozen bytes is cut where it is.
fn word_end_after(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    let mut at = at;
    while !text.is_char_boundary(at) {
        at += 1;
    }
    match text[at..].find(char::is_whitespace) {
        Some(i) if i <= 40 => at + i,
        Some(_) => at,
        None if text.len() - at <= 40 => text.len(),
        None => at,
    }
}
