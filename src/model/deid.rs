//! What the de-identification scanner found, as the composer and the API show it.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingView {
    /// Byte offsets into the scanned text (UTF-8).
    pub start: usize,
    pub end: usize,
    /// Snake-case category (`phone`, `name`, …).
    pub category: String,
    /// The category in words (`phone number`).
    pub label: String,
    /// Blocks publication until changed or explained.
    pub blocking: bool,
    pub reason: String,
    pub suggestion: String,
    /// Names the explanation field for this finding (`explain.<key>`); stable for the same
    /// field, category and text.
    pub key: String,
}

/// The findings in one field of a draft, with the text they point into.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldScan {
    pub field: String,
    pub label: String,
    pub text: String,
    pub findings: Vec<FindingView>,
}

impl FieldScan {
    pub fn blocking(&self) -> usize {
        self.findings.iter().filter(|f| f.blocking).count()
    }
}

/// A case whose details together may single out one person (`domain::deid::combination`). A
/// warning the author and the moderator weigh; it never blocks publication.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CombinationView {
    /// "exact age + occupation + small place together may single out one person".
    pub reason: String,
    /// One per kind of detail, in the check's order.
    pub factors: Vec<FactorView>,
}

/// One kind of detail the combination check found, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FactorView {
    /// Snake-case kind (`age`, `occupation`, …).
    pub factor: String,
    /// The kind in words (`exact age`).
    pub label: String,
    /// The field it was found in (`situation`, `title`, `tags`, `context`) and its label.
    pub field: String,
    pub field_label: String,
    /// Byte offsets into that field's text (UTF-8), `start..end`.
    pub start: usize,
    pub end: usize,
    /// The words as typed: the author's own draft, or the text the moderator is reviewing.
    pub excerpt: String,
    /// What to write instead.
    pub advice: String,
}
