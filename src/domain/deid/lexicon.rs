//! The scanner's vocabulary: word lists compiled into the binary (`build.rs` turns
//! `data/deid/*.txt` into fst sets; see `data/deid/SOURCES.md`) and short hand-written lists.
//! Every entry is folded (see `text::fold`).

use std::sync::LazyLock;

use fst::Map;

/// The compiled lists, one bit each, in `build.rs`'s order.
const FIRST: u8 = 1;
const LAST: u8 = 1 << 1;
const PLACE: u8 = 1 << 2;
const REGION: u8 = 1 << 3;
const COMMON: u8 = 1 << 4;

static LEXICON: LazyLock<Option<Map<&'static [u8]>>> =
    LazyLock::new(|| Map::new(&include_bytes!(concat!(env!("OUT_DIR"), "/lexicon.fst"))[..]).ok());

/// What the word lists say about one folded word, from a single lookup. `build.rs` has
/// already applied the hand-written corrections (`regions_extra`, `names_not_words`), so every
/// question is one bit.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    bits: u8,
}

pub fn entry(folded: &str) -> Entry {
    let bits = LEXICON.as_ref().and_then(|m| m.get(folded)).unwrap_or(0);
    Entry { bits: bits as u8 }
}

impl Entry {
    /// As stored in a token, which looks its word up once (`narrative::tokens`).
    pub fn from_bits(bits: u8) -> Entry {
        Entry { bits }
    }
    pub fn bits(self) -> u8 {
        self.bits
    }
    pub fn first_name(self) -> bool {
        self.bits & FIRST != 0
    }
    /// A first name or a surname.
    pub fn person(self) -> bool {
        self.bits & (FIRST | LAST) != 0
    }
    /// Cities, towns and counties (smaller than a state).
    pub fn place(self) -> bool {
        self.bits & PLACE != 0
    }
    /// States, provinces, countries and continents: too large to identify anyone.
    pub fn region(self) -> bool {
        self.bits & REGION != 0
    }
    /// An ordinary English word ("will", "hope", "mobile"), so its capital may only start a
    /// sentence.
    pub fn common(self) -> bool {
        self.bits & COMMON != 0
    }
}

/// Every word in the compiled lists with what the lists say of it, in order (a test holds that
/// the tables `build.rs` learns from the lists agree with them).
#[cfg(test)]
pub fn each_entry(mut f: impl FnMut(&str, Entry)) {
    use fst::Streamer;
    let Some(map) = LEXICON.as_ref() else {
        return;
    };
    let mut stream = map.stream();
    while let Some((key, bits)) = stream.next() {
        if let Ok(folded) = std::str::from_utf8(key) {
            f(folded, Entry { bits: bits as u8 });
        }
    }
}

pub fn is_common_word(folded: &str) -> bool {
    entry(folded).common()
}

/// Whether the compiled lists loaded (they always should; a test holds it).
#[cfg(test)]
pub fn loaded() -> bool {
    LEXICON.as_ref().is_some_and(|m| m.len() > 100_000)
}

pub fn in_list(list: &[&str], folded: &str) -> bool {
    list.contains(&folded)
}

/// Capitalised words of clinical writing that are not people or places here (theorists and
/// eponyms, instruments, therapies, medication brands, services, platforms, faiths), kept as a
/// hand-written list in `data/deid/clinical_allowlist.txt`.
pub fn clinical_allowlist() -> impl Iterator<Item = &'static str> {
    include_str!("../../../data/deid/clinical_allowlist.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Courtesy titles that make the next word (or initial) a name.
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "mister", "missus", "madam", "madame", "mme", "sr", "sra",
    "srta", "herr", "frau", "monsieur", "signor", "senor", "senora",
];

