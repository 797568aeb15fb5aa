use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::review::get_reply_review;
use crate::model::{ReplyId, ReplyReviewView};
use crate::ui::case::{ReviewBadge, ScanReport};
use crate::ui::form_feedback::{FormFeedback, use_feedback};
use crate::ui::notice::ErrorPanel;
use crate::ui::raw_text::PageTitle;
use crate::ui::review::{ApproveForm, DeclineForm};

/// A reply held at the reply gate: its text with the scanner's findings, and the decision.
#[component]
pub fn ReplyReviewPage() -> impl IntoView {
    let feedback = use_feedback();
    let id = use_params_map()
        .with_untracked(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    view! {
        <PageTitle text="Review a reply"/>
        <Suspense fallback=|| ()>
            {move || {
                let feedback = feedback.clone();
                Suspend::new(async move {
                    match get_reply_review(ReplyId(id)).await {
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                        Ok(reply) => view! { <ReplyReviewBody reply=reply feedback=feedback/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn ReplyReviewBody(reply: ReplyReviewView, feedback: FormFeedback) -> impl IntoView {
    let action = format!("/review/replies/{}/decide", reply.id);
    let decision = if reply.can_decide {
        view! {
            <ApproveForm action=action.clone() revision=reply.revision feedback=feedback.clone()/>
            <DeclineForm action=action revision=reply.revision feedback=feedback returnable=false/>
        }
        .into_any()
    } else {
        let why = if reply.own {
            "This is your own reply: another moderator reviews it."
        } else {
            "This reply is not waiting for review."
        };
        view! { <p class="panel muted">{why}</p> }.into_any()
    };
    view! {
        <p><a href="/review">"Back to the queue"</a></p>
        <h1>"A reply waiting for review"</h1>
        <p class="meta">
            <ReviewBadge review=reply.review/>
            <span>{format!("By {}", reply.author.label())}</span>
            <span>"In "<a href=format!("/cases/{}", reply.case)>{reply.case_title.clone()}</a></span>
        </p>
        <ScanReport scans=reply.scans.clone() explain=false/>
        <article class="reply panel"><div class="prose" inner_html=reply.html.into_string()></div></article>
        {decision}
    }
}
