//! Cases and follow-ups through the gate: the fields, the supervisor of record, the cooking,
//! the scanner (every *block* finding changed or explained), then the author's checklist. The
//! author fixes what could identify a client before confirming that nothing does.

use serde_json::json;

use super::scan::{Explanations, explained, scan_field};
use super::{GatedCase, GatedFollowUp, GatedSection, GatedText};
use crate::domain::case::{CaseDraft, CaseInput, FieldError, SECTIONS, TextLimit, parse_text};
use crate::domain::policy::Actor;
use crate::domain::review::AuthorChecklist;
use crate::model::{CaseContext, FieldScan, GroupId, SafeHtml, UserId};
use crate::server::error::AppError;
use crate::server::render::cook;
use crate::server::state::AppState;
use crate::server::store::CaseRow;

/// The key and label of a case's follow-up in revisions, scans and explanations.
pub const FOLLOW_UP: (&str, &str) = ("follow_up", "What happened next");

/// What the compose or edit form sent.
#[derive(Clone, Debug, Default)]
pub struct CaseSubmission {
    pub input: CaseInput,
    /// The supervisor of record's id as typed, or empty.
    pub supervisor: String,
    /// The audience as chosen: a consultation group's id, or empty (or `forum`) for the whole
    /// forum.
    pub audience: String,
    /// Explanations of kept scanner findings, by finding key.
    pub explanations: Explanations,
    /// The author's checklist: the item keys ticked, and the protection chosen.
    pub confirmed: Vec<String>,
    pub disguise: String,
    /// The revision an edit started from (the edit form's hidden field).
    pub base_revision: Option<i64>,
}

/// What the follow-up form sent.
#[derive(Clone, Debug, Default)]
pub struct FollowUpSubmission {
    pub body: String,
    pub explanations: Explanations,
    pub confirmed: Vec<String>,
    pub disguise: String,
}

/// A new case or an edit through the gate. `by_author`: the author's checklist is required (a
/// moderator's edit carries none; their own checklist comes with their decision). `existing`:
/// the case being edited, whose follow-up the new revision keeps.
pub async fn case(
    state: &AppState,
    actor: &Actor,
    submission: &CaseSubmission,
    by_author: bool,
    existing: Option<&CaseRow>,
) -> Result<GatedCase, AppError> {
    let checklist = if by_author {
        AuthorChecklist::parse(&submission.confirmed, &submission.disguise).map(Some)
    } else {
        Ok(None)
    };
    // A moderator's edit keeps the case where it is: moving it is its author's choice.
    let audience = match existing {
        Some(case) if !by_author => Ok(case.audience.group().zip(case.group_name.clone())),
        _ => audience(state, actor, &submission.audience).await,
    };
    let (draft, supervisor_id, cooked) =
        match prepare(state, actor, &submission.input, &submission.supervisor).await {
            Ok(p) => p,
            Err(AppError::InvalidFields(mut errors)) => {
                if let Err(AppError::InvalidFields(e)) = &audience {
                    errors.extend(e.iter().cloned());
                }
                if let Err(message) = &checklist {
                    errors.push(checklist_error(message));
                }
                return Err(AppError::InvalidFields(errors));
            }
            Err(e) => return Err(e),
        };
    let group = audience?;
    if let (Some((group_id, _)), Some(supervisor)) = (&group, supervisor_id)
        && state
            .store
            .group_role(*group_id, supervisor)
            .await?
            .is_none()
    {
        return Err(AppError::InvalidFields(vec![FieldError {
            field: "supervisor".into(),
            message: "The supervisor of record of a group case must belong to the group: choose one of its members, or none.".into(),
        }]));
    }
    let scans = scans(&draft.title, &cooked);
    let findings = count(&scans);
    let explanations = explained(scans, &submission.explanations)?;
    let checklist = checklist
        .map_err(|message| AppError::InvalidFields(vec![checklist_error(&message)]))?
        .map(|c| serde_json::to_string(&c))
        .transpose()
        .map_err(AppError::internal)?;
    let follow_up = existing.and_then(|c| c.section_source(FOLLOW_UP.0));
    let sections: Vec<GatedSection> = cooked
        .into_iter()
        .map(|(key, source, html)| GatedSection {
            key,
            source,
            html: html.into_string(),
        })
        .collect();
    Ok(GatedCase {
        revision: revision_json(
            &draft.title,
            sections.iter().map(|s| (s.key, s.source.as_str())),
            follow_up,
            group.as_ref().map(|(_, name)| name.as_str()),
        ),
        group: group.map(|(id, _)| id),
        context: CaseContext {
            age_band: draft.age_band,
            setting: draft.setting,
            modality: draft.modality,
            sessions: draft.sessions,
            tags: draft.tags,
        },
        title: draft.title,
        anonymous: draft.anonymous,
        supervisor_id,
        sections,
        explanations,
        checklist,
        findings,
    })
}

