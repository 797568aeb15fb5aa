use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::review::get_review;
use crate::model::ReviewView;
use crate::ui::case::{
    CaseChips, CombinationNotice, NoticeReader, RedactForm, ReviewBadge, ScanReport,
};
use crate::ui::form_feedback::{FormFeedback, use_feedback};
use crate::ui::notice::{ErrorPanel, Notice};
use crate::ui::raw_text::PageTitle;
use crate::ui::review::{AuthorAnswers, DecisionForms, DiffView, FindingRedactions};
use crate::ui::time::format_minute;

/// One case under review: the text with the scanner's findings, the author's checklist and
/// explanations, the difference from the approved version, and the moderator's decision.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let feedback = use_feedback();
    let id = use_params_map()
        .with_untracked(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    view! {
        <Notice/>
        <Suspense fallback=|| ()>
            {move || {
                let feedback = feedback.clone();
                Suspend::new(async move {
                    match get_review(crate::model::CaseId(id)).await {
                        Err(e) => view! { <PageTitle text="Review"/><ErrorPanel error=e/> }.into_any(),
                        Ok(review) => view! { <ReviewBody review=review feedback=feedback/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn ReviewBody(review: ReviewView, feedback: FormFeedback) -> impl IntoView {
    let id = review.id;
    let history = review.history.clone();
    let head = view! {
        <PageTitle text=format!("Review: {}", review.title)/>
        <p class="case-actions">
            <a href="/review">"Back to the queue"</a>
            {review.can_decide.then(|| view! { <a href=format!("/cases/{id}/edit")>"Edit the text"</a> })}
        </p>
        <header class="case-head">
            <h1>{review.title.clone()}</h1>
            <p class="meta">
                <ReviewBadge review=review.review/>
                <span>{format!("By {}", review.author.label())}</span>
                <span>{format!("Submitted {}", format_minute(review.submitted_at))}</span>
                {match review.group.clone() {
                    Some(g) => view! { <span class="badge group">{format!("For the group \u{201c}{}\u{201d} only", g.name)}</span> }.into_any(),
                    None => view! { <span>"For the whole forum"</span> }.into_any(),
                }}
            </p>
            <CaseChips context=review.context.clone()/>
        </header>
    }
    .into_any();
    let scans = review.scans.clone();
    let combination = review
        .combination
        .clone()
        .map(|risk| view! { <CombinationNotice risk=risk reader=NoticeReader::Moderator/> });
    let body = view! {
        {combination}
        <ScanReport scans=scans.clone() explain=false/>
        <FindingRedactions case=id scans=scans/>
        <AuthorAnswers checklist=review.checklist.clone() explanations=review.explanations.clone()/>
        <DiffView diff=review.diff.clone()/>
        <article class="case">
            {review.sections.clone().into_iter().map(|s| view! {
                <section class="case-section">
                    <h2>{s.label}</h2>
                    <div class="prose" inner_html=s.html.into_string()></div>
                </section>
            }).collect_view()}
        </article>
    }
    .into_any();
    let past = (!history.is_empty()).then(|| {
        view! {
            <section class="panel" aria-labelledby="history-heading">
                <h2 id="history-heading">"Earlier decisions"</h2>
                <ul>
                    {history.into_iter().map(|h| view! {
                        <li>
                            <p class="meta"><span>{h.decision.label()}</span><span>{h.moderator}</span><span>{format_minute(h.at)}</span></p>
                            {(!h.reason.is_empty()).then(|| view! { <blockquote class="review-reason">{h.reason.clone()}</blockquote> })}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    });
    let flags = (!review.flags.is_empty()).then(|| {
        view! {
            <section class="panel flags" aria-labelledby="flags-heading">
                <h2 id="flags-heading">"Readers' flags"</h2>
                <ul>
                    {review.flags.clone().into_iter().map(|f| view! {
                        <li>
                            <strong>{f.label}</strong>{format!(" ({})", f.members)}
                            {f.notes.into_iter().map(|n| view! { <blockquote>{n}</blockquote> }).collect_view()}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    });
    view! {
        {head}
        {flags}
        {body}
        {past}
        <RedactForm case=id feedback=feedback.clone() from_review=true/>
        <DecisionForms review=review feedback=feedback/>
    }
}
