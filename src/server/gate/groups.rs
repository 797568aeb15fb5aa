//! A consultation group's own words through the gate: its name and description (read by every
//! member of the group, with no moderator in between) and the reason a member was removed
//! (read by the group's supervisors and admins). They are plain text, shown escaped, so there
//! is nothing to cook; the scanner reads them, and anything that would stop a case here is
//! refused outright, since no review follows.

use super::scan::scan_field;
use crate::domain::case::FieldError;
use crate::domain::group::{DESCRIPTION_MAX, REMOVAL_REASON_MAX, check_group_name};
use crate::server::error::AppError;

/// A group's name and description that passed the gate.
#[derive(Debug)]
pub struct GatedGroup {
    name: String,
    description: String,
}

impl GatedGroup {
    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn description(&self) -> &str {
        &self.description
    }
}

/// A removal's reason that passed the gate.
#[derive(Debug)]
pub struct GatedRemoval {
    reason: String,
}

impl GatedRemoval {
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// A new group's name and description.
pub fn group(name: &str, description: &str) -> Result<GatedGroup, AppError> {
    let mut errors = Vec::new();
    let name = check_group_name(name)
        .map_err(|m| errors.push(error("name", m.to_owned())))
        .ok();
    let description = plain(description, DESCRIPTION_MAX, "The description")
        .map_err(|m| errors.push(error("description", m)))
        .ok();
    if let Some(m) = name.as_deref().and_then(|n| identifying("name", "name", n)) {
        errors.push(m);
    }
    if let Some(m) = description
        .as_deref()
        .and_then(|d| identifying("description", "description", d))
    {
        errors.push(m);
    }
    match (name, description) {
        (Some(name), Some(description)) if errors.is_empty() => {
            Ok(GatedGroup { name, description })
        }
        _ => Err(AppError::InvalidFields(errors)),
    }
}

/// Why a member is removed: required, short, and nothing that could identify a client.
pub fn removal(reason: &str) -> Result<GatedRemoval, AppError> {
    let reason = plain(reason, REMOVAL_REASON_MAX, "The reason")
        .map_err(|m| AppError::InvalidFields(vec![error("reason", m)]))?;
    if reason.is_empty() {
        return Err(AppError::InvalidFields(vec![error(
            "reason",
            "Say why the member is removed; the group's supervisors and admins read it.".into(),
        )]));
    }
    if let Some(e) = identifying("reason", "reason", &reason) {
        return Err(AppError::InvalidFields(vec![e]));
    }
    Ok(GatedRemoval { reason })
}

/// Trimmed plain text of at most `max` characters, with no control characters but line breaks
/// and tabs.
pub(super) fn plain(text: &str, max: usize, what: &str) -> Result<String, String> {
    let text = text.trim().replace("\r\n", "\n");
    if text.chars().count() > max {
        return Err(format!("{what} can be at most {max} characters."));
    }
    if text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(format!(
            "{what} holds a control character; type it again as plain text."
        ));
    }
    Ok(text)
}

/// A field error when the scanner finds something that would stop a case.
pub(super) fn identifying(field: &str, label: &str, text: &str) -> Option<FieldError> {
    let scan = scan_field(field, label, text);
    let found = scan.findings.iter().find(|f| f.blocking)?;
    Some(error(
        field,
        format!(
            "This {label} looks like it holds a {} (\u{201c}{}\u{201d}). It is read without a moderator's review, so it must not hold anything that could identify a client: change it.",
            found.label,
            text.get(found.start..found.end).unwrap_or("")
        ),
    ))
}

pub(super) fn error(field: &str, message: String) -> FieldError {
    FieldError {
        field: field.into(),
        message,
    }
}

#[cfg(test)]
#[allow(clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn names_and_descriptions_are_checked_and_scanned() {
        let ok = group(
            "  Tuesday   peer group ",
            " We meet weekly.\r\n Bring one case. ",
        )
        .expect("a plain group");
        assert_eq!(ok.name(), "Tuesday peer group");
        assert_eq!(ok.description(), "We meet weekly.\n Bring one case.");
        let Err(AppError::InvalidFields(errors)) = group("<b>x</b>", &"y".repeat(2001)) else {
            panic!("markup and length are refused");
        };
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "description"]);
        let Err(AppError::InvalidFields(errors)) =
            group("Team", "Call Maria on 07700 900123 before the group.")
        else {
            panic!("a phone number in the description is refused");
        };
        assert_eq!(errors[0].field, "description", "{errors:?}");
    }

    #[test]
    fn a_removal_needs_a_plain_reason() {
        assert!(removal("   ").is_err());
        assert!(removal(&"r".repeat(501)).is_err());
        assert_eq!(
            removal(" Left the service. ").expect("reason").reason(),
            "Left the service."
        );
    }
}
