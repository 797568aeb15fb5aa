//! The de-identification scanner: finds what could identify a client in free text, says why, and
//! offers safer wording. Pure and deterministic (no IO, no clock, no randomness) and linear in
//! the input: matching uses only `regex` (finite automata) and one pass over the words.
//!
//! Two layers feed one list of candidates:
//! - `rules`: pattern rules for what has a shape (phone numbers, dates, codes after a keyword,
//!   addresses, web addresses, images, events and rare occupations);
//! - `narrative`: a pass over the words for names, places and organizations, using the compiled
//!   word lists in `lexicon` and the words around each capitalised word.
//!
//! Overlapping candidates are resolved by priority, then length; `suggest` words the advice.

mod category;
pub mod combination;
mod lexicon;
mod name_shape;
mod narrative;
pub mod reading;
mod rules;
mod suggest;
mod text;

pub use category::{Category, Severity};
pub use reading::Reading;
pub(crate) use reading::latin_lookalike;

/// One thing in the text that could identify a client.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    /// Byte offsets into the scanned text (UTF-8), `start..end`.
    pub start: usize,
    pub end: usize,
    pub category: Category,
    pub severity: Severity,
    /// Why this could identify someone, in a clinician's words.
    pub reason: &'static str,
    /// Safer wording to use instead.
    pub suggestion: String,
}

/// A candidate before overlaps are resolved. Higher `priority` wins an overlap: a specific rule
/// ("MRN 00482913") beats a generic one ("a long number").
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub category: Category,
    pub severity: Severity,
    pub reason: &'static str,
    pub priority: u8,
}

/// Everything in `text` that could identify a client, in text order, never overlapping.
pub fn scan(text: &str) -> Vec<Finding> {
    let mut hits = rules::find(text);
    hits.extend(narrative::find(text));
    resolve(&mut hits)
        .into_iter()
        .map(|h| Finding {
            start: h.start,
            end: h.end,
            category: h.category,
            severity: h.severity,
            reason: h.reason,
            suggestion: suggest::wording(text, &h),
        })
        .collect()
}

/// Whether any finding stops publication.
pub fn blocks(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Block)
}

/// Keeps the best of each group of overlapping hits: by priority, then severity, then length.
fn resolve(hits: &mut [Hit]) -> Vec<Hit> {
    hits.sort_by(|a, b| {
        b.priority
            .cmp(&a.priority)
            .then(b.severity.cmp(&a.severity))
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
    });
    // Kept spans never overlap, so the only one that can overlap a hit is the last one starting
    // before the hit ends: one ordered-map lookup per hit keeps this O(n log n).
    let mut kept: std::collections::BTreeMap<usize, Hit> = std::collections::BTreeMap::new();
    for hit in hits.iter() {
        if hit.start >= hit.end {
            continue;
        }
        let clash = kept
            .range(..hit.end)
            .next_back()
            .is_some_and(|(_, k)| k.end > hit.start);
        if !clash {
            kept.insert(hit.start, *hit);
        }
    }
    kept.into_values().collect()
}

#[cfg(test)]
mod forms_tests;
#[cfg(test)]
mod recall_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod world_tests;

/// Builds every automaton, each rule's too, and opens the word lists (about 0.2 s in a release
/// build), so the first member to press *Check* does not wait for it. A one-off scan
/// (`caseroom scan`) skips this and builds only the rules its text needs.
pub fn warm() {
    rules::compile_all();
    // The combination check's patterns, so the first Check does not compile them either.
    let _ = combination::factors_found(&[("warm", "a retired headteacher in her 70s")]);
    let _ = scan("Maria rang 503-555-0147 on March 3rd from Portland; see www.example.org.");
}
