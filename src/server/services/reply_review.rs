//! Replies held at the reply gate: a moderator reads one with the scanner's findings and
//! approves it (with the de-identification checklist complete) or rejects it with a reason.

use super::access::{reply_for, signed_in};
use super::case_views::author_view;
use super::review::refused;
use crate::domain::policy::{Action, Actor, Target, can};
use crate::domain::review::{Decision, ModeratorChecklist, Reason};
use crate::model::{PendingReplyEntry, ReplyId, ReplyReviewView, SafeHtml};
use crate::server::error::AppError;
use crate::server::gate::scan_field;
use crate::server::state::AppState;
use crate::server::store::{DecisionWrite, ReviewRefusal};

pub async fn pending(
    state: &AppState,
    actor: Option<&Actor>,
) -> Result<Vec<PendingReplyEntry>, AppError> {
    can(actor, Action::ViewReviewQueue, Target::Site)?;
    let actor = signed_in(actor)?;
    Ok(state
        .store
        .pending_replies(actor, 200)
        .await?
        .into_iter()
        .map(|r| PendingReplyEntry {
            reply: r.reply,
            case: r.case,
            case_title: r.case_title,
            submitted_at: r.submitted_at,
        })
        .collect())
}

pub async fn page(
    state: &AppState,
    actor: Option<&Actor>,
    id: ReplyId,
) -> Result<ReplyReviewView, AppError> {
    can(actor, Action::ViewReviewQueue, Target::Site)?;
    let (reply, case) = reply_for(state, actor, id, Action::ViewReviewQueue).await?;
    let actor = signed_in(actor)?;
    let decision = can(
        Some(actor),
        Action::Review,
        Target::Reply(reply.facts(case.facts())),
    );
    let scan = scan_field("body", "Reply", &reply.source);
    let revision = state.store.latest_reply_revision(id).await?;
    Ok(ReplyReviewView {
        id,
        case: case.id,
        case_title: case.title,
        author: author_view(actor, reply.author_id, &reply.author_name, reply.anonymous),
        html: SafeHtml::from_cooked(reply.html),
        scans: if scan.findings.is_empty() {
            Vec::new()
        } else {
            vec![scan]
        },
        review: reply.review,
        revision,
        can_decide: decision.is_ok() && !reply.review.is_published(),
        own: decision.is_err(),
    })
}

/// Approves (with every checklist item ticked) or rejects (with a reason) a held reply.
pub async fn decide<'a>(
    state: &AppState,
    actor: Option<&Actor>,
    id: ReplyId,
    seen: Option<i64>,
    decision: &str,
    reason: &str,
    tick: impl Fn(&str) -> &'a str,
) -> Result<Decision, AppError> {
    let (reply, _) = reply_for(state, actor, id, Action::Review).await?;
    let actor = signed_in(actor)?;
    let (decision, reason, checklist) = match Decision::parse(decision) {
        Some(Decision::Approve) => {
            let checklist = ModeratorChecklist::parse(tick).map_err(AppError::Invalid)?;
            (
                Decision::Approve,
                String::new(),
                serde_json::to_string(&checklist).ok(),
            )
        }
        Some(Decision::Reject) => {
            let reason = Reason::parse(reason).map_err(AppError::Invalid)?;
            (Decision::Reject, reason.as_str().to_owned(), None)
        }
        _ => {
            return Err(AppError::BadRequest(
                "A reply is approved or rejected.".into(),
            ));
        }
    };
    let now = state.clock.now();
    let write = DecisionWrite {
        moderator: actor.user_id,
        decision,
        reason: &reason,
        checklist: checklist.as_deref(),
        claims_after: now,
        revision: seen,
    };
    let review = state
        .store
        .decide_reply(reply.id, &write, now)
        .await?
        .map_err(|refusal| match refusal {
            ReviewRefusal::NotPending(_) => AppError::Conflict(
                "This reply is not waiting for review any more. Nothing was changed.".into(),
            ),
            ReviewRefusal::NotFound => super::access::no_reply(),
            other => refused(other),
        })?;
    tracing::info!(reply.id = %id, review.id = review, decision = decision.outcome().key(), "reply reviewed");
    Ok(decision)
}
