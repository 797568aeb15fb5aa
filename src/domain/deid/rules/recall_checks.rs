//! Checks for `table_recall`'s rules: what tells a day and month, a postcode or a serial from a
//! score, a year or a product code.

use super::Span;
use super::checks::is_unit;
use super::date_checks::valid_day_month;
use crate::domain::deid::Severity::{self, Block, Warn};
use crate::domain::deid::lexicon as lx;

/// "every Christmas morning" is a habit, not a date.
pub(super) fn not_habitual(s: &mut Span<'_>) -> Option<Severity> {
    let before = s.before(12);
    let habitual = ["every ", "each ", "most ", "any ", "on a ", "over "]
        .iter()
        .any(|w| before.ends_with(w));
    (!habitual).then_some(Warn)
}

/// Zero-padded ("14/03", "11/02", "04.10") or at the head of a note's line ("28.11 first
/// disclosure"); never a score ("9/10", "2/7") or a dose ("0.5").
pub(super) fn bare_day_month(s: &mut Span<'_>) -> Option<Severity> {
    let m = s.get().trim_end_matches('.');
    let (a, b) = m.split_once(['/', '.'])?;
    let (day, month) = (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?);
    if !valid_day_month(day, month) {
        return None;
    }
    // Part of a longer number, date or version ("1/03/2024", "v2.03", "0.5/1.0").
    let before = s.before(2);
    let after = s.after(2);
    if before.ends_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-'))
        || after.starts_with(|c: char| c.is_ascii_digit())
        || after.starts_with(['/', '-'])
        || after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let next = s.next_word();
    if is_unit(&next) || matches!(next.as_str(), "of" | "on" | "in" | "out" | "correct" | "mg") {
        return None;
    }
    let padded = (a.len() == 2 && a.starts_with('0')) || (b.len() == 2 && b.starts_with('0'));
    // A note's line that opens with the date: "11/02 sertraline up to 100", "28.11 first
    // disclosure", "3.7. switched"; not a section number ("2.1 History", "3.10 Plan").
    let line_start = s.text[..s.start].rfind('\n').map_or(0, |n| n + 1);
    let line_head = s.text[line_start..s.start]
        .trim_matches([' ', '-', '*', '\t'])
        .is_empty();
    let trailing_dot = s.get().ends_with('.') || s.after(1) == ".";
    let shaped = m.contains('/') || trailing_dot || a.len() == 2 && b.len() == 2;
    (padded || line_head && shaped).then_some(Warn)
}

/// A UK postcode's shape in lower case, not a unit pair ("b12 3mg") or a time ("at3 4pm").
pub(super) fn lower_postcode(s: &mut Span<'_>) -> Option<Severity> {
    let tail = s.get().rsplit(' ').next().unwrap_or("");
    let unit_tail = matches!(
        &tail[1..],
        "mg" | "ml" | "pm" | "am" | "kg" | "mm" | "cm" | "hr"
    );
    (!unit_tail).then_some(Block)
}

/// "Tullamine 2871": the word before is no English word and no month, and the number is not a
/// year or a quantity.
pub(super) fn postcode_after_town(s: &mut Span<'_>) -> Option<Severity> {
    let n: u32 = s.get().parse().ok()?;
    if (1900..=2099).contains(&n) || n < 200 {
        return None;
    }
    let word = word_before(s);
    if !word.starts_with(|c: char| c.is_uppercase()) || word.chars().count() < 3 {
        return None;
    }
    let prev = crate::domain::deid::text::fold(word);
    let e = lx::entry(&prev);
    if (e.common() && !e.place()) || lx::MONTHS.contains(&prev.as_str()) || is_unit(&s.next_word())
    {
        return None;
    }
    Some(Warn)
}

/// "ninety-one" as an age, not "ninety minutes", "ninety per cent" or "for ninety years";
/// a hundred and more only where the words before say age ("is a hundred and one").
pub(super) fn age_in_words(s: &mut Span<'_>) -> Option<Severity> {
    let got = s.get().to_ascii_lowercase();
    let old = got.ends_with("old");
    let next = s.next_word();
    if !old
        && (is_unit(&next) || matches!(next.as_str(), "per" | "percent" | "odd" | "more" | "of"))
    {
        return None;
    }
    let before = s.before(10);
    if got.contains("hundred") {
        let says_age = ["is ", "aged ", "turned ", "turns ", "'s ", "’s ", "age of "]
            .iter()
            .any(|w| before.ends_with(w));
        return (old || says_age).then_some(Warn);
    }
    let duration = ["for ", "over ", "about ", "the ", "than ", "of "]
        .iter()
        .any(|w| before.ends_with(w));
    (!duration).then_some(Warn)
}

