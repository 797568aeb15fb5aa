//! The pass over words: names, places and organizations, which have no shape, only a capital
//! letter, a word list and the words around them. One hash lookup per word keeps it linear and
//! fast; the word lists are only asked about capitalised words and their neighbours.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use super::lexicon::{self as lx};
use super::text::{Case, Word, fold, words};
use super::{Category, Hit, Severity};

const RELATION: u16 = 1;
const AFTER_PERSON: u16 = 1 << 1;
const STRONG_AFTER: u16 = 1 << 2;
const TITLE: u16 = 1 << 3;
const SOFT_TITLE: u16 = 1 << 4;
const PLACE_PREP: u16 = 1 << 5;
const ORG_SUFFIX: u16 = 1 << 6;
const STREET: u16 = 1 << 7;
const AREA: u16 = 1 << 8;
const CLINICAL: u16 = 1 << 9;
const CALENDAR: u16 = 1 << 10;
const CONNECTOR: u16 = 1 << 11;
const ORG_HEAD: u16 = 1 << 12;
const PRONOUN: u16 = 1 << 13;

/// Verbs that, right after a word, make it a person even when it is also a common word
/// ("Will said", "hope told me" is rare enough).
const STRONG: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "asked",
    "asks",
    "reported",
    "reports",
    "cried",
    "texted",
    "screamed",
    "shouted",
    "disclosed",
    "explained",
    "insists",
    "insisted",
    "admits",
    "mentioned",
    "yelled",
    "whispered",
    "replied",
    "wrote",
    "emailed",
    "phoned",
    "refused",
    "denied",
    "denies",
    "laughed",
    "sobbed",
    "describes",
    "described",
    "asks",
    "texts",
    "calls",
    "called",
    "phones",
    "blames",
    "blamed",
    "accuses",
    "accused",
];

const SOFT_TITLES: &[&str] = &[
    "dr",
    "doctor",
    "prof",
    "professor",
    "nurse",
    "father",
    "fr",
    "sister",
    "brother",
    "aunt",
    "auntie",
    "aunty",
    "uncle",
    "grandma",
    "grandpa",
    "nana",
    "granny",
    "officer",
    "detective",
    "judge",
    "coach",
    "pastor",
    "rev",
    "reverend",
    "rabbi",
    "imam",
    "sheikh",
    "deacon",
    "elder",
    "captain",
    "sergeant",
    "sgt",
    "lieutenant",
    "principal",
    "counsellor",
    "mama",
    "papa",
    "baba",
    "abuela",
    "abuelo",
    "tia",
    "tio",
    "bubbe",
    "zaidy",
    "miss",
];

const CONNECTORS: &[&str] = &[
    "of", "the", "de", "del", "della", "van", "der", "von", "du", "la", "le", "al", "bin", "bint",
    "da", "dos", "das", "di", "y", "st", "mt", "ft", "&", "on", "upon",
];

const ORG_HEADS: &[&str] = &[
    "university",
    "college",
    "bank",
    "church",
    "hospital",
    "clinic",
    "school",
    "academy",
    "institute",
    "department",
    "bureau",
    "office",
    "ministry",
    "house",
    "centre",
    "center",
    "city",
    "county",
    "state",
    "board",
    "court",
];

const PRONOUNS: &[&str] = &[
    "i", "he", "she", "they", "we", "you", "it", "his", "her", "their", "my", "our", "your", "him",
    "them", "me", "us", "this", "that", "these", "those", "there", "here", "what", "when", "where",
    "why", "how", "which", "who", "a", "an", "if", "but", "so", "as",
];

/// FxHash: the lookup per word is the hot path, and the keys are our own short words, so a
/// fast non-keyed hash is safe here (no attacker chooses the table's keys).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 =
                (self.0.rotate_left(5) ^ u64::from(*b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

type FxBuild = std::hash::BuildHasherDefault<Fx>;

static FLAGS: LazyLock<HashMap<&'static str, u16, FxBuild>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, u16, FxBuild> =
        HashMap::with_capacity_and_hasher(2048, FxBuild::default());
    let mut add = |list: &[&'static str], flag: u16| {
        for w in list {
            *map.entry(w).or_default() |= flag;
        }
    };
    add(lx::RELATIONS, RELATION);
    add(lx::AFTER_PERSON, AFTER_PERSON);
    add(STRONG, STRONG_AFTER | AFTER_PERSON);
    add(lx::TITLES, TITLE);
    add(SOFT_TITLES, SOFT_TITLE);
    add(lx::PLACE_PREPOSITIONS, PLACE_PREP);
    add(lx::ORGANIZATION_SUFFIXES, ORG_SUFFIX);
    add(lx::STREET_SUFFIXES, STREET);
    add(lx::AREA_SUFFIXES, AREA);
    add(lx::CLINICAL, CLINICAL);
    add(lx::MONTHS, CALENDAR);
    add(lx::WEEKDAYS, CALENDAR);
    add(lx::MONTH_ABBREVIATIONS, CALENDAR);
    add(CONNECTORS, CONNECTOR);
    add(ORG_HEADS, ORG_HEAD);
    add(PRONOUNS, PRONOUN);
    map
});