/// A follow-up through the gate: the reply limits, the scanner (explanations as for a case),
/// then the author's checklist. The revision records the whole case with the new follow-up.
pub fn follow_up(
    case: &CaseRow,
    submission: &FollowUpSubmission,
) -> Result<GatedFollowUp, AppError> {
    let checklist = AuthorChecklist::parse(&submission.confirmed, &submission.disguise);
    let source = parse_text(&submission.body, TextLimit::REPLY, true, "The follow-up").map_err(
        |message| {
            let mut errors = vec![FieldError {
                field: FOLLOW_UP.0.into(),
                message,
            }];
            if let Err(m) = &checklist {
                errors.push(checklist_error(m));
            }
            AppError::InvalidFields(errors)
        },
    )?;
    let html = cook(&source).map_err(|e| {
        AppError::InvalidFields(vec![FieldError {
            field: FOLLOW_UP.0.into(),
            message: e.to_string(),
        }])
    })?;
    let scans: Vec<FieldScan> = [scan_field(FOLLOW_UP.0, FOLLOW_UP.1, &source)]
        .into_iter()
        .filter(|s| !s.findings.is_empty())
        .collect();
    let findings = count(&scans);
    let explanations = explained(scans, &submission.explanations)?;
    let checklist = checklist
        .map_err(|message| AppError::InvalidFields(vec![checklist_error(&message)]))
        .and_then(|c| serde_json::to_string(&c).map_err(AppError::internal))?;
    let sections = case
        .sections
        .iter()
        .filter(|(k, _, _)| k != FOLLOW_UP.0)
        .filter_map(|(k, src, _)| {
            let key = SECTIONS.iter().find(|s| s.key == k)?.key;
            Some((key, src.as_str()))
        });
    let revision = revision_json(
        &case.title,
        sections,
        Some(&source),
        case.group_name.as_deref(),
    );
    Ok(GatedFollowUp {
        text: GatedText {
            source,
            html: html.into_string(),
            revision,
        },
        explanations,
        checklist,
        findings,
    })
}

/// The JSON a case revision keeps: `{"title": …, "sections": {key: source, …}}`, with the
/// follow-up among the sections when there is one.
fn revision_json<'a>(
    title: &str,
    sections: impl Iterator<Item = (&'static str, &'a str)>,
    follow_up: Option<&str>,
    group: Option<&str>,
) -> String {
    let mut map: serde_json::Map<String, serde_json::Value> = sections
        .map(|(k, src)| (k.to_owned(), json!(src)))
        .collect();
    if let Some(f) = follow_up {
        map.insert(FOLLOW_UP.0.to_owned(), json!(f));
    }
    // The audience is kept with the text, so a move between audiences shows in the review's
    // comparison like any other change.
    json!({ "title": title, "sections": map, "audience": audience_label(group) }).to_string()
}

/// A case for the whole forum, as a revision records its audience (and as the review reads
/// a revision from before consultation groups).
pub const FORUM_AUDIENCE: &str = "The whole forum";

/// The audience as a revision records it and the review comparison shows it.
fn audience_label(group: Option<&str>) -> String {
    match group {
        None => FORUM_AUDIENCE.to_owned(),
        Some(name) => format!("The consultation group \u{201c}{name}\u{201d}"),
    }
}

/// The audience chosen: the whole forum, or a group the author belongs to now (with its name,
/// for the revision). A group they do not belong to, or left, is a field error: nothing is
/// saved and what they typed is kept.
async fn audience(
    state: &AppState,
    actor: &Actor,
    raw: &str,
) -> Result<Option<(GroupId, String)>, AppError> {
    let refused = || {
        AppError::InvalidFields(vec![FieldError {
            field: "audience".into(),
            message: "You can bring a case only to a consultation group you belong to now: choose the whole forum or one of your groups.".into(),
        }])
    };
    let group = match raw.trim() {
        "" | "forum" => return Ok(None),
        raw => GroupId(raw.parse().map_err(|_| refused())?),
    };
    match state
        .store
        .group_name_for_member(group, actor.user_id)
        .await?
    {
        Some(name) => Ok(Some((group, name))),
        None => Err(refused()),
    }
}

fn count(scans: &[FieldScan]) -> usize {
    scans.iter().map(|s| s.findings.len()).sum()
}

fn checklist_error(message: &str) -> FieldError {
    FieldError {
        field: "checklist".into(),
        message: message.to_owned(),
    }
}

/// The parsed draft, the checked supervisor of record, and each section cooked.
async fn prepare(
    state: &AppState,
    actor: &Actor,
    input: &CaseInput,
    supervisor: &str,
) -> Result<
    (
        CaseDraft,
        Option<UserId>,
        Vec<(&'static str, String, SafeHtml)>,
    ),
    AppError,
> {
    let mut errors = Vec::new();
    let draft = CaseDraft::parse(input).map_err(|e| errors.extend(e)).ok();
    let supervisor_id = match supervisor.trim() {
        "" => None,
        raw => match raw.parse::<i64>().map(UserId) {
            Ok(id) if id != actor.user_id && state.store.is_active_supervisor(id).await? => {
                Some(id)
            }
            _ => {
                errors.push(FieldError {
                    field: "supervisor".into(),
                    message: "Choose a supervisor from the list, or none.".into(),
                });
                None
            }
        },
    };
    let mut cooked = Vec::new();
    if let Some(d) = &draft {
        for (s, text) in SECTIONS.iter().zip(d.sections.iter()) {
            match cook(text) {
                Ok(html) => cooked.push((s.key, text.clone(), html)),
                Err(e) => errors.push(FieldError {
                    field: s.key.into(),
                    message: e.to_string(),
                }),
            }
        }
    }
    match draft {
        Some(d) if errors.is_empty() => Ok((d, supervisor_id, cooked)),
        _ => Err(AppError::InvalidFields(errors)),
    }
}

/// The scanner over the title and every section exactly as they will be stored, so explained
/// spans point into them.
fn scans(title: &str, cooked: &[(&'static str, String, SafeHtml)]) -> Vec<FieldScan> {
    let label = |key: &str| {
        SECTIONS
            .iter()
            .find(|s| s.key == key)
            .map_or("Section", |s| s.label)
    };
    std::iter::once(scan_field("title", "Title", title))
        .chain(
            cooked
                .iter()
                .map(|(key, source, _)| scan_field(key, label(key), source)),
        )
        .filter(|s| !s.findings.is_empty())
        .collect()
}
