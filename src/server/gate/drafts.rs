//! A saved draft through the gate. A draft is read by its author only: it is not scanned (the
//! author may run the scanner on it, as on any text in the composer) and waits for nobody. The
//! gate still checks its form, so a draft always fits the composer it goes back into: the
//! case's limits, no control characters but line breaks, and something to keep.

use crate::domain::case::{FieldError, SECTIONS, TextLimit};
use crate::model::DraftFields;
use crate::server::error::AppError;

/// A choice's key (a context option, an id, a period) is short; anything longer is not one.
const KEY_MAX: usize = 40;

/// A draft that passed the gate: its title for the list, its fields as JSON.
#[derive(Debug)]
pub struct GatedDraft {
    title: String,
    source: String,
}

impl GatedDraft {
    pub fn title(&self) -> &str {
        &self.title
    }
    pub fn source(&self) -> &str {
        &self.source
    }
}

pub fn draft(fields: &DraftFields) -> Result<GatedDraft, AppError> {
    let input = &fields.input;
    let mut errors = Vec::new();
    let mut check = |key: &str, label: &str, text: &str, max: usize, lines: bool| {
        if text.chars().count() > max {
            errors.push(FieldError {
                field: key.into(),
                message: format!("{label} can be at most {max} characters."),
            });
        } else if text
            .chars()
            .any(|c| c.is_control() && !(lines && matches!(c, '\n' | '\r' | '\t')))
        {
            errors.push(FieldError {
                field: key.into(),
                message: format!("{label} holds a control character; type it again as plain text."),
            });
        }
    };
    check(
        "title",
        "The title",
        &input.title,
        TextLimit::TITLE.max,
        false,
    );
    for s in SECTIONS {
        check(
            s.key,
            s.label,
            input.section(s.key),
            TextLimit::SECTION.max,
            true,
        );
    }
    for (key, value) in [
        ("age_band", &input.age_band),
        ("setting", &input.setting),
        ("modality", &input.modality),
        ("sessions", &input.sessions),
        ("supervisor", &fields.supervisor),
        ("audience", &fields.audience),
        ("keep_for", &fields.keep_for),
    ] {
        check(key, "This choice", value, KEY_MAX, false);
    }
    if input.tags.len() > 2 * TextLimit::MAX_TAGS || input.tags.iter().any(|t| t.len() > KEY_MAX) {
        errors.push(FieldError {
            field: "tags".into(),
            message: "Those are not presenting concerns from the list.".into(),
        });
    }
    if !errors.is_empty() {
        return Err(AppError::InvalidFields(errors));
    }
    let empty = input.title.trim().is_empty()
        && input
            .sections
            .iter()
            .all(|(_, text)| text.trim().is_empty());
    if empty {
        return Err(AppError::Invalid(
            "There is nothing to save yet: write a title or a section first.".into(),
        ));
    }
    // Only the fields the composer knows, in the order it knows them.
    let kept = DraftFields {
        input: crate::domain::case::CaseInput {
            sections: SECTIONS
                .iter()
                .map(|s| (s.key.to_owned(), input.section(s.key).to_owned()))
                .collect(),
            ..input.clone()
        },
        ..fields.clone()
    };
    let source = serde_json::to_string(&kept).map_err(AppError::internal)?;
    Ok(GatedDraft {
        title: input.title.split_whitespace().collect::<Vec<_>>().join(" "),
        source,
    })
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn with(title: &str, situation: &str) -> DraftFields {
        let mut fields = DraftFields::default();
        fields.input.title = title.into();
        fields.input.sections = vec![("situation".into(), situation.into())];
        fields
    }

    #[test]
    fn a_draft_keeps_what_fits_the_composer_even_when_unfinished() {
        let kept = draft(&with("  A   half  title", "")).expect("a title is enough");
        assert_eq!(kept.title(), "A half title");
        let back: DraftFields = serde_json::from_str(kept.source()).expect("json");
        assert_eq!(back.input.section("situation"), "");
        assert_eq!(back.input.sections.len(), SECTIONS.len());
        // A name in it is kept: nobody but its author reads a draft.
        assert!(draft(&with("", "Mrs Jane Doe of 12 High Street\nline two")).is_ok());
        assert!(matches!(draft(&with(" ", "  ")), Err(AppError::Invalid(_))));
        assert!(matches!(
            draft(&with(&"x".repeat(121), "")),
            Err(AppError::InvalidFields(_))
        ));
        assert!(matches!(
            draft(&with("A title", "a\u{0}b")),
            Err(AppError::InvalidFields(_))
        ));
        let mut odd = with("A title", "");
        odd.supervisor = "9".repeat(41);
        assert!(matches!(draft(&odd), Err(AppError::InvalidFields(_))));
    }
}
