//! A member's professional title and discipline through the gate. Peers read them beside the
//! member's name on every signed post, with no moderator in between, so like a group's words
//! (`groups`) they are plain text, shown escaped, and anything the scanner would stop a case
//! for is refused outright.

use super::groups::{error, identifying, plain};
use crate::server::error::AppError;

/// At most this many characters each: a title, not a biography.
pub const PROFILE_FIELD_MAX: usize = 80;

/// A title and a discipline that passed the gate; `None`: left blank.
#[derive(Debug)]
pub struct GatedProfile {
    title: Option<String>,
    discipline: Option<String>,
}

impl GatedProfile {
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
    pub fn discipline(&self) -> Option<&str> {
        self.discipline.as_deref()
    }
}

pub fn profile(title: &str, discipline: &str) -> Result<GatedProfile, AppError> {
    let mut errors = Vec::new();
    let mut field = |key: &str, label: &str, what: &str, text: &str| {
        match one_line(text, what) {
            Err(m) => errors.push(error(key, m)),
            Ok(None) => return None,
            Ok(Some(text)) => match identifying(key, label, &text) {
                Some(e) => errors.push(e),
                None => return Some(text),
            },
        }
        None
    };
    let title = field(
        "professional_title",
        "professional title",
        "The professional title",
        title,
    );
    let discipline = field("discipline", "discipline", "The discipline", discipline);
    if errors.is_empty() {
        Ok(GatedProfile { title, discipline })
    } else {
        Err(AppError::InvalidFields(errors))
    }
}

/// One line of plain text, its runs of spaces collapsed; `None` when blank.
fn one_line(text: &str, what: &str) -> Result<Option<String>, String> {
    if text.contains(['\n', '\r', '\t']) {
        return Err(format!("{what} is one line of text."));
    }
    let text = plain(text, PROFILE_FIELD_MAX, what)?;
    crate::domain::text::check_line(&text, what)?;
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if crate::domain::text::looks_empty(&text) {
        return Ok(None);
    }
    Ok(Some(text))
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    fn fields(result: Result<GatedProfile, AppError>) -> Vec<String> {
        match result {
            Err(AppError::InvalidFields(errors)) => errors.into_iter().map(|e| e.field).collect(),
            Err(other) => vec![format!("{other:?}")],
            Ok(_) => vec![],
        }
    }

    #[test]
    fn a_title_and_a_discipline_are_one_plain_line_that_identifies_nobody() {
        let ok = profile("  Clinical   psychologist ", "CBT").expect("a plain title");
        assert_eq!(ok.title(), Some("Clinical psychologist"));
        assert_eq!(ok.discipline(), Some("CBT"));
        let blank = profile("", "   ").expect("blank");
        assert_eq!((blank.title(), blank.discipline()), (None, None));
        assert_eq!(fields(profile(&"x".repeat(81), "")), ["professional_title"]);
        assert_eq!(fields(profile("a\nb", "")), ["professional_title"]);
        assert_eq!(fields(profile("", "a\u{0}b")), ["discipline"]);
        assert_eq!(
            fields(profile("", "Family \u{202e}therapy")),
            ["discipline"]
        );
        // Something the scanner stops a case for: an email address, a phone number.
        assert_eq!(
            fields(profile("Counsellor, write to jo@example.org", "")),
            ["professional_title"]
        );
        assert_eq!(fields(profile("", "Call 07700 900123")), ["discipline"]);
        // Markup is text like any other: it is shown escaped.
        let markup = profile("<b>Lead</b>", "").expect("markup as text");
        assert_eq!(markup.title(), Some("<b>Lead</b>"));
    }
}
