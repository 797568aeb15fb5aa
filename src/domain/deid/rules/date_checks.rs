//! Checks for dates and ages: a real day and month, not a score (`7/10`), a dose (`16/4 mg`),
//! a version (`4.2.1`) or a session number (`the 12th session`).

use super::Span;
use super::checks::is_unit;
use crate::domain::deid::Severity::{self, Block, Warn};
use crate::domain::deid::lexicon::{MONTH_ABBREVIATIONS, MONTHS, in_list};
use crate::domain::deid::text::fold;

pub(super) fn iso_date(s: &mut Span<'_>) -> Option<Severity> {
    let parts: Vec<u32> = s
        .get()
        .split(['-', '/', '.'])
        .filter_map(|p| p.parse().ok())
        .collect();
    match parts.as_slice() {
        [_, m, d] if (1..=12).contains(m) && (1..=31).contains(d) => Some(Block),
        _ => None,
    }
}

pub(super) fn valid_day_month(a: u32, b: u32) -> bool {
    let md = (1..=12).contains(&a) && (1..=31).contains(&b);
    let dm = (1..=31).contains(&a) && (1..=12).contains(&b);
    md || dm
}

pub(super) fn version_context(s: &Span<'_>) -> bool {
    let prev = s.prev_word();
    matches!(
        prev.as_str(),
        "version"
            | "v"
            | "ios"
            | "android"
            | "build"
            | "release"
            | "update"
            | "updated"
            | "to"
            | "windows"
            | "macos"
    ) && !s.before(20).contains("since")
}

pub(super) fn numeric_date(s: &mut Span<'_>) -> Option<Severity> {
    let parts: Vec<u32> = s
        .get()
        .split(['-', '/', '.'])
        .filter_map(|p| p.parse().ok())
        .collect();
    let [a, b, _] = parts.as_slice() else {
        return None;
    };
    if !valid_day_month(*a, *b) {
        return None;
    }
    // "12.5-50 mg": a dose range. A date keeps one separator ("12.5.50", "12-5-50").
    let mut separators = s.get().chars().filter(|c| matches!(c, '-' | '/' | '.'));
    if separators.next() != separators.next() || super::checks::is_unit(&s.next_word()) {
        return None;
    }
    if s.get().contains('.') && version_context(s) {
        return None;
    }
    Some(Block)
}

pub(super) fn short_date(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    let mut it = t.split('/').filter_map(|p| p.parse::<u32>().ok());
    let (Some(a), Some(b)) = (it.next(), it.next()) else {
        return None;
    };
    if !valid_day_month(a, b) || t == "24/7" {
        return None;
    }
    let next = s.next_word();
    let prev = s.prev_word();
    let before = s.before(3);
    let after = s.after(2);
    // Part of a bigger number ("120/80", "16/4 mg", "3/10/2023" is another rule's).
    if before.ends_with('/') || after.starts_with('/') || before.ends_with('.') {
        return None;
    }
    #[rustfmt::skip]
    const DATE_CUES: &[&str] = &[
        "on", "since", "from", "until", "till", "by", "before", "after", "dated", "admitted",
        "discharged", "born", "died", "seen", "due", "dob", "d.o.b", "date", "starting", "ending",
        "last", "next", "of", "around", "week", "weekend", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat",
        "sun", "tues", "weds", "thur", "thurs",
    ];
    // Ratings and fractions: "a 7/10", "rated 8/10", "scored 3/5", "1/2 a tablet".
    #[rustfmt::skip]
    const SCORE_CUES: &[&str] = &[
        "a", "an", "rated", "rates", "rating", "scored", "scores", "score", "at", "about",
        "around", "roughly", "was", "is", "of", "out", "only", "just", "to", "with", "suds",
        "distress", "pain", "mood", "anxiety", "craving", "sleep", "energy", "was",
    ];
    if in_list(DATE_CUES, &prev) && prev != "of" && prev != "around" && !is_unit(&next) {
        return Some(Block);
    }
    // UK clinical shorthand for days, weeks and months: "3/7 ago", "over 6/52", "now 2/12".
    #[rustfmt::skip]
    const SHORTHAND_NEXT: &[&str] = &[
        "ago", "before", "after", "later", "post", "prior", "previously", "earlier", "into", "at",
        "of", "in", "since",
    ];
    if b == 52
        || (b == 7 || b == 12)
            && (in_list(SHORTHAND_NEXT, &next)
                || matches!(prev.as_str(), "now" | "over" | "for" | "within" | "past"))
    {
        return None;
    }
    // A score after its instrument or item: "VoC 2/7", "CRAFFT 5/6", "Part A 5/6", "session
    // 6/16", "7/9 inattentive symptoms".
    if raw_prev_is_acronym(s)
        || matches!(
            next.as_str(),
            "inattentive"
                | "hyperactive"
                | "symptoms"
                | "items"
                | "criteria"
                | "positive"
                | "negative"
                | "correct"
                | "sessions"
                | "domains"
                | "subscales"
        )
        || matches!(
            prev.as_str(),
            "session"
                | "sessions"
                | "item"
                | "items"
                | "part"
                | "stage"
                | "step"
                | "module"
                | "phase"
                | "criteria"
                | "screen"
        )
    {
        return None;
    }
    if is_unit(&next) || matches!(next.as_str(), "of" | "or" | "to" | "on") {
        return None;
    }
    if b == 10 || b == 5 || b == 4 || b == 3 || b == 2 || in_list(SCORE_CUES, &prev) {
        return None;
    }
    Some(Warn)
}

