//! Writing, editing and reading cases. Publishing happens in one function, [`publish_case`], so
//! the review gate of a later issue has one place to stand.

use serde_json::json;

use super::access::{case_for, signed_in};
use super::screening::{self, Explanations};
use crate::domain::case::{CaseDraft, CaseInput, FieldError, SECTIONS};
use crate::domain::policy::{Action, Actor, Target, can};
use crate::model::{CaseContext, CaseId, SafeHtml, SectionView, SupervisorOption, UserId};
use crate::server::error::AppError;
use crate::server::render::{RENDERER_VERSION, cook};
use crate::server::state::AppState;
use crate::server::store::{CaseWrite, CookedSection, ScanExplanation};

/// Parses, checks and cooks a case and stores it as published.
pub async fn publish_case(
    state: &AppState,
    actor: Option<&Actor>,
    input: &CaseInput,
    supervisor: &str,
    explanations: &Explanations,
) -> Result<CaseId, AppError> {
    can(actor, Action::CreateCase, Target::Site)?;
    let actor = signed_in(actor)?;
    let (draft, supervisor_id, cooked) = prepare(state, actor, input, supervisor).await?;
    let explained = screen(&draft, &cooked, explanations)?;
    let write = case_write(draft, supervisor_id, cooked, explained);
    let id = state
        .store
        .insert_case(actor.user_id, &write, state.clock.now())
        .await?;
    tracing::info!(case.id = %id, "case published");
    Ok(id)
}

pub async fn update_case(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    input: &CaseInput,
    supervisor: &str,
    explanations: &Explanations,
) -> Result<(), AppError> {
    case_for(state, actor, id, Action::EditCase).await?;
    let actor = signed_in(actor)?;
    let (draft, supervisor_id, cooked) = prepare(state, actor, input, supervisor).await?;
    let explained = screen(&draft, &cooked, explanations)?;
    let write = case_write(draft, supervisor_id, cooked, explained);
    state
        .store
        .update_case(id, actor.user_id, &write, state.clock.now())
        .await?;
    tracing::info!(case.id = %id, "case edited");
    Ok(())
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
    }
}
