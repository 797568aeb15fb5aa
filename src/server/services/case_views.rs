//! Reading cases: a case page, the list, the author's edit source. Each view is projected for
//! its reader here: how every author appears (`AuthorView`) and what the reader may do.

use super::access::{case_for, signed_in};
use crate::domain::case::{CaseInput, SECTIONS};
use crate::domain::policy::{Action, Actor, Target, can};
use crate::domain::review::ReviewState;
use crate::model::{
    AuthorView, CaseFilter, CaseId, CasePage, CasePermissions, CaseSource, CaseSummary, CaseView,
    SafeHtml, SectionView, UserId,
};
use crate::server::error::AppError;
use crate::server::state::AppState;
use crate::server::store::{CaseRow, Cursor};

pub const PAGE_SIZE: i64 = 20;

pub async fn get_case(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
) -> Result<CaseView, AppError> {
    let case = case_for(state, actor, id, Action::ViewCase).await?;
    let actor = signed_in(actor)?;
    let target = case.target();
    if state
        .store
        .reader_may_know_client(id, actor.user_id)
        .await?
    {
        return Err(AppError::NotFound(
            "You said you may know this client, so this case is hidden from you.".into(),
        ));
    }
    let moderator = can(Some(actor), Action::ViewReviewQueue, Target::Site).is_ok();
    let replies = state.store.list_replies(id).await?;
    let manage = can(Some(actor), Action::ManageOwnCase, target).is_ok();
    let replies = replies
        .into_iter()
        // A reply hidden after flags is shown to moderators only, marked, until restored; one
        // held at the reply gate (or not published) to its author and moderators.
        .filter(|r| moderator || !r.hidden)
        .filter(|r| moderator || r.review.is_published() || r.author_id == actor.user_id)
        .map(|r| crate::model::ReplyView {
            id: r.id,
            author: author_view(actor, r.author_id, &r.author_name, r.anonymous),
            supervisor_feedback: r.supervisor_feedback,
            helpful: r.helpful,
            html: SafeHtml::from_cooked(r.html),
            created_at: r.created_at,
            edited: r.edited,
            can_edit: can(
                Some(actor),
                Action::EditReply,
                Target::Reply {
                    author: r.author_id,
                },
            )
            .is_ok(),
            review: r.review,
            can_flag: !r.hidden
                && r.review.is_published()
                && can(
                    Some(actor),
                    Action::Flag,
                    Target::Reply {
                        author: r.author_id,
                    },
                )
                .is_ok(),
            hidden: r.hidden,
        })
        .collect();
    let review_reason = match case.review {
        ReviewState::Returned | ReviewState::Rejected => {
            state.store.latest_review_reason(id).await?
        }
        _ => None,
    };
    let mut sections = Vec::new();
    let mut follow_up = None;
    for s in SECTIONS {
        if let Some((_, _, html)) = case.sections.iter().find(|(k, _, _)| k == s.key) {
            sections.push(SectionView {
                key: s.key.into(),
                label: s.label.into(),
                html: SafeHtml::from_cooked(html.clone()),
            });
        }
    }
    if let Some((_, _, html)) = case.sections.iter().find(|(k, _, _)| k == "follow_up") {
        follow_up = Some(SafeHtml::from_cooked(html.clone()));
    }
    Ok(CaseView {
        id: case.id,
        author: author_view(actor, case.author_id, &case.author_name, case.anonymous),
        title: case.title,
        context: case.context,
        state: case.state,
        review: case.review,
        review_reason,
        sections,
        follow_up,
        supervisor_name: case.supervisor_name,
        created_at: case.created_at,
        edited: case.edited,
        replies,
        permissions: CasePermissions {
            edit: can(Some(actor), Action::EditCase, target).is_ok(),
            reply: can(Some(actor), Action::Reply, target).is_ok(),
            mark_helpful: manage,
            follow_up: manage,
            see_revisions: can(Some(actor), Action::ViewRevisions, target).is_ok(),
            redact: can(Some(actor), Action::Redact, target).is_ok(),
            review: moderator,
            flag: can(Some(actor), Action::Flag, target).is_ok(),
        },
    })
}

pub async fn list_cases(
    state: &AppState,
    actor: Option<&Actor>,
    filter: &CaseFilter,
    cursor: Option<&str>,
) -> Result<CasePage, AppError> {
    can(actor, Action::ViewCase, Target::Site)?;
    let actor = signed_in(actor)?;
    let cursor = cursor
        .filter(|c| !c.is_empty())
        .map(|c| {
            Cursor::decode(c)
                .ok_or_else(|| AppError::BadRequest("That page link is not valid.".into()))
        })
        .transpose()?;
    let mut rows = state
        .store
        .list_cases(filter, actor.user_id, cursor, PAGE_SIZE + 1)
        .await?;
    let next_cursor = if rows.len() as i64 > PAGE_SIZE {
        rows.truncate(PAGE_SIZE as usize);
        rows.last().map(|r| {
            Cursor {
                last_activity_at: r.last_activity_at,
                id: r.id.0,
            }
            .encode()
        })
    } else {
        None
    };
    let cases = rows.into_iter().map(|r| summary(actor, r)).collect();
    Ok(CasePage { cases, next_cursor })
}

/// The Markdown of a case for its author's edit form.
pub async fn get_case_source(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
) -> Result<CaseSource, AppError> {
    let case = case_for(state, actor, id, Action::EditCase).await?;
    let by_moderator = actor.is_some_and(|a| a.user_id != case.author_id);
    Ok(CaseSource {
        id,
        revision: state.store.latest_case_revision(id).await?,
        by_moderator,
        supervisor_id: case.supervisor_id,
        input: CaseInput {
            title: case.title,
            age_band: case.context.age_band.key().into(),
            setting: case.context.setting.key().into(),
            modality: case.context.modality.key().into(),
            sessions: case.context.sessions.key().into(),
            tags: case
                .context
                .tags
                .iter()
                .map(|t| t.key().to_owned())
                .collect(),
            sections: case
                .sections
                .into_iter()
                .filter(|(k, _, _)| k != "follow_up")
                .map(|(k, src, _)| (k, src))
                .collect(),
            anonymous: case.anonymous,
        },
    })
}

/// How `actor` may see the author of something written by `author` (anonymously or not).
pub fn author_view(actor: &Actor, author: UserId, name: &str, anonymous: bool) -> AuthorView {
    if !anonymous {
        AuthorView::Member {
            id: author,
            name: name.to_owned(),
        }
    } else if author == actor.user_id {
        AuthorView::You
    } else if can(
        Some(actor),
        Action::SeeAnonymousAuthor,
        Target::Case {
            author,
            review: crate::domain::review::ReviewState::Approved,
        },
    )
    .is_ok()
    {
        AuthorView::RevealedAnonymous {
            id: author,
            name: name.to_owned(),
        }
    } else {
        AuthorView::Anonymous
    }
}

fn summary(actor: &Actor, r: CaseRow) -> CaseSummary {
    CaseSummary {
        id: r.id,
        author: author_view(actor, r.author_id, &r.author_name, r.anonymous),
        title: r.title,
        context: r.context,
        state: r.state,
        review: r.review,
        reply_count: r.reply_count,
        has_supervisor_feedback: r.has_supervisor_feedback,
        last_activity_at: r.last_activity_at,
    }
}