/// A word with what the pass needs to know about it.
struct Token<'a> {
    word: Word<'a>,
    /// Folded, without a possessive `'s`.
    folded: Cow<'a, str>,
    possessive: bool,
    /// Bytes of the word without its possessive, in the text (folding can shorten it).
    base_len: usize,
    flags: u16,
}

impl Token<'_> {
    fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

fn token(word: Word<'_>) -> Token<'_> {
    let (base, possessive) = match word
        .text
        .strip_suffix("'s")
        .or_else(|| word.text.strip_suffix("’s"))
    {
        Some(b) if !b.is_empty() => (b, true),
        _ => (word.text, false),
    };
    let folded: Cow<'_, str> = if base.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        Cow::Borrowed(base)
    } else {
        Cow::Owned(fold(base))
    };
    let flags = FLAGS.get(folded.as_ref()).copied().unwrap_or(0);
    Token {
        word,
        folded,
        possessive,
        base_len: base.len(),
        flags,
    }
}

pub(crate) fn find(text: &str) -> Vec<Hit> {
    let tokens: Vec<Token<'_>> = words(text).into_iter().map(token).collect();
    let mut hits = Vec::new();
    lower_case_names(text, &tokens, &mut hits);
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].word.capitalised() && !single_initial(&tokens[i]) {
            i += 1;
            continue;
        }
        let end = run_end(text, &tokens, i);
        classify_run(text, &tokens, i, end, &mut hits);
        i = end;
    }
    repeat_names(&tokens, &mut hits);
    hits
}

/// A name found once is a name everywhere in the post: "linda's mobile … says linda overreacted".
fn repeat_names(tokens: &[Token<'_>], hits: &mut Vec<Hit>) {
    let mut known: HashMap<String, Severity, FxBuild> = HashMap::default();
    for h in hits.iter().filter(|h| h.category == Category::Name) {
        let from = tokens.partition_point(|t| t.word.start < h.start);
        for t in tokens[from..].iter().take_while(|t| t.word.end <= h.end) {
            if t.folded.len() >= 3 && !t.has(TITLE | SOFT_TITLE) {
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
        if t.word.case != Case::Lower {
            continue;
        }
        if t.possessive
            && t.flags == 0
            && t.folded.len() >= 3
            && lx::is_first_name(&t.folded)
            && !lx::is_common_word(&t.folded)
        {
            push(
                hits,
                t.word.start,
                t.word.start + t.base_len,
                Category::Name,
                Severity::Block,
            );
            continue;
        }
        let candidate = if t.has(RELATION) {
            tokens.get(i + 1)
        } else if t.has(STRONG_AFTER) && i > 0 {
            tokens.get(i - 1)
        } else {
            None
        };
        let Some(c) = candidate else { continue };
        if c.word.case != Case::Lower || c.flags != 0 || c.folded.len() < 3 {
            continue;
        }
        // Only across a space or a comma: "her sister, ana," but not across a sentence.
        let (a, b) = if c.word.start > t.word.start {
            (t.word.end, c.word.start)
        } else {
            (c.word.end, t.word.start)
        };
        if !text[a..b].chars().all(|ch| ch == ' ' || ch == ',') {
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
        }
    }
}

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

fn classify_run(text: &str, tokens: &[Token<'_>], start: usize, end: usize, hits: &mut Vec<Hit>) {
    let first = &tokens[start];
    let last = &tokens[end - 1];
    let span = |a: usize, b: usize| (tokens[a].word.start, tokens[b - 1].word.end);
    let len = end - start;

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
        if let Some(n) = multi_word_place(tokens, i, end) {
            flush(hits, &mut name_from, i);
            let (a, b) = span(i, i + n);
            push(hits, a, b, Category::Location, Severity::Block);
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

fn multi_word_place(tokens: &[Token<'_>], i: usize, end: usize) -> Option<usize> {
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
        if e.place() && !e.region() {
            return Some(n);
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
    if letters < 2 || (t.word.case == Case::Upper && letters > 1) {
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
