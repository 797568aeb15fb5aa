//! The one place HTML is made from member text: Markdown is cooked once, at write time, and the
//! result stored beside its source. Pages show the stored HTML and never render Markdown per request.
//!
//! pulldown-cmark parses (tables, strikethrough, task lists); raw HTML in the source is shown as
//! text, never passed through as markup; images are dropped (their alt text stays), so a post
//! cannot make a reader's browser fetch anything. ammonia then cleans the result against an
//! explicit allowlist. Length and nesting are capped *before* ammonia, whose cost grows badly
//! with depth (20 KB of nested quotes took over 20 s).

use std::collections::HashSet;
use std::ops::Range;

use ammonia::UrlRelative;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::model::SafeHtml;

/// Bumped whenever the output of `cook` changes, so stored HTML can be re-cooked from its source.
pub const RENDERER_VERSION: i64 = 1;

/// No accepted text is longer than this (sections have their own, lower limits).
pub const MAX_SOURCE_BYTES: usize = 64 * 1024;

/// Deepest nesting of block and inline elements accepted (a quote in a list in a quote…).
pub const MAX_DEPTH: usize = 16;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CookError {
    #[error("This text is too long to publish ({max} bytes at most).", max = MAX_SOURCE_BYTES)]
    TooLong,
    #[error("This text is nested too deeply (quotes or lists inside each other more than {max} levels). Flatten it and try again.", max = MAX_DEPTH)]
    TooDeep,
}

/// Cooks Markdown into sanitized HTML.
pub fn cook(markdown: &str) -> Result<SafeHtml, CookError> {
    let events = events(markdown)?;
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    // Images are dropped; the alt text between start and end stays as plain text.
    let shown = events.into_iter().filter_map(|(e, _)| match e {
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    });
    pulldown_cmark::html::push_html(&mut html, shown);
    Ok(SafeHtml::from_cooked(sanitizer().clean(&html).to_string()))
}

/// The Markdown events `cook` turns into HTML, each with the source range it came from: raw
/// HTML made text, task markers made text. Images are still here: `cook` drops them (their alt
/// text stays) and `reading` reads their markup. `reading` reads the same events, so the
/// scanner sees what the page will show.
fn events(markdown: &str) -> Result<Vec<(Event<'_>, Range<usize>)>, CookError> {
    if markdown.len() > MAX_SOURCE_BYTES {
        return Err(CookError::TooLong);
    }
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut depth = 0usize;
    let mut events = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match &event {
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(CookError::TooDeep);
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        match event {
            // Raw HTML is shown as the text it is.
            Event::Html(raw) | Event::InlineHtml(raw) => events.push((Event::Text(raw), range)),
            // A checkbox would be an <input>; a plain marker says the same without a form control.
            Event::TaskListMarker(done) => events.push((
                Event::Text(if done { "☑ " } else { "☐ " }.into()),
                range.start..range.start,
            )),
            other => events.push((other, range)),
        }
    }
    Ok(events)
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    SANITIZER.get_or_init(build_sanitizer)
}

fn build_sanitizer() -> ammonia::Builder<'static> {
    let tags: HashSet<&str> = [
        "p",
        "br",
        "hr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "strong",
        "em",
        "del",
        "code",
        "pre",
        "blockquote",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "a",
    ]
    .into_iter()
    .collect();
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(tags)
        .add_tag_attributes("a", ["href"])
        .add_tag_attributes("ol", ["start"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        // Links to pages of this site ("/cases/12") are kept; "//host" is not a local path.
        .url_relative(UrlRelative::Custom(Box::new(local_paths_only)))
        .link_rel(Some("nofollow noopener noreferrer"))
        .clean_content_tags(["script", "style"].into_iter().collect())
        .strip_comments(true);
    builder
}

fn local_paths_only(url: &str) -> Option<std::borrow::Cow<'_, str>> {
    (url.starts_with('/') && !url.starts_with("//")).then_some(std::borrow::Cow::Borrowed(url))
}

mod reading;

pub use reading::reading;

#[cfg(test)]
mod tests;
