//! Checks that look at a rule's match in its neighbourhood: each returns the severity to
//! report, or None for a look-alike (`120/80`, `CPT 90832`, a `7/10` craving).

use super::Span;
use crate::domain::deid::Severity::{self, Block, Warn};
use crate::domain::deid::lexicon::in_list;

pub(super) fn trim_url(s: &mut Span<'_>) -> Option<Severity> {
    // Sentence punctuation after an address is not part of it.
    // Character by character: "’" is three bytes.
    while let Some(c) = s.text[s.start..s.end].chars().next_back().filter(|c| {
        matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '*' | '_' | '’' | '”'
        )
    }) {
        s.end -= c.len_utf8();
    }
    let t = s.get();
    // File names and abbreviations ("notes.co", "e.g.") are not addresses unless there is a scheme,
    // "www" or a path.
    if t.contains("..") {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    if lower.ends_with(".co") && !lower.contains('/') {
        return None;
    }
    Some(Block)
}

pub(super) fn has_digit(s: &mut Span<'_>) -> Option<Severity> {
    s.get().bytes().any(|b| b.is_ascii_digit()).then_some(Block)
}

/// User names look made up: a digit, an underscore, a dot, or capitals inside ("xXDarkPhoenixXx").
pub(super) fn has_digit_or_underscore(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    let marked = t
        .bytes()
        .any(|b| b.is_ascii_digit() || b == b'_' || b == b'.' || b == b'#');
    let inner_capital = t.bytes().skip(1).any(|b| b.is_ascii_uppercase())
        && t.bytes().any(|b| b.is_ascii_lowercase());
    (marked || inner_capital).then_some(Block)
}

pub(super) fn ipv4(s: &mut Span<'_>) -> Option<Severity> {
    let ok = s
        .get()
        .split('.')
        .all(|o| o.parse::<u16>().is_ok_and(|v| v <= 255));
    // "1.2.3.4" in a version string is not an address.
    let version = matches!(
        s.prev_word().as_str(),
        "version" | "v" | "ios" | "android" | "build"
    );
    (ok && !version).then_some(Block)
}

pub(super) fn ipv6(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    let groups = t.split(':').filter(|g| !g.is_empty()).count();
    let hex_letter = t.bytes().any(|b| b.is_ascii_alphabetic());
    let full = t.split(':').count() == 8 && groups == 8;
    ((t.contains("::") && groups >= 2 && (hex_letter || groups >= 3)) || full).then_some(Block)
}

pub(super) fn same_separators(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get().as_bytes();
    (t.get(3) == t.get(6)).then_some(Block)
}

pub(super) fn last_four(s: &mut Span<'_>) -> Option<Severity> {
    let before = s.before(80);
    (before.contains("ssn") || before.contains("social")).then_some(Block)
}

pub(super) fn ending_in(s: &mut Span<'_>) -> Option<Severity> {
    let before = s.before(60);
    // "SSN ending in 4421" is the SSN rule's; here: cards and accounts.
    (!before.contains("ssn") && !before.contains("social")).then_some(Block)
}

pub(super) fn phone_digits(s: &mut Span<'_>) -> Option<Severity> {
    // The extension is not part of the number: "+44 (0)1632 960 214 ext. 4471".
    let t = s.get();
    let number = t
        .find(|c: char| c.is_ascii_alphabetic())
        .map_or(t, |at| &t[..at]);
    let digits = number.bytes().filter(u8::is_ascii_digit).count();
    (8..=15).contains(&digits).then_some(Block)
}

/// A keyed code must look like a code: a digit, four or more characters, and not a year, a
/// measurement or a clinical code.
pub(super) fn code(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    let digits = t.bytes().filter(u8::is_ascii_digit).count();
    if digits < 2 || t.len() < 4 {
        return None;
    }
    // "3-session", "12-week": a count, not a code.
    if t.split('-').any(|p| {
        is_unit(&p.to_ascii_lowercase())
            || p.eq_ignore_ascii_case("year")
            || p.eq_ignore_ascii_case("old")
    }) {
        return None;
    }
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        let year = t.starts_with("19") || t.starts_with("20");
        if year {
            return None;
        }
    }
    let upper = t.to_ascii_uppercase();
    // Instruments, manuals and diagnosis codes: PHQ-9, DSM-5, ICD-10, F41.0, COVID-19.
    #[rustfmt::skip]
    const CLINICAL_PREFIXES: &[&str] = &[
        "PHQ", "GAD", "DSM", "ICD", "PCL", "CAPS", "DASS", "BDI", "COVID", "WISC", "WAIS", "ADOS",
        "CORE", "HAM", "MADRS", "AUDIT", "DAST", "K10", "K6", "EQ", "SF", "CPT",
    ];
    if CLINICAL_PREFIXES.iter().any(|p| upper.starts_with(p)) {
        return None;
    }
    // An ICD-10 code: "F43.1", "F43.10", "Z63.0".
    let b = upper.as_bytes();
    if b.len() <= 8
        && b.first().is_some_and(u8::is_ascii_uppercase)
        && b.get(1..3)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        && b.get(3) == Some(&b'.')
    {
        return None;
    }
    let next = s.next_word();
    if is_unit(&next) {
        return None;
    }
    Some(Block)
}

