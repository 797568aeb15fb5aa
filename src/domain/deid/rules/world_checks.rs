//! The checks of `table_world`'s rules: what turns away a look-alike of another country's date,
//! number, handle or named day.

use super::Span;
use super::checks::is_unit;
use crate::domain::deid::Severity::{self, Warn};

/// "birthday 3.10." but not "section 3.10." or a number in a list of them.
pub(super) fn day_month_dot(s: &mut Span<'_>) -> Option<Severity> {
    let before = s.before(2);
    if before.ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == '/') {
        return None;
    }
    let prev = s.prev_word();
    let numbered = matches!(
        prev.as_str(),
        "section"
            | "chapter"
            | "step"
            | "version"
            | "v"
            | "item"
            | "question"
            | "page"
            | "paragraph"
            | "para"
            | "figure"
            | "fig"
            | "table"
            | "rule"
            | "clause"
            | "point"
            | "module"
            | "session"
            | "week"
            | "level"
            | "stage"
            | "phase"
            | "grade"
            | "ver"
    );
    (!numbered && !is_unit(&s.next_word())).then_some(Warn)
}

/// "is 92" as an age, not "IQ is 95", "sats were 94", "BP was 110" or "scored 97 out of…".
pub(super) fn age_after_verb(s: &mut Span<'_>) -> Option<Severity> {
    let before = s.before(40);
    const MEASURES: &[&str] = &[
        "iq",
        "score",
        "scored",
        "sats",
        "saturation",
        "bp",
        "pulse",
        "rate",
        "weight",
        "weighs",
        "temp",
        "glucose",
        "sugar",
        "level",
        "count",
        "number",
        "room",
        "bed",
        "page",
        "item",
        "ward",
        "bus",
        "route",
        "total",
        "percent",
        "percentile",
        "index",
        "bmi",
        "t-score",
        "attendance",
        "result",
        "marks",
        "grade",
        "speed",
        "mph",
        "blood pressure",
    ];
    let measured = MEASURES.iter().any(|m| {
        before
            .match_indices(m)
            .any(|(at, _)| !before[..at].ends_with(|c: char| c.is_ascii_alphabetic()))
    });
    let next = s.next_word();
    let after = s.after(3);
    (!measured && !is_unit(&next) && !after.starts_with('%') && !after.starts_with(" %"))
        .then_some(Warn)
}

/// "pt_name: Darren": a form's field name, not a handle.
pub(super) fn not_a_label(s: &mut Span<'_>) -> Option<Severity> {
    let after = s.after(2);
    (!after.starts_with([':', '=']) && !after.starts_with(" :")).then_some(Warn)
}

/// "Farmers Day", "Golden Week", but not a "Day Centre", "Day 3" or a heading's "Day".
pub(super) fn named_day(s: &mut Span<'_>) -> Option<Severity> {
    let next = s.next_word();
    const SERVICES: &[&str] = &[
        "centre",
        "center",
        "hospital",
        "unit",
        "programme",
        "program",
        "service",
        "services",
        "care",
        "patient",
        "patients",
        "surgery",
        "ward",
        "clinic",
        "room",
        "treatment",
        "one",
        "two",
        "three",
        "trip",
        "trips",
        "release",
        "shift",
        "shifts",
        "rate",
        "job",
    ];
    let first = s.get().split_whitespace().next().unwrap_or("");
    // "The Day", "One Day", "Every Day": an ordinary phrase with a capital.
    let ordinary = matches!(
        first,
        "The"
            | "One"
            | "Every"
            | "Each"
            | "That"
            | "This"
            | "Next"
            | "Last"
            | "A"
            | "Any"
            | "Some"
            | "Same"
            | "Whole"
            | "First"
            | "Second"
            | "Third"
            | "Final"
            | "Long"
            | "Bad"
            | "Good"
            | "Busy"
            | "Full"
            | "Half"
            | "Working"
            | "School"
            | "Week"
    );
    let line_start = s.text[..s.start]
        .rsplit('\n')
        .next()
        .is_some_and(|l| l.trim_start_matches(['#', ' ', '-', '*', '|']).is_empty());
    (!SERVICES.contains(&next.as_str())
        && !next.starts_with(|c: char| c.is_ascii_digit())
        && !ordinary
        && !line_start)
        .then_some(Warn)
}

/// Ten digits or more in three or more groups, one of them of four digits or more: an account
/// or an ID; not a list of years ("2019 2020 2021") or of scores.
pub(super) fn long_grouped_number(s: &mut Span<'_>) -> Option<Severity> {
    let code = s.get();
    let groups: Vec<&str> = code.split([' ', '.', '-']).collect();
    let digits = code.bytes().filter(u8::is_ascii_digit).count();
    let long_group = groups.iter().any(|g| g.len() >= 4);
    let years = groups
        .iter()
        .all(|g| g.len() == 4 && (g.starts_with("19") || g.starts_with("20")));
    // "12.5–50 mg", "0.5-1.0": doses and ranges.
    let decimal = code.contains('.') && groups.iter().any(|g| g.len() == 1);
    let after = s.after(3);
    (digits >= 10
        && long_group
        && !years
        && !decimal
        && !is_unit(&s.next_word())
        && !after.starts_with('%'))
    .then_some(Warn)
}

/// "KPC/MH/0412/19" with four digits or more; not "PHQ/GAD" or "A/B/C".
pub(super) fn slashed_reference(s: &mut Span<'_>) -> Option<Severity> {
    let digits = s.get().bytes().filter(u8::is_ascii_digit).count();
    (digits >= 4).then_some(Warn)
}

/// "ryu.0823", not "fig.12", "no.45" or "v.2".
pub(super) fn dotted_handle(s: &mut Span<'_>) -> Option<Severity> {
    let head = s.get().split('.').next().unwrap_or("");
    let abbreviation = matches!(
        head,
        "fig"
            | "no"
            | "vol"
            | "p"
            | "pp"
            | "ch"
            | "sec"
            | "ver"
            | "version"
            | "ref"
            | "tab"
            | "eq"
            | "art"
            | "para"
            | "item"
            | "q"
            | "step"
            | "page"
            | "line"
            | "rev"
            | "ed"
            | "op"
            | "cf"
            | "mg"
            | "ml"
            | "kg"
            | "approx"
            | "est"
            | "nr"
            | "tel"
            | "ext"
    );
    (!abbreviation && !s.before(1).ends_with(['.', '/', '@'])).then_some(Warn)
}
