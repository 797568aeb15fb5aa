//! A post as its readers will read it: the text of the events `cook` renders (character
//! references decoded, escapes and emphasis markers gone, code shown as typed), with block
//! breaks where the page has them, each byte tied to the source bytes it came from. The
//! scanner reads this (folded, see `domain::deid::reading`), and redaction finds what a
//! moderator copied from the page in it.

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use crate::domain::deid::Reading;

/// The reading of `markdown`. Text too long or too deep to cook is read as it was typed (it
/// can never be published, and its scan must still answer).
pub fn reading(markdown: &str) -> Reading {
    let Ok(events) = super::events(markdown) else {
        return Reading::plain(markdown);
    };
    let mut r = Reading::default();
    // Link addresses are read too (a reader sees them when pointing at the link): after the
    // link's text, in parentheses.
    let mut links: Vec<(String, std::ops::Range<usize>)> = Vec::new();
    // Inside an image: its markup was read whole at its start.
    let mut image = 0usize;
    for (event, range) in events {
        if image > 0 {
            match event {
                Event::Start(Tag::Image { .. }) => image += 1,
                Event::End(TagEnd::Image) => image -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            // The page drops images and shows their alt text; the markup is read as typed,
            // alt text and address together, so the author and the moderator hear of an image
            // the author meant to share.
            Event::Start(Tag::Image { .. }) => {
                image = 1;
                push_text(
                    &mut r,
                    markdown,
                    markdown.get(range.clone()).unwrap_or(""),
                    range,
                    true,
                );
            }
            // Text is the source as typed, or one decoded piece of it (`&#97;`, `\-`).
            Event::Text(text) => push_text(&mut r, markdown, &text, range, false),
            // Code is shown as typed, inside its backticks.
            Event::Code(text) => push_text(&mut r, markdown, &text, range, true),
            // A line break inside a paragraph is drawn as a space.
            Event::SoftBreak => r.push_from(" ", range),
            Event::HardBreak => r.push_from("\n", range),
            Event::Rule => r.push_synthetic("\n\n"),
            // The scanner reads a line starting with `#` as a heading and `-` as a list item,
            // where capitals say less.
            Event::Start(Tag::Heading { .. }) => r.push_synthetic("# "),
            Event::Start(Tag::Item) => r.push_synthetic("- "),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let shown = matches!(link_type, LinkType::Autolink | LinkType::Email);
                links.push((
                    if shown {
                        String::new()
                    } else {
                        dest_url.to_string()
                    },
                    range,
                ));
            }
            Event::End(TagEnd::Link) => {
                if let Some((dest, range)) = links.pop().filter(|(d, _)| !d.is_empty()) {
                    r.push_synthetic(" (");
                    push_text(&mut r, markdown, &dest, range, true);
                    r.push_synthetic(")");
                }
            }
            // Each cell is a block of its own on the page.
            Event::End(TagEnd::TableCell) => r.push_synthetic("\n"),
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
/// the whole source range it decodes (`&#97;` is an `a`). `inside`: the text is typed somewhere
/// inside `range` (a code span within its backticks, a link's address within the link), so it
/// is looked for there; decoded text is never looked for, or `&#53;` would place a "5" on the
/// entity's own digits.
fn push_text(
    r: &mut Reading,
    source: &str,
    text: &str,
    range: std::ops::Range<usize>,
    inside: bool,
) {
    let slice = source.get(range.clone()).unwrap_or("");
    if slice == text {
        r.push_exact(text, range.start);
    } else if let Some(at) = slice.rfind(text).filter(|_| inside && !text.is_empty()) {
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
            "![Maria](x.png)",
            "an image is read as typed"
        );
        assert_eq!(read("line one\nline two"), "line one line two");
        assert_eq!(
            read("[her page](https://example.org/maria)"),
            "her page (https://example.org/maria)"
        );
        assert_eq!(read("<https://example.org/x>"), "https://example.org/x");
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
        assert!(text.contains("c\nd"), "{text:?}");
    }

    #[test]
    fn a_decoded_character_is_placed_on_its_whole_reference() {
        let md = "Call &#53;03-555-0199";
        let r = reading(md).fold();
        let at = r.text().find("503").unwrap_or(0);
        let (s, e) = r.source_span(at, at + 3).unwrap_or((0, 0));
        assert_eq!(&md[s..e], "&#53;03");
    }
}
