//! In-app notifications. They say what happened, never who did it (an anonymous author stays
//! anonymous), and show a case's title only while the reader may see the case.

use super::access::signed_in;
use crate::domain::policy::{Action, Actor, Denial, Target, can};
use crate::model::{NotificationPage, NotificationView};
use crate::server::auth::session::CurrentSession;
use crate::server::error::AppError;
use crate::server::state::AppState;

/// Notifications on a page.
pub const PAGE: usize = 50;

/// A page of the member's notifications, older than `before` (the newest when `None`).
pub async fn notifications(
    state: &AppState,
    actor: Option<&Actor>,
    before: Option<i64>,
) -> Result<NotificationPage, AppError> {
    can(actor, Action::ViewMemberArea, Target::Site)?;
    let actor = signed_in(actor)?;
    // One more than a page: whether there is an older page.
    let mut rows = state
        .store
        .list_notifications(actor, before, PAGE as i64 + 1)
        .await?;
    let older = (rows.len() > PAGE).then(|| {
        rows.truncate(PAGE);
        rows.last().map(|r| r.id)
    });
    let items = rows
        .into_iter()
        .map(|n| NotificationView {
            id: n.id,
            case_id: n.case_id,
            text: match n.kind.as_str() {
                "supervisor_of_record" => "You were named supervisor of record for a case.",
                "supervisor_feedback" => "A supervisor gave feedback on your case.",
                "watched_reply" => "There is a new reply on a case you watch.",
                "case_approved" => "A moderator approved your case. Members can now read it.",
                "case_returned" => {
                    "A moderator returned your case for changes. Edit it and submit it again."
                }
                "case_rejected" => "A moderator decided not to publish your case.",
                "reply_approved" => "A moderator approved your reply. Members can now read it.",
                "reply_rejected" => "A moderator decided not to publish your reply.",
                "case_purge_soon" => {
                    "This case will be deleted in a week under the forum's retention rule. Open it to see the date or to keep it longer."
                }
                _ => "Someone replied to your case.",
            }
            .to_owned(),
            case_title: n.case_title,
            reason: n.reason,
            created_at: n.created_at,
            read: n.read,
        })
        .collect();
    Ok(NotificationPage {
        items,
        older: older.flatten(),
    })
}

/// Marks one of the member's notifications read. Someone else's, or none: not found.
pub async fn mark_notification_read(
    state: &AppState,
    actor: Option<&Actor>,
    id: i64,
) -> Result<(), AppError> {
    can(actor, Action::ViewMemberArea, Target::Site)?;
    let actor = signed_in(actor)?;
    if state
        .store
        .mark_notification_read(actor.user_id, id, state.clock.now())
        .await?
    {
        Ok(())
    } else {
        Err(AppError::NotFound("There is no such notification.".into()))
    }
}

/// Counted by the query that resolved the session, which every signed-in request runs anyway.
pub fn unread_count(session: &CurrentSession) -> Result<i64, AppError> {
    session
        .signed_in
        .as_ref()
        .map(|s| s.unread_notifications)
        .ok_or(AppError::Denied(Denial::SignInRequired))
}

pub async fn mark_notifications_read(
    state: &AppState,
    actor: Option<&Actor>,
) -> Result<(), AppError> {
    let actor = signed_in(actor)?;
    state
        .store
        .mark_notifications_read(actor.user_id, state.clock.now())
        .await?;
    Ok(())
}