/// The word before the span as typed is an instrument's or an item's short name: two or more
/// capitals ("VoC", "CRAFFT", "SUD") or one ("Part A").
fn raw_prev_is_acronym(s: &Span<'_>) -> bool {
    let gap_start = s.text[..s.start].trim_end().len();
    if s.text[gap_start..s.start].contains('\n') {
        // Another line or table cell: "| DOB | 04/11 |" is a date.
        return false;
    }
    let before = &s.text[..gap_start];
    let word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    !word.is_empty()
        && !matches!(word, "I" | "DOB" | "DOD" | "EDD" | "LMP" | "D")
        && (upper >= 2 || upper == word.chars().count())
}

pub(super) fn written_date(s: &mut Span<'_>) -> Option<Severity> {
    let t = s.get();
    // Find the month word inside the match and judge it by how it is written.
    let month = t.split(|c: char| !c.is_alphabetic()).find(|w| {
        let f = fold(w);
        in_list(MONTHS, &f) || in_list(MONTH_ABBREVIATIONS, &f)
    })?;
    let folded = fold(month);
    let has_day_or_year = t.bytes().any(|b| b.is_ascii_digit());
    if t.ends_with('.') && in_list(MONTHS, &folded) {
        // "in March." ends a sentence; only "Mar." abbreviates.
        s.end -= 1;
    }
    let capital = month.starts_with(|c: char| c.is_uppercase());
    let full = in_list(MONTHS, &folded);
    if !full {
        // "Jan", "Mar", "Dec": names and words too, so only with a day or a year.
        return (capital && has_day_or_year).then_some(Block);
    }
    if !capital {
        // "march", "may": verbs, unless a day or a year makes them a date.
        return has_day_or_year.then_some(Block);
    }
    let next = s.next_word();
    let prev = s.prev_word();
    if folded == "may" && !has_day_or_year {
        // "May I ask", "May be": sentence-initial modal. A date needs a date word before it.
        #[rustfmt::skip]
        const MAY_CUES: &[&str] = &[
            "in", "on", "since", "until", "till", "by", "early", "late", "mid", "last", "next",
            "this", "of", "from", "through", "during", "before", "after", "around", "that",
        ];
        return in_list(MAY_CUES, &prev).then_some(Block);
    }
    if matches!(folded.as_str(), "june" | "april" | "august") && !has_day_or_year {
        // Also names: "June said", "with April".
        #[rustfmt::skip]
        const PERSON_NEXT: &[&str] = &[
            "said", "says", "told", "asked", "is", "was", "has", "had", "and", "who", "felt",
            "feels", "wants", "s",
        ];
        if in_list(PERSON_NEXT, &next)
            || s.after(2).starts_with("'s")
            || s.after(2).starts_with("’s")
        {
            return None;
        }
    }
    if folded == "march" && matches!(next.as_str(), "on" | "to" | "for" | "against") {
        return None;
    }
    Some(Block)
}

pub(super) fn ordinal_day(s: &mut Span<'_>) -> Option<Severity> {
    #[rustfmt::skip]
    const NOT_DAYS: &[&str] = &[
        "session", "sessions", "grade", "percentile", "floor", "time", "birthday", "century",
        "week", "weeks", "day", "year", "visit", "appointment", "attempt", "admission",
        "placement", "cycle", "step", "anniversary", "place", "minute", "hour", "round",
        "trimester", "dose", "infusion", "treatment", "meeting", "generation", "edition", "cohort",
        "centile", "st", "nd", "rd", "th", "module", "chapter", "item", "question", "month",
        "months", "term", "semester", "child", "pregnancy", "relapse", "episode",
        "hospitalisation", "hospitalization", "foster", "school", "job", "move", "call",
    ];
    let next = s.next_word();
    let digits: String = s.get().chars().filter(char::is_ascii_digit).collect();
    // "the 50th to the 25th centile": no month has a 50th.
    let a_day = digits.is_empty() || digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    (a_day && !in_list(NOT_DAYS, &next)).then_some(Warn)
}

pub(super) fn holiday(s: &mut Span<'_>) -> Option<Severity> {
    let before = s.before(16);
    let after = s.after(30);
    let tied_before = [
        "the ", "last ", "that ", "on ", "since ", "over ", "before ", "after ", "until ",
    ]
    .iter()
    .any(|w| before.ends_with(w));
    let tied_after = [
        " when", " that", " he ", " she ", " they ", " we ", " his ", " her ", " 20", " 19",
        " after", " before",
    ]
    .iter()
    .any(|w| after.starts_with(w) || after.contains(&format!(",{w}")));
    (tied_before || tied_after).then_some(Warn)
}

pub(super) fn age_not_unit(s: &mut Span<'_>) -> Option<Severity> {
    let next = s.next_word();
    let unitish = is_unit(&next) && !matches!(next.as_str(), "years" | "year" | "yrs");
    let prev = s.before(12);
    // "for 90 years", "over 90 years": durations, not ages.
    let duration = prev.ends_with("for ") || prev.ends_with("over ") || prev.ends_with("about ");
    (!unitish && !duration).then_some(Block)
}

/// "04.03" after words that say date, not "lithium 0.6" or a score.
pub(super) fn dotted_day_month(s: &mut super::Span<'_>) -> Option<crate::domain::deid::Severity> {
    let prev = s.prev_word();
    let next = s.next_word();
    let before = s.before(2);
    if before.ends_with(|c: char| c.is_ascii_digit() || c == '.') || super::checks::is_unit(&next) {
        return None;
    }
    #[rustfmt::skip]
    const CUES: &[&str] = &[
        "on", "says", "said", "dated", "date", "from", "until", "since", "letter", "admitted",
        "discharged", "dob", "born", "seen", "by", "before", "after", "reads",
    ];
    (CUES.contains(&prev.as_str()) || s.get().starts_with('0')).then_some(Warn)
}
