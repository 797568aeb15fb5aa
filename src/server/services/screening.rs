//! The de-identification scanner applied to drafts: the composer's *Check*, the live check, the
//! `scan_draft` server function, and the gate in front of publishing — a *block* finding stops a
//! case unless the author explains why it is not an identifier.

use std::collections::HashMap;

use sha2::{Digest as _, Sha256};

use crate::domain::case::{CaseInput, SECTIONS};
use crate::domain::deid::{self, Severity};
use crate::domain::policy::{Action, Actor, Target, can};
use crate::model::{FieldScan, FindingView};
use crate::server::error::AppError;
use crate::server::render::MAX_SOURCE_BYTES;
use crate::server::store::ScanExplanation as Explained;

/// An explanation must say something; a stray keystroke is not one.
pub const MIN_EXPLANATION_CHARS: usize = 10;
pub const MAX_EXPLANATION_CHARS: usize = 500;

/// What the author wrote next to each finding, by finding key (the form's `explain.<key>`).
pub type Explanations = HashMap<String, String>;

/// Collects `explain.<key>` form fields.
pub fn explanations_from(values: &[(String, String)]) -> Explanations {
    values
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("explain.")?.to_owned(), v.trim().to_owned())))
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

/// The scanner's findings in one field, with keys for explanations.
pub fn scan_field(field: &str, label: &str, text: &str) -> FieldScan {
    let findings = deid::scan(text)
        .into_iter()
        .map(|f| FindingView {
            key: finding_key(field, f.category.as_str(), &text[f.start..f.end]),
            start: f.start,
            end: f.end,
            category: f.category.as_str().to_owned(),
            label: f.category.label().to_owned(),
            blocking: f.severity == Severity::Block,
            reason: f.reason.to_owned(),
            suggestion: f.suggestion,
        })
        .collect();
    FieldScan {
        field: field.to_owned(),
        label: label.to_owned(),
        text: text.to_owned(),
        findings,
    }
}

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

/// The gate in front of publishing: the explained *block* findings, or the scans back to the
/// author when one is neither changed nor explained.
pub fn gate(
    scans: Vec<FieldScan>,
    explanations: &Explanations,
) -> Result<Vec<Explained>, AppError> {
    let mut explained = Vec::new();
    let mut missing = false;
    for scan in &scans {
        for f in scan.findings.iter().filter(|f| f.blocking) {
            match explanations.get(&f.key) {
                // An explanation that repeats an identifier would store it where a redaction
                // of the revision cannot reach; it does not count.
                Some(e)
                    if e.chars().count() >= MIN_EXPLANATION_CHARS
                        && !deid::blocks(&deid::scan(e)) =>
                {
                    explained.push(Explained {
                        field: scan.field.clone(),
                        category: f.category.clone(),
                        start: f.start,
                        end: f.end,
                        explanation: e.chars().take(MAX_EXPLANATION_CHARS).collect(),
                    })
                }
                _ => missing = true,
            }
        }
    }
    if missing {
        Err(AppError::Identifying(scans))
    } else {
        Ok(explained)
    }
}

/// *Check* on the composer: every field of the draft, for a member who may write a case.
pub fn check_case(actor: Option<&Actor>, input: &CaseInput) -> Result<Vec<FieldScan>, AppError> {
    can(actor, Action::CreateCase, Target::Site)?;
    check_length(&input.title)?;
    for s in SECTIONS {
        check_length(input.section(s.key))?;
    }
    Ok(scan_case(input))
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

/// Stable for the same field, category and text, so an explanation survives re-checks and edits
/// elsewhere in the text. Only a prefix of the hash, and only in the author's own form.
fn finding_key(field: &str, category: &str, text: &str) -> String {
    let digest = Sha256::new()
        .chain_update(field)
        .chain_update([0])
        .chain_update(category)
        .chain_update([0])
        .chain_update(text)
        .finalize();
    digest[..6].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(title: &str, situation: &str) -> CaseInput {
        let mut i = CaseInput {
            title: title.into(),
            ..CaseInput::default()
        };
        i.sections = SECTIONS
            .iter()
            .map(|s| {
                (
                    s.key.to_owned(),
                    if s.key == "situation" {
                        situation.to_owned()
                    } else {
                        String::new()
                    },
                )
            })
            .collect();
        i
    }

    #[test]
    fn blocking_findings_stop_publication_until_explained() {
        let scans = scan_case(&input(
            "Stuck with a teen",
            "Call her on 503-555-0147 please.",
        ));
        assert_eq!(scans.len(), 1);
        let key = scans[0].findings[0].key.clone();
        assert!(matches!(
            gate(scans.clone(), &Explanations::new()),
            Err(AppError::Identifying(_))
        ));
        let short = Explanations::from([(key.clone(), "no".to_owned())]);
        assert!(gate(scans.clone(), &short).is_err());
        let repeats =
            Explanations::from([(key.clone(), "503-555-0147 is the clinic line.".to_owned())]);
        assert!(
            gate(scans.clone(), &repeats).is_err(),
            "an explanation may not repeat it"
        );
        let good = Explanations::from([(key, "This is the clinic's public line.".to_owned())]);
        let explained = gate(scans, &good).unwrap_or_default();
        assert_eq!(explained.len(), 1);
        assert_eq!(explained[0].category, "phone");
    }

    #[test]
    fn keys_are_stable_and_distinct() {
        let a = scan_field("situation", "S", "Maria said no.");
        let b = scan_field("situation", "S", "Later, Maria said no.");
        assert_eq!(a.findings[0].key, b.findings[0].key);
        let c = scan_field("stuck_point", "S", "Maria said no.");
        assert_ne!(a.findings[0].key, c.findings[0].key);
    }

    #[test]
    fn oversized_text_is_refused_before_scanning() {
        let big = "a".repeat(MAX_SOURCE_BYTES + 1);
        assert!(matches!(check_length(&big), Err(AppError::Invalid(_))));
    }
}
