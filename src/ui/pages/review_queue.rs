use leptos::prelude::*;

use crate::api::review::review_queue;
use crate::model::QueueEntry;
use crate::ui::notice::{ErrorPanel, Notice};
use crate::ui::raw_text::PageTitle;
use crate::ui::time::format_minute;

/// Cases waiting for a moderator, oldest first.
#[component]
pub fn ReviewQueuePage() -> impl IntoView {
    view! {
        <PageTitle text="Review queue"/>
        <div class="narrow-wide">
            <h1>"Review queue"</h1>
            <Notice/>
            <p class="muted">"Nothing here is visible to members. Oldest first; claim a case so other moderators know you are on it."</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match review_queue().await {
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="panel muted">"Nothing is waiting for review."</p> }.into_any(),
                        Ok(list) => view! {
                            <ol class="queue">{list.into_iter().map(|e| view! { <QueueItem entry=e/> }).collect_view()}</ol>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn QueueItem(entry: QueueEntry) -> impl IntoView {
    let kind = if entry.is_edit {
        "Edit of a published case"
    } else {
        "New case"
    };
    let claim = match (entry.claimed_by_me, entry.claimed_by) {
        (true, _) => Some("Claimed by you".to_owned()),
        (false, Some(name)) => Some(format!("Claimed by {name}")),
        _ => None,
    };
    view! {
        <li class="panel queue-item">
            <h2><a href=format!("/review/{}", entry.id)>{entry.title}</a></h2>
            <p class="meta">
                <span>{kind}</span>
                <span>{format!("Submitted {}", format_minute(entry.submitted_at))}</span>
                {claim.map(|c| view! { <strong class="badge">{c}</strong> })}
            </p>
        </li>
    }
}
