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
