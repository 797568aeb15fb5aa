//! The combination check (`domain::deid::combination`) as the composer's *Check*, the review
//! page and `caseroom scan` use it. This is the one place that turns a case into the parts the
//! check reads (title, sections, presenting concerns, the context lists), so every page warns
//! about the same case in the same words.
//!
//! It lives beside `scan` because it is shown wherever the scanner's findings are, but it is a
//! warning the author and the moderator weigh: the gate never refuses a case because of it.

use super::FOLLOW_UP;
use crate::domain::case::{
    AgeBand, CaseInput, ConcernTag, Modality, SECTIONS, SessionsBand, Setting,
};
use crate::domain::deid::combination::{self, CombinationRisk};
use crate::model::{CaseContext, CombinationView, FactorView};

/// The keys and labels of the parts that are not sections.
const TITLE: (&str, &str) = ("title", "Title");
const TAGS: (&str, &str) = ("tags", "Presenting concerns");
const CONTEXT: (&str, &str) = ("context", "Case details");
/// `caseroom scan` reads a whole file as one part.
const FILE: (&str, &str) = ("text", "Text");

/// The whole case: `sections` as `(key, source as typed)`, `tags` and `context` as the labels
/// readers see on the case. `None` when its details do not combine into a small group.
pub fn combination_of<'a>(
    title: &'a str,
    sections: impl IntoIterator<Item = (&'a str, &'a str)>,
    tags: &[&str],
    context: &[&str],
) -> Option<CombinationView> {
    let tags = tags.join(", ");
    let context = context.join(", ");
    let mut parts: Vec<(&str, &str)> = vec![(TITLE.0, title)];
    for (key, source) in sections {
        parts.push((key, source));
    }
    parts.push((TAGS.0, &tags));
    parts.push((CONTEXT.0, &context));
    view(&parts)
}

/// The composer's draft as typed. A list value that is not in its list is left out: the form
/// check reports it, and it cannot name anyone.
pub fn combination_of_draft(input: &CaseInput) -> Option<CombinationView> {
    let tags: Vec<&str> = input
        .tags
        .iter()
        .filter_map(|t| ConcernTag::parse(t).ok().map(ConcernTag::label))
        .collect();
    let context: Vec<&str> = [
        AgeBand::parse(&input.age_band).ok().map(AgeBand::label),
        Setting::parse(&input.setting).ok().map(Setting::label),
        Modality::parse(&input.modality).ok().map(Modality::label),
        SessionsBand::parse(&input.sessions)
            .ok()
            .map(SessionsBand::label),
    ]
    .into_iter()
    .flatten()
    .collect();
    combination_of(
        &input.title,
        SECTIONS.iter().map(|s| (s.key, input.section(s.key))),
        &tags,
        &context,
    )
}

/// A stored case (the revision a moderator reviews), its follow-up among the sections.
/// `sections` are the store's `(key, source, html)` rows.
pub fn combination_of_case(
    title: &str,
    sections: &[(String, String, String)],
    context: &CaseContext,
) -> Option<CombinationView> {
    let tags: Vec<&str> = context.tags.iter().map(|t| t.label()).collect();
    let lists = [
        context.age_band.label(),
        context.setting.label(),
        context.modality.label(),
        context.sessions.label(),
    ];
    combination_of(
        title,
        sections
            .iter()
            .map(|(key, source, _)| (key.as_str(), source.as_str())),
        &tags,
        &lists,
    )
}

/// A file given to `caseroom scan`: the whole text is one part (field `text`).
pub fn combination_of_file(text: &str) -> Option<CombinationView> {
    view(&[(FILE.0, text)])
}

fn view(parts: &[(&str, &str)]) -> Option<CombinationView> {
    let CombinationRisk {
        factors,
        reason,
        advice,
    } = combination::assess(parts)?;
    let factors = factors
        .into_iter()
        .zip(advice)
        .map(|(hit, advice)| {
            let text = parts
                .iter()
                .find(|(key, _)| *key == hit.part)
                .map_or("", |(_, text)| *text);
            FactorView {
                factor: hit.factor.as_str().to_owned(),
                label: hit.factor.label().to_owned(),
                field_label: field_label(&hit.part).to_owned(),
                excerpt: text.get(hit.start..hit.end).unwrap_or("").to_owned(),
                start: hit.start,
                end: hit.end,
                field: hit.part,
                advice,
            }
        })
        .collect();
    Some(CombinationView { reason, factors })
}

fn field_label(key: &str) -> &'static str {
    [TITLE, TAGS, CONTEXT, FILE, FOLLOW_UP]
        .into_iter()
        .chain(SECTIONS.iter().map(|s| (s.key, s.label)))
        .find(|(k, _)| *k == key)
        .map_or("Case", |(_, label)| label)
}

#[cfg(test)]
#[allow(clippy::expect_used)]
mod tests {
    use super::*;

    /// The demo cases are written as a careful clinician de-identifies: a warning on them would
    /// be a false alarm on ordinary case writing.
    #[test]
    fn no_demo_case_is_flagged() {
        for parts in crate::server::demo::case_texts() {
            let risk = combination::assess(&parts);
            assert!(
                risk.is_none(),
                "{}: {:?}",
                parts[0].1,
                risk.map(|r| r.reason)
            );
        }
    }

    const HEADTEACHER: &str = "A retired headteacher in her late 70s, recently widowed, whose \
                               son was in the news after the flood.";

    fn draft(situation: &str) -> CaseInput {
        CaseInput {
            title: "Grief that will not settle".into(),
            age_band: "older-adult".into(),
            setting: "community".into(),
            modality: "person-centred".into(),
            sessions: "6-15".into(),
            tags: vec!["grief".into()],
            sections: vec![("situation".into(), situation.into())],
            anonymous: false,
        }
    }

    #[test]
    fn a_draft_is_read_whole_and_each_factor_names_its_field() {
        let risk = combination_of_draft(&draft(HEADTEACHER)).expect("flagged");
        assert!(risk.reason.ends_with("together may single out one person"));
        let job = risk
            .factors
            .iter()
            .find(|f| f.factor == "occupation")
            .expect("occupation");
        assert_eq!(
            (job.field.as_str(), job.field_label.as_str()),
            ("situation", "Situation")
        );
        assert_eq!(job.excerpt, "headteacher");
        assert_eq!(&HEADTEACHER[job.start..job.end], "headteacher");
        assert!(risk.factors.iter().all(|f| !f.advice.is_empty()));
    }

    #[test]
    fn an_ordinary_case_is_not_flagged() {
        let text = "A woman in her 30s with recurrent depression who cancels every third session.";
        assert_eq!(combination_of_draft(&draft(text)), None);
    }

    #[test]
    fn a_file_is_one_part() {
        let risk = combination_of_file(HEADTEACHER).expect("flagged");
        assert!(risk.factors.iter().all(|f| f.field == "text"));
    }
}
