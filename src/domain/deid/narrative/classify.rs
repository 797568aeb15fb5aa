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

    if !first.has(TITLE) && cited(text, tokens, start, end) {
        return;
    }

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
    if letters < 2 || (t.word.case == Case::Upper && letters > 1) || acronym(t.word.text) {
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
    if derived_word(f) {
        return None;
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

/// Endings of derived English words ("Defectiveness", "Catastrophizing", "Structurally"),
/// which a capital letter in a heading or a schema's name does not make a name. Only asked
/// about words in no name or place list.
fn derived_word(folded: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ness", "ity", "ities", "ism", "isms", "tion", "tions", "sion", "sions", "ment", "ments",
        "ally", "izing", "ising", "ization", "isation", "ology", "ologist", "ological", "ical",
        "ically", "ative", "atives", "ivity", "ship", "hood", "ful", "less", "able", "ible",
        "ician", "icians", "ists", "ancy", "ency", "istic", "atory", "otic", "atic",
    ];
    folded.chars().count() >= 7 && ENDINGS.iter().any(|e| folded.ends_with(e))
}

/// Nouns that make the capitalised words before them an eponym or an author, not a person in
/// the case: "Charles Bonnet syndrome", "Freeman's model", "Herman's phase model".
const WORK_NOUNS: &[&str] = &[
    "syndrome",
    "disease",
    "disorder",
    "test",
    "tests",
    "scale",
    "scales",
    "model",
    "models",
    "triad",
    "triangle",
    "effect",
    "sign",
    "criteria",
    "technique",
    "techniques",
    "method",
    "protocol",
    "procedure",
    "questionnaire",
    "inventory",
    "paradigm",
    "principle",
    "principles",
    "hierarchy",
    "cycle",
    "theory",
    "theories",
    "framework",
    "approach",
    "stages",
    "phases",
    "tasks",
    "functions",
    "manual",
    "book",
    "books",
    "review",
    "graces",
    "typology",
    "concept",
    "hypothesis",
    "formulation",
    "map",
    "matrix",
    "ladder",
    "grid",
    "wheel",
    "circle",
    "drama",
    "classic",
    "paper",
    "papers",
    "study",
    "studies",
    "trial",
    "research",
    "classification",
    "continuum",
    "diagram",
    "window",
    "quadrant",
    "programme",
    "program",
    "checklist",
    "measure",
    "battery",
    "exercise",
    "exercises",
    "worksheet",
    "worksheets",
    "rules",
    "law",
    "laws",
    "writing",
    "writings",
];

/// Whether the run `start..end` reads as an author or an eponym: a citation ("Jacobson & Truax
/// 1991", "(Burnham, 2012)", "Hull, Mandy and colleagues"), a pair of authors joined by `&`, or
/// a name followed by a work ("Beck's triad", "Gilbert's compassion-focused work").
fn cited(text: &str, tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    let last = &tokens[end - 1];
    // A work's name in the run itself: "Binet-Kamat Test", "Vineland Social Maturity Scale".
    if end - start >= 2
        && tokens[start + 1..end]
            .iter()
            .any(|t| WORK_NOUNS.contains(&t.folded.as_ref()))
    {
        return true;
    }
    let before = &text[..tokens[start].word.start];
    let after = strip_possessive(&text[last.word.end..]).trim_start_matches(' ');
    // Two authors joined by "&": "Clark & Wells", "Golding & Hughes", "Arntz & Jacob's";
    // but "a trainee solicitor at Hallam & Price" is a firm.
    let firm_before = |b: &str| {
        [" at", " for", " from", " joined", " left", " with", " by"]
            .iter()
            .any(|w| b.trim_end().ends_with(w))
    };
    if let Some(head) = before.strip_suffix(" & ") {
        let first_start = head.rfind(' ').map_or(0, |at| at + 1);
        if !firm_before(&head[..first_start]) {
            return true;
        }
    }
    if after.starts_with("& ") && !firm_before(before) {
        return true;
    }
    // Two names joined by "and" where one is a known author ("Hofmann and Hinton's"), or a
    // year, "et al", "colleagues" or a work follows the pair ("Kingdon and Turkington (1994)").
    let partner_before = before
        .strip_suffix(" and ")
        .and_then(|b| b.rsplit(' ').next())
        .filter(|w| w.chars().count() >= 3 && w.starts_with(|c: char| c.is_uppercase()));
    if partner_before.is_some_and(|p| is_clinical(p) || year_follows(after) || work_follows(after))
    {
        return true;
    }
    if let Some(rest) = after.strip_prefix("and ") {
        let second_end = rest
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(rest.len());
        let second = &rest[..second_end];
        if second.chars().count() >= 3 && second.starts_with(|c: char| c.is_uppercase()) {
            let tail = strip_possessive(&rest[second_end..]);
            if is_clinical(second) || year_follows(tail) || work_follows(tail) {
                return true;
            }
        }
        if rest.starts_with("colleagues") {
            return true;
        }
    }
    if year_follows(after) || after.starts_with("et al") {
        return true;
    }
    // "Hull, Mandy and colleagues on camouflaging".
    if let Some(at) = text[last.word.end..].find(" and colleagues") {
        let between = &text[last.word.end..last.word.end + at];
        if at < 40 && !between.contains(['.', '\n']) {
            return true;
        }
    }
    // Right after, across one space only (not a table cell or a comma): "Stroop test".
    if tokens.get(end).is_some_and(|n| {
        n.word.case == Case::Lower
            && text[last.word.end..n.word.start] == *" "
            && WORK_NOUNS.contains(&n.folded.as_ref())
    }) {
        return true;
    }
    if last.possessive {
        // Within six words: "Herman's phase model", "Proctor's normative, formative and
        // restorative functions", "Gilbert's compassion-focused work".
        let window: String = text[last.word.end..].chars().take(48).collect();
        if ["-focused", "-focussed", "-based", "-informed", "-oriented"]
            .iter()
            .any(|e| window.contains(e))
        {
            return true;
        }
        for t in tokens.iter().skip(end).take(6) {
            if t.word.sentence_start {
                break;
            }
            if WORK_NOUNS.contains(&t.folded.as_ref()) {
                return true;
            }
        }
    }
    false
}

fn strip_possessive(s: &str) -> &str {
    ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s)
}

/// ", 1991", " (2003)", " 1991": a year right after a name makes it a citation.
fn year_follows(after: &str) -> bool {
    let a = after.trim_start_matches([',', ' ', '(']);
    let digits = a.bytes().take_while(u8::is_ascii_digit).count();
    digits == 4 && (a.starts_with("19") || a.starts_with("20"))
}

fn work_follows(after: &str) -> bool {
    let word: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    WORK_NOUNS.contains(&word.as_str())
}

/// "DoLS", "CBTp", "OTs", "GPs": an acronym in mixed case or a plural of one, not a name
/// ("JoJo", "McKay" stay names: two capitals and a lower-case end).
fn acronym(word: &str) -> bool {
    let letters = word.chars().count();
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let plural = word.ends_with('s') && upper + 1 == letters && upper >= 2;
    let mixed = letters <= 6 && (upper >= 3 || upper >= 2 && word.ends_with(char::is_uppercase));
    // "D6W" is a postcode's part, not an acronym.
    !word.contains(|c: char| c.is_ascii_digit()) && (plural || mixed)
}