pub(super) fn long_number(s: &mut Span<'_>) -> Option<Severity> {
    let prev = s.before(2);
    if prev.ends_with('$') || prev.ends_with('£') || prev.ends_with('€') || prev.ends_with(',') {
        return None;
    }
    (!is_unit(&s.next_word())).then_some(Warn)
}

pub(super) fn vin(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    let digits = t.bytes().filter(u8::is_ascii_digit).count();
    (2..17).contains(&digits).then_some(Block)
}

pub(super) fn unit(s: &mut Span<'_>) -> Option<Severity> {
    // "unit 3" of a hospital, "lot 4" of a sale: flagged, but only as a warning, unless it reads
    // like a home.
    let before = s.before(30);
    let home = ["apt", "apartment", "flat", "suite"]
        .iter()
        .any(|w| before.contains(w));
    if s.get() == "I" || s.get() == "A" {
        return None;
    }
    Some(if home || before.contains("unit") {
        Block
    } else {
        Warn
    })
}

pub(super) fn bare_zip(s: &mut Span<'_>) -> Option<Severity> {
    let n: u32 = s.get().parse().ok()?;
    let prev = s.prev_word();
    let before = s.before(2);
    if before.ends_with('$')
        || before.ends_with('£')
        || before.ends_with(',')
        || before.ends_with('.')
    {
        return None;
    }
    // Psychotherapy billing codes (CPT 90785–90899) and other CPT/HCPCS ranges.
    let billing = (90785..=90899).contains(&n)
        || (96101..=96171).contains(&n)
        || (99201..=99499).contains(&n);
    if billing
        || matches!(
            prev.as_str(),
            "cpt" | "code" | "codes" | "billed" | "billing" | "hcpcs"
        )
    {
        return None;
    }
    if is_unit(&s.next_word()) {
        return None;
    }
    Some(Warn)
}

pub(super) fn road(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    // "A4 paper", "M1" alone are too weak: only when a road word is near.
    if t.starts_with('A') || t.starts_with('M') {
        let after = s.after(12);
        let before = s.before(12);
        let roadish = [
            "road",
            "motorway",
            "junction",
            "roundabout",
            "near the",
            "off the",
            "on the",
        ]
        .iter()
        .any(|w| after.contains(w) || before.contains(w));
        return roadish.then_some(Warn);
    }
    if t.starts_with("US") || t.starts_with("SR") || t.starts_with("CR") {
        return (t.contains(' ') || t.contains('-')).then_some(Warn);
    }
    Some(Warn)
}

/// Words after a number that make it a measurement, a score or a dose, not a date or an ID.
pub(super) fn is_unit(word: &str) -> bool {
    #[rustfmt::skip]
    const UNITS: &[&str] = &[
        "mg", "mcg", "g", "kg", "lb", "lbs", "ml", "l", "mmol", "mmhg", "bpm", "cm", "mm", "m",
        "km", "mi", "miles", "ft", "feet", "in", "inches", "hours", "hour", "hrs", "hr", "h",
        "minutes", "minute", "mins", "min", "seconds", "secs", "s", "days", "day", "weeks", "week",
        "months", "month", "years", "year", "yrs", "sessions", "session", "times", "points",
        "point", "pts", "percent", "percentile", "%", "scale", "rating", "craving", "cravings",
        "pain", "units", "unit", "drinks", "drink", "cigarettes", "steps", "calories", "kcal",
        "words", "pages", "dollars", "pounds", "euros", "people", "clients", "patients", "beds",
        "staff", "members", "students", "score", "scores", "items", "questions", "mg/day",
        "tablets", "tablet", "pills", "pill", "doses", "dose", "mgs", "x", "subjects",
        "participants", "cases", "referrals", "iu",
    ];
    in_list(UNITS, word)
}

pub(super) fn initials(s: &mut Span<'_>) -> Option<Severity> {
    #[rustfmt::skip]
    const NOT_INITIALS: &[&str] = &[
        "U.S.", "U.K.", "A.M.", "P.M.", "D.C.", "U.N.", "E.U.", "B.A.", "M.A.", "B.S.", "M.S.",
        "P.S.", "N.B.", "R.N.", "M.D.", "D.O.", "N.P.", "L.A.", "N.Y.", "A.A.", "N.A.", "Q.A.",
        "B.C.", "A.D.", "O.K.", "S.A.", "I.Q.", "E.R.", "I.V.", "G.P.", "T.V.", "P.E.",
    ];
    let t: String = s.get().chars().filter(|c| !c.is_whitespace()).collect();
    let t2 = t.trim_end_matches('.');
    let listed = NOT_INITIALS.iter().any(|n| n.trim_end_matches('.') == t2);
    (!listed).then_some(Block)
}

pub(super) fn role_noun(s: &mut Span<'_>) -> Option<Severity> {
    let last = s
        .get()
        .rsplit(' ')
        .next()
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    #[rustfmt::skip]
    const NOT_ROLES: &[&str] = &[
        "school", "schools", "hospital", "clinic", "services", "service", "council", "area",
        "population", "history", "people", "residents", "community", "culture", "economy",
        "support", "resources", "shops", "news", "park", "library", "police", "church",
    ];
    (!in_list(NOT_ROLES, &last)).then_some(Warn)
}

pub(super) fn event_name(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    // At least one capitalised word or a number besides "The"/"That".
    let named = t
        .split_whitespace()
        .skip(1)
        .any(|w| w.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()));
    named.then_some(Warn)
}