/// Words for people that a name may follow ("her sister Ana") or precede ("Ana's sister").
#[rustfmt::skip]
pub const RELATIONS: &[&str] = &[
    "mother", "mom", "mum", "mam", "mommy", "mummy", "mama", "father", "dad", "daddy", "papa",
    "sister", "brother", "son", "daughter", "husband", "wife", "partner", "boyfriend",
    "girlfriend", "fiance", "fiancee", "ex", "ex-husband", "ex-wife", "ex-partner", "grandmother",
    "grandfather", "grandma", "grandpa", "gran", "nan", "nana", "granny", "grandson",
    "granddaughter", "aunt", "auntie", "aunty", "uncle", "cousin", "niece", "nephew", "stepmother",
    "stepfather", "stepdad", "stepmom", "stepmum", "stepson", "stepdaughter", "stepsister",
    "stepbrother", "half-brother", "half-sister", "twin", "child", "baby", "toddler", "kid",
    "kids", "friend", "bestie", "flatmate", "roommate", "housemate", "neighbour", "neighbor",
    "colleague", "coworker", "co-worker", "boss", "manager", "supervisor", "teacher", "carer",
    "caregiver", "sibling", "spouse", "client", "patient", "lodger", "tenant", "landlord",
    "landlady", "pastor", "priest", "imam", "rabbi", "coach", "tutor", "mentor", "abuser",
    "perpetrator", "ex-boyfriend", "ex-girlfriend", "fiancé", "fiancée", "guardian", "foster",
    "birth", "sons", "daughters", "brothers", "sisters", "children", "parents", "parent", "in-law",
    "mother-in-law", "father-in-law", "sister-in-law", "brother-in-law", "daughter-in-law",
    "son-in-law", "lover", "classmate", "teammate", "godmother", "godfather", "stepchild", "named",
    "called", "calls", "nicknamed", "bf", "gf", "bff", "hubby", "ex's", "mil", "fil", "sil", "bil",
    "ask", "tell", "text", "texts", "phone", "met", "aka", "member", "resident", "student",
    "pupil", "boy", "girl", "man", "woman", "lady", "widow", "widower", "toddler", "teen",
    "teenager", "youngest", "eldest", "oldest", "dog", "cat", "puppy", "kitten", "pony",
    "horse", "rabbit", "hamster", "parrot", "budgie", "tortoise", "pet", "ferret", "lizard",
    "snake", "goldfish", "gecko", "spaniel", "labrador", "terrier", "collie", "lurcher",
];

/// Verbs and little words that follow a person's name in case notes ("maria said").
#[rustfmt::skip]
pub const AFTER_PERSON: &[&str] = &[
    "said", "says", "told", "tells", "asked", "asks", "reported", "reports", "was", "is", "has",
    "had", "wants", "wanted", "feels", "felt", "cried", "came", "comes", "left", "lives", "lived",
    "works", "worked", "went", "goes", "thinks", "thought", "believes", "refused", "refuses",
    "agreed", "denied", "denies", "disclosed", "discloses", "shared", "texted", "called", "moved",
    "started", "stopped", "began", "missed", "attended", "arrived", "screamed", "shouted", "died",
    "passed", "admits", "admitted", "insists", "insisted", "explained", "explains", "described",
    "describes", "mentioned", "mentions", "keeps", "kept", "loves", "loved", "hates", "hated",
    "sees", "saw", "visits", "visited", "spoke", "speaks", "brought", "brings", "walked", "walks",
    "ran", "runs", "stayed", "stays", "drinks", "drank", "uses", "used", "hits", "hit", "yelled",
    "laughed", "smiled", "wrote", "writes", "would", "will", "can", "could", "cannot", "can't",
    "won't", "didn't", "doesn't", "isn't", "wasn't", "never", "always", "still", "also", "just",
    "now", "then", "herself", "himself", "themself", "themselves", "and", "who", "whose", "did",
    "does", "seems", "seemed", "looks", "looked", "presents", "presented", "became", "becomes",
    "turned", "turns", "tried", "tries", "finally", "really", "suddenly", "recently",
];

#[rustfmt::skip]
pub const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];

/// Short forms: only a date when a day or year is next to them (`Jan 4`), since `Jan` and `Mar`
/// are also words and names.
#[rustfmt::skip]
pub const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

#[rustfmt::skip]
pub const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mondays",
    "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays", "christmas", "xmas",
    "thanksgiving", "easter", "hanukkah", "chanukah", "diwali", "passover", "halloween",
    "hogmanay", "kwanzaa", "juneteenth", "nowruz", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun",
];

