//! Reading cases: a case page, the list, the author's edit source, the revisions. What a reader
//! gets is decided by the visibility rule (`access`, and the store's SQL for lists and
//! replies); each view is then projected for its reader here: how every author appears
//! (`AuthorView`) and what the reader may do.

use super::access::{case_for, signed_in};
use super::reply_pages;
use crate::domain::case::{CaseInput, SECTIONS};
use crate::domain::policy::{Action, Actor, CaseFacts, Target, can};
use crate::domain::review::ReviewState;
use crate::model::{
    AuthorView, CaseFilter, CaseId, CasePage, CasePermissions, CaseSource, CaseSummary, CaseView,
    GroupBadge, LockView, ReplyPageRequest, ReplyPages, ReplyView, RevisionView, SafeHtml,
    SectionView, UserId,
};
use crate::server::error::AppError;
use crate::server::gate::FOLLOW_UP;
use crate::server::state::AppState;
use crate::server::store::{CaseRow, Cursor, ThreadItem};

pub const PAGE_SIZE: i64 = 20;

pub async fn get_case(
    state: &AppState,
    actor: Option<&Actor>,
    id: CaseId,
    at: ReplyPageRequest,
) -> Result<CaseView, AppError> {
    let case = case_for(state, actor, id, Action::ViewCase).await?;
    let actor = signed_in(actor)?;
    let facts = case.facts();
    let may = |action| can(Some(actor), action, Target::Case(facts)).is_ok();
    let moderator = can(Some(actor), Action::ViewReviewQueue, Target::Site).is_ok();
    // The visibility rule already left out what this reader may not see: replies held at the
    // gate (but their own), hidden after flags or deleted by their authors (but for
    // moderators, who see them marked); a deleted one leaves a tombstone.
    let visible = state.store.list_thread(&case, actor).await?;
    let pages = reply_pages::reply_page(
        visible.len(),
        |reply| visible.iter().position(|r| r.id() == reply),
        at,
    )?;
    let first = (pages.page as usize - 1) * ReplyPages::SIZE;
    let replies = visible
        .into_iter()
        .skip(first)
        .take(ReplyPages::SIZE)
        .map(|item| reply_view(actor, facts, item))
        .collect();
    let review_reason = match case.review {
        ReviewState::Returned | ReviewState::Rejected => {
            state.store.latest_review_reason(id).await?
        }
        _ => None,
    };
    // The lock's reason is moderator text for the author and the moderators; peers see only
    // that the case is locked.
    let lock = if case.locked {
        let reason = if case.author_id == actor.user_id || moderator {
            state.store.current_lock(id).await?.map(|l| l.reason)
        } else {
            None
        };
        Some(LockView { reason })
    } else {
        None
    };
    let retention = super::retention::view(state, actor, &case).await?;
    let withdraw = may(Action::WithdrawCase) && !state.store.case_was_published(id).await?;
    let watching = may(Action::WatchCase) && state.store.is_watching(id, actor.user_id).await?;
    let mut sections = Vec::new();
    for s in SECTIONS {
        if let Some((_, _, html)) = case.sections.iter().find(|(k, _, _)| k == s.key) {
            sections.push(SectionView {
                key: s.key.into(),
                label: s.label.into(),
                html: SafeHtml::from_cooked(html.clone()),
            });
        }
    }
    let follow_up = case
        .sections
        .iter()
        .find(|(k, _, _)| k == FOLLOW_UP.0)
        .map(|(_, _, html)| SafeHtml::from_cooked(html.clone()));
    let group = badge(&case);
    Ok(CaseView {
        id: case.id,
        author: author_view_about(
            actor,
            case.author_id,
            &case.author_name,
            case.author_about.as_deref(),
            case.anonymous,
        ),
        title: case.title,
        context: case.context,
        state: case.state,
        review: case.review,
        review_reason,
        lock,
        retention,
        watching,
        sections,
        follow_up,
        group,
        supervisor_name: case.supervisor_name,
        created_at: case.created_at,
        edited: case.edited,
        replies,
        pages,
        permissions: CasePermissions {
            edit: may(Action::EditCase),
            reply: may(Action::Reply),
            follow_up: may(Action::PostFollowUp),
            close: may(Action::CloseCase),
            reopen: may(Action::ReopenCase),
            withdraw,
            lock: may(Action::LockCase),
            see_revisions: may(Action::ViewRevisions),
            redact: may(Action::Redact),
            review: moderator,
            flag: may(Action::Flag),
            watch: may(Action::WatchCase),
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
        .list_cases(filter, actor, cursor, PAGE_SIZE + 1)
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
        group_id: case.audience.group(),
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
                .filter(|(k, _, _)| k != FOLLOW_UP.0)
                .map(|(k, src, _)| (k, src))
                .collect(),
            anonymous: case.anonymous,
        },
    })
}

