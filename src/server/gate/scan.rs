//! The scanner as the gate uses it: on the text as readers will read it, with findings placed
//! on the text the author typed. The composer's *Check* and live check, `scan_draft`, the
//! review pages, `caseroom scan` and the gate itself all call [`scan_field`] or
//! [`scan_as_read`], so they report the same findings.

use std::collections::HashMap;

use sha2::{Digest as _, Sha256};

use crate::domain::deid::{self, Finding, Reading, Severity};
use crate::model::{FieldScan, FindingView};
use crate::server::error::AppError;
use crate::server::render::{self, MAX_SOURCE_BYTES};
use crate::server::store::ScanExplanation;

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

/// Everything in `source` that could identify a client, with spans into `source`.
///
/// The scanner reads the text as the page draws it: the rendered Markdown (character references
/// decoded, escapes and emphasis markers gone, link addresses after their text), in the order a
/// screen draws right-to-left text, folded (invisible characters gone, look-alike digits and
/// letters made plain, runs of spaces collapsed). Each finding is placed on the bytes the author
/// typed. Text longer than a post (only `caseroom scan` reads such) is read a paragraph-aligned
/// piece at a time, so memory stays bounded.
pub fn scan_as_read(source: &str) -> Vec<Finding> {
    let started = std::time::Instant::now();
    let mut found = Vec::new();
    for (offset, piece) in pieces(source) {
        let reading = render::reading(piece).visual().fold();
        found.extend(placed(&reading).into_iter().map(|f| Finding {
            start: f.start + offset,
            end: f.end + offset,
            ..f
        }));
    }
    crate::server::metrics::SCANNER.observe(started.elapsed());
    found
}

/// `source` in pieces of at most a post's size, cut after a blank line where there is one, else
/// after a line, else at a character boundary.
fn pieces(source: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    while source.len() - start > MAX_SOURCE_BYTES {
        let window = &source[start..];
        let mut limit = MAX_SOURCE_BYTES;
        while !window.is_char_boundary(limit) {
            limit -= 1;
        }
        let head = &window[..limit];
        let cut = head
            .rfind("\n\n")
            .map(|i| i + 2)
            .or_else(|| head.rfind('\n').map(|i| i + 1))
            .filter(|&i| i > 0)
            .unwrap_or(limit);
        out.push((start, &window[..cut]));
        start += cut;
    }
    out.push((start, &source[start..]));
    out
}

/// The findings in one reading, placed on the source bytes, sorted by where they start. Two
/// findings that land on the same bytes (inside one decoded reference) count once.
fn placed(reading: &Reading) -> Vec<Finding> {
    let mut found: Vec<Finding> = deid::scan(reading.text())
        .into_iter()
        .filter_map(|f| {
            let (start, end) = reading.source_span(f.start, f.end)?;
            Some(Finding { start, end, ..f })
        })
        .collect();
    found.sort_by_key(|f| (f.start, f.end));
    let mut kept: Vec<Finding> = Vec::with_capacity(found.len());
    for f in found {
        if kept.last().is_none_or(|k| k.end <= f.start) {
            kept.push(f);
        }
    }
    kept
}

