//! What the composer's formatting buttons do to a Markdown field: the text and the selection
//! after a press. Pure, so it is tested on the server; the island applies it in the browser.

/// One button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Bold,
    Italic,
    List,
    Quote,
}

impl Format {
    pub fn parse(key: &str) -> Option<Format> {
        match key {
            "bold" => Some(Format::Bold),
            "italic" => Some(Format::Italic),
            "list" => Some(Format::List),
            "quote" => Some(Format::Quote),
            _ => None,
        }
    }
}

/// `text` with `format` applied to the bytes `start..end` (clamped to character boundaries),
/// and the selection after it: the same words, now formatted.
pub fn apply(text: &str, start: usize, end: usize, format: Format) -> (String, usize, usize) {
    let floor = |i: usize| {
        let mut i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (start, end) = (floor(start.min(end)), floor(start.max(end)));
    match format {
        Format::Bold => wrap(text, start, end, "**"),
        Format::Italic => wrap(text, start, end, "_"),
        Format::List => prefix_lines(text, start, end, "- "),
        Format::Quote => prefix_lines(text, start, end, "> "),
    }
}

fn wrap(text: &str, start: usize, end: usize, mark: &str) -> (String, usize, usize) {
    let out = format!(
        "{}{mark}{}{mark}{}",
        &text[..start],
        &text[start..end],
        &text[end..]
    );
    (out, start + mark.len(), end + mark.len())
}

/// Every line the selection touches starts with `mark`.
fn prefix_lines(text: &str, start: usize, end: usize, mark: &str) -> (String, usize, usize) {
    let first = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let block = &text[first..end];
    let lines = block.split('\n').count();
    let marked: Vec<String> = block.split('\n').map(|l| format!("{mark}{l}")).collect();
    let out = format!("{}{}{}", &text[..first], marked.join("\n"), &text[end..]);
    (out, start + mark.len(), end + mark.len() * lines)
}

/// A byte offset of `text` from a position counted in UTF-16 units (what a browser's
/// selection gives), and back.
pub fn byte_of_utf16(text: &str, units: usize) -> usize {
    let mut seen = 0;
    for (i, c) in text.char_indices() {
        if seen >= units {
            return i;
        }
        seen += c.len_utf16();
    }
    text.len()
}

pub fn utf16_of_byte(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].encode_utf16().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buttons_wrap_the_selection_or_mark_its_lines() {
        assert_eq!(
            apply("I keep rescuing him.", 7, 15, Format::Bold),
            ("I keep **rescuing** him.".into(), 9, 17)
        );
        assert_eq!(apply("", 0, 0, Format::Italic), ("__".into(), 1, 1));
        assert_eq!(
            apply("one\ntwo\nthree", 1, 5, Format::List),
            ("- one\n- two\nthree".into(), 3, 9)
        );
        assert_eq!(
            apply("a quote", 3, 3, Format::Quote),
            ("> a quote".into(), 5, 5)
        );
        // Out of range or inside a character: clamped, never a panic.
        assert_eq!(apply("é", 1, 99, Format::Bold), ("**é**".into(), 2, 4));
        assert_eq!(apply("ab", 2, 0, Format::Italic), ("_ab_".into(), 1, 3));
        assert_eq!(Format::parse("bold"), Some(Format::Bold));
        assert_eq!(Format::parse("script"), None);
    }

    #[test]
    fn utf16_positions_map_to_bytes_and_back() {
        let text = "a😀é b";
        assert_eq!(byte_of_utf16(text, 1), 1);
        assert_eq!(byte_of_utf16(text, 3), 5);
        assert_eq!(byte_of_utf16(text, 4), 7);
        assert_eq!(byte_of_utf16(text, 99), text.len());
        for b in [0, 1, 5, 7, 8, text.len()] {
            assert_eq!(byte_of_utf16(text, utf16_of_byte(text, b)), b);
        }
    }
}
