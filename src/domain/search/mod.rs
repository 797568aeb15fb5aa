//! What a member typed into the search box, as terms: parsed here, in Rust, before any SQL, so
//! nothing a member types ever reaches a database's query language as syntax (docs/SEARCH.md).
//!
//! A term is a word (`grief`), a quoted phrase (`"cancelled session"`), a prefix (`adolesc*`),
//! and any of them may be excluded (`-divorce`). Every other character separates words: `:`,
//! `(`, `NEAR`, `OR`, SQL and unbalanced quotes become plain words or nothing. The store writes
//! the terms out for FTS5 or PostgreSQL (`server::store::search`); the snippet of a result finds
//! them again in the text (`snippet`).

mod snippet;
mod stop_words;
#[cfg(test)]
mod tests;

pub use snippet::{Snippet, snippet};
pub use stop_words::is_stop_word;

use unicode_normalization::UnicodeNormalization;

/// The longest query accepted, in characters; longer is refused before any parsing.
pub const MAX_QUERY_CHARS: usize = 200;
/// The most terms (words, phrases, prefixes, exclusions) one query may have.
pub const MAX_TERMS: usize = 12;
/// A word longer than this is no word a post holds; it is dropped.
const MAX_WORD_CHARS: usize = 40;
/// A prefix needs this many letters, so `a*` cannot ask for every document.
const MIN_PREFIX_CHARS: usize = 3;

/// One thing to look for. Words are lower case, made only of letters and digits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Term {
    Word(String),
    Prefix(String),
    /// Two or more words, in this order, next to each other.
    Phrase(Vec<String>),
}

impl Term {
    /// The words of the term, for finding it in a text.
    pub fn words(&self) -> &[String] {
        match self {
            Term::Word(w) | Term::Prefix(w) => std::slice::from_ref(w),
            Term::Phrase(ws) => ws,
        }
    }
}

/// A parsed query: what every result must hold, and what none may.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchQuery {
    pub include: Vec<Term>,
    pub exclude: Vec<Term>,
}

/// Why a query cannot be searched for; each is a message for the member.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QueryProblem {
    #[error("Type a word or two to search for.")]
    Empty,
    #[error("A search can be at most 200 characters long.")]
    TooLong,
    #[error("A search can have at most 12 words, phrases or exclusions.")]
    TooManyTerms,
    #[error(
        "Add a word to look for: common words like \"the\" and \"and\", symbols and exclusions on their own find nothing."
    )]
    NothingToFind,
}

impl SearchQuery {
    pub fn parse(input: &str) -> Result<SearchQuery, QueryProblem> {
        if input.chars().count() > MAX_QUERY_CHARS {
            return Err(QueryProblem::TooLong);
        }
        let folded: String = input.nfkc().collect();
        if folded.trim().is_empty() {
            return Err(QueryProblem::Empty);
        }
        let mut include = Vec::new();
        let mut exclude = Vec::new();
        let mut terms = 0usize;
        for raw in raw_terms(&folded) {
            for term in raw.terms() {
                terms += 1;
                if terms > MAX_TERMS {
                    return Err(QueryProblem::TooManyTerms);
                }
                let list = if raw.excluded {
                    &mut exclude
                } else {
                    &mut include
                };
                if !list.contains(&term) {
                    list.push(term);
                }
            }
        }
        if include.is_empty() {
            return Err(QueryProblem::NothingToFind);
        }
        Ok(SearchQuery { include, exclude })
    }
}

/// A term as typed, before its words are cleaned.
struct RawTerm<'a> {
    text: &'a str,
    quoted: bool,
    excluded: bool,
    prefix: bool,
}

impl RawTerm<'_> {
    /// The terms this piece of the query holds: a quoted phrase is one; an unquoted piece is a
    /// term per word (`co-therapy` and `NEAR(grief` are two words each), the last a prefix when
    /// it ends in `*`.
    fn terms(&self) -> Vec<Term> {
        let words: Vec<String> = words(self.text)
            .filter(|w| w.chars().count() <= MAX_WORD_CHARS)
            .collect();
        if self.quoted {
            // Common words stay inside a phrase (they hold its words apart), but a phrase of
            // nothing else finds nothing.
            if words.iter().all(|w| stop_words::is_stop_word(w)) {
                return Vec::new();
            }
            return match words.len() {
                1 => words.into_iter().map(Term::Word).collect(),
                _ => vec![Term::Phrase(words)],
            };
        }
        let last = words.len().saturating_sub(1);
        words
            .into_iter()
            .enumerate()
            .filter_map(|(i, word)| {
                if self.prefix && i == last && word.chars().count() >= MIN_PREFIX_CHARS {
                    Some(Term::Prefix(word))
                } else if stop_words::is_stop_word(&word) {
                    None
                } else {
                    Some(Term::Word(word))
                }
            })
            .collect()
    }
}

/// The words of a text: runs of letters and digits, lower-cased. Every other character (an
/// apostrophe, a hyphen, an operator) separates words, as both indexes' tokenizers do.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Splits the query into terms: a quoted run (when its quote closes) is one term, everything
/// else is split at white space. A `-` before a term excludes it; a `*` right after an unquoted
/// word makes it a prefix. An unclosed quote is ignored.
fn raw_terms(query: &str) -> Vec<RawTerm<'_>> {
    let mut terms = Vec::new();
    let mut rest = query.trim_start();
    while !rest.is_empty() {
        let (excluded, body) = match rest.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, rest),
        };
        if let Some(inner) = body.strip_prefix('"')
            && let Some(end) = inner.find('"')
        {
            terms.push(RawTerm {
                text: &inner[..end],
                quoted: true,
                excluded,
                prefix: false,
            });
            rest = inner[end + 1..].trim_start();
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let token = &rest[..end];
        let (excluded, token) = match token.strip_prefix('-') {
            Some(t) => (true, t),
            None => (false, token),
        };
        let token = token.trim_matches('"');
        let prefix = token.ends_with('*');
        terms.push(RawTerm {
            text: token,
            quoted: false,
            excluded,
            prefix,
        });
        rest = rest[end..].trim_start();
    }
    terms
}
