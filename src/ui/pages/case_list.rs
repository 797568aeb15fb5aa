use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::cases::{list_cases, list_drafts};
use crate::model::CaseSummary;
use crate::ui::case::{
    CaseChips, FilterFields, GroupBadgeLink, ReviewBadge, StateBadge, filter_from_query,
    filter_params, query_string,
};
use crate::ui::notice::{ErrorPanel, Notice};
use crate::ui::time::format_date;

/// Every case, newest activity first, with filters (a GET form: filtering changes nothing).
#[component]
pub fn CaseListPage() -> impl IntoView {
    view! { <CaseList mine=false/> }
}

/// The member's own cases.
#[component]
pub fn MyCasesPage() -> impl IntoView {
    view! { <CaseList mine=true/> }
}

#[component]
fn CaseList(mine: bool) -> impl IntoView {
    let query = use_query_map();
    let (filter, cursor) = query.with_untracked(|q| (filter_from_query(q, mine), q.get("cursor")));
    let path = if mine { "/cases/mine" } else { "/cases" };
    let title = if mine { "My cases" } else { "Cases" };
    let next_link = {
        let filter = filter.clone();
        move |c: String| {
            let mut params = filter_params(&filter, mine);
            params.push(("cursor", c));
            format!("{path}?{}", query_string(&params))
        }
    };
    view! {
        <PageTitle text=title/>
        <Notice/>
        <div class="page-head">
            <h1>{title}</h1>
            <a class="button" href="/cases/new">"Bring a case"</a>
        </div>
        {mine.then(|| view! {
            <p><a href="/blind-spots">"My blind spots"</a>": what recurs across your cases, for you alone."</p>
            <DraftList/>
        })}
        <form method="get" action=path class="filters" aria-label="Filter cases">
            <FilterFields filter=filter.clone() mine_page=mine/>
            <button type="submit" class="secondary">"Filter"</button>
        </form>
        <Suspense fallback=|| ()>
            {move || {
                let filter = filter.clone();
                let cursor = cursor.clone();
                let next_link = next_link.clone();
                Suspend::new(async move {
                    match list_cases(filter, cursor).await {
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                        Ok(page) if page.cases.is_empty() => view! {
                            <p class="panel muted">"No cases match. Try fewer filters, or bring the first one."</p>
                        }.into_any(),
                        Ok(page) => view! {
                            <ol class="case-list">
                                {page.cases.into_iter().map(|c| view! { <CaseItem case=c/> }).collect_view()}
                            </ol>
                            {page.next_cursor.map(|c| view! { <p><a class="button secondary" href=next_link(c) rel="next">"Older cases"</a></p> })}
                        }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The member's saved drafts, if any: only they see them, and none is in the review queue.
#[component]
fn DraftList() -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match list_drafts().await {
                    Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                    Ok(drafts) if drafts.is_empty() => ().into_any(),
                    Ok(drafts) => view! {
                        <section class="panel drafts" aria-labelledby="drafts-heading">
                            <h2 id="drafts-heading">"Drafts"</h2>
                            <p class="muted">"Only you can see these. They are not in the review queue until you submit them; a draft not saved for 180 days is deleted."</p>
                            <ul>
                                {drafts.into_iter().map(|d| {
                                    let title = if d.title.is_empty() { "Untitled draft".to_owned() } else { d.title };
                                    view! {
                                        <li>
                                            <a href=format!("/cases/new?draft={}", d.id)>{title.clone()}</a>
                                            <span class="muted">{format!(" saved {} ", format_date(d.saved_at))}</span>
                                            <form method="post" action=format!("/drafts/{}/delete", d.id) class="inline">
                                                <button type="submit" class="link" aria-label=format!("Delete the draft \u{201c}{title}\u{201d}")>"Delete"</button>
                                            </form>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </section>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn CaseItem(case: CaseSummary, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let replies = match case.reply_count {
        0 => "No replies yet".to_owned(),
        1 => "1 reply".to_owned(),
        n => format!("{n} replies"),
    };
    view! {
        <li class="case-item panel">
            <h2><a href=format!("/cases/{}", case.id)>{case.title.clone()}</a></h2>
            <p class="meta">
                <ReviewBadge review=case.review/>
                <StateBadge state=case.state/>
                <GroupBadgeLink group=case.group.clone()/>
                {case.has_supervisor_feedback.then(|| view! { <span class="badge feedback">"Supervisor feedback"</span> })}
                <span>{case.author.label()}</span>
                <span>{replies}</span>
                <span>{format!("Active {}", format_date(case.last_activity_at))}</span>
            </p>
            <CaseChips context=case.context.clone()/>
            {children.map(|c| c())}
        </li>
    }
}
