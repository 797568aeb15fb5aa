use leptos::prelude::use_context;

/// What a form endpoint hands back to the page it re-renders after bad input: the message and
/// what the member typed (never passwords). Absent on an ordinary page load.
#[derive(Clone, Debug, Default)]
pub struct FormFeedback {
    pub error: Option<String>,
    /// Which of several forms on the page the error belongs to (e.g. `user-12`); `None` for the main form.
    pub form: Option<String>,
    pub values: Vec<(String, String)>,
    /// Shown once after an invite was created.
    pub invite_link: Option<String>,
}

impl FormFeedback {
    pub fn value(&self, name: &str) -> String {
        self.values
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// The error for the form named `form` (`None` = the page's main form).
    pub fn error_for(&self, form: Option<&str>) -> Option<String> {
        (self.form.as_deref() == form)
            .then(|| self.error.clone())
            .flatten()
    }
}

pub fn use_feedback() -> FormFeedback {
    use_context::<FormFeedback>().unwrap_or_default()
}
