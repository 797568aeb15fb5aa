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

mod chars;

pub(crate) use chars::latin_lookalike;

use chars::{
    Plain, collapse_spaces, fold_digit_lookalikes, fold_mixed_script_words, is_combining_mark,
    is_invisible, plain_form,
};
use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};

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

/// A character that can change the order in which a line is drawn.
fn directional(c: char) -> bool {
    use BidiClass::*;
    matches!(
        bidi_class(c),
        R | AL | AN | RLE | RLO | RLI | LRE | LRO | LRI | FSI | PDF | PDI
    )
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
