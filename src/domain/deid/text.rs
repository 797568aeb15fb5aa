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

/// The words of `text` with byte spans. Linear in the input.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut boundary = true;
    let mut line_first = 0usize;
    let mut heading = false;
    let mut at_line_start = true;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_word_char(c) {
            let start = i;
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    iter.next();
                } else if is_joiner(d) {
                    // Only inside a word: "O'Brien", "Kübler-Ross", not a closing quote.
                    let next = text[j + d.len_utf8()..].chars().next();
                    if next.is_some_and(is_word_char) {
                        iter.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let word = &text[start..end];
            out.push(Word {
                start,
                end,
                text: word,
                case: case_of(word),
                sentence_start: boundary,
                title_line: heading,
            });
            boundary = false;
            at_line_start = false;
            continue;
        }
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
fn mark_title_line(line: &mut [Word<'_>], heading: bool) {
    let caps = line.iter().filter(|w| w.case != Case::Lower).count();
    let title = heading || (line.len() >= 3 && caps * 10 >= line.len() * 7);
    if title {
        for w in line {
            w.title_line = true;
        }
    }
}

fn case_of(word: &str) -> Case {
    let mut chars = word.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let (mut upper, mut lower) = (0, 0);
    for c in chars {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
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
