//! What a moderator's redaction replaces, and with what. Pure, so the page (which lists the
//! categories) and the server (which applies it) share one definition.

/// The categories a redaction is labelled with: `[redacted: name]`.
pub const CATEGORIES: &[(&str, &str)] = &[
    ("name", "name"),
    ("place", "place"),
    ("date", "date"),
    ("contact", "contact detail"),
    ("number", "number or code"),
    ("organization", "organization"),
    ("detail", "identifying detail"),
];

/// The redaction category for a scanner finding's category (`FindingView::category`), so a
/// moderator can redact a finding in one step.
pub fn category_for_finding(finding: &str) -> &'static str {
    match finding {
        "name" => "name",
        "location" => "place",
        "date" | "age" => "date",
        "phone" | "email" | "url" | "ip_address" | "social_handle" => "contact",
        "ssn" | "medical_record" | "health_plan" | "account" | "licence" | "vehicle" | "device"
        | "other_number" => "number",
        "organization" => "organization",
        _ => "detail",
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RedactionError {
    #[error("Type or paste the text to redact (at least 2 characters).")]
    TooShort,
    #[error("Redact at most 200 characters at a time.")]
    TooLong,
    #[error("The text to redact contains a control character; type the words as they appear.")]
    ControlCharacters,
    #[error("Choose what kind of identifier this is.")]
    UnknownCategory,
}

/// A checked redaction: the text to find (trimmed) and what replaces it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redaction {
    target: String,
    replacement: String,
}

impl Redaction {
    pub fn parse(text: &str, category: &str) -> Result<Redaction, RedactionError> {
        let target = text.trim();
        if target
            .chars()
            .any(crate::domain::text::is_forbidden_control)
        {
            return Err(RedactionError::ControlCharacters);
        }
        if target.chars().filter(|c| !c.is_whitespace()).count() < 2 {
            return Err(RedactionError::TooShort);
        }
        if target.chars().count() > 200 {
            return Err(RedactionError::TooLong);
        }
        let label = CATEGORIES
            .iter()
            .find(|(key, _)| *key == category)
            .map(|(_, label)| *label)
            .ok_or(RedactionError::UnknownCategory)?;
        Ok(Redaction {
            target: target.to_owned(),
            replacement: format!("[redacted: {label}]"),
        })
    }

    pub fn replacement(&self) -> &str {
        &self.replacement
    }

    /// The text to find, as the moderator typed it (trimmed).
    pub fn target(&self) -> &str {
        &self.target
    }

    /// `text` with each of the byte ranges `spans` replaced, and how many there were once
    /// overlapping and touching ranges are joined; `None` when there are none. Ranges that are
    /// not on character boundaries are ignored.
    pub fn replace_spans(
        &self,
        text: &str,
        mut spans: Vec<(usize, usize)>,
    ) -> Option<(String, usize)> {
        spans.retain(|&(s, e)| s < e && text.get(s..e).is_some());
        spans.sort_unstable();
        let mut joined: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
        for (s, e) in spans {
            match joined.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => joined.push((s, e)),
            }
        }
        if joined.is_empty() {
            return None;
        }
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for &(s, e) in &joined {
            out.push_str(&text[last..s]);
            out.push_str(&self.replacement);
            last = e;
        }
        out.push_str(&text[last..]);
        Some((out, joined.len()))
    }

    /// `text` with every occurrence replaced, ignoring ASCII letter case ("maria" and "MARIA"
    /// are the same identifier), and how many there were; `None` when there were none.
    pub fn apply(&self, text: &str) -> Option<(String, usize)> {
        // ASCII lower-casing keeps byte offsets, so matches in the folded copy are matches in
        // the original.
        let hay = text.to_ascii_lowercase();
        let needle = self.target.to_ascii_lowercase();
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        let mut count = 0;
        for (at, _) in hay.match_indices(&needle) {
            if at < last {
                continue;
            }
            out.push_str(&text[last..at]);
            out.push_str(&self.replacement);
            last = at + needle.len();
            count += 1;
        }
        if count == 0 {
            return None;
        }
        out.push_str(&text[last..]);
        Some((out, count))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_finding_maps_to_a_known_category() {
        for finding in [
            "name",
            "location",
            "age",
            "phone",
            "ssn",
            "organization",
            "event",
            "x",
        ] {
            let category = category_for_finding(finding);
            assert!(CATEGORIES.iter().any(|(k, _)| *k == category), "{finding}");
        }
        assert_eq!(category_for_finding("location"), "place");
        assert_eq!(category_for_finding("phone"), "contact");
    }

    #[test]
    fn every_occurrence_is_replaced_whatever_its_case() {
        let r = Redaction::parse("  Maria Okafor ", "name");
        let Ok(r) = r else {
            panic!("valid redaction refused: {r:?}")
        };
        assert_eq!(
            r.apply("Maria Okafor said; MARIA OKAFOR left. maria okafor's mum"),
            Some((
                "[redacted: name] said; [redacted: name] left. [redacted: name]'s mum".to_owned(),
                3
            ))
        );
        assert_eq!(r.apply("Nothing here"), None);
    }

    #[test]
    fn non_ascii_text_is_kept_intact() {
        let Ok(r) = Redaction::parse("José", "name") else {
            panic!("valid redaction refused")
        };
        assert_eq!(
            r.apply("Ñandú and josé met José"),
            Some((
                "Ñandú and [redacted: name] met [redacted: name]".to_owned(),
                2
            ))
        );
    }

    #[test]
    fn spans_are_joined_before_they_are_replaced() {
        let Ok(r) = Redaction::parse("Maria", "name") else {
            panic!("valid redaction refused")
        };
        assert_eq!(
            r.replace_spans("ab Maria cd Maria", vec![(12, 17), (3, 8), (4, 6)]),
            Some(("ab [redacted: name] cd [redacted: name]".to_owned(), 2))
        );
        assert_eq!(r.replace_spans("abc", vec![(1, 1)]), None);
    }

    #[test]
    fn bad_requests_are_named() {
        assert_eq!(
            Redaction::parse(" a ", "name"),
            Err(RedactionError::TooShort)
        );
        assert_eq!(
            Redaction::parse(&"x".repeat(201), "name"),
            Err(RedactionError::TooLong)
        );
        assert_eq!(
            Redaction::parse("Maria", "shoe size"),
            Err(RedactionError::UnknownCategory)
        );
    }
}
