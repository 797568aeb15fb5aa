use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::cases::list_revisions;
use crate::model::CaseId;
use crate::ui::notice::ErrorPanel;
use crate::ui::time::format_date;

/// Every stored version of a case and its replies, for moderators and admins.
#[component]
pub fn RevisionsPage() -> impl IntoView {
    let id = use_params_map()
        .with_untracked(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    view! {
        <PageTitle text="Revisions"/>
        <h1>"Revisions"</h1>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match list_revisions(CaseId(id)).await {
                    Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                    Ok(list) => view! {
                        <p><a href=format!("/cases/{id}")>"Back to the case"</a></p>
                        <ol class="revisions">
                            {list.into_iter().map(|r| {
                                let what = match r.reply_id { Some(rid) => format!("Reply {rid}"), None => "Case".to_owned() };
                                view! {
                                    <li class="panel">
                                        <p class="meta"><strong>{what}</strong><span>{r.editor}</span><span>{format_date(r.at)}</span></p>
                                        <pre class="source">{r.source}</pre>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
