use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::admin::audit_page;
use crate::model::{AuditEntry, AuditFilterInput};
use crate::ui::notice::{ErrorPanel, Notice};
use crate::ui::time::format_minute;

/// Admins read the audit log: who signed in, changed roles, published or read which case.
/// Filtering is a GET form (it changes nothing); the same filter exports as CSV.
#[component]
pub fn AdminAuditPage() -> impl IntoView {
    let query = use_query_map();
    let filter = query.with_untracked(|q| {
        let get = |k: &str| q.get(k).unwrap_or_default();
        AuditFilterInput {
            action: get("action"),
            actor: get("actor"),
            case: get("case"),
            from: get("from"),
            to: get("to"),
            before: get("before"),
        }
    });
    view! {
        <PageTitle text="Audit log"/>
        <Notice/>
        <Suspense fallback=|| ()>
            {move || {
                let filter = filter.clone();
                Suspend::new(async move {
                    match audit_page(filter.clone()).await {
                        Err(e) => view! {
                            <h1>"Audit log"</h1>
                            <FilterForm filter=filter actions=Vec::new()/>
                            <ErrorPanel error=e/>
                        }.into_any(),
                        Ok(page) => {
                            let export = format!("/admin/audit.csv?{}", query_string(&filter, None));
                            let older = page.older.map(|id| format!("/admin/audit?{}", query_string(&filter, Some(id))));
                            view! {
                                <div class="page-head">
                                    <h1>"Audit log"</h1>
                                    <a class="button secondary" href=export download="caseroom-audit.csv">"Export CSV"</a>
                                </div>
                                <FilterForm filter=filter actions=page.actions.clone()/>
                                <EntryTable entries=page.entries/>
                                {older.map(|href| view! { <p><a class="button secondary" href=href rel="next">"Older entries"</a></p> })}
                            }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// The filter as a query string, with `before` for the next page.
fn query_string(f: &AuditFilterInput, before: Option<i64>) -> String {
    let mut pairs: Vec<(&str, String)> = [
        ("action", &f.action),
        ("actor", &f.actor),
        ("case", &f.case),
        ("from", &f.from),
        ("to", &f.to),
    ]
    .into_iter()
    .filter(|(_, v)| !v.trim().is_empty())
    .map(|(k, v)| (k, v.trim().to_owned()))
    .collect();
    if let Some(b) = before {
        pairs.push(("before", b.to_string()));
    }
    pairs
        .into_iter()
        .map(|(k, v)| format!("{k}={}", crate::ui::html::url_encode(&v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[component]
fn FilterForm(filter: AuditFilterInput, actions: Vec<String>) -> impl IntoView {
    let chosen = filter.action.clone();
    view! {
        <form method="get" action="/admin/audit" class="filters" aria-label="Filter the audit log">
            <label>"Action"
                <select name="action">
                    <option value="">"Any"</option>
                    {actions.into_iter().map(|a| {
                        let selected = a == chosen;
                        view! { <option value=a.clone() selected=selected>{a.replace('_', " ")}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>"Member id"<input name="actor" inputmode="numeric" size="6" value=filter.actor/></label>
            <label>"Case id"<input name="case" inputmode="numeric" size="6" value=filter.case/></label>
            <label>"From"<input type="date" name="from" value=filter.from/></label>
            <label>"To"<input type="date" name="to" value=filter.to/></label>
            <button type="submit" class="secondary">"Filter"</button>
        </form>
    }
    .into_any()
}

#[component]
fn EntryTable(entries: Vec<AuditEntry>) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p class="panel muted">"No entries match this filter."</p> }.into_any();
    }
    let member = |id: Option<i64>, name: Option<String>| match (id, name) {
        (Some(id), Some(name)) => format!("{name} (#{id})"),
        (Some(id), None) => format!("#{id}"),
        (None, _) => "—".to_owned(),
    };
    view! {
        <div class="table-scroll">
            <table class="table audit">
                <caption class="muted">{format!("{} entries, newest first", entries.len())}</caption>
                <thead><tr><th scope="col">"When"</th><th scope="col">"Member"</th><th scope="col">"Action"</th><th scope="col">"About"</th><th scope="col">"Detail"</th></tr></thead>
                <tbody>
                    {entries.into_iter().map(|e| {
                        let about = match (e.case_id, e.target_user_id) {
                            (Some(c), _) => view! { <a href=format!("/cases/{c}")>{format!("case {c}")}</a> }.into_any(),
                            (None, Some(_)) => member(e.target_user_id, e.target_name.clone()).into_any(),
                            (None, None) => "".into_any(),
                        };
                        view! {
                            <tr>
                                <td>{format_minute(e.at)}</td>
                                <td>{member(e.actor_id, e.actor_name.clone())}</td>
                                <td>{e.action.replace('_', " ")}</td>
                                <td>{about}</td>
                                <td>{e.detail.clone()}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
