use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::ui::form_feedback::use_feedback;
use crate::ui::notice::{FormError, Notice};

#[component]
pub fn LoginPage() -> impl IntoView {
    let feedback = use_feedback();
    let next = use_query_map().with_untracked(|q| q.get("next").unwrap_or_default());
    view! {
        <PageTitle text="Sign in"/>
        <div class="narrow">
            <Notice/>
            <section class="panel">
                <h1>"Sign in"</h1>
                <FormError error=feedback.error_for(None)/>
                <form method="post" action="/login" class="stack">
                    <input type="hidden" name="next" value=next/>
                    <label>
                        "Email"
                        <input type="email" name="email" autocomplete="username" required value=feedback.value("email")/>
                    </label>
                    <label>
                        "Password"
                        <input type="password" name="password" autocomplete="current-password" required/>
                    </label>
                    <button type="submit">"Sign in"</button>
                </form>
                <p><a href="/password/forgot">"Forgot your password?"</a></p>
                <p class="muted">"Membership is by invitation from an admin. For your clients' privacy you are signed out automatically after a period without activity."</p>
            </section>
        </div>
    }
}
