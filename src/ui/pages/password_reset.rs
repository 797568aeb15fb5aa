use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::accounts::check_reset_link;
use crate::ui::form_feedback::use_feedback;
use crate::ui::islands::PasswordFields;
use crate::ui::notice::{ErrorPanel, FormError};

/// Opened from a reset link: `/password/reset?token=…`. Loading it changes nothing; the link is
/// used only when the form is submitted.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let feedback = use_feedback();
    let token = use_query_map().with_untracked(|q| q.get("token").unwrap_or_default());
    view! {
        <PageTitle text="Choose a new password"/>
        <div class="narrow">
            <Suspense fallback=|| ()>
                {move || {
                    let token = token.clone();
                    let feedback = feedback.clone();
                    Suspend::new(async move {
                        match check_reset_link(token.clone()).await {
                            Err(e) => view! {
                                <ErrorPanel error=e/>
                                <p><a href="/password/forgot">"Ask for a new link"</a></p>
                            }.into_any(),
                            Ok(()) => view! {
                                <section class="panel">
                                    <h1>"Choose a new password"</h1>
                                    <p>"Setting it signs you out everywhere; you then sign in with the new one."</p>
                                    <FormError error=feedback.error_for(None)/>
                                    <form method="post" action="/password/reset" class="stack">
                                        <input type="hidden" name="token" value=token.clone()/>
                                        <PasswordFields/>
                                        <button type="submit">"Set new password"</button>
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
