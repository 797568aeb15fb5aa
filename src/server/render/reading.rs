//! A post as its readers will read it: the text of the events `cook` renders (character
//! references decoded, escapes and emphasis markers gone, code shown as typed), with block
//! breaks where the page has them, each byte tied to the source bytes it came from. The
//! scanner reads this (folded, see `domain::deid::reading`), and redaction finds what a
//! moderator copied from the page in it.

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::domain::deid::Reading;

/// The reading of `markdown`. Text too long or too deep to cook is read as it was typed (it
/// can never be published, and its scan must still answer).
pub fn reading(markdown: &str) -> Reading {
    let Ok(events) = super::events(markdown) else {
        return Reading::plain(markdown);
    };
    let mut r = Reading::default();
    for (event, range) in events {
        match event {
            Event::Text(text) | Event::Code(text) => push_text(&mut r, markdown, &text, range),
            // A line break inside a paragraph is drawn as a space.
            Event::SoftBreak => r.push_from(" ", range),
            Event::HardBreak => r.push_from("\n", range),
            Event::Rule => r.push_synthetic("\n\n"),
            // The scanner reads a line starting with `#` as a heading and `-` as a list item,
            // where capitals say less.
            Event::Start(Tag::Heading { .. }) => r.push_synthetic("# "),
            Event::Start(Tag::Item) => r.push_synthetic("- "),
            Event::End(TagEnd::TableCell) => r.push_synthetic(" | "),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_) | TagEnd::CodeBlock,
            ) => r.push_synthetic("\n\n"),
            Event::End(TagEnd::Item | TagEnd::TableHead | TagEnd::TableRow) => {
                r.push_synthetic("\n")
            }
            _ => {}
        }
    }
    r
}

/// Text the renderer shows: byte for byte where it is the source as typed, else standing for
/// the whole source range it decodes (`&#97;` is an `a`).
fn push_text(r: &mut Reading, source: &str, text: &str, range: std::ops::Range<usize>) {
    let slice = source.get(range.clone()).unwrap_or("");
    if slice == text {
        r.push_exact(text, range.start);
    } else if let Some(at) = slice.find(text).filter(|_| !text.is_empty()) {
        r.push_exact(text, range.start + at);
    } else {
        r.push_from(text, range);
    }
}

#[cfg(test)]
mod tests {
    use super::reading;

    fn read(md: &str) -> String {
        reading(md).fold().text().trim().to_owned()
    }

    #[test]
    fn the_reader_sees_decoded_joined_text() {
        assert_eq!(read("M&#97;ria Ok&#97;for"), "Maria Okafor");
        assert_eq!(read("Call 503\\-555\\-0199"), "Call 503-555-0199");
        assert_eq!(read("Ma**ria** Okafor"), "Maria Okafor");
        assert_eq!(read("Ma&#8203;ria"), "Maria");
        assert_eq!(
            read("<b>Maria</b>"),
            "<b>Maria</b>",
            "raw HTML is shown as text"
        );
        assert_eq!(
            read("![Maria](x.png)"),
            "Maria",
            "an image's alt text stays"
        );
        assert_eq!(read("line one\nline two"), "line one line two");
    }

    #[test]
    fn spans_point_at_what_the_author_typed() {
        let md = "Our client M&#97;ria Ok&#97;for.";
        let r = reading(md).fold();
        let at = r.text().find("Maria Okafor").unwrap_or(0);
        let (s, e) = r.source_span(at, at + 12).unwrap_or((0, 0));
        assert_eq!(&md[s..e], "M&#97;ria Ok&#97;for");
        let md = "- one\n- **Jo**hn";
        let r = reading(md).fold();
        let at = r.text().find("John").unwrap_or(0);
        let (s, e) = r.source_span(at, at + 4).unwrap_or((0, 0));
        assert_eq!(&md[s..e], "Jo**hn");
    }

    #[test]
    fn blocks_are_separated_like_lines() {
        let text = read("# Title\n\nA paragraph.\n\n| a | b |\n|---|---|\n| c | d |");
        assert!(text.starts_with("# Title\n\nA paragraph."), "{text:?}");
        assert!(text.contains("c | d"), "{text:?}");
    }
}
