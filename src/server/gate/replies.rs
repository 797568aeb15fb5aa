//! Replies and reply edits through the gate: the reply limits, the cooking, the scanner, and
//! the reply-gate rules that decide whether the reply waits for a moderator.

use serde_json::json;

use super::scan::scan_as_read;
use super::{GatedReply, GatedText, Hold};
use crate::domain::case::{TextLimit, parse_text};
use crate::domain::policy::Actor;
use crate::server::error::AppError;
use crate::server::render::cook;
use crate::server::state::AppState;

/// A reply (or a reply's edit) through the gate. It waits for a moderator when the scanner
/// finds anything in it (`reply_review_on_findings`), or while its author has fewer approved
/// cases and replies than `reply_review_below`.
pub async fn reply(state: &AppState, actor: &Actor, body: &str) -> Result<GatedReply, AppError> {
    let source =
        parse_text(body, TextLimit::REPLY, true, "Your reply").map_err(AppError::Invalid)?;
    let html = cook(&source).map_err(|e| AppError::Invalid(e.to_string()))?;
    let findings = scan_as_read(&source).len();
    let hold = if state.config.reply_review_on_findings && findings > 0 {
        Some(Hold::Findings)
    } else if state.config.reply_review_below > 0
        && state.store.approved_posts(actor.user_id).await? < state.config.reply_review_below
    {
        Some(Hold::NewMember)
    } else {
        None
    };
    let revision = json!({ "body": source }).to_string();
    Ok(GatedReply {
        text: GatedText {
            source,
            html: html.into_string(),
            revision,
        },
        hold,
        findings,
    })
}
