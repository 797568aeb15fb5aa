//! Saved drafts of a case: the composer's *Save draft*, the list on "My cases", picking one up
//! again and deleting it. A draft is its author's alone: anyone else asking for it gets the
//! answer a missing draft gets.

use crate::domain::policy::{Action, Actor, Target, can};
use crate::model::{DraftFields, DraftSummary, DraftView};
use crate::server::error::AppError;
use crate::server::gate;
use crate::server::state::AppState;
use crate::server::store::StoreError;

fn no_draft() -> AppError {
    AppError::NotFound(
        "There is no such draft. It may have been deleted, or submitted as a case.".into(),
    )
}

/// Saving a draft is writing a case. Reading or deleting one asks only who is signed in:
/// another member's draft is answered as a missing one, whatever their roles.
fn author(actor: Option<&Actor>) -> Result<&Actor, AppError> {
    can(actor, Action::CreateCase, Target::Site)?;
    super::access::signed_in(actor)
}

fn member(actor: Option<&Actor>) -> Result<&Actor, AppError> {
    can(actor, Action::ViewMemberArea, Target::Site)?;
    super::access::signed_in(actor)
}

/// Saves the composer's fields as a new draft (`id` none) or over one of the member's; its id.
pub async fn save(
    state: &AppState,
    actor: Option<&Actor>,
    id: Option<i64>,
    fields: &DraftFields,
) -> Result<i64, AppError> {
    let me = author(actor)?;
    let gated = gate::draft(fields)?;
    let id = state
        .store
        .save_draft(me.user_id, id, &gated, state.clock.now())
        .await
        .map_err(|e| match e {
            StoreError::NotFound(_) => no_draft(),
            other => other.into(),
        })?;
    tracing::info!(user.id = %me.user_id, draft.id = id, "draft saved");
    Ok(id)
}

pub async fn get(state: &AppState, actor: Option<&Actor>, id: i64) -> Result<DraftView, AppError> {
    let me = member(actor)?;
    let (source, saved_at) = state
        .store
        .find_draft(id, me.user_id)
        .await?
        .ok_or_else(no_draft)?;
    let fields: DraftFields = serde_json::from_str(&source).map_err(AppError::internal)?;
    Ok(DraftView {
        id,
        fields,
        saved_at,
    })
}

pub async fn list(state: &AppState, actor: Option<&Actor>) -> Result<Vec<DraftSummary>, AppError> {
    let me = member(actor)?;
    Ok(state
        .store
        .list_drafts(me.user_id)
        .await?
        .into_iter()
        .map(|(id, title, saved_at)| DraftSummary {
            id,
            title,
            saved_at,
        })
        .collect())
}

/// The member deletes a draft; its bytes are scrubbed by the purge job.
pub async fn delete(state: &AppState, actor: Option<&Actor>, id: i64) -> Result<(), AppError> {
    let me = member(actor)?;
    if !state.store.delete_draft(id, me.user_id, true).await? {
        return Err(no_draft());
    }
    tracing::info!(user.id = %me.user_id, draft.id = id, "draft deleted");
    Ok(())
}

/// The draft became a case: it goes, scrubbed like any deleted draft (the author may have
/// taken identifying words out after loading it). A draft already gone (deleted in another
/// tab) is no error: the case was submitted.
pub async fn submitted(state: &AppState, actor: &Actor, id: i64) -> Result<(), AppError> {
    state.store.delete_draft(id, actor.user_id, true).await?;
    Ok(())
}
