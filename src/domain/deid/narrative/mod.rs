//! The pass over words: names, places and organizations, which have no shape, only a capital
//! letter, a word list and the words around them. One hash lookup per word keeps it linear and
//! fast; the word lists are only asked about capitalised words and their neighbours.

mod bare;
mod citation;
mod classify;
mod context;
mod cues;
mod shape;
mod tokens;

use std::collections::HashMap;

use super::lexicon as lx;
use super::text::{Case, words_as};
use super::{Category, Hit, Severity};
use classify::classify_run;
use tokens::*;

pub(crate) fn find(text: &str) -> Vec<Hit> {
    let tokens: Vec<Token<'_>> = words_as(text, token);
    let lower = LowerWords::new(&tokens);
    let mut hits = Vec::new();
    lower_case_names(text, &tokens, &mut hits);
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
        let word_use = !t.word.capitalised() && lx::is_common_word(&t.folded);
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

/// "maria said", "her sister ana": lower-case names, only where the words around say person.
fn lower_case_names(text: &str, tokens: &[Token<'_>], hits: &mut Vec<Hit>) {
    for (i, t) in tokens.iter().enumerate() {
        // The word itself may be a name only in lower case; a word for kin or a meeting
        // verb may open the sentence ("Seeing kev weekly").
        let lower = t.word.case == Case::Lower;
        if !(lower || t.word.case == Case::Title && t.has(RELATION | MEETS_PERSON)) {
            continue;
        }
        if lower && t.possessive && t.flags == 0 && t.folded.len() >= 3 && {
            let e = lx::entry(&t.folded);
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
            && lx::is_first_name(&t.folded)
            && !lx::is_common_word(&t.folded)
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
        let e = lx::entry(&c.folded);
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
            let e = lx::entry(&w.folded);
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
