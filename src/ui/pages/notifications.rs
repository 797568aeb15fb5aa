use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::cases::list_notifications;
use crate::api::groups::get_my_groups;
use crate::ui::notice::ErrorPanel;
use crate::ui::pages::GroupInvitations;
use crate::ui::time::format_date;

/// In-app notifications. They name the case while the reader may see it, never who acted, so
/// anonymity holds here too.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    // `?before=`: an older page; anything else, the newest.
    let before =
        use_query_map().with_untracked(|q| q.get("before").and_then(|b| b.parse::<i64>().ok()));
    view! {
        <PageTitle text="Notifications"/>
        <div class="narrow-wide">
            <h1>"Notifications"</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    // Invitations into groups wait here until answered.
                    get_my_groups().await.ok().map(|mine| view! { <GroupInvitations invitations=mine.invitations/> })
                })}
            </Suspense>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match list_notifications(before).await {
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                        Ok(list) if list.items.is_empty() => view! {
                            <p class="panel muted">{if before.is_some() { "No older notifications." } else { "Nothing new." }}</p>
                            {before.is_some().then(|| view! { <p><a href="/notifications">"Newest"</a></p> })}
                        }.into_any(),
                        Ok(list) => {
                            let unread = list.items.iter().any(|n| !n.read);
                            let back = before.map(|b| b.to_string()).unwrap_or_default();
                            view! {
                                {unread.then(|| view! {
                                    <form method="post" action="/notifications/read"><button type="submit" class="secondary">"Mark all as read"</button></form>
                                })}
                                <ul class="notifications">
                                    {list.items.into_iter().map(|n| view! {
                                        <li class="panel" class:unread=!n.read>
                                            <p>{n.text}</p>
                                            {n.reason.map(|r| view! { <blockquote class="review-reason">{r}</blockquote> })}
                                            {match n.case_title {
                                                Some(title) => view! { <p><a href=format!("/cases/{}", n.case_id)>{title}</a></p> }.into_any(),
                                                None => view! { <p class="muted">"A case you cannot see right now (back in review, or hidden)."</p> }.into_any(),
                                            }}
                                            <p class="muted">{format_date(n.created_at)}</p>
                                            {(!n.read).then(|| view! {
                                                <form method="post" action=format!("/notifications/{}/read", n.id) class="inline">
                                                    <input type="hidden" name="before" value=back.clone()/>
                                                    <button type="submit" class="link">"Mark as read"</button>
                                                </form>
                                            })}
                                        </li>
                                    }).collect_view()}
                                </ul>
                                <nav class="pager" aria-label="Notifications pages">
                                    {before.is_some().then(|| view! { <a href="/notifications">"Newest"</a> })}
                                    {list.older.map(|older| view! { <a href=format!("/notifications?before={older}")>"Older notifications"</a> })}
                                </nav>
                            }.into_any()
                        }
                    }
                })}
            </Suspense>
        </div>
    }
}
