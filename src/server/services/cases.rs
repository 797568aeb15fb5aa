//! Writing and editing cases. A case or an edit is *submitted*: it goes to the review queue
//! and reaches peers only when a moderator approves it (`services::review`).

use serde_json::json;

use super::access::{case_for, signed_in};
use super::screening::{self, Explanations};
use crate::domain::case::{CaseDraft, CaseInput, FieldError, SECTIONS};
use crate::domain::policy::{Action, Actor, Target, can};
use crate::domain::review::AuthorChecklist;
use crate::model::{CaseContext, CaseId, SafeHtml, SectionView, SupervisorOption, UserId};
use crate::server::error::AppError;
use crate::server::render::{RENDERER_VERSION, cook};
use crate::server::state::AppState;
use crate::server::store::{CaseWrite, CookedSection, EditOutcome, ScanExplanation};

/// What the compose or edit form sent.
#[derive(Clone, Debug, Default)]
pub struct CaseSubmission {
    pub input: CaseInput,
    /// The supervisor of record's id as typed, or empty.
    pub supervisor: String,
    /// Explanations of kept scanner findings, by finding key.
    pub explanations: Explanations,
    /// The author's checklist: the item keys ticked, and the protection chosen.
    pub confirmed: Vec<String>,
    pub disguise: String,
    /// The revision an edit started from (the edit form's hidden field).
    pub base_revision: Option<i64>,
}

/// Parses, checks and cooks a new case and puts it in the review queue.
pub async fn submit_case(
    state: &AppState,
    actor: Option<&Actor>,
    submission: &CaseSubmission,
) -> Result<CaseId, AppError> {
    can(actor, Action::CreateCase, Target::Site)?;
    let actor = signed_in(actor)?;
    let write = checked_write(state, actor, submission, true).await?;
    let id = state
        .store
        .insert_case(actor.user_id, &write, state.clock.now())
        .await?;
    tracing::info!(case.id = %id, "case submitted for review");
    Ok(id)
}

/// Who saved an edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Editor {
    /// The author: the case goes back to the review queue.
    Author,
    /// A moderator, while the case waits for review: it stays where it is in the queue.
    Moderator,
}

/// An edit: checked like a new case (the author also confirms the checklist again), and back
/// to, or still in, the review queue.
pub async fn update_case(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    submission: &CaseSubmission,
) -> Result<Editor, AppError> {
    let case = case_for(state, actor, id, Action::EditCase).await?;
    let actor = signed_in(actor)?;
    let editor = if case.author_id == actor.user_id {
        Editor::Author
    } else {
        Editor::Moderator
    };
    let base = submission
        .base_revision
        .ok_or_else(|| AppError::BadRequest("The edit form is missing its version.".into()))?;
    let write = checked_write(state, actor, submission, editor == Editor::Author).await?;
    match state
        .store
        .update_case(
            id,
            actor.user_id,
            base,
            &write,
            editor == Editor::Moderator,
            state.clock.now(),
        )
        .await?
    {
        EditOutcome::Saved => {
            tracing::info!(case.id = %id, moderator = editor == Editor::Moderator, "case edited");
            Ok(editor)
        }
        EditOutcome::Stale => Err(AppError::Conflict(
            "This case was changed after you opened the form, so your edit was not saved. Your text is below: copy what you need, reload the case, and edit again.".into(),
        )),
    }
}

/// Every check a submission passes before it is stored: the fields, the supervisor of record
/// and the cooking (with the checklist's message among the field errors), then the scanner's
/// gate, then the author's checklist: the author fixes what could identify a client before
/// confirming that nothing does.
async fn checked_write(
    state: &AppState,
    actor: &Actor,
    submission: &CaseSubmission,
    by_author: bool,
) -> Result<CaseWrite, AppError> {
    let checklist = if by_author {
        AuthorChecklist::parse(&submission.confirmed, &submission.disguise).map(Some)
    } else {
        // A moderator's edit carries no author's checklist; the moderator's own comes with
        // the decision.
        Ok(None)
    };
    let (draft, supervisor_id, cooked) =
        match prepare(state, actor, &submission.input, &submission.supervisor).await {
            Ok(p) => p,
            Err(AppError::InvalidFields(mut errors)) => {
                if let Err(message) = &checklist {
                    errors.push(checklist_error(message));
                }
                return Err(AppError::InvalidFields(errors));
            }
            Err(e) => return Err(e),
        };
    let explained = screen(&draft, &cooked, &submission.explanations)?;
    let checklist = checklist
        .map_err(|message| AppError::InvalidFields(vec![checklist_error(&message)]))?
        .map(|c| serde_json::to_string(&c))
        .transpose()
        .map_err(AppError::internal)?;
    Ok(case_write(
        draft,
        supervisor_id,
        cooked,
        explained,
        checklist,
    ))
}

fn checklist_error(message: &str) -> FieldError {
    FieldError {
        field: "checklist".into(),
        message: message.to_owned(),
    }
}

/// Cooks every section of a draft for the preview, reporting problems per field.
pub fn preview(input: &CaseInput) -> Result<Vec<SectionView>, AppError> {
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for s in SECTIONS {
        let text = input.section(s.key).trim();
        if text.is_empty() {
            continue;
        }
        match cook(text) {
            Ok(html) => out.push(SectionView {
                key: s.key.into(),
                label: s.label.into(),
                html,
            }),
            Err(e) => errors.push(FieldError {
                field: s.key.into(),
                message: e.to_string(),
            }),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(AppError::InvalidFields(errors))
    }
}

pub async fn list_supervisors(
    state: &AppState,
    actor: Option<&Actor>,
) -> Result<Vec<SupervisorOption>, AppError> {
    let actor = signed_in(actor)?;
    Ok(state
        .store
        .list_supervisors()
        .await?
        .into_iter()
        .filter(|(id, _)| *id != actor.user_id)
        .map(|(id, name)| SupervisorOption { id, name })
        .collect())
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

/// The scanner over the text exactly as it will be stored, so explained spans point into it.
fn screen(
    draft: &CaseDraft,
    cooked: &[(&'static str, String, SafeHtml)],
    explanations: &Explanations,
) -> Result<Vec<ScanExplanation>, AppError> {
    let label = |key: &str| {
        SECTIONS
            .iter()
            .find(|s| s.key == key)
            .map_or("Section", |s| s.label)
    };
    let scans = std::iter::once(screening::scan_field("title", "Title", &draft.title))
        .chain(
            cooked
                .iter()
                .map(|(key, source, _)| screening::scan_field(key, label(key), source)),
        )
        .filter(|s| !s.findings.is_empty())
        .collect();
    screening::gate(scans, explanations)
}

fn case_write(
    draft: CaseDraft,
    supervisor_id: Option<UserId>,
    cooked: Vec<(&'static str, String, SafeHtml)>,
    explanations: Vec<ScanExplanation>,
    checklist: Option<String>,
) -> CaseWrite {
    let sections: serde_json::Map<String, serde_json::Value> = cooked
        .iter()
        .map(|(k, src, _)| ((*k).to_owned(), json!(src)))
        .collect();
    let revision_source = json!({ "title": draft.title, "sections": sections }).to_string();
    CaseWrite {
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
        sections: cooked
            .into_iter()
            .map(|(key, source, html)| CookedSection {
                key,
                source,
                html: html.into_string(),
            })
            .collect(),
        renderer_version: RENDERER_VERSION,
        revision_source,
        explanations,
        checklist,
    }
}
