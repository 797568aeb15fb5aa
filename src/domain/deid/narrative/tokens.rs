//! Words as the pass sees them: folded, with a possessive noted, and flagged from the short
//! hand-written lists (titles, relations, speech verbs, suffixes, the clinical allowlist) in one
//! hash lookup.

use std::borrow::Cow;
use std::cell::Cell;
use std::sync::LazyLock;

use super::given_names::maybe_given_name;
pub(super) use super::word_table::FxBuild;
use super::word_table::{WordTable, fx_hash};
use crate::domain::deid::lexicon as lx;
use crate::domain::deid::text::{Case, Word, fold};

pub(super) const RELATION: u32 = 1;
pub(super) const AFTER_PERSON: u32 = 1 << 1;
pub(super) const STRONG_AFTER: u32 = 1 << 2;
pub(super) const TITLE: u32 = 1 << 3;
pub(super) const SOFT_TITLE: u32 = 1 << 4;
pub(super) const PLACE_PREP: u32 = 1 << 5;
pub(super) const ORG_SUFFIX: u32 = 1 << 6;
pub(super) const STREET: u32 = 1 << 7;
pub(super) const AREA: u32 = 1 << 8;
pub(super) const CLINICAL: u32 = 1 << 9;
pub(super) const CALENDAR: u32 = 1 << 10;
pub(super) const CONNECTOR: u32 = 1 << 11;
pub(super) const ORG_HEAD: u32 = 1 << 12;
pub(super) const PRONOUN: u32 = 1 << 13;
pub(super) const MEETS_PERSON: u32 = 1 << 14;
/// The last word of a naming phrase ("goes by", "name is", "called"): one flag test per
/// word instead of string comparisons.
pub(super) const NAMING: u32 = 1 << 15;
/// A word for kin that the word lists also hold as a first name (`KIN_NAMES`).
pub(super) const KIN_WORD: u32 = 1 << 16;
/// Family and pets, which after a name in a table's next cell say who the name is.
pub(super) const KIN_CELL: u32 = 1 << 17;

/// Beyond the flags of the word lists: the word is in a script other than Latin.
pub(super) const OTHER_SCRIPT: u8 = 1;
/// Maybe a first name that is no English word ("jayden", "priya"), a name even in lower case:
/// set from a Bloom filter of those names, so the word pass asks the lexicon about a lower-case
/// word only when the filter says maybe (the names themselves and about one word in a hundred).
pub(super) const GIVEN_NAME: u8 = 1 << 1;

/// Verbs that, right after a word, make it a person even when it is also a common word
/// ("Will said", "hope told me" is rare enough).
#[rustfmt::skip]
const STRONG: &[&str] = &[
    "said", "says", "told", "tells", "asked", "asks", "reported", "reports", "cried", "texted",
    "screamed", "shouted", "disclosed", "explained", "insists", "insisted", "admits", "mentioned",
    "yelled", "whispered", "replied", "wrote", "emailed", "phoned", "refused", "denied", "denies",
    "laughed", "sobbed", "describes", "described", "asks", "texts", "calls", "called", "phones",
    "blames", "blamed", "accuses", "accused", "cries", "sobs", "laughs", "apologises",
    "apologizes", "apologised", "apologized", "nods", "shrugs", "smiles", "giggles", "whispers",
    "mutters", "sighs", "storms", "stormed", "swore", "swears", "hugged", "hugs",
];

/// Words after which a lower-case first name or a person's initials are a person: "saw jess",
/// "session with RB", "seeing a.k. tomorrow".
#[rustfmt::skip]
const MEETS: &[&str] = &[
    "saw", "see", "sees", "seeing", "seen", "met", "meet", "meets", "meeting", "visited",
    "visiting", "with", "and", "texted", "rang", "phoned", "emailed",
];

#[rustfmt::skip]
const SOFT_TITLES: &[&str] = &[
    "dr", "doctor", "prof", "professor", "nurse", "father", "fr", "sister", "brother", "aunt",
    "auntie", "aunty", "uncle", "grandma", "grandpa", "nana", "granny", "officer", "detective",
    "judge", "coach", "pastor", "rev", "reverend", "rabbi", "imam", "sheikh", "deacon", "elder",
    "captain", "sergeant", "sgt", "lieutenant", "principal", "counsellor", "mama", "papa", "baba",
    "abuela", "abuelo", "tia", "tio", "bubbe", "zaidy", "miss", "nan", "nanna", "gran",
    "grandad", "granda", "nonna", "nonno", "babcia", "dziadek", "oma", "opa", "kokum", "mushum",
    "ajji", "ajja", "lola", "lolo", "amma", "appa", "nani", "dadi", "kuia", "koro", "nonc",
    "tante", "parrain", "teta", "khalto", "khalo", "amo", "ammachi", "tio",
];

/// Words for kin that the word lists also hold as first names.
#[rustfmt::skip]
const KIN_NAMES: &[&str] = &[
    "nan", "nana", "nanna", "nanny", "gran", "granny", "ma", "pa", "mam", "amma", "appa", "ajji",
    "ajja", "baba", "nani", "dadi", "oma", "opa", "nonna", "nonno", "babcia", "kokum", "mushum",
    "lola", "lolo", "abuela", "abuelo", "bubbe", "zaidy", "tutu", "kuia", "koro", "tita", "tito",
    "kuya", "nanay", "tatay", "ninang", "ninong", "gogo", "umakhulu", "makhulu", "ouma", "oupa",
    "tata", "iya", "mamaw", "pawpaw", "memaw", "meemaw", "yiayia", "pappou", "abuelita",
    "abuelito", "teta", "khalo", "amo", "nonc", "parrain", "nanan", "ammachi", "achan", "mae",
    "akka", "thambi", "machan", "maame",
];

