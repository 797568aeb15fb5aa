//! The text as a reader reads it, for the scanner, with every byte tied to where it came from.
//!
//! A member can hide an identifier from a scanner that reads the typed text and still show it
//! to every reader: `M&#97;ria` or `Ma**ria**` (the Markdown renderer decodes and joins them), a
//! zero-width space inside a name, full-width or Arabic-Indic digits in a phone number, a
//! Cyrillic `а` in a Latin name. The renderer builds a [`Reading`] from the Markdown
//! (`server::render::reading`); [`Reading::fold`] then removes what a screen does not show and
//! maps look-alikes to the plain characters the scanner knows. Findings in the folded text are
//! mapped back with [`Reading::source_span`] to the bytes the author typed, so the composer
//! highlights something the author can change.

use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};
use unicode_normalization::char::decompose_compatible;

/// Text to scan, and for each of its bytes the source byte range it came from. Bytes the
/// renderer adds (a line break between paragraphs) come from an empty range.
#[derive(Clone, Debug, Default)]
pub struct Reading {
    text: String,
    /// Empty when `identity`: then byte `i` came from source byte `i` (plain text and its ASCII
    /// folds), which spares 8 bytes of bookkeeping per byte of a long plain text.
    origin: Vec<(u32, u32)>,
    identity: bool,
}

