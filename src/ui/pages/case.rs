use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::cases::get_case;
use crate::domain::case::{CaseState, TextLimit};
use crate::domain::review::{Reason, ReviewState};
use crate::model::{ApiError, CaseId, CaseView, LockView, ReplyId, ReplyPageRequest};
use crate::ui::case::{
    CaseChips, FlagForm, GroupBadgeLink, RedactForm, RetentionPanel, ReviewBadge, StateBadge,
    reply_cards_html,
};
use crate::ui::form_feedback::{FormFeedback, use_feedback};
use crate::ui::notice::{ErrorPanel, FormError, KeptText, Notice};
use crate::ui::raw_text::TextArea;
use crate::ui::time::format_date;

/// A case: its sections, follow-up, replies and the forms its reader may use.
#[component]
pub fn CasePage() -> impl IntoView {
    let feedback = use_feedback();
    let id = use_params_map()
        .with_untracked(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    let at = use_query_map().with_untracked(|q| reply_page_request(q.get("page"), q.get("reply")));
    view! {
        <Notice/>
        <Suspense fallback=|| ()>
            {move || {
                let feedback = feedback.clone();
                let at = at.clone();
                Suspend::new(async move {
                    let case = match at {
                        Ok(at) => get_case(CaseId(id), at).await,
                        Err(e) => Err(e),
                    };
                    match case {
                        Err(e) => view! { <PageTitle text="Case"/><ErrorPanel error=e/> }.into_any(),
                        Ok(case) => view! { <CaseBody case=case feedback=feedback/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// `?page=` and `?reply=` as typed: a number, or a clear refusal (a reply id that is not a
/// number is refused too, rather than quietly showing the first page).
fn reply_page_request(
    page: Option<String>,
    reply: Option<String>,
) -> Result<ReplyPageRequest, ApiError> {
    let bad = |what: &str| ApiError {
        code: "bad_request".into(),
        message: format!("That {what} is not valid: it should be a whole number, like 2."),
        status: 400,
    };
    let page = page
        .filter(|p| !p.is_empty())
        .map(|p| p.parse::<u32>().map_err(|_| bad("page of replies")))
        .transpose()?;
    let reply = reply
        .filter(|r| !r.is_empty())
        .map(|r| {
            r.parse::<i64>()
                .map(ReplyId)
                .map_err(|_| bad("reply number"))
        })
        .transpose()?;
    Ok(ReplyPageRequest { page, reply })
}

#[component]
fn CaseBody(case: CaseView, feedback: FormFeedback) -> impl IntoView {
    let id = case.id;
    let perms = case.permissions.clone();
    let has_follow_up = case.follow_up.is_some();
    let locked = case.lock.is_some();
    let header = view! {
        <PageTitle text=case.title.clone()/>
        <article class="case">
            <header class="case-head">
                <h1>{case.title.clone()}</h1>
                <p class="meta">
                    <StateBadge state=case.state/>
                    <GroupBadgeLink group=case.group.clone()/>
                    {locked.then(|| view! { <span class="state state-locked">"Locked"</span> })}
                    <span>{format!("By {}", case.author.label())}</span>
                    {case.author.about().map(|a| view! { <span class="credentials">{a.to_owned()}</span> })}
                    <span>{format_date(case.created_at)}</span>
                    {case.edited.then(|| view! { <span class="edited">"edited"</span> })}
                    {case.supervisor_name.clone().map(|n| view! { <span>{format!("Supervisor of record: {n}")}</span> })}
                </p>
                <CaseChips context=case.context.clone()/>
                <ReviewStatus case=id review=case.review reason=case.review_reason.clone() moderator=perms.review/>
                <StateStatus state=case.state lock=case.lock.clone()/>
                <p class="case-actions">
                    {perms.edit.then(|| view! { <a href=format!("/cases/{id}/edit")>"Edit case"</a> })}
                    {perms.follow_up.then(|| {
                        let label = if has_follow_up { "Update the follow-up" } else { "Share what happened next" };
                        view! { <a href=format!("/cases/{id}/follow-up")>{label}</a> }
                    })}
                    {perms.see_revisions.then(|| view! { <a href=format!("/cases/{id}/revisions")>"Revisions"</a> })}
                </p>
                {perms.watch.then(|| view! { <WatchForm case=id watching=case.watching feedback=feedback.clone()/> })}
            </header>
            {case.sections.into_iter().map(|s| view! {
                <section class="case-section">
                    <h2>{s.label}</h2>
                    <div class="prose" inner_html=s.html.into_string()></div>
                </section>
            }).collect_view()}
            {case.follow_up.map(|html| view! {
                <section class="case-section follow-up" id="follow-up">
                    <h2>"What happened next"</h2>
                    <div class="prose" inner_html=html.into_string()></div>
                </section>
            })}
        </article>
    }
    .into_any();
    let replies = view! {
        <FormError error=feedback.error_for(Some("delete-reply"))/>
        <section class="replies" aria-labelledby="replies-heading" inner_html=reply_cards_html(id, &case.replies, case.pages)></section>
    }
    .into_any();
    let forms = view! {
        {if perms.reply {
            view! { <ReplyForm case=id feedback=feedback.clone()/> }.into_any()
        } else {
            // A reply refused because the case was closed or locked meanwhile: the message,
            // and the typed text to copy.
            view! {
                <FormError error=feedback.error_for(Some("reply"))/>
                <KeptText feedback=feedback.clone() fields=vec![("body", "Your reply")]/>
            }
            .into_any()
        }}
        {(perms.close || perms.reopen).then(|| view! { <CloseForm case=id close=perms.close feedback=feedback.clone()/> })}
        {if perms.withdraw {
            view! { <WithdrawForm case=id feedback=feedback.clone()/> }.into_any()
        } else {
            // Refused because the case was published before: the reason, without the form.
            view! { <FormError error=feedback.error_for(Some("withdraw"))/> }.into_any()
        }}
        {perms.lock.then(|| view! { <LockForm case=id locked=locked feedback=feedback.clone()/> })}
        {case.retention.clone().map(|r| view! { <RetentionPanel case=id retention=r feedback=feedback.clone()/> })}
        {perms.flag.then(|| {
            let error = feedback.error_for(Some("flag"));
            view! { <FlagForm action=format!("/cases/{id}/flag") case=id.0 key="case".to_owned() summary="Flag this case" error=error/> }
        })}
        {perms.redact.then(|| view! { <RedactForm case=id feedback=feedback.clone() from_review=false/> })}
    }
    .into_any();
    view! { {header} {replies} {forms} }
}

/// For a case not yet published: where it stands, and the moderator's reason when there is one.
#[component]
fn ReviewStatus(
    case: CaseId,
    review: ReviewState,
    reason: Option<String>,
    moderator: bool,
) -> impl IntoView {
    let text = match review {
        ReviewState::Approved => return None,
        ReviewState::Pending => {
            "Waiting for a moderator's review. Only its author and the moderators can see this case."
        }
        ReviewState::Returned => {
            "A moderator returned this case for changes. Edit it and submit it again; members see it once it is approved."
        }
        ReviewState::Rejected => "A moderator decided not to publish this case.",
    };
    Some(view! {
        <div class="panel review-status" role="status">
            <p><ReviewBadge review=review/>" "{text}</p>
            {reason.map(|r| view! { <blockquote class="review-reason">{r}</blockquote> })}
            {moderator.then(|| view! { <p><a href=format!("/review/{case}")>"Open the review page"</a></p> })}
        </div>
    })
}

/// A closed or locked case says so, and why a form is missing. The lock's reason is only
/// sent to the author and moderators.
#[component]
fn StateStatus(state: CaseState, lock: Option<LockView>) -> impl IntoView {
    let closed = (state == CaseState::Closed).then(|| {
        view! { <p class="panel" role="status">"Its author closed this case: it takes no new replies or follow-ups."</p> }
    });
    let locked = lock.map(|l| {
        view! {
            <div class="panel review-status" role="status">
                <p>"A moderator locked this case: members cannot reply to it or change it for now."</p>
                {l.reason.map(|r| view! { <blockquote class="review-reason">{r}</blockquote> })}
            </div>
        }
    });
    view! { {closed} {locked} }
}

#[component]
fn ReplyForm(case: CaseId, feedback: FormFeedback) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="reply-heading">
            <h2 id="reply-heading">"Your reply"</h2>
            <FormError error=feedback.error_for(Some("reply"))/>
            <form method="post" action=format!("/cases/{case}/replies") class="stack">
                <div class="field">
                    <label for="reply-body">"Reply"</label>
                    <p class="help" id="reply-help">"Markdown. Keep it de-identified too."</p>
                    <TextArea name="body" id="reply-body" describedby="reply-help" rows=6 required=true maxlength=TextLimit::REPLY.max value=feedback.value("body")/>
                </div>
                <button type="submit">"Post reply"</button>
            </form>
        </section>
    }
}

/// The author closes the case to new replies (or opens it again).
#[component]
fn CloseForm(case: CaseId, close: bool, feedback: FormFeedback) -> impl IntoView {
    let (action, label) = if close {
        ("close", "Close the case")
    } else {
        ("reopen", "Open the case again")
    };
    view! {
        <section class="panel" aria-label="Close or reopen">
            <FormError error=feedback.error_for(Some("close"))/>
            <form method="post" action=format!("/cases/{case}/{action}") class="inline">
                <button type="submit" class="secondary">{label}</button>
            </form>
            {close.then(|| view! { <p class="muted">"A closed case takes no new replies or follow-ups. You can open it again."</p> })}
        </section>
    }
}

/// Watch the case (be told of its new replies), or stop: a plain form.
#[component]
fn WatchForm(case: CaseId, watching: bool, feedback: FormFeedback) -> impl IntoView {
    let (value, label, status) = if watching {
        (
            "no",
            "Stop watching",
            "You are watching this case: you are told of its new replies.",
        )
    } else {
        ("yes", "Watch this case", "You are not watching this case.")
    };
    view! {
        <div class="watch">
            <FormError error=feedback.error_for(Some("watch"))/>
            <form method="post" action=format!("/cases/{case}/watch") class="inline">
                <input type="hidden" name="watch" value=value/>
                <span class="muted">{status}" "</span>
                <button type="submit" class="secondary">{label}</button>
            </form>
        </div>
    }
}

/// The author takes back a case nobody but the moderators has read: it is deleted.
#[component]
fn WithdrawForm(case: CaseId, feedback: FormFeedback) -> impl IntoView {
    view! {
        <section class="panel" id="withdraw" aria-labelledby="withdraw-heading">
            <h2 id="withdraw-heading">"Withdraw this case"</h2>
            <FormError error=feedback.error_for(Some("withdraw"))/>
            <form method="post" action=format!("/cases/{case}/withdraw") class="stack">
                <label class="check">
                    <input type="checkbox" name="confirm" value="yes" required/>
                    "Delete it from the review queue. It has not been published, and it cannot be brought back."
                </label>
                <button type="submit" class="secondary">"Withdraw the case"</button>
            </form>
        </section>
    }
}

/// Moderators lock a case (no member replies to it or changes it) or unlock it, with a reason
/// the author sees.
#[component]
fn LockForm(case: CaseId, locked: bool, feedback: FormFeedback) -> impl IntoView {
    let error = feedback.error_for(Some("lock"));
    let open = error.is_some();
    let (summary, button) = if locked {
        ("Unlock this case", "Unlock")
    } else {
        ("Lock this case", "Lock")
    };
    view! {
        <details class="panel moderation" id="lock" open=open>
            <summary>{summary}</summary>
            <FormError error=error/>
            <form method="post" action=format!("/cases/{case}/lock") class="stack">
                <input type="hidden" name="lock" value=if locked { "false" } else { "true" }/>
                <div class="field">
                    <label for="lock-reason">"Reason (the author sees it)"</label>
                    <TextArea name="reason" id="lock-reason" rows=2 required=true maxlength=Reason::MAX value=feedback.value("lock_reason")/>
                </div>
                <button type="submit">{button}</button>
            </form>
        </details>
    }
}
