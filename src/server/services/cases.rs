//! Writing and editing cases. A case or an edit passes the publication gate (`server::gate`),
//! then waits in the review queue and reaches peers only when a moderator approves it
//! (`services::review`).

use super::access::{case_for, signed_in};
use crate::domain::case::{CaseInput, FieldError, SECTIONS};
use crate::domain::policy::{Action, Actor, Target, can};
use crate::model::{CaseId, SectionView, SupervisorOption};
use crate::server::error::AppError;
use crate::server::gate;
use crate::server::render::cook;
use crate::server::state::AppState;
use crate::server::store::{EditBase, EditOutcome};

pub use crate::server::gate::CaseSubmission;

/// Puts a new case, through the gate, in the review queue.
pub async fn submit_case(
    state: &AppState,
    actor: Option<&Actor>,
    submission: &CaseSubmission,
    keep_for: &str,
) -> Result<CaseId, AppError> {
    can(actor, Action::CreateCase, Target::Site)?;
    let actor = signed_in(actor)?;
    // How long it is kept is not member text: chosen beside the gate, stored with the case.
    let keep_for = super::retention::parse_keep_for(keep_for).map_err(|message| {
        AppError::InvalidFields(vec![FieldError {
            field: "keep_for".into(),
            message,
        }])
    })?;
    let gated = gate::case(state, actor, submission, true, None).await?;
    let id = state
        .store
        .insert_case(actor.user_id, &gated, keep_for, state.clock.now())
        .await?;
    tracing::info!(case.id = %id, findings = gated.findings(), "case submitted for review");
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

/// An edit: through the gate like a new case (the author also confirms the checklist again),
/// and back to, or still in, the review queue.
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
    let gated = gate::case(
        state,
        actor,
        submission,
        editor == Editor::Author,
        Some(&case),
    )
    .await?;
    match state
        .store
        .update_case(
            id,
            actor.user_id,
            &EditBase {
                revision: base,
                facts: case.facts(),
            },
            &gated,
            editor == Editor::Moderator,
            state.clock.now(),
        )
        .await?
    {
        EditOutcome::Saved => {
            tracing::info!(case.id = %id, moderator = editor == Editor::Moderator, findings = gated.findings(), "case edited");
            Ok(editor)
        }
        EditOutcome::Stale => Err(AppError::Conflict(
            "This case was changed after you opened the form, so your edit was not saved. Your text is below: copy what you need, reload the case, and edit again.".into(),
        )),
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
