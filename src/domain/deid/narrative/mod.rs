//! The pass over words: names, places and organizations, which have no shape, only a capital
//! letter, a word list and the words around them. One hash lookup per word keeps it linear and
//! fast; the word lists are only asked about capitalised words and their neighbours.

mod bare;
mod citation;
mod classify;
mod context;
mod cues;
mod given_names;
mod lower;
mod shape;
mod tokens;
mod word_kind;
mod word_table;

use std::collections::HashMap;

use super::text::{Case, words_as};
use super::{Category, Hit, Severity};
use classify::classify_run;
use tokens::*;

pub(crate) fn find(text: &str) -> Vec<Hit> {
    // Folded words of ASCII letters borrow from this copy: one allocation per scan, not one
    // per capitalised word.
    let lowered = text.to_ascii_lowercase();
    let tokens: Vec<Token<'_>> = words_as(text, |w| token(w, &lowered));
    let lower = LowerWords::new(&tokens);
    let mut hits = Vec::new();
    lower::names(text, &tokens, &mut hits);
    cues::find(text, &tokens, &mut hits);
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].word.capitalised() && !single_initial(&tokens[i]) {
            i += 1;
            continue;
        }
        let end = run_end(text, &tokens, i);
        classify_run(text, &tokens, &lower, i, end, &mut hits);
        i = end;
    }
    repeat_names(&tokens, &mut hits);
    hits
}

/// The post's words in lower case, gathered at the first question: a word the author also
/// writes in lower case ("Referral … the referral") is a word, whatever its shape.
pub(super) struct LowerWords<'a> {
    tokens: &'a [Token<'a>],
    set: std::cell::OnceCell<std::collections::HashSet<&'a str, FxBuild>>,
}

impl<'a> LowerWords<'a> {
    fn new(tokens: &'a [Token<'a>]) -> Self {
        LowerWords {
            tokens,
            set: std::cell::OnceCell::new(),
        }
    }

    pub(super) fn contains(&self, folded: &str) -> bool {
        self.set
            .get_or_init(|| {
                self.tokens
                    .iter()
                    .filter(|t| t.word.case == Case::Lower)
                    .map(|t| t.folded.as_ref())
                    .collect()
            })
            .contains(folded)
    }
}

/// A name found once is a name everywhere in the post: "linda's mobile … says linda overreacted".
fn repeat_names(tokens: &[Token<'_>], hits: &mut Vec<Hit>) {
    let mut known: HashMap<String, Severity, FxBuild> = HashMap::default();
    for h in hits.iter().filter(|h| h.category == Category::Name) {
        let from = tokens.partition_point(|t| t.word.start < h.start);
        for t in tokens[from..].iter().take_while(|t| t.word.start < h.end) {
            let initials = t.word.case == Case::Upper && t.folded.len() == 2;
            if (t.folded.len() >= 3 || initials) && !t.has(TITLE | SOFT_TITLE) {
                known.insert(t.folded.to_string(), h.severity);
            }
        }
    }
    if known.is_empty() {
        return;
    }
    // Hits may overlap each other here, so "is this word inside any hit" asks the running
    // maximum of ends over hits sorted by start.
    let mut spans: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.end)).collect();
    spans.sort_unstable();
    let mut max_end = Vec::with_capacity(spans.len());
    let mut running = 0;
    for (_, end) in &spans {
        running = running.max(*end);
        max_end.push(running);
    }
    let covered = |t: &Token<'_>| {
        let n = spans.partition_point(|(start, _)| *start < t.word.end);
        n > 0 && max_end[n - 1] > t.word.start
    };
    for t in tokens {
        let Some(severity) = known.get(t.folded.as_ref()) else {
            continue;
        };
        // "Hope" the name does not make "hope" the word a name.
        let word_use = !t.word.capitalised() && t.entry().common();
        if !word_use && !covered(t) {
            push(hits, t.word.start, t.word.end, Category::Name, *severity);
        }
    }
}

fn single_initial(t: &Token<'_>) -> bool {
    t.word.text.len() == 1 && t.word.case == Case::Upper && t.word.text != "I"
}

/// Consecutive capitalised words on one line, joined by spaces, `St.`-style abbreviations or
/// connectors ("University of Oregon", "José Núñez", "St. Brendan's Hospital").
fn run_end(text: &str, tokens: &[Token<'_>], start: usize) -> usize {
    let mut end = start + 1;
    while end < tokens.len() {
        let prev = &tokens[end - 1];
        let next = &tokens[end];
        let gap = &text[prev.word.end..next.word.start];
        let joined = gap == " "
            || ((gap == ". " || gap == ".") && (prev.word.text.len() <= 3 || single_initial(prev)));
        if !joined
            || next.word.sentence_start && !(gap.starts_with('.') && prev.word.text.len() <= 3)
        {
            break;
        }
        if prev.possessive && !next.has(ORG_SUFFIX) {
            break;
        }
        if next.word.capitalised() || single_initial(next) {
            end += 1;
            continue;
        }
        // A lower-case connector only inside a run: "University of Oregon".
        if next.has(CONNECTOR)
            && end + 1 < tokens.len()
            && tokens[end + 1].word.capitalised()
            && text[next.word.end..tokens[end + 1].word.start] == *" "
        {
            end += 2;
            continue;
        }
        break;
    }
    end
}

fn push(hits: &mut Vec<Hit>, start: usize, end: usize, category: Category, severity: Severity) {
    let (reason, priority) = match category {
        Category::Name => (
            "A name, even a first name or a nickname, can be enough for someone who knows the client.",
            60,
        ),
        Category::Location => (
            "A place smaller than a state narrows down who the client is.",
            58,
        ),
        Category::Organization => (
            "A named employer, school, church or treatment service narrows down who the client is.",
            59,
        ),
        _ => ("This could identify someone.", 50),
    };
    hits.push(Hit {
        start,
        end,
        category,
        severity,
        reason,
        priority,
    });
}
