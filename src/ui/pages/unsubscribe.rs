use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::accounts::get_unsubscribe;
use crate::ui::form_feedback::use_feedback;
use crate::ui::notice::{ErrorPanel, FormError, Notice};

/// Opened from the link at the foot of a message: says what it would stop and asks to confirm.
/// Loading it changes nothing (mail programs and scanners open links); the button does.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let feedback = use_feedback();
    let (u, k, s, done) = use_query_map().with_untracked(|q| {
        (
            q.get("u").unwrap_or_default(),
            q.get("k").unwrap_or_default(),
            q.get("s").unwrap_or_default(),
            q.get("notice").as_deref() == Some("unsubscribed"),
        )
    });
    view! {
        <PageTitle text="Stop emails"/>
        <div class="narrow">
            <Suspense fallback=|| ()>
                {move || {
                    let (u, k, s) = (u.clone(), k.clone(), s.clone());
                    let feedback = feedback.clone();
                    Suspend::new(async move {
                        match get_unsubscribe(u.clone(), k.clone(), s.clone()).await {
                            Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                            Ok(view) if done || view.already_stopped => view! {
                                <section class="panel">
                                    <h1>"Stopped"</h1>
                                    {done.then(|| view! { <Notice/> })}
                                    <p>{format!("You no longer get emails about {}. They still appear on your notifications page.", view.what)}</p>
                                    <p><a href="/account#email">"Choose what you get by email"</a>" (after signing in)."</p>
                                </section>
                            }.into_any(),
                            Ok(view) => view! {
                                <section class="panel">
                                    <h1>"Stop these emails?"</h1>
                                    <p>{format!("You will no longer get emails about {}. They still appear on your notifications page, and you can turn them back on from your account page.", view.what)}</p>
                                    <FormError error=feedback.error_for(None)/>
                                    <form method="post" action="/unsubscribe" class="stack">
                                        <input type="hidden" name="u" value=u.clone()/>
                                        <input type="hidden" name="k" value=k.clone()/>
                                        <input type="hidden" name="s" value=s.clone()/>
                                        <button type="submit">"Stop these emails"</button>
                                    </form>
                                </section>
                            }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}