/// "Zofia, 92," but not "Section 2, 95 beds" or "Chapter, 90": the word before is no English
/// word, or a first name.
pub(super) fn age_after_name(s: &mut Span<'_>) -> Option<Severity> {
    let prev = crate::domain::deid::text::fold(word_before(s));
    let e = lx::entry(&prev);
    // "Elder client, 97,", "Mrs Pattinson, 94": the word before is a person.
    let person_word = matches!(
        prev.as_str(),
        "client"
            | "patient"
            | "pt"
            | "lady"
            | "man"
            | "woman"
            | "gentleman"
            | "resident"
            | "widow"
            | "widower"
            | "mum"
            | "mother"
            | "father"
            | "dad"
            | "grandmother"
            | "grandfather"
            | "elder"
            | "nan"
            | "gran"
            | "grandma"
            | "grandpa"
            | "alive"
    );
    (person_word || e.person() || !e.common() && !is_unit(&s.next_word())).then_some(Block)
}

/// Three or more groups of capitals and digits, with letters and at least five digits, at
/// least two groups holding a digit: "7F-2209-KQ41", "CR-2024-0091", "4471 K2 9930"; not
/// "ICD-10-CM", "DSM-5-TR" or a phone number already read by its own rules.
pub(super) fn grouped_code(s: &mut Span<'_>) -> Option<Severity> {
    let code = s.get();
    // "ICD-11 6B41", "DSM-5 300.02": a diagnosis code.
    if code.starts_with("ICD") || code.starts_with("DSM") {
        return None;
    }
    let groups: Vec<&str> = code.split([' ', '-']).collect();
    let digits = code.bytes().filter(u8::is_ascii_digit).count();
    let letters = code.bytes().any(|b| b.is_ascii_uppercase());
    let with_digit = groups
        .iter()
        .filter(|g| g.bytes().any(|b| b.is_ascii_digit()))
        .count();
    // A group of letters only may lead ("CR-"), not sit among the numbers ("ICD-10-CM").
    let letters_inside = groups
        .iter()
        .skip(1)
        .any(|g| !g.bytes().any(|b| b.is_ascii_digit()));
    (letters && digits >= 5 && with_digit >= 2 && !letters_inside).then_some(Warn)
}

/// "the hearing is in March", "since May": a capitalised month after a preposition (the rule
/// starts at the month, since a start at "in" or "of" kept its automaton busy on every line).
pub(super) fn month_after_preposition(s: &mut Span<'_>) -> Option<Severity> {
    #[rustfmt::skip]
    const BEFORE: &[&str] = &[
        "in", "since", "until", "till", "by", "from", "during", "before", "after", "early", "late",
        "mid", "last", "next", "this", "of", "that",
    ];
    BEFORE.contains(&s.prev_word().as_str()).then_some(Warn)
}

/// The word right before the span as written (not lower-cased), across spaces, a comma or an
/// opening bracket.
fn word_before<'a>(s: &Span<'a>) -> &'a str {
    let head = s.text[..s.start].trim_end_matches([' ', ',', '(', '\t']);
    let from = head
        .rfind(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    &head[from..]
}

/// "genogram_S4.png": the span grows back from the extension over the file's name.
pub(super) fn file_name(s: &mut Span<'_>) -> Option<Severity> {
    let name_len = s.text[..s.start]
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
        .count();
    if name_len < 2 {
        return None;
    }
    s.start -= name_len;
    Some(Warn)
}

/// An Irish PPS number: seven digits weighted 8 down to 2, a second letter (if any) weighted 9,
/// the sum mod 23 naming the check letter (0 is W).
pub(super) fn pps_number(s: &mut Span<'_>) -> Option<Severity> {
    let b = s.get().as_bytes();
    let letter = |c: u8| u32::from(c - b'A' + 1) % 23;
    let mut sum: u32 = b[..7]
        .iter()
        .zip((2..=8).rev())
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    if let Some(&second) = b.get(8) {
        sum += if second == b'W' {
            0
        } else {
            letter(second) * 9
        };
    }
    let check = b[7];
    let expected = if sum.is_multiple_of(23) {
        b'W'
    } else {
        b'A' + (sum % 23) as u8 - 1
    };
    (check == expected).then_some(Block)
}

/// "Fair Friday", "the Gala Day", not "a sports day" or "field day" in general: capitalised.
pub(super) fn capitalised_day(s: &mut Span<'_>) -> Option<Severity> {
    s.get()
        .starts_with(|c: char| c.is_ascii_uppercase())
        .then_some(Warn)
}
