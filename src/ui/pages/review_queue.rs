use leptos::prelude::*;

use crate::api::review::get_review_queue;
use crate::model::{QueueEntry, reply_href};
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
                    match get_review_queue().await {
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                        Ok(queue) => {
                            let cases = if queue.cases.is_empty() {
                                view! { <p class="panel muted">"No case is waiting for review."</p> }.into_any()
                            } else {
                                view! {
                                    <ol class="queue">{queue.cases.into_iter().map(|e| view! { <QueueItem entry=e/> }).collect_view()}</ol>
                                }.into_any()
                            };
                            let held = (!queue.pending_replies.is_empty()).then(|| view! {
                                <h2>"Replies waiting for review"</h2>
                                <ol class="queue">
                                    {queue.pending_replies.into_iter().map(|r| view! {
                                        <li class="panel queue-item">
                                            <a href=format!("/review/replies/{}", r.reply)>{format!("A reply in \u{201c}{}\u{201d}", r.case_title)}</a>
                                            <span class="muted">{format!(" Submitted {}", format_minute(r.submitted_at))}</span>
                                        </li>
                                    }).collect_view()}
                                </ol>
                            });
                            let replies = (!queue.hidden_replies.is_empty()).then(|| view! {
                                <h2>"Replies hidden after flags"</h2>
                                <ul class="queue">
                                    {queue.hidden_replies.into_iter().map(|r| view! {
                                        <li class="panel queue-item">
                                            <a href=reply_href(r.case, r.reply)>{format!("A reply in \u{201c}{}\u{201d}", r.case_title)}</a>
                                            <span class="muted">{format!(" Hidden {}", format_minute(r.hidden_at))}</span>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            });
                            view! { {cases} {held} {replies} }.into_any()
                        }
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn QueueItem(entry: QueueEntry) -> impl IntoView {
    let kind = match (entry.flags, entry.is_edit) {
        (0, true) => "Edit of a published case".to_owned(),
        (0, false) => "New case".to_owned(),
        (n, _) => format!("Flagged by {n} as possibly identifying"),
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
