//! What the composer's formatting buttons do to a Markdown field: which part of the text is
//! replaced, by what, and the selection after a press. Pure, so it is tested on the server; the
//! island applies it in the browser as one edit, which the browser's undo takes back.

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

/// A press: the bytes `from..to` of the text are replaced by `insert`, and the selection is
/// then `select` (bytes of the new text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub from: usize,
    pub to: usize,
    pub insert: String,
    pub select: (usize, usize),
}

impl Edit {
    /// The text after the edit.
    pub fn applied(&self, text: &str) -> String {
        format!("{}{}{}", &text[..self.from], self.insert, &text[self.to..])
    }
}

/// `format` applied to the selected bytes `start..end` of `text` (in either order, clamped to
/// character boundaries).
pub fn apply(text: &str, start: usize, end: usize, format: Format) -> Edit {
    let floor = |i: usize| {
        let mut i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (start, end) = (floor(start.min(end)), floor(start.max(end)));
    match format {
        // `*`, not `_`: CommonMark ignores underscores inside a word ("rescu" of "rescuing").
        Format::Bold => wrap(text, start, end, "**"),
        Format::Italic => wrap(text, start, end, "*"),
        Format::List => prefix_lines(text, start, end, "- "),
        Format::Quote => prefix_lines(text, start, end, "> "),
    }
}

/// The selection between `mark`s. Spaces at its ends stay outside (a double-click may take the
/// space after a word, and `**word **` is not bold).
fn wrap(text: &str, start: usize, end: usize, mark: &str) -> Edit {
    let selected = &text[start..end];
    let lead = selected.len() - selected.trim_start().len();
    let (start, end) = if selected.trim().is_empty() {
        (start, end)
    } else {
        (start + lead, start + lead + selected.trim().len())
    };
    Edit {
        from: start,
        to: end,
        insert: format!("{mark}{}{mark}", &text[start..end]),
        select: (start + mark.len(), end + mark.len()),
    }
}

/// Every line the selection touches starts with `mark`: not a line the selection only reaches
/// the start of (a triple-click ends there), and not a blank line (which would be an empty list
/// item or quote line).
fn prefix_lines(text: &str, start: usize, end: usize, mark: &str) -> Edit {
    let first = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let end = if end > start && text[..end].ends_with('\n') {
        end - 1
    } else {
        end
    };
    let block = &text[first..end];
    // Whole lines: the selection may end inside the last one.
    let whole = |at: usize| text[at..].split('\n').next().unwrap_or("");
    let starts: Vec<usize> = std::iter::once(first)
        .chain(block.match_indices('\n').map(|(i, _)| first + i + 1))
        .collect();
    let all_blank = starts.iter().all(|&at| whole(at).trim().is_empty());
    let mut insert = String::with_capacity(block.len() + mark.len() * 4);
    let (mut select_start, mut select_end) = (start, end);
    let mut at = first;
    for (n, line) in block.split('\n').enumerate() {
        if n > 0 {
            insert.push('\n');
        }
        let marked = all_blank || !whole(at).trim().is_empty();
        if marked {
            insert.push_str(mark);
            if at <= start {
                select_start += mark.len();
            }
            select_end += mark.len();
        }
        insert.push_str(line);
        at += line.len() + 1;
    }
    Edit {
        from: first,
        to: end,
        insert,
        select: (select_start, select_end),
    }
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

    /// The text after a press, and the selected part of it.
    fn press(text: &str, start: usize, end: usize, format: Format) -> (String, String) {
        let edit = apply(text, start, end, format);
        let out = edit.applied(text);
        let selected = out[edit.select.0..edit.select.1].to_owned();
        (out, selected)
    }

    #[test]
    fn bold_and_italic_wrap_the_selected_words_and_keep_them_selected() {
        assert_eq!(
            press("I keep rescuing him.", 7, 15, Format::Bold),
            ("I keep **rescuing** him.".into(), "rescuing".into())
        );
        // Pressed again on the same words: both marks.
        let once = apply("I keep rescuing him.", 7, 15, Format::Bold);
        let text = once.applied("I keep rescuing him.");
        assert_eq!(
            press(&text, once.select.0, once.select.1, Format::Italic),
            ("I keep ***rescuing*** him.".into(), "rescuing".into())
        );
        // Part of a word: `*`, which CommonMark reads inside words.
        assert_eq!(press("rescuing", 0, 5, Format::Italic).0, "*rescu*ing");
        // The space a double-click takes stays outside the marks.
        assert_eq!(
            press("keep rescuing him", 5, 14, Format::Bold),
            ("keep **rescuing** him".into(), "rescuing".into())
        );
        // Nothing selected: the marks at the cursor, the cursor between them.
        assert_eq!(press("", 0, 0, Format::Italic), ("**".into(), "".into()));
        let edit = apply("ab", 1, 1, Format::Bold);
        assert_eq!((edit.applied("ab"), edit.select), ("a****b".into(), (3, 3)));
    }

    #[test]
    fn list_and_quote_mark_each_selected_line_and_no_other() {
        assert_eq!(
            press("one\ntwo\nthree", 1, 5, Format::List),
            ("- one\n- two\nthree".into(), "ne\n- t".into())
        );
        assert_eq!(
            press("a quote", 3, 3, Format::Quote),
            ("> a quote".into(), "".into())
        );
        // A triple-click selects a line with its newline: the next line is not marked.
        assert_eq!(press("one\ntwo\n", 0, 4, Format::List).0, "- one\ntwo\n");
        assert_eq!(press("one\n", 0, 4, Format::List).0, "- one\n");
        // Blank lines inside the selection stay blank: no empty items.
        assert_eq!(
            press("one\n\ntwo", 0, 8, Format::List),
            ("- one\n\n- two".into(), "one\n\n- two".into())
        );
        // A line is blank or not as a whole, not up to where the selection ends in it.
        assert_eq!(press("one\n  two", 0, 5, Format::List).0, "- one\n-   two");
        // An empty line on its own still gets its mark, to type after.
        assert_eq!(press("a\n\nb", 2, 2, Format::Quote).0, "a\n> \nb");
        // The edit replaces only the lines it marks.
        let edit = apply("keep\none\ntwo\nkeep", 6, 10, Format::Quote);
        assert_eq!((edit.from, edit.to), (5, 10));
        assert_eq!(edit.insert, "> one\n> t");
    }

    #[test]
    fn nonsense_positions_are_clamped_never_a_panic() {
        assert_eq!(press("é", 1, 99, Format::Bold).0, "**é**");
        assert_eq!(press("ab", 2, 0, Format::Italic).0, "*ab*");
        assert_eq!(press("😀x", 2, 3, Format::List).0, "- 😀x");
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
