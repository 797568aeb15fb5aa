//! The review queue: moderators see what waits, claim a case, and approve it (with the
//! de-identification checklist complete), return it to its author, or reject it, with a reason.

use super::access::{case_for, signed_in};
use super::case_views::author_view;
use crate::domain::case::SECTIONS;
use crate::domain::flag::FlagKind;
use crate::domain::policy::{Action, Actor, Target, can};
use crate::domain::review::{
    AuthorChecklist, Decision, ModeratorChecklist, Reason, ReviewState, line_diff,
};
use crate::model::{
    CaseId, ExplanationView, FieldDiff, FieldScan, FlagSummary, HiddenReplyEntry, QueueEntry,
    ReviewQueue, ReviewRecord, ReviewView, SafeHtml, SectionView,
};
use crate::server::error::AppError;
use crate::server::gate::{FOLLOW_UP, FORUM_AUDIENCE, combination_of_case, scan_field};
use crate::server::state::AppState;
use crate::server::store::{DecisionWrite, ReviewRefusal};

/// A claim lapses after an hour, so a moderator who walked away does not hold a case forever.
pub const CLAIM_LAPSE_SECS: i64 = 60 * 60;
/// The queue page shows this many cases; the count in the navigation shows them all.
const QUEUE_PAGE: i64 = 200;

pub async fn queue(state: &AppState, actor: Option<&Actor>) -> Result<ReviewQueue, AppError> {
    can(actor, Action::ViewReviewQueue, Target::Site)?;
    let actor = signed_in(actor)?;
    let lapsed = state.clock.now() - CLAIM_LAPSE_SECS;
    let hidden_replies = state
        .store
        .hidden_replies(actor)
        .await?
        .into_iter()
        .map(|r| HiddenReplyEntry {
            reply: r.reply,
            case: r.case,
            case_title: r.case_title,
            hidden_at: r.hidden_at,
        })
        .collect();
    let cases = state
        .store
        .review_queue(actor, QUEUE_PAGE)
        .await?
        .into_iter()
        .map(|row| {
            let current = row.claimed_at.is_some_and(|at| at > lapsed);
            let claim = row.claimed_by.filter(|_| current);
            QueueEntry {
                id: row.id,
                title: row.title,
                submitted_at: row.submitted_at,
                claimed_by_me: claim.as_ref().is_some_and(|(id, _)| *id == actor.user_id),
                claimed_by: claim.map(|(_, name)| name),
                is_edit: row.is_edit,
                flags: row.flags,
            }
        })
        .collect();
    Ok(ReviewQueue {
        cases,
        pending_replies: super::reply_review::pending(state, Some(actor)).await?,
        hidden_replies,
    })
}

/// How many cases wait, for moderators' navigation; `None` for everyone else.
pub async fn pending_count(
    state: &AppState,
    actor: Option<&Actor>,
) -> Result<Option<i64>, AppError> {
    let Some(actor) = actor.filter(|a| can(Some(a), Action::ViewReviewQueue, Target::Site).is_ok())
    else {
        return Ok(None);
    };
    Ok(Some(
        state.store.count_pending_cases(actor).await?
            + state.store.count_pending_replies(actor).await?,
    ))
}