/// Last words of organization names: `Harmon Logistics`, `Lincoln Middle School`.
#[rustfmt::skip]
pub const ORGANIZATION_SUFFIXES: &[&str] = &[
    "hospital", "hospitals", "clinic", "clinics", "center", "centre", "school", "schools",
    "academy", "college", "university", "church", "chapel", "cathedral", "mosque", "synagogue",
    "temple", "gurdwara", "inc", "llc", "ltd", "plc", "corp", "corporation", "company", "co",
    "group", "logistics", "foods", "bank", "insurance", "services", "institute", "foundation",
    "trust", "ministries", "ministry", "prison", "jail", "penitentiary", "facility", "hospice",
    "shelter", "pharmacy", "motors", "industries", "systems", "solutions", "partners",
    "associates", "labs", "laboratories", "health", "healthcare", "medical", "club", "fc",
    "united", "rovers", "press", "mart", "market", "supermarket", "store", "stores", "restaurant",
    "diner", "cafe", "bakery", "brewery", "hotel", "casino", "airlines", "airways", "railways",
    "manufacturing", "construction", "builders", "plumbing", "electric", "energy", "technologies",
    "tech", "software", "consulting", "agency", "firm", "llp", "gmbh", "pty", "enterprises",
    "holdings", "farms", "dairy", "mills", "steel", "auto", "garage", "salon", "gym", "fitness",
    "studio", "studios", "warehouse", "depot", "distribution", "freight", "shipping", "transport",
    "transit", "recovery", "rehab", "rehabilitation", "sanatorium", "infirmary", "surgery",
    "practice", "elementary", "kindergarten", "nursery", "preschool", "daycare", "montessori",
    "prep", "seminary", "polytechnic", "campus", "hall", "house", "lodge", "manor", "home",
    "homes", "network", "alliance", "council", "society", "association", "league", "union", "team",
    "tigers", "lions", "bears", "eagles", "hawks", "wolves", "panthers", "wildcats", "corrections",
    "correctional", "detention", "youth", "outreach", "pantry", "mission", "juniors", "seniors",
    "athletic", "harriers", "collegiate", "grammar", "comprehensive", "fellowship", "tabernacle",
    "masjid", "mandir", "saints", "rangers", "wanderers", "inn", "arms", "tavern",
];

/// Street words after a name (`Larkspur Lane`) or a number and a name (`14 Larkspur Lane`).
#[rustfmt::skip]
pub const STREET_SUFFIXES: &[&str] = &[
    "street", "st", "avenue", "ave", "road", "rd", "lane", "ln", "drive", "boulevard", "blvd",
    "court", "ct", "way", "place", "pl", "terrace", "close", "crescent", "circle", "cir",
    "parkway", "pkwy", "highway", "hwy", "row", "grove", "gardens", "square", "sq", "mews", "walk",
    "alley", "trail", "path", "pike", "turnpike", "loop", "bend", "crossing",
];

/// Words after a name that make it a place (`Marion County`, `Elmwood Heights`).
#[rustfmt::skip]
pub const AREA_SUFFIXES: &[&str] = &[
    "county", "parish", "borough", "township", "district", "estate", "estates", "neighbourhood",
    "neighborhood", "village", "heights", "park", "mall", "bridge", "quarter", "ward", "hills",
    "valley", "springs", "falls", "harbor", "harbour", "creek", "lake", "beach", "bay", "point",
    "ridge", "meadows", "woods", "town", "city", "marina", "pier", "plaza", "stadium", "arena",
    "station", "terminal", "airport", "cove", "end", "green", "heath", "moor", "vale", "cross",
    "crossing", "fields", "hollow", "landing", "common", "wharf",
];

/// Prepositions after which a capitalised word is most likely a place.
#[rustfmt::skip]
pub const PLACE_PREPOSITIONS: &[&str] = &[
    "in", "from", "to", "near", "outside", "around", "at", "towards", "toward", "into", "between",
    "via", "across",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_word_lists_load_and_answer() {
        assert!(loaded());
        assert!(entry("maria").first_name());
        assert!(
            entry("johnson").person() && !entry("johnson").first_name()
                || entry("johnson").first_name()
        );
        assert!(entry("portland").place());
        assert!(entry("ohio").region());
        assert!(is_common_word("hope"));
        assert!(!is_common_word("siobhan"));
    }
}
