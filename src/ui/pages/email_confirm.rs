use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::accounts::get_email_change;
use crate::ui::form_feedback::use_feedback;
use crate::ui::notice::{ErrorPanel, FormError};

/// The new address's confirmation link: what it would set, and a button (a GET changes nothing).
#[component]
pub fn EmailConfirmPage() -> impl IntoView {
    let feedback = use_feedback();
    let token = use_query_map().with_untracked(|q| q.get("token").unwrap_or_default());
    view! {
        <PageTitle text="Confirm your new email"/>
        <div class="narrow">
            <section class="panel">
                <h1>"Confirm your new email"</h1>
                <FormError error=feedback.error_for(None)/>
                <Suspense fallback=|| ()>
                    {move || {
                        let token = token.clone();
                        Suspend::new(async move {
                            match get_email_change(token.clone()).await {
                                Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                                Ok(email) => view! {
                                    <p>"Use "<strong>{email}</strong>" to sign in to Caseroom and for its messages?"</p>
                                    <form method="post" action="/account/email/confirm" class="stack">
                                        <input type="hidden" name="token" value=token/>
                                        <button type="submit">"Confirm the new email"</button>
                                    </form>
                                }.into_any(),
                            }
                        })
                    }}
                </Suspense>
            </section>
        </div>
    }
}
