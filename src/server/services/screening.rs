//! The scanner for an author at work: the composer's *Check* and the `scan_draft` server
//! function. Nothing is stored or logged. It reports exactly what the publication gate will
//! (`gate::scan_field`, on the text as readers will read it), and the case-level combination
//! warning the review page shows the moderator (`gate::combination_of_draft`).

use crate::domain::case::{CaseInput, SECTIONS};
use crate::domain::policy::{Action, Actor, Target, can};
use crate::model::{CombinationView, FieldScan, FindingView};
use crate::server::error::AppError;
use crate::server::gate::{combination_of_draft, scan_field};
use crate::server::render::MAX_SOURCE_BYTES;

/// Every field of a case draft that has a finding: the title, then the sections in order.
pub fn scan_case(input: &CaseInput) -> Vec<FieldScan> {
    std::iter::once(scan_field("title", "Title", &input.title))
        .chain(
            SECTIONS
                .iter()
                .map(|s| scan_field(s.key, s.label, input.section(s.key))),
        )
        .filter(|s| !s.findings.is_empty())
        .collect()
}

/// What *Check* tells the author about a draft.
#[derive(Clone, Debug, Default)]
pub struct CaseCheck {
    /// The fields with findings.
    pub scans: Vec<FieldScan>,
    /// The whole case's details together, when they may single out one person (a warning).
    pub combination: Option<CombinationView>,
}

/// *Check* on the composer: every field of the draft, and the draft as a whole, for a member who
/// may write a case.
pub fn check_case(actor: Option<&Actor>, input: &CaseInput) -> Result<CaseCheck, AppError> {
    can(actor, Action::CreateCase, Target::Site)?;
    check_length(&input.title)?;
    for s in SECTIONS {
        check_length(input.section(s.key))?;
    }
    Ok(CaseCheck {
        scans: scan_case(input),
        combination: combination_of_draft(input),
    })
}

/// `scan_draft`: any member who may write a case may check a text; nothing is stored or logged.
pub fn scan_draft(actor: Option<&Actor>, text: &str) -> Result<Vec<FindingView>, AppError> {
    can(actor, Action::CreateCase, Target::Site)?;
    check_length(text)?;
    Ok(scan_field("draft", "Draft", text).findings)
}

/// A paste far over the post limit is refused before scanning, with the limit in the message.
pub fn check_length(text: &str) -> Result<(), AppError> {
    if text.len() > MAX_SOURCE_BYTES {
        return Err(AppError::Invalid(format!(
            "This text is {} KiB; a post holds at most {} KiB. Shorten it and check again.",
            text.len().div_ceil(1024),
            MAX_SOURCE_BYTES / 1024
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oversized_text_is_refused_before_scanning() {
        let big = "a".repeat(MAX_SOURCE_BYTES + 1);
        assert!(matches!(check_length(&big), Err(AppError::Invalid(_))));
    }
}
