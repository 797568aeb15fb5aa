use serde::{Deserialize, Serialize};

/// HTML made from member text by the one cook function (`server::render::cook`), or read back
/// from where it stored its output. It is the only thing the UI ever gives to `inner_html`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SafeHtml(String);

impl SafeHtml {
    /// Only the cook function and the store (reading cooked HTML back) may call this.
    #[cfg(feature = "ssr")]
    pub(crate) fn from_cooked(html: String) -> SafeHtml {
        SafeHtml(html)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}
