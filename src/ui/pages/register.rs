use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::accounts::get_invite;
use crate::ui::form_feedback::use_feedback;
use crate::ui::islands::PasswordFields;
use crate::ui::notice::{ErrorPanel, FormError};

/// Opened from an invite link: `/register?token=…`. Loading it changes nothing; the invite is
/// used only when the form is submitted.
#[component]
pub fn RegisterPage() -> impl IntoView {
    let feedback = use_feedback();
    let token = use_query_map().with_untracked(|q| q.get("token").unwrap_or_default());
    view! {
        <PageTitle text="Create your account"/>
        <div class="narrow">
            <Suspense fallback=|| ()>
                {move || {
                    let token = token.clone();
                    let feedback = feedback.clone();
                    Suspend::new(async move {
                        match get_invite(token.clone()).await {
                            Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                            Ok(invite) => view! {
                                <section class="panel">
                                    <h1>"Create your account"</h1>
                                    <p>"You were invited to Caseroom as a " <strong>{invite.role.label()}</strong> "."</p>
                                    <FormError error=feedback.error_for(None)/>
                                    <form method="post" action="/register" class="stack">
                                        <input type="hidden" name="token" value=token.clone()/>
                                        <label>
                                            "Email"
                                            <input type="email" value=invite.email.clone() readonly aria-readonly="true" autocomplete="username"/>
                                        </label>
                                        <label>
                                            "Your name, as other members will see it"
                                            <input type="text" name="display_name" required minlength="2" maxlength="60" autocomplete="name" value=feedback.value("display_name")/>
                                        </label>
                                        <PasswordFields/>
                                        <button type="submit">"Create account"</button>
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
