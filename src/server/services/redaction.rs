//! A moderator redacts identifying text from a case: everywhere it is stored, at once.
//!
//! The moderator copies the text from the page, where readers see it rendered; the store keeps
//! what the author typed. So an occurrence is found three ways and replaced in the typed text:
//! as typed, in the typed text as drawn and folded (direction, invisible characters and
//! look-alikes, see `domain::deid::reading`), and in the rendered reading as drawn and folded
//! (`M&#97;ria` or `Ma**ria**` read as "Maria"). Letter case never matters.

use super::access::{case_for, signed_in};
use crate::domain::deid::Reading;
use crate::domain::policy::{Action, Actor};
use crate::domain::redaction::Redaction;
use crate::model::CaseId;
use crate::server::error::AppError;
use crate::server::render::{cook, reading};
use crate::server::state::AppState;
use crate::ui::html::escape;

/// Replaces `text` with `[redacted: category]` in the case, its replies and every stored copy;
/// returns how many places changed. Text that is nowhere in the case is refused, and nothing
/// is written.
pub async fn redact_case(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    text: &str,
    category: &str,
) -> Result<usize, AppError> {
    case_for(state, actor, id, Action::Redact).await?;
    let actor = signed_in(actor)?;
    let redaction =
        Redaction::parse(text, category).map_err(|e| AppError::Invalid(e.to_string()))?;
    let change = |s: &str| redacted(s, &redaction);
    // A redaction must never fail on cooking: text that no longer cooks (now over the length
    // limit) is shown escaped, as plain paragraphs.
    let cook_or_plain = |md: &str| match cook(md) {
        Ok(html) => html.into_string(),
        Err(_) => format!("<p>{}</p>", escape(md)),
    };
    let places = state
        .store
        .redact_case(
            id,
            actor.user_id,
            state.clock.now(),
            &change,
            &cook_or_plain,
        )
        .await?;
    if places == 0 {
        return Err(AppError::Invalid(
            "That text is not in this case, its replies or their earlier versions. Copy it exactly as it appears (letter case does not matter).".into(),
        ));
    }
    tracing::info!(case.id = %id, actor.id = %actor.user_id, places, "case redacted");
    Ok(places)
}

/// `source` with every place that shows the redaction's text replaced, and how many places;
/// `None` when there are none. The matcher the fuzz tests drive.
pub fn redacted(source: &str, redaction: &Redaction) -> Option<(String, usize)> {
    let needle = Reading::plain(redaction.target())
        .fold()
        .text()
        .to_ascii_lowercase();
    redaction.replace_spans(source, occurrences(source, redaction, &needle))
}

/// The byte spans of `source` that show the redaction's text: as typed, and in the typed and
/// rendered readings (folded), mapped back to the typed bytes.
fn occurrences(source: &str, redaction: &Redaction, needle: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let typed = source.to_ascii_lowercase();
    let target = redaction.target().to_ascii_lowercase();
    spans.extend(
        typed
            .match_indices(&target)
            .map(|(at, m)| (at, at + m.len())),
    );
    if needle.is_empty() {
        return spans;
    }
    for read in [
        Reading::plain(source).visual().fold(),
        reading(source).visual().fold(),
    ] {
        let hay = read.text().to_ascii_lowercase();
        for (at, m) in hay.match_indices(needle) {
            if let Some(span) = read.source_span(at, at + m.len()) {
                spans.push(span);
            }
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redact(source: &str, text: &str) -> Option<(String, usize)> {
        redacted(source, &Redaction::parse(text, "name").ok()?)
    }

    #[test]
    fn what_readers_see_is_found_in_what_the_author_typed() {
        assert_eq!(
            redact("Client M&#97;ria Ok&#97;for said", "Maria Okafor"),
            Some(("Client [redacted: name] said".to_owned(), 1))
        );
        assert_eq!(
            redact("Client **Maria** Okafor said", "maria okafor"),
            Some(("Client **[redacted: name] said".to_owned(), 1))
        );
        assert_eq!(
            redact("Call 503\\-555\\-0199 or 503-555-0199", "503-555-0199"),
            Some(("Call [redacted: name] or [redacted: name]".to_owned(), 2))
        );
        assert_eq!(
            redact("Ma\u{200B}ria came", "Maria"),
            Some(("[redacted: name] came".to_owned(), 1))
        );
        // Copied from the page with the invisible character in it.
        assert_eq!(
            redact("Ma\u{200B}ria came", "Ma\u{200B}ria"),
            Some(("[redacted: name] came".to_owned(), 1))
        );
        assert_eq!(redact("Nothing to see", "Maria"), None);
    }
}
