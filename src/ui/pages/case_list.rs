use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::cases::list_cases;
use crate::domain::case::{AgeBand, Modality, Setting};
use crate::model::{CaseFilter, CaseSummary};
use crate::ui::case::{CaseChips, ReviewBadge, StateBadge};
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
    let (filter, cursor) = query.with_untracked(|q| {
        let flag = |k: &str| q.get(k).is_some_and(|v| v == "1");
        (
            CaseFilter {
                modality: q.get("modality").and_then(|v| Modality::parse(&v).ok()),
                setting: q.get("setting").and_then(|v| Setting::parse(&v).ok()),
                age_band: q.get("age_band").and_then(|v| AgeBand::parse(&v).ok()),
                unanswered: flag("unanswered"),
                mine: mine || flag("mine"),
                supervisor_feedback: flag("feedback"),
            },
            q.get("cursor"),
        )
    });
    let path = if mine { "/cases/mine" } else { "/cases" };
    let title = if mine { "My cases" } else { "Cases" };
    let next_link = {
        let filter = filter.clone();
        move |c: String| {
            let mut params: Vec<String> = Vec::new();
            if let Some(m) = filter.modality {
                params.push(format!("modality={}", m.key()));
            }
            if let Some(s) = filter.setting {
                params.push(format!("setting={}", s.key()));
            }
            if let Some(a) = filter.age_band {
                params.push(format!("age_band={}", a.key()));
            }
            if filter.unanswered {
                params.push("unanswered=1".into());
            }
            if filter.mine && !mine {
                params.push("mine=1".into());
            }
            if filter.supervisor_feedback {
                params.push("feedback=1".into());
            }
            params.push(format!("cursor={c}"));
            format!("{path}?{}", params.join("&"))
        }
    };
    view! {
        <PageTitle text=title/>
        <Notice/>
        <div class="page-head">
            <h1>{title}</h1>
            <a class="button" href="/cases/new">"Bring a case"</a>
        </div>
        <FilterForm filter=filter.clone() path=path mine=mine/>
        <Suspense fallback=|| ()>
            {move || {
                let filter = filter.clone();
                let cursor = cursor.clone();
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

#[component]
fn FilterForm(filter: CaseFilter, path: &'static str, mine: bool) -> impl IntoView {
    fn options<T: Copy + PartialEq>(
        all: &[T],
        chosen: Option<T>,
        key: fn(T) -> &'static str,
        label: fn(T) -> &'static str,
    ) -> impl IntoView {
        all.iter().map(|c| view! { <option value=key(*c) selected=chosen == Some(*c)>{label(*c)}</option> }).collect_view()
    }
    view! {
        <form method="get" action=path class="filters" aria-label="Filter cases">
            <label>"Modality"<select name="modality"><option value="">"Any"</option>{options(Modality::ALL, filter.modality, Modality::key, Modality::label)}</select></label>
            <label>"Setting"<select name="setting"><option value="">"Any"</option>{options(Setting::ALL, filter.setting, Setting::key, Setting::label)}</select></label>
            <label>"Age band"<select name="age_band"><option value="">"Any"</option>{options(AgeBand::ALL, filter.age_band, AgeBand::key, AgeBand::label)}</select></label>
            <label class="check"><input type="checkbox" name="unanswered" value="1" checked=filter.unanswered/>"Unanswered"</label>
            <label class="check"><input type="checkbox" name="feedback" value="1" checked=filter.supervisor_feedback/>"Has supervisor feedback"</label>
            {(!mine).then(|| view! { <label class="check"><input type="checkbox" name="mine" value="1" checked=filter.mine/>"Mine"</label> })}
            <button type="submit" class="secondary">"Filter"</button>
        </form>
    }
}

#[component]
fn CaseItem(case: CaseSummary) -> impl IntoView {
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
                {case.has_supervisor_feedback.then(|| view! { <span class="badge feedback">"Supervisor feedback"</span> })}
                <span>{case.author.label()}</span>
                <span>{replies}</span>
                <span>{format!("Active {}", format_date(case.last_activity_at))}</span>
            </p>
            <CaseChips context=case.context.clone()/>
        </li>
    }
}