/// How `actor` may see the author of something written by `author` (anonymously or not).
/// One place in the thread as `actor` sees it, with what they may do to it.
fn reply_view(actor: &Actor, case: CaseFacts, item: ThreadItem) -> ReplyView {
    let r = match item {
        ThreadItem::Reply(r) => r,
        ThreadItem::Tombstone { id, created_at } => {
            return ReplyView {
                id,
                author: AuthorView::Anonymous,
                supervisor_feedback: false,
                helpful: false,
                html: SafeHtml::from_cooked(String::new()),
                created_at,
                edited: false,
                can_edit: false,
                can_flag: false,
                can_mark_helpful: false,
                hidden: false,
                deleted: true,
                tombstone: true,
                can_delete: false,
                can_remove: false,
                review: ReviewState::Approved,
            };
        }
    };
    let target = Target::Reply(r.facts(case));
    let may = |action| can(Some(actor), action, target).is_ok();
    ReplyView {
        id: r.id,
        author: author_view_about(
            actor,
            r.author_id,
            &r.author_name,
            r.author_about.as_deref(),
            r.anonymous,
        ),
        supervisor_feedback: r.supervisor_feedback,
        helpful: r.helpful,
        html: SafeHtml::from_cooked(r.html.clone()),
        created_at: r.created_at,
        edited: r.edited,
        can_edit: may(Action::EditReply),
        can_flag: may(Action::Flag),
        can_mark_helpful: may(Action::MarkHelpful),
        hidden: r.hidden,
        deleted: r.deleted,
        tombstone: false,
        can_delete: may(Action::DeleteReply),
        can_remove: may(Action::RemoveReply),
        review: r.review,
    }
}

pub fn author_view(actor: &Actor, author: UserId, name: &str, anonymous: bool) -> AuthorView {
    author_view_about(actor, author, name, None, anonymous)
}

/// [`author_view`] with the author's title and discipline, which only a signed post shows.
pub fn author_view_about(
    actor: &Actor,
    author: UserId,
    name: &str,
    about: Option<&str>,
    anonymous: bool,
) -> AuthorView {
    if !anonymous {
        AuthorView::Member {
            id: author,
            name: name.to_owned(),
            about: about.map(str::to_owned),
        }
    } else if author == actor.user_id {
        AuthorView::You
    } else if can(Some(actor), Action::SeeAnonymousAuthor, Target::Site).is_ok() {
        AuthorView::RevealedAnonymous {
            id: author,
            name: name.to_owned(),
        }
    } else {
        AuthorView::Anonymous
    }
}

pub(super) fn summary(actor: &Actor, r: CaseRow) -> CaseSummary {
    let group = badge(&r);
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
        group,
    }
}

/// The group badge of a case row; `None` for the whole forum.
pub(super) fn badge(r: &CaseRow) -> Option<GroupBadge> {
    r.audience
        .group()
        .zip(r.group_name.clone())
        .map(|(id, name)| GroupBadge { id, name })
}

/// Every stored revision of a case and its replies, for moderators.
pub async fn revisions(
    state: &AppState,
    actor: Option<&Actor>,
    case_id: CaseId,
) -> Result<Vec<RevisionView>, AppError> {
    case_for(state, actor, case_id, Action::ViewRevisions).await?;
    Ok(state
        .store
        .list_revisions(case_id)
        .await?
        .into_iter()
        .map(|(reply_id, editor, at, source)| RevisionView {
            reply_id,
            editor,
            at,
            source,
        })
        .collect())
}