/// The review page of one case.
pub async fn review_page(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
) -> Result<ReviewView, AppError> {
    can(actor, Action::ViewReviewQueue, Target::Site)?;
    let case = case_for(state, actor, id, Action::ViewCase).await?;
    let actor = signed_in(actor)?;
    let decision = can(Some(actor), Action::Review, Target::Case(case.facts()));
    let revision = state.store.revision_under_review(id).await?;
    let current = revision
        .as_ref()
        .and_then(|r| serde_json::from_str::<serde_json::Value>(&r.source).ok());
    let previous = match state.store.last_approved_source(id).await? {
        Some(src) if case.review == ReviewState::Pending => serde_json::from_str(&src).ok(),
        _ => None,
    };
    let lapsed = state.clock.now() - CLAIM_LAPSE_SECS;
    let claim = case
        .claimed_by
        .filter(|_| case.claimed_at.is_some_and(|at| at > lapsed));
    let claimer = match claim {
        Some(by) if by == actor.user_id => Some(String::from("you")),
        Some(by) => Some(state.store.display_name(by).await?.unwrap_or_default()),
        None => None,
    };
    let history = state
        .store
        .case_reviews(id)
        .await?
        .into_iter()
        .map(|r| ReviewRecord {
            decision: r.decision,
            reason: r.reason,
            moderator: r.moderator,
            at: r.at,
        })
        .collect();
    let mut scans: Vec<FieldScan> = vec![scan_field("title", "Title", &case.title)];
    let mut sections = Vec::new();
    for (key, label) in fields() {
        if let Some((_, source, html)) = case.sections.iter().find(|(k, _, _)| k == key) {
            scans.push(scan_field(key, label, source));
            sections.push(SectionView {
                key: key.into(),
                label: label.into(),
                html: SafeHtml::from_cooked(html.clone()),
            });
        }
    }
    scans.retain(|s| !s.findings.is_empty());
    let combination = combination_of_case(&case.title, &case.sections, &case.context);
    let flags = state
        .store
        .open_case_flags(id)
        .await?
        .into_iter()
        .map(|(kind, members, notes)| FlagSummary {
            label: FlagKind::parse(&kind)
                .map_or("Flag", FlagKind::label)
                .to_owned(),
            members,
            notes,
        })
        .collect();
    let group = super::case_views::badge(&case);
    Ok(ReviewView {
        id,
        author: author_view(actor, case.author_id, &case.author_name, case.anonymous),
        group,
        title: case.title,
        context: case.context,
        review: case.review,
        submitted_at: case.submitted_at.unwrap_or(case.created_at),
        revision: revision.as_ref().map_or(0, |r| r.id),
        sections,
        scans,
        combination,
        checklist: revision
            .as_ref()
            .and_then(|r| r.checklist.as_deref())
            .and_then(|c| serde_json::from_str::<AuthorChecklist>(c).ok()),
        explanations: revision
            .map(|r| explanations(current.as_ref(), r.explanations))
            .unwrap_or_default(),
        diff: previous
            .zip(current.as_ref())
            .map(|(old, new)| diff(&old, new))
            .unwrap_or_default(),
        claimed_by_me: claim == Some(actor.user_id),
        claimed_by: claimer,
        history,
        flags,
        can_decide: decision.is_ok() && case.review == ReviewState::Pending,
        own_case: decision.is_err(),
    })
}

/// Claims the case so other moderators see it is being reviewed.
pub async fn claim(state: &AppState, actor: Option<&Actor>, id: CaseId) -> Result<(), AppError> {
    let case = case_for(state, actor, id, Action::Review).await?;
    let actor = signed_in(actor)?;
    let now = state.clock.now();
    let result = state
        .store
        .claim_case(case.id, actor.user_id, now, now - CLAIM_LAPSE_SECS)
        .await?;
    result.map_err(refused)?;
    tracing::info!(case.id = %id, actor.id = %actor.user_id, "case claimed");
    Ok(())
}