/// Suffixes that only a named congregation, club or pub takes.
#[rustfmt::skip]
pub(super) const STRONG_ORG_SUFFIXES: &[&str] = &[
    "church", "chapel", "cathedral", "mosque", "masjid", "synagogue", "temple", "gurdwara",
    "mandir", "fellowship", "tabernacle", "fc", "afc", "rfc", "united", "rovers", "saints",
    "rangers", "wanderers", "harriers", "athletic", "inn", "arms", "tavern", "hawks", "eagles",
    "tigers", "lions", "wolves", "panthers", "wildcats",
];

#[rustfmt::skip]
const CONNECTORS: &[&str] = &[
    "of", "the", "de", "del", "della", "van", "der", "von", "du", "la", "le", "al", "bin", "bint",
    "da", "dos", "das", "di", "y", "st", "mt", "ft", "&", "on", "upon",
];

#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "university", "college", "bank", "church", "hospital", "clinic", "school", "academy",
    "institute", "department", "bureau", "office", "ministry", "house", "centre", "center", "city",
    "county", "state", "board", "court",
];

#[rustfmt::skip]
const PRONOUNS: &[&str] = &[
    "i", "he", "she", "they", "we", "you", "it", "his", "her", "their", "my", "our", "your", "him",
    "them", "me", "us", "this", "that", "these", "those", "there", "here", "what", "when", "where",
    "why", "how", "which", "who", "a", "an", "if", "but", "so", "as",
];

static FLAGS: LazyLock<WordTable> = LazyLock::new(|| {
    let mut words: Vec<(&'static str, u32)> = Vec::with_capacity(4096);
    let mut add = |list: &[&'static str], flag: u32| {
        words.extend(list.iter().map(|w| (*w, flag)));
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
    add(&lx::clinical_allowlist().collect::<Vec<_>>(), CLINICAL);
    add(lx::MONTHS, CALENDAR);
    add(lx::WEEKDAYS, CALENDAR);
    add(lx::MONTH_ABBREVIATIONS, CALENDAR);
    add(CONNECTORS, CONNECTOR);
    add(ORG_HEADS, ORG_HEAD);
    add(PRONOUNS, PRONOUN);
    add(MEETS, MEETS_PERSON);
    add(KIN_NAMES, KIN_WORD);
    add(super::context::KIN, KIN_CELL);
    add(
        &[
            "is",
            "was",
            "are",
            "by",
            "as",
            "himself",
            "herself",
            "themselves",
            "called",
            "nicknamed",
            "named",
            "uses",
            "prefers",
        ],
        NAMING,
    );
    WordTable::new(words)
});

/// Whether a word as typed ("Hofmann", "Beck's") is on the clinical allowlist.
pub(super) fn is_clinical(word: &str) -> bool {
    let base = ["'s", "’s", "'", "’"]
        .iter()
        .find_map(|p| word.strip_suffix(p))
        .unwrap_or(word);
    let folded = fold(base);
    FLAGS.get(fx_hash(&folded), &folded) & CLINICAL != 0
}

/// A word with what the pass needs to know about it.
pub(super) struct Token<'a> {
    pub word: Word<'a>,
    /// Folded, without a possessive `'s`.
    pub folded: Cow<'a, str>,
    pub possessive: bool,
    /// Bytes of the word without its possessive, in the text (folding can shorten it).
    pub base_len: usize,
    pub flags: u32,
    /// `OTHER_SCRIPT`, set when the word is made (only non-ASCII words are looked at).
    pub marks: u8,
    /// The word lists' bits, looked up at the first question (`NOT_LOOKED_UP` until then):
    /// the rules ask about one capitalised word several times.
    lex: Cell<u8>,
}

const NOT_LOOKED_UP: u8 = u8::MAX;

impl<'a> crate::domain::deid::text::WithWord<'a> for Token<'a> {
    fn word(&self) -> &Word<'a> {
        &self.word
    }
    fn word_mut(&mut self) -> &mut Word<'a> {
        &mut self.word
    }
}

impl Token<'_> {
    pub fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }

    /// What the compiled word lists say of this word, looked up once.
    pub fn entry(&self) -> lx::Entry {
        let bits = self.lex.get();
        if bits != NOT_LOOKED_UP {
            return lx::Entry::from_bits(bits);
        }
        let e = lx::entry(&self.folded);
        self.lex.set(e.bits());
        e
    }
}

/// `lowered` is the whole text in ASCII lower case, so a word of ASCII letters borrows its
/// folded form from it instead of allocating one.
pub(super) fn token<'a>(word: Word<'a>, lowered: &'a str) -> Token<'a> {
    let (base, possessive) = match word
        .text
        .strip_suffix("'s")
        .or_else(|| word.text.strip_suffix("’s"))
    {
        Some(b) if !b.is_empty() => (b, true),
        _ => (word.text, false),
    };
    let folded: Cow<'a, str> = if base.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-') {
        match lowered.get(word.start..word.start + base.len()) {
            Some(l) => Cow::Borrowed(l),
            None => Cow::Owned(fold(base)),
        }
    } else {
        Cow::Owned(fold(base))
    };
    let h = fx_hash(&folded);
    let flags = FLAGS.get(h, &folded);
    let mut marks = if !word.text.is_ascii() && super::cues::in_other_script(word.text) {
        OTHER_SCRIPT
    } else {
        0
    };
    if flags == 0
        && !possessive
        && folded.len() >= 3
        && word.case == Case::Lower
        && maybe_given_name(h)
    {
        marks |= GIVEN_NAME;
    }
    Token {
        word,
        folded,
        possessive,
        base_len: base.len(),
        flags,
        marks,
        lex: Cell::new(NOT_LOOKED_UP),
    }
}
