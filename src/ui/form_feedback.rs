use leptos::prelude::use_context;

use crate::domain::case::FieldError;
use crate::model::{CombinationView, FieldScan, SectionView};

/// What a form endpoint hands back to the page it re-renders after bad input (or a preview):
/// the messages and what the member typed (never passwords). Absent on an ordinary page load.
#[derive(Clone, Debug, Default)]
pub struct FormFeedback {
    pub error: Option<String>,
    /// Which of several forms on the page the error belongs to (e.g. `user-12`); `None` for the main form.
    pub form: Option<String>,
    /// Submitted fields in order; a name may repeat (checkboxes).
    pub values: Vec<(String, String)>,
    /// Problems next to individual fields of a long form.
    pub field_errors: Vec<FieldError>,
    /// The cooked sections, after a *Preview* press.
    pub preview: Option<Vec<SectionView>>,
    /// The scanner's findings per field, after *Check* or a refused publish.
    pub scan: Option<Vec<FieldScan>>,
    /// The whole case's details together may single out one person: a warning shown with the
    /// findings after *Check* or a refused submission; it never blocks.
    pub combination: Option<CombinationView>,
    /// A link holding a secret, shown once: an invite just created, or a reset link an admin
    /// issued (then `form` names the member's row). Only its hash is stored.
    pub shown_once_link: Option<String>,
}

impl FormFeedback {
    pub fn value(&self, name: &str) -> String {
        self.values
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    pub fn values_of(&self, name: &str) -> Vec<String> {
        self.values
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// True when this feedback carries the member's own input (so it, not stored data, fills the form).
    pub fn has_values(&self) -> bool {
        !self.values.is_empty()
    }

    /// The error for the form named `form` (`None` = the page's main form).
    pub fn error_for(&self, form: Option<&str>) -> Option<String> {
        (self.form.as_deref() == form)
            .then(|| self.error.clone())
            .flatten()
    }

    pub fn field_error(&self, field: &str) -> Option<String> {
        self.field_errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
    }
}

pub fn use_feedback() -> FormFeedback {
    use_context::<FormFeedback>().unwrap_or_default()
}
