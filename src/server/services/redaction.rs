//! A moderator redacts identifying text from a case: everywhere it is stored, at once.

use super::access::{case_for, signed_in};
use crate::domain::policy::{Action, Actor};
use crate::domain::redaction::Redaction;
use crate::model::CaseId;
use crate::server::error::AppError;
use crate::server::render::cook;
use crate::server::state::AppState;

/// Replaces `text` with `[redacted: category]` in the case, its replies and every stored copy;
/// returns how many places changed. Text that is nowhere in the case is refused, and nothing
/// is written.
pub async fn redact_case(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    text: &str,
    category: &str,
) -> Result<usize, AppError> {
    case_for(state, actor, id, Action::Redact).await?;
    let actor = signed_in(actor)?;
    let redaction =
        Redaction::parse(text, category).map_err(|e| AppError::Invalid(e.to_string()))?;
    let change = |s: &str| redaction.apply(s);
    // A redaction must never fail on cooking: text that no longer cooks (now over the length
    // limit) is shown escaped, as plain paragraphs.
    let cook_or_plain = |md: &str| match cook(md) {
        Ok(html) => html.into_string(),
        Err(_) => format!("<p>{}</p>", escape(md)),
    };
    let places = state
        .store
        .redact_case(
            id,
            actor.user_id,
            state.clock.now(),
            &change,
            &cook_or_plain,
        )
        .await?;
    if places == 0 {
        return Err(AppError::Invalid(
            "That text is not in this case, its replies or their earlier versions. Copy it exactly as it appears (letter case does not matter).".into(),
        ));
    }
    tracing::info!(case.id = %id, actor.id = %actor.user_id, places, "case redacted");
    Ok(places)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
