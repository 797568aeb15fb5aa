use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;

use crate::api::admin::list_failed_mail;
use crate::ui::notice::ErrorPanel;
use crate::ui::time::format_minute;

/// Admins see the email that could not be sent (docs/EMAIL.md): each message's kind, when it
/// failed and what the SMTP server said; never its address or its link.
#[component]
pub fn AdminOutboxPage() -> impl IntoView {
    view! {
        <PageTitle text="Email that could not be sent"/>
        <h1>"Email that could not be sent"</h1>
        <p class="lead">"Messages the mail server refused for good, or that could not be sent after every retry. The site shows members everything these messages pointed to."</p>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match list_failed_mail().await {
                    Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="panel muted">"Nothing has failed."</p> }.into_any(),
                    Ok(list) => view! {
                        <table class="data">
                            <thead><tr><th scope="col">"Message"</th><th scope="col">"Kind"</th><th scope="col">"Failed"</th><th scope="col">"Attempts"</th><th scope="col">"The mail server said"</th></tr></thead>
                            <tbody>
                                {list.into_iter().map(|m| view! {
                                    <tr>
                                        <td>{m.id}</td>
                                        <td>{m.kind}</td>
                                        <td>{format_minute(m.failed_at)}</td>
                                        <td>{m.attempts}</td>
                                        <td>{m.last_error}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