/// Approves the case, with every checklist item ticked, or returns or rejects it with a reason.
/// `tick(key)` reads the moderator's checklist from the form. `seen` is the revision the
/// moderator read: a decision on any other (an edit or a follow-up arrived meanwhile) is refused.
pub async fn decide<'a>(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    seen: Option<i64>,
    decision: &str,
    reason: &str,
    tick: impl Fn(&str) -> &'a str,
) -> Result<Decision, AppError> {
    let case = case_for(state, actor, id, Action::Review).await?;
    let actor = signed_in(actor)?;
    let decision = Decision::parse(decision)
        .ok_or_else(|| AppError::BadRequest("Choose approve, return or reject.".into()))?;
    let (reason, checklist) = match decision {
        Decision::Approve => {
            let checklist = ModeratorChecklist::parse(tick).map_err(AppError::Invalid)?;
            (String::new(), serde_json::to_string(&checklist).ok())
        }
        Decision::Return | Decision::Reject => {
            let reason = Reason::parse(reason).map_err(AppError::Invalid)?;
            (reason.as_str().to_owned(), None)
        }
    };
    let now = state.clock.now();
    let write = DecisionWrite {
        moderator: actor.user_id,
        decision,
        reason: &reason,
        checklist: checklist.as_deref(),
        claims_after: now - CLAIM_LAPSE_SECS,
        revision: seen,
    };
    let result = state.store.decide_case(case.id, &write, now).await?;
    let review = result.map_err(refused)?;
    tracing::info!(case.id = %id, actor.id = %actor.user_id, review.id = review, decision = decision.outcome().key(), "case reviewed");
    Ok(decision)
}

pub(super) fn refused(refusal: ReviewRefusal) -> AppError {
    match refusal {
        // A decision form always carries the version it was opened on.
        ReviewRefusal::NoVersion => AppError::BadRequest(
            "The review form is missing the version you read. Reload the review page and decide again.".into(),
        ),
        ReviewRefusal::Changed => AppError::Conflict(
            "The text changed after you opened it: the author edited it or added a follow-up. Nothing was decided; read the new version below and decide again.".into(),
        ),
        ReviewRefusal::ClaimedBy(name) => AppError::Conflict(format!(
            "{name} has claimed this case and is reviewing it. Nothing was changed; pick another case from the queue."
        )),
        ReviewRefusal::NotPending(state) => AppError::Conflict(format!(
            "This case is not waiting for review any more ({}). Nothing was changed.",
            state.label().to_lowercase()
        )),
        ReviewRefusal::NotFound => AppError::NotFound("There is no case with that number.".into()),
    }
}

/// The stored text of a field of a revision's JSON source.
fn field<'v>(source: &'v serde_json::Value, key: &str) -> &'v str {
    let value = if key == "title" {
        source.get("title")
    } else if key == "audience" {
        // Revisions from before consultation groups were all for the whole forum.
        return source
            .get("audience")
            .and_then(|v| v.as_str())
            .unwrap_or(FORUM_AUDIENCE);
    } else {
        source.get("sections").and_then(|s| s.get(key))
    };
    value.and_then(|v| v.as_str()).unwrap_or("")
}

fn explanations(
    source: Option<&serde_json::Value>,
    rows: Vec<(String, String, i64, i64, String)>,
) -> Vec<ExplanationView> {
    rows.into_iter()
        .map(|(key, category, start, end, explanation)| {
            let text = source
                .map(|s| field(s, &key))
                .and_then(|t| t.get(usize::try_from(start).ok()?..usize::try_from(end).ok()?))
                .unwrap_or("(this text has changed since)")
                .to_owned();
            ExplanationView {
                field: label(&key).to_owned(),
                category,
                text,
                explanation,
            }
        })
        .collect()
}

/// The Markdown fields of a case in reading order: its sections, then the follow-up.
fn fields() -> impl Iterator<Item = (&'static str, &'static str)> {
    SECTIONS
        .iter()
        .map(|s| (s.key, s.label))
        .chain(std::iter::once(FOLLOW_UP))
}

fn label(key: &str) -> &'static str {
    match key {
        "title" => return "Title",
        "audience" => return "Audience",
        _ => {}
    }
    fields()
        .find(|(k, _)| *k == key)
        .map_or("Section", |(_, label)| label)
}

/// Each field that changed since the last approved version, line by line.
fn diff(old: &serde_json::Value, new: &serde_json::Value) -> Vec<FieldDiff> {
    ["title", "audience"]
        .into_iter()
        .chain(fields().map(|(key, _)| key))
        .filter_map(|key| {
            let (before, after) = (field(old, key), field(new, key));
            (before != after).then(|| FieldDiff {
                label: label(key).to_owned(),
                rows: line_diff(before, after),
            })
        })
        .collect()
}