/// The scanner's findings in one field, with keys for explanations.
pub fn scan_field(field: &str, label: &str, text: &str) -> FieldScan {
    let findings = scan_as_read(text)
        .into_iter()
        .map(|f| FindingView {
            key: finding_key(
                field,
                f.category.as_str(),
                text.get(f.start..f.end).unwrap_or(""),
            ),
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

/// Whether any of `text`'s findings stop publication.
pub fn blocks(text: &str) -> bool {
    deid::blocks(&scan_as_read(text))
}

/// The explained *block* findings, or the scans back to the author when one is neither
/// changed nor explained.
pub fn explained(
    scans: Vec<FieldScan>,
    explanations: &Explanations,
) -> Result<Vec<ScanExplanation>, AppError> {
    let mut explained = Vec::new();
    let mut missing = false;
    for scan in &scans {
        for f in scan.findings.iter().filter(|f| f.blocking) {
            match explanations.get(&f.key) {
                // An explanation that repeats an identifier would store it where a redaction
                // of the revision cannot reach; it does not count.
                Some(e) if e.chars().count() >= MIN_EXPLANATION_CHARS && !blocks(e) => explained
                    .push(ScanExplanation {
                        field: scan.field.clone(),
                        category: f.category.clone(),
                        start: f.start,
                        end: f.end,
                        explanation: e.chars().take(MAX_EXPLANATION_CHARS).collect(),
                    }),
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

    fn found(text: &str) -> Vec<String> {
        scan_as_read(text)
            .iter()
            .map(|f| text[f.start..f.end].to_owned())
            .collect()
    }

    #[test]
    fn blocking_findings_stop_publication_until_explained() {
        let scans = vec![scan_field(
            "situation",
            "S",
            "Call her on 503-555-0147 please.",
        )];
        let key = scans[0].findings[0].key.clone();
        assert!(matches!(
            explained(scans.clone(), &Explanations::new()),
            Err(AppError::Identifying(_))
        ));
        let short = Explanations::from([(key.clone(), "no".to_owned())]);
        assert!(explained(scans.clone(), &short).is_err());
        let repeats =
            Explanations::from([(key.clone(), "503-555-0147 is the clinic line.".to_owned())]);
        assert!(
            explained(scans.clone(), &repeats).is_err(),
            "an explanation may not repeat it"
        );
        let good = Explanations::from([(key, "This is the clinic's public line.".to_owned())]);
        let kept = explained(scans, &good).unwrap_or_default();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].category, "phone");
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
    fn identifiers_hidden_from_the_typed_text_are_found_where_they_were_typed() {
        assert_eq!(
            found("Her name is M&#97;ria Ok&#97;for."),
            ["M&#97;ria Ok&#97;for"]
        );
        assert_eq!(found("Call 503\\-555\\-0199 today."), ["503\\-555\\-0199"]);
        assert_eq!(
            found("Call ５０３-５５５-０１９９ today."),
            ["５０３-５５５-０１９９"]
        );
        assert_eq!(found("Her name is Ma**ria** Okafor."), ["Ma**ria** Okafor"]);
        assert_eq!(
            found("Her name is Ma\u{200B}ria Okafor."),
            ["Ma\u{200B}ria Okafor"]
        );
    }

    #[test]
    fn identifiers_hidden_by_direction_and_spacing_are_found() {
        assert_eq!(
            found("Call \u{202E}9910-555-305\u{202C} now."),
            ["9910-555-305"]
        );
        assert!(!found("Her name is Maria  Okafor.").is_empty());
        assert!(!found("[her profile](https://facebook.com/maria.okafor.77)").is_empty());
    }

    #[test]
    fn text_longer_than_a_post_is_read_in_pieces_and_placed_right() {
        let filler = "She came to the session and we talked about the week.\n\n".repeat(2_000);
        let text = format!("{filler}Call 503-555-0199 today.\n\n{filler}Maria Okafor said so.");
        let all = scan_as_read(&text);
        let spans: Vec<&str> = all.iter().map(|f| &text[f.start..f.end]).collect();
        assert!(spans.contains(&"503-555-0199"), "{spans:?}");
        assert!(spans.iter().any(|s| s.contains("Maria")), "{spans:?}");
        let pieces = pieces(&text);
        assert!(pieces.len() > 2 && pieces.iter().all(|(_, p)| p.len() <= MAX_SOURCE_BYTES));
        assert_eq!(
            pieces.iter().map(|(_, p)| p.len()).sum::<usize>(),
            text.len()
        );
    }

    #[test]
    fn clean_clinical_text_stays_clean() {
        for text in [
            "She has **panic attacks** on the bus; we tried *interoceptive exposure*.",
            "We used `ACT` and the &quot;choice point&quot; worksheet.",
            "- Sessions 1–4: formulation\n- Sessions 5–8: exposure",
        ] {
            assert_eq!(found(text), Vec::<String>::new(), "{text}");
        }
    }
}