impl Reading {
    /// Plain text read as it is typed (a title, a reason): every byte is its own origin.
    pub fn plain(source: &str) -> Reading {
        Reading {
            text: source.to_owned(),
            origin: Vec::new(),
            identity: true,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Turns an identity reading into one with explicit origins, before anything is appended.
    fn materialize(&mut self) {
        if self.identity {
            self.origin = (0..self.text.len())
                .map(|i| (to_u32(i), to_u32(i + 1)))
                .collect();
            self.identity = false;
        }
    }

    /// Appends `s`, which is the source text at `at..at + s.len()` byte for byte.
    pub fn push_exact(&mut self, s: &str, at: usize) {
        self.materialize();
        self.text.push_str(s);
        self.origin
            .extend((at..at + s.len()).map(|i| (to_u32(i), to_u32(i + 1))));
    }

    /// Appends `s`, which stands for the whole source range `from` (a decoded `&#97;`).
    pub fn push_from(&mut self, s: &str, from: std::ops::Range<usize>) {
        self.materialize();
        self.text.push_str(s);
        let o = (to_u32(from.start), to_u32(from.end));
        self.origin.extend(std::iter::repeat_n(o, s.len()));
    }

    /// Appends text the renderer adds (a line break between blocks): it has no source.
    pub fn push_synthetic(&mut self, s: &str) {
        self.materialize();
        let at = self.origin.last().map_or(0, |o| o.1);
        self.text.push_str(s);
        self.origin.extend(std::iter::repeat_n((at, at), s.len()));
    }

    /// The same text in the order a screen draws it. Right-to-left letters, and the direction
    /// controls (overrides, embeddings, isolates, marks), reorder what is drawn: "\u{202E}9910"
    /// shows as "0199", and a Hebrew word before "0199 555 503" shows the groups as
    /// "503 555 0199". The Unicode bidirectional algorithm (with the page's left-to-right base
    /// direction) gives the order; text with nothing right-to-left is returned as it is.
    pub fn visual(&self) -> Reading {
        if self.text.is_ascii() || !self.text.chars().any(directional) {
            return self.clone();
        }
        let info = BidiInfo::new(&self.text, Some(Level::ltr()));
        if !info.has_rtl() {
            return self.clone();
        }
        let mut out = Reading::default();
        for para in &info.paragraphs {
            let (levels, runs) = info.visual_runs(para, para.range.clone());
            for run in runs {
                let Some(text) = self.text.get(run.clone()) else {
                    continue;
                };
                let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
                let chars: Vec<(usize, char)> = text.char_indices().collect();
                let ordered: Box<dyn Iterator<Item = &(usize, char)>> = if rtl {
                    Box::new(chars.iter().rev())
                } else {
                    Box::new(chars.iter())
                };
                for &(i, c) in ordered {
                    let origin = self.char_origin(run.start + i, c.len_utf8());
                    out.push_char(c, origin);
                }
            }
        }
        out
    }

    fn push_char(&mut self, c: char, origin: (u32, u32)) {
        let mut buf = [0u8; 4];
        let s = c.encode_utf8(&mut buf);
        self.text.push_str(s);
        self.origin.extend(std::iter::repeat_n(origin, s.len()));
    }

    /// The source bytes behind `start..end` of this text, or `None` when they are all synthetic.
    pub fn source_span(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if self.identity {
            return (start < end && end <= self.text.len()).then_some((start, end));
        }
        let spans = self.origin.get(start..end)?;
        let mut real = spans.iter().filter(|(a, b)| a < b);
        let first = real.next()?;
        let (lo, hi) = real.fold((first.0, first.1), |(lo, hi), (a, b)| {
            (lo.min(*a), hi.max(*b))
        });
        Some((lo as usize, hi as usize))
    }

    /// The same text with what a screen does not show removed and look-alikes made plain:
    /// invisible characters (zero-width, soft hyphen, direction marks) dropped; odd spaces made
    /// spaces; any script's decimal digits, full-width and mathematical forms made ASCII;
    /// Cyrillic and Greek look-alikes inside an otherwise Latin word made Latin; letters and
    /// dashes that stand in for digits inside a number made digits and hyphens.
    pub fn fold(&self) -> Reading {
        if self.text.is_ascii() && !self.text.contains("  ") && !self.text.contains('\t') {
            // Only digit look-alikes change in such text, one byte for one byte: the origins stay.
            let mut bytes = self.text.as_bytes().to_vec();
            // Only ASCII is ever set, so the bytes stay ASCII.
            fold_digit_lookalikes(&mut bytes, |b| char::from(*b), |b, d| *b = d as u8);
            return Reading {
                text: String::from_utf8(bytes).unwrap_or_default(),
                origin: self.origin.clone(),
                identity: self.identity,
            };
        }
        let mut chars: Vec<(char, (u32, u32))> = Vec::with_capacity(self.text.len());
        for (i, c) in self.text.char_indices() {
            let origin = self.char_origin(i, c.len_utf8());
            if c.is_ascii() {
                chars.push((c, origin));
                continue;
            }
            if is_invisible(c) {
                continue;
            }
            if is_combining_mark(c) && chars.last().is_some_and(|(p, _)| p.is_ascii_alphanumeric())
            {
                // "M̶a̶r̶i̶a̶": marks stacked on plain letters; the letters are what a reader reads.
                continue;
            }
            match plain_form(c) {
                Plain::Char(p) => chars.push((p, origin)),
                Plain::Str(s) => chars.extend(s.chars().map(|p| (p, origin))),
                Plain::Keep => chars.push((c, origin)),
            }
        }
        collapse_spaces(&mut chars);
        fold_mixed_script_words(&mut chars);
        fold_digit_lookalikes(&mut chars, |c| c.0, |c, d| c.0 = d);
        let mut out = Reading::default();
        for (c, origin) in chars {
            out.push_char(c, origin);
        }
        out
    }

    fn char_origin(&self, i: usize, len: usize) -> (u32, u32) {
        if self.identity {
            return (to_u32(i), to_u32(i + len));
        }
        let spans = &self.origin[i..i + len];
        let real: Vec<_> = spans.iter().filter(|(a, b)| a < b).collect();
        match (real.first(), real.last()) {
            (Some(first), Some(last)) => (first.0.min(last.0), first.1.max(last.1)),
            _ => spans[0],
        }
    }
}

fn to_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

enum Plain {
    Char(char),
    Str(String),
    Keep,
}

/// The plain form of one non-ASCII character, when it has one a reader would see as the same.
fn plain_form(c: char) -> Plain {
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
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}')
}

/// A character that can change the order in which a line is drawn.
fn directional(c: char) -> bool {
    use BidiClass::*;
    matches!(
        bidi_class(c),
        R | AL | AN | RLE | RLO | RLI | LRE | LRO | LRI | FSI | PDF | PDI
    )
}

/// Runs of spaces and tabs become one space, as a page draws them (and a double space between
/// two words of a name is not a gap the scanner should trip on).
fn collapse_spaces(chars: &mut Vec<(char, (u32, u32))>) {
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

fn is_combining_mark(c: char) -> bool {
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
fn latin_lookalike(c: char) -> Option<char> {
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
fn fold_mixed_script_words(chars: &mut [(char, (u32, u32))]) {
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
fn fold_digit_lookalikes<T>(chars: &mut [T], get: impl Fn(&T) -> char, set: impl Fn(&mut T, char)) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> String {
        Reading::plain(s).fold().text().to_owned()
    }

    #[test]
    fn what_a_screen_does_not_show_is_removed() {
        assert_eq!(
            folded("Ma\u{200B}ria O\u{00AD}kafor\u{FEFF}"),
            "Maria Okafor"
        );
        assert_eq!(folded("Jose\u{0301} M\u{0336}a\u{0336}"), "Jose Ma");
        assert_eq!(folded("a\u{00A0}b\u{3000}c"), "a b c");
    }

    #[test]
    fn lookalike_digits_and_letters_become_plain() {
        assert_eq!(folded("５０３-５５５-０１９９"), "503-555-0199");
        assert_eq!(folded("٥٠٣ ٥٥٥ ٠١٩٩"), "503 555 0199");
        assert_eq!(folded("𝟓𝟎𝟑"), "503");
        assert_eq!(folded("503\u{2011}555\u{2013}O199"), "503-555-0199");
        assert_eq!(folded("Маria"), "Maria", "Cyrillic М in a Latin word");
        assert_eq!(folded("Мария"), "Мария", "a Russian name stays Russian");
        assert_eq!(folded("Ｍａｒｉａ"), "Maria");
        assert_eq!(folded("503·555·0199"), "503.555.0199");
    }

    fn drawn(s: &str) -> String {
        Reading::plain(s).visual().fold().text().to_owned()
    }

    #[test]
    fn right_to_left_text_is_read_in_the_order_it_is_drawn() {
        assert_eq!(
            drawn("Call \u{202E}9910-555-305\u{202C} now"),
            "Call 503-555-0199 now"
        );
        // An override runs to the end of its paragraph, nested ones too.
        assert_eq!(
            drawn("\u{202E}\u{202E}\u{202C}rofakO airaM"),
            "Maria Okafor"
        );
        assert_eq!(drawn("\u{202E}txen rofakO airaM"), "Maria Okafor next");
        // A Hebrew word before the groups of a number draws them right to left.
        let hebrew = drawn("\u{05D0} 0199 555 503");
        assert!(hebrew.contains("503 555 0199"), "{hebrew}");
        assert!(drawn("\u{202B}0199 555 503\u{202C}").contains("503 555 0199"));
        assert_eq!(drawn("Maria Okafor"), "Maria Okafor");
        let r = Reading::plain("x \u{202E}ab").visual().fold();
        assert_eq!(r.text(), "x ba");
        assert_eq!(r.source_span(2, 3), Some((6, 7)));
    }

    #[test]
    fn spaces_are_collapsed_as_a_page_draws_them() {
        assert_eq!(
            folded("Maria  Okafor\tand \u{200B} Ann"),
            "Maria Okafor and Ann"
        );
        let r = Reading::plain("a  b").fold();
        assert_eq!(r.text(), "a b");
        assert_eq!(r.source_span(0, 3), Some((0, 4)));
    }

    #[test]
    fn words_and_ordinary_numbers_are_left_alone() {
        for s in [
            "Oslo lOl is fine",
            "I saw 10 clients; O2 sensor",
            "José Núñez",
            "Kübler–Ross",
        ] {
            assert_eq!(folded(s), s);
        }
        assert_eq!(
            folded("2019–2021"),
            "2019-2021",
            "a dash between digits reads as a hyphen"
        );
    }

    #[test]
    fn spans_map_back_to_the_typed_bytes() {
        let r = Reading::plain("Ma\u{200B}ria ５");
        let f = r.fold();
        assert_eq!(f.text(), "Maria 5");
        // "Maria" in the folded text is bytes 0..5; in the source it spans the invisible space.
        assert_eq!(f.source_span(0, 5), Some((0, 8)));
        assert_eq!(f.source_span(6, 7), Some((9, 12)));
        let mut synthetic = Reading::default();
        synthetic.push_exact("ab", 0);
        synthetic.push_synthetic("\n\n");
        assert_eq!(synthetic.source_span(2, 4), None);
        assert_eq!(synthetic.source_span(1, 4), Some((1, 2)));
    }
}
