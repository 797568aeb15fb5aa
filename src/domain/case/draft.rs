use serde::{Deserialize, Serialize};

use crate::domain::text;

use super::context::{AgeBand, ConcernTag, Modality, SessionsBand, Setting};

/// One Markdown section of a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Section {
    /// Form field name and storage column prefix.
    pub key: &'static str,
    pub label: &'static str,
    pub required: bool,
    pub help: &'static str,
}

/// The sections in the order they are written and read.
pub const SECTIONS: [Section; 5] = [
    Section {
        key: "situation",
        label: "Situation",
        required: true,
        help: "The client in general terms, what brought them, what is happening now. No names, places, dates or anything unique.",
    },
    Section {
        key: "tried",
        label: "What I have tried",
        required: false,
        help: "Interventions, formulations, how the client responded.",
    },
    Section {
        key: "stuck",
        label: "Where I am stuck",
        required: true,
        help: "The point where you do not know what to do next.",
    },
    Section {
        key: "blind_spot",
        label: "The blind spot I suspect",
        required: false,
        help: "What you might not be seeing: your reactions, assumptions, countertransference.",
    },
    Section {
        key: "asking",
        label: "What I am asking",
        required: true,
        help: "What kind of help you want from supervisors and peers.",
    },
];

/// Length limits in characters.
#[derive(Clone, Copy, Debug)]
pub struct TextLimit {
    pub min: usize,
    pub max: usize,
}

impl TextLimit {
    pub const TITLE: TextLimit = TextLimit { min: 8, max: 120 };
    pub const SECTION: TextLimit = TextLimit { min: 1, max: 8_000 };
    pub const REPLY: TextLimit = TextLimit { min: 1, max: 8_000 };
    pub const MAX_TAGS: usize = 5;
}

/// What the compose form sent, unparsed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseInput {
    pub title: String,
    pub age_band: String,
    pub setting: String,
    pub modality: String,
    pub sessions: String,
    pub tags: Vec<String>,
    /// The five sections, by `Section::key`.
    pub sections: Vec<(String, String)>,
    pub anonymous: bool,
}

impl CaseInput {
    pub fn section(&self, key: &str) -> &str {
        self.sections
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }
}

/// A case that passed every check. Sections are in `SECTIONS` order; optional ones may be empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseDraft {
    pub title: String,
    pub age_band: AgeBand,
    pub setting: Setting,
    pub modality: Modality,
    pub sessions: SessionsBand,
    pub tags: Vec<ConcernTag>,
    pub sections: [String; 5],
    pub anonymous: bool,
}

