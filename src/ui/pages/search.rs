use futures::FutureExt as _;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::search::search_cases;
use crate::model::{CaseFilter, SearchResult, SearchResults};
use crate::ui::case::{FilterFields, filter_from_query, filter_params, query_string};
use crate::ui::notice::ErrorPanel;
use crate::ui::pages::case_list::CaseItem;
use crate::ui::raw_text::PageTitle;

/// Search over the published text of the cases and replies the member may see: a GET form,
/// so it works without JavaScript and changes nothing.
#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let (q, filter, page) = query.with_untracked(|p| {
        let page = match p.get("page") {
            None => 1,
            // A page number that is not a number is a page that does not exist (the service
            // says so).
            Some(v) => v.trim().parse::<i64>().unwrap_or(0),
        };
        (
            p.get("q").unwrap_or_default(),
            filter_from_query(p, false),
            page,
        )
    });
    let box_value = q.clone();
    let filters = filter.clone();
    // Leptos renders a Suspense's children more than once on the server (three times, measured
    // by the statements a request ran), and each render would start the search again: the
    // search runs once, and every render awaits the same answer.
    let found = search_cases(q.clone(), filter.clone(), page).shared();
    view! {
        <PageTitle text="Search"/>
        <h1>"Search"</h1>
        <form method="get" action="/search" role="search" aria-label="Search cases">
            <div class="search-box">
                <label>"Words from the case or its replies"
                    <input type="search" name="q" value=box_value maxlength="200" autocomplete="off"/>
                </label>
                <button type="submit">"Search"</button>
            </div>
            <p class="muted">
                "Every word must appear. Use quotes for a phrase (\"cancelled session\"), a star for the start of a word (adolesc*), and a minus to leave a word out (-divorce)."
            </p>
            <details class="filters-more" open=filter != CaseFilter::default()>
                <summary>"Filters"</summary>
                <div class="filters"><FilterFields filter=filters mine_page=false/></div>
            </details>
        </form>
        <Suspense fallback=|| ()>
            {move || {
                let q = q.clone();
                let filter = filter.clone();
                let found = found.clone();
                Suspend::new(async move {
                    match found.await {
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                        Ok(found) if found.page == 0 => view! {
                            <p class="panel muted">"Type a few words from the kind of case you are looking for: a presenting concern, what was tried, where you feel stuck."</p>
                        }.into_any(),
                        Ok(found) => view! { <Results found=found q=q filter=filter/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Results(found: SearchResults, q: String, filter: CaseFilter) -> impl IntoView {
    if found.results.is_empty() {
        let text = if found.total == 0 {
            "No published case matches. Try fewer or different words, or fewer filters.".to_owned()
        } else {
            format!(
                "There are no results on this page; the {} results end sooner.",
                found.total
            )
        };
        return view! { <p class="panel muted">{text}</p> }.into_any();
    }
    let count = match found.total {
        1 => "1 case matches.".to_owned(),
        n if n > 1_000 => "More than 1,000 cases match.".to_owned(),
        n => format!("{n} cases match."),
    };
    let link = move |page: i64| {
        let mut params = vec![("q", q.clone())];
        params.extend(filter_params(&filter, false));
        params.push(("page", page.to_string()));
        format!("/search?{}", query_string(&params))
    };
    // Said whenever the rank window was full, so a member knows older cases can be reached.
    let window = found.ranked_among.map(|n| {
        format!(
            "Results are ranked among the newest {} matching cases; add a word or a filter to reach older ones.",
            thousands(n)
        )
    });
    let previous = (found.page > 1).then(|| link(found.page - 1));
    let next = (found.page < found.pages).then(|| link(found.page + 1));
    view! {
        <p role="status">{count}" "{format!("Page {} of {}.", found.page, found.pages)}</p>
        {window.map(|w| view! { <p class="muted">{w}</p> })}
        <ol class="case-list">
            {found.results.into_iter().map(|r| view! { <ResultItem result=r/> }).collect_view()}
        </ol>
        <nav class="pager" aria-label="Result pages">
            {previous.map(|href| view! { <a class="button secondary" href=href rel="prev">"Previous page"</a> })}
            {next.map(|href| view! { <a class="button secondary" href=href rel="next">"Next page"</a> })}
        </nav>
    }
    .into_any()
}

#[component]
fn ResultItem(result: SearchResult) -> impl IntoView {
    let SearchResult {
        case,
        href,
        in_reply,
        snippet,
        cut_before,
        cut_after,
    } = result;
    // Where the words were, as a link there: the case, or the reply that holds more of them.
    let source = if in_reply {
        "In a reply"
    } else {
        "In the case"
    };
    view! {
        <CaseItem case=case>
            <p class="snippet">
                <a href=href>{source}</a>": "
                {cut_before.then_some("… ")}
                {snippet.into_iter().map(|(text, hit)| if hit {
                    view! { <mark>{text}</mark> }.into_any()
                } else {
                    text.into_any()
                }).collect_view()}
                {cut_after.then_some(" …")}
            </p>
        </CaseItem>
    }
}

/// 2000 → "2,000".
fn thousands(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}
