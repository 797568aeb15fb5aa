//! Splitting text into words the narrative rules can reason about, in one pass.

/// How a word is written, which says a lot about whether it names someone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// `Maria`
    Title,
    /// `CBT`, `NHS`
    Upper,
    /// `maria`
    Lower,
    /// `iPhone`, `McDonald` after the first letter
    Mixed,
}

#[derive(Clone, Copy, Debug)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub case: Case,
    /// First word of a sentence, a line, a list item or a heading: capitals there say nothing.
    pub sentence_start: bool,
    /// On a heading or a line written mostly in Title Case.
    pub title_line: bool,
}

impl Word<'_> {
    pub fn capitalised(&self) -> bool {
        matches!(self.case, Case::Title | Case::Mixed)
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        c.is_alphabetic()
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-')
}

/// The character at byte `i` and its length; bytes are ASCII almost always, so they skip
/// UTF-8 decoding.
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (char::from(b), 1);
    }
    let c = text[i..]
        .chars()
        .next()
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8())
}

/// Something built from a word that still carries it (the narrative pass's tokens), so that
/// words can be turned into tokens as they are found, without a second list.
pub trait WithWord<'a> {
    fn word(&self) -> &Word<'a>;
    fn word_mut(&mut self) -> &mut Word<'a>;
}

impl<'a> WithWord<'a> for Word<'a> {
    fn word(&self) -> &Word<'a> {
        self
    }
    fn word_mut(&mut self) -> &mut Word<'a> {
        self
    }
}

/// The words of `text` with byte spans.
#[cfg(test)]
pub fn words(text: &str) -> Vec<Word<'_>> {
    words_as(text, |w| w)
}

/// The words of `text` with byte spans, each made into a `T`. Linear in the input, one look
/// at each byte.
pub fn words_as<'a, T: WithWord<'a>>(text: &'a str, mut make: impl FnMut(Word<'a>) -> T) -> Vec<T> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut boundary = true;
    let mut line_first = 0usize;
    let mut heading = false;
    let mut at_line_start = true;
    let mut i = 0;
    while i < text.len() {
        let (c, len) = char_at(text, i);
        if is_word_char(c) {
            let start = i;
            let mut end = i + len;
            let first_upper = c.is_uppercase();
            let (mut upper, mut lower) = (0u32, 0u32);
            let bytes = text.as_bytes();
            while end < text.len() {
                // ASCII letters, nearly every byte of a post, without decoding a char.
                let b = bytes[end];
                if b.is_ascii_alphabetic() {
                    upper += u32::from(b.is_ascii_uppercase());
                    lower += u32::from(b.is_ascii_lowercase());
                    end += 1;
                    continue;
                }
                let (d, dlen) = char_at(text, end);
                if is_word_char(d) {
                    upper += u32::from(d.is_uppercase());
                    lower += u32::from(d.is_lowercase());
                    end += dlen;
                } else if is_joiner(d)
                    && end + dlen < text.len()
                    && is_word_char(char_at(text, end + dlen).0)
                {
                    // Only inside a word: "O'Brien", "Kübler-Ross", not a closing quote.
                    end += dlen;
                } else {
                    break;
                }
            }
            out.push(make(Word {
                start,
                end,
                text: &text[start..end],
                case: case_from(first_upper, upper, lower),
                sentence_start: boundary,
                title_line: heading,
            }));
            boundary = false;
            at_line_start = false;
            i = end;
            continue;
        }
        i += len;
        match c {
            '\n' => {
                mark_title_line(&mut out[line_first..], heading);
                line_first = out.len();
                boundary = true;
                heading = false;
                at_line_start = true;
            }
            '.' | '!' | '?' | ':' | ';' | '•' => boundary = true,
            '#' if at_line_start => heading = true,
            ' ' | '\t' | '\r' | '-' | '*' | '>' | '"' | '“' | '”' | '(' | '[' | '_' | '‘'
            | '\'' | '|' => {}
            _ => {
                boundary = false;
                at_line_start = false;
            }
        }
    }
    mark_title_line(&mut out[line_first..], heading);
    out
}

/// A heading, or a line where most words are capitalised ("Stuck Point And Blind Spot"), gives
/// capitals no meaning.
fn mark_title_line<'a, T: WithWord<'a>>(line: &mut [T], heading: bool) {
    let caps = line.iter().filter(|w| w.word().case != Case::Lower).count();
    let title = heading || (line.len() >= 3 && caps * 10 >= line.len() * 7);
    if title {
        for w in line {
            w.word_mut().title_line = true;
        }
    }
}

/// From the first letter and the counts of upper- and lower-case letters after it.
fn case_from(first_upper: bool, upper: u32, lower: u32) -> Case {
    match (first_upper, upper, lower) {
        (true, 0, _) => Case::Title,
        (true, _, 0) => Case::Upper,
        (true, _, _) => Case::Mixed,
        (false, _, _) => Case::Lower,
    }
}

/// Lower case with Latin diacritics and apostrophes removed, the form the word lists are stored
/// in: `Núñez` → `nunez`, `O'Brien` → `obrien`.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\'' | '’' => {}
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä'
            | 'Å' | 'Ā' => out.push('a'),
            'æ' | 'Æ' => out.push_str("ae"),
            'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => out.push('c'),
            'ď' | 'đ' | 'ð' | 'Ď' | 'Đ' => out.push('d'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => {
                out.push('e')
            }
            'ğ' | 'Ğ' => out.push('g'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => {
                out.push('i')
            }
            'ł' | 'Ł' => out.push('l'),
            'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø'
            | 'Ō' | 'Ő' => out.push('o'),
            'œ' | 'Œ' => out.push_str("oe"),
            'ř' | 'Ř' => out.push('r'),
            'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => out.push('s'),
            'ß' => out.push_str("ss"),
            'ť' | 'ţ' | 'Ť' | 'Ţ' => out.push('t'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => {
                out.push('u')
            }
            'ý' | 'ÿ' | 'Ý' => out.push('y'),
            'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => out.push('z'),
            'þ' | 'Þ' => out.push_str("th"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_carry_spans_case_and_sentence_starts() {
        let text = "Maria said. then José Núñez-Ortiz's mum — O'Brien — came\n- Will left";
        let w = words(text);
        let names: Vec<&str> = w.iter().map(|w| w.text).collect();
        assert_eq!(
            names,
            [
                "Maria",
                "said",
                "then",
                "José",
                "Núñez-Ortiz's",
                "mum",
                "O'Brien",
                "came",
                "Will",
                "left"
            ]
        );
        assert!(w[0].sentence_start && !w[1].sentence_start && w[2].sentence_start);
        assert!(!w[3].sentence_start && w[8].sentence_start);
        assert_eq!(&text[w[4].start..w[4].end], "Núñez-Ortiz's");
        assert_eq!(w[0].case, Case::Title);
        assert_eq!(w[2].case, Case::Lower);
    }

    #[test]
    fn headings_and_title_case_lines_are_marked() {
        let w = words("## Stuck point\nThe Stuck Point Was Here\nthe stuck point");
        assert!(w[0].title_line && w[1].title_line);
        assert!(w[2].title_line && w[6].title_line);
        assert!(!w[7].title_line);
    }

    #[test]
    fn folding_removes_diacritics_and_apostrophes() {
        assert_eq!(fold("Núñez"), "nunez");
        assert_eq!(fold("O'Brien"), "obrien");
        assert_eq!(fold("Zoë"), "zoe");
        assert_eq!(fold("Siobhán"), "siobhan");
        assert_eq!(fold("Strauß"), "strauss");
    }
}
