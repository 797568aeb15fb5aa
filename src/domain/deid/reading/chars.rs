//! The characters a screen draws as nothing, or draws like others: the tables and passes
//! `Reading::fold` uses to read text as a reader sees it.

use unicode_normalization::char::decompose_compatible;

pub(super) enum Plain {
    Char(char),
    Str(String),
    Keep,
}

/// The plain form of one non-ASCII character, when it has one a reader would see as the same.
pub(super) fn plain_form(c: char) -> Plain {
    if let Some(d) = decimal_digit(c) {
        return Plain::Char(d);
    }
    if is_space(c) {
        return Plain::Char(' ');
    }
    // Full-width letters, mathematical bold digits, superscripts, circled numbers, ligatures:
    // their compatibility form, when that form is plain ASCII.
    let mut compat = String::new();
    decompose_compatible(c, |d| compat.push(d));
    if !compat.is_empty() && compat.is_ascii() && compat.chars().any(|d| !d.is_ascii_whitespace()) {
        let mut it = compat.chars();
        return match (it.next(), it.next()) {
            (Some(one), None) => Plain::Char(one),
            _ => Plain::Str(compat),
        };
    }
    Plain::Keep
}

/// Default-ignorable characters: drawn as nothing, so a name with one inside reads whole.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}')
}

/// Runs of spaces and tabs become one space, as a page draws them (and a double space between
/// two words of a name is not a gap the scanner should trip on).
pub(super) fn collapse_spaces(chars: &mut Vec<(char, (u32, u32))>) {
    let mut out: Vec<(char, (u32, u32))> = Vec::with_capacity(chars.len());
    for &(c, origin) in chars.iter() {
        let c = if c == '\t' { ' ' } else { c };
        match out.last_mut() {
            Some((' ', last)) if c == ' ' => {
                *last = (last.0.min(origin.0), last.1.max(origin.1));
            }
            _ => out.push((c, origin)),
        }
    }
    *chars = out;
}

pub(super) fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// The first code point of each run of ten decimal digits outside ASCII (Unicode's `Nd`,
/// the scripts a phone number or a date is plausibly written in).
const DIGIT_ZEROS: &[u32] = &[
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0,
    0x11730, 0x118E0, 0x16A60, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E950,
    0x1FBF0,
];

fn decimal_digit(c: char) -> Option<char> {
    let cp = u32::from(c);
    DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&cp))
        .and_then(|zero| char::from_digit(cp - zero, 10))
}

/// A Cyrillic or Greek letter drawn like a Latin one.
pub(crate) fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'һ' => 'h',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'ӏ' => 'l',
        'ь' => 'b',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        'Ѕ' => 'S',
        'І' => 'I',
        'Ј' => 'J',
        'Ԛ' => 'Q',
        'Ԝ' => 'W',
        'ο' => 'o',
        'ν' => 'v',
        'ι' => 'i',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        'ı' => 'i',
        _ => return None,
    })
}

/// In a word with at least one ASCII letter, Cyrillic and Greek look-alikes become Latin
/// ("Маria"). A word wholly in another script ("Мария") is left as written.
pub(super) fn fold_mixed_script_words(chars: &mut [(char, (u32, u32))]) {
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].0.is_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].0.is_alphabetic() {
            i += 1;
        }
        let word = &mut chars[start..i];
        if word.iter().any(|(c, _)| c.is_ascii_alphabetic())
            && word.iter().any(|(c, _)| latin_lookalike(*c).is_some())
        {
            for (c, _) in word.iter_mut() {
                if let Some(l) = latin_lookalike(*c) {
                    *c = l;
                }
            }
        }
    }
}

/// Inside a number, letters drawn like digits become digits and any dash a hyphen
/// ("503–555–O199"): only where a digit sits on the letter's side and the run around it is
/// mostly digits, so words are never touched.
pub(super) fn fold_digit_lookalikes<T>(
    chars: &mut [T],
    get: impl Fn(&T) -> char,
    set: impl Fn(&mut T, char),
) {
    let is_dash = |c: char| {
        matches!(
            c,
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}'
        )
    };
    let is_dot = |c: char| {
        matches!(
            c,
            '\u{00B7}' | '\u{2022}' | '\u{2024}' | '\u{2219}' | '\u{22C5}' | '\u{30FB}'
        )
    };
    let digit_like = |c: char| matches!(c, 'O' | 'o' | 'l' | 'I');
    let mut i = 0;
    while i < chars.len() {
        let c = get(&chars[i]);
        if !(c.is_ascii_digit() || digit_like(c)) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && {
            let c = get(&chars[i]);
            c.is_ascii_digit() || digit_like(c)
        } {
            i += 1;
        }
        let run = &mut chars[start..i];
        let digits = run.iter().filter(|c| get(c).is_ascii_digit()).count();
        let letters = run.len() - digits;
        if digits >= 2 && letters > 0 && letters * 3 <= run.len() {
            for c in run.iter_mut() {
                match get(c) {
                    'O' | 'o' => set(c, '0'),
                    'l' | 'I' => set(c, '1'),
                    _ => {}
                }
            }
        }
    }
    for i in 1..chars.len().saturating_sub(1) {
        if get(&chars[i - 1]).is_ascii_digit() && get(&chars[i + 1]).is_ascii_digit() {
            let c = get(&chars[i]);
            if is_dash(c) {
                set(&mut chars[i], '-');
            } else if is_dot(c) {
                set(&mut chars[i], '.');
            }
        }
    }
}