/// A problem with one field, shown next to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    fn new(field: &str, message: impl Into<String>) -> FieldError {
        FieldError {
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

/// Trims and checks a text against its limits; `label` names it in the message. Control
/// characters are refused (`domain::text`), and a text of nothing but invisible characters
/// counts as empty.
pub fn parse_text(
    raw: &str,
    limit: TextLimit,
    required: bool,
    label: &str,
) -> Result<String, String> {
    let text = text::check_body(raw.trim(), label)?;
    let text = if text::looks_empty(&text) {
        String::new()
    } else {
        text
    };
    let n = text.chars().count();
    if n == 0 {
        return if required {
            Err(format!("{label} is required."))
        } else {
            Ok(text)
        };
    }
    if n < limit.min {
        return Err(format!("{label} needs at least {} characters.", limit.min));
    }
    if n > limit.max {
        return Err(format!(
            "{label} is {n} characters; the limit is {}. Shorten it by {}.",
            limit.max,
            n - limit.max
        ));
    }
    Ok(text)
}

/// Keeps the value, or records the problem against `field`.
fn note<T>(errors: &mut Vec<FieldError>, field: &str, result: Result<T, String>) -> Option<T> {
    result
        .map_err(|m| errors.push(FieldError::new(field, m)))
        .ok()
}

impl CaseDraft {
    /// Checks every field and reports every problem at once, so the author fixes them in one pass.
    pub fn parse(input: &CaseInput) -> Result<CaseDraft, Vec<FieldError>> {
        let mut errors = Vec::new();

        let title = note(
            &mut errors,
            "title",
            parse_text(&input.title, TextLimit::TITLE, true, "The title")
                .and_then(|t| text::check_line(&t, "The title").map(|()| t)),
        );
        let age_band = note(
            &mut errors,
            "age_band",
            AgeBand::parse(&input.age_band).map_err(|e| e.to_string()),
        );
        let setting = note(
            &mut errors,
            "setting",
            Setting::parse(&input.setting).map_err(|e| e.to_string()),
        );
        let modality = note(
            &mut errors,
            "modality",
            Modality::parse(&input.modality).map_err(|e| e.to_string()),
        );
        let sessions = note(
            &mut errors,
            "sessions",
            SessionsBand::parse(&input.sessions).map_err(|e| e.to_string()),
        );
        let tags: Option<Vec<ConcernTag>> = note(
            &mut errors,
            "tags",
            input
                .tags
                .iter()
                .map(|t| ConcernTag::parse(t).map_err(|e| e.to_string()))
                .collect::<Result<Vec<_>, _>>()
                .and_then(|mut tags| {
                    tags.sort();
                    tags.dedup();
                    if tags.len() > TextLimit::MAX_TAGS {
                        Err(format!(
                            "Choose at most {} presenting concerns.",
                            TextLimit::MAX_TAGS
                        ))
                    } else {
                        Ok(tags)
                    }
                }),
        );
        let sections: Vec<Option<String>> = SECTIONS
            .iter()
            .map(|s| {
                note(
                    &mut errors,
                    s.key,
                    parse_text(
                        input.section(s.key),
                        TextLimit::SECTION,
                        s.required,
                        s.label,
                    ),
                )
            })
            .collect();

        match (title, age_band, setting, modality, sessions, tags) {
            (
                Some(title),
                Some(age_band),
                Some(setting),
                Some(modality),
                Some(sessions),
                Some(tags),
            ) if errors.is_empty() => {
                let mut out: [String; 5] = Default::default();
                for (slot, text) in out.iter_mut().zip(sections) {
                    *slot = text.unwrap_or_default();
                }
                Ok(CaseDraft {
                    title,
                    age_band,
                    setting,
                    modality,
                    sessions,
                    tags,
                    sections: out,
                    anonymous: input.anonymous,
                })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> CaseInput {
        CaseInput {
            title: "Stuck with a client who cancels".into(),
            age_band: "adult".into(),
            setting: "outpatient".into(),
            modality: "cbt".into(),
            sessions: "6-15".into(),
            tags: vec!["anxiety".into(), "rupture".into()],
            sections: vec![
                ("situation".into(), "A woman in her 30s…".into()),
                ("stuck".into(), "She cancels every third session.".into()),
                ("asking".into(), "How would you name the pattern?".into()),
            ],
            anonymous: false,
        }
    }

    #[test]
    fn a_complete_case_parses_with_optional_sections_empty() {
        let draft = CaseDraft::parse(&valid());
        assert!(draft.is_ok(), "{draft:?}");
        if let Ok(d) = draft {
            assert_eq!(d.sections[1], "");
            assert_eq!(d.tags, vec![ConcernTag::Anxiety, ConcernTag::Rupture]);
        }
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut input = valid();
        input.title = "Hi".into();
        input.age_band = "37".into();
        input.sections = vec![("situation".into(), "x".repeat(8_001))];
        input.tags = (0..6)
            .map(|_| "anxiety".into())
            .chain(["grief", "trauma", "sleep", "anger", "ocd"].map(String::from))
            .collect();
        let errors = CaseDraft::parse(&input).err().unwrap_or_default();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec!["title", "age_band", "tags", "situation", "stuck", "asking"]
        );
        assert!(
            errors[3].message.contains("the limit is 8000"),
            "{}",
            errors[3].message
        );
        assert_eq!(errors[4].message, "Where I am stuck is required.");
    }

    #[test]
    fn whitespace_only_required_sections_are_empty() {
        let mut input = valid();
        input.sections[0].1 = "   \n\t ".into();
        let errors = CaseDraft::parse(&input).err().unwrap_or_default();
        assert_eq!(
            errors,
            vec![FieldError::new("situation", "Situation is required.")]
        );
    }
}
