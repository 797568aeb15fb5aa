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

/// The code after the password, for a member with two-factor sign-in. The sign-in's token
/// comes with the form (from the password's answer), never in the address.
#[component]
pub fn TwoFactorLoginPage() -> impl IntoView {
    let feedback = use_feedback();
    let challenge = feedback.value("challenge");
    view! {
        <PageTitle text="Two-factor sign-in"/>
        <div class="narrow">
            <section class="panel">
                <h1>"Two-factor sign-in"</h1>
                <FormError error=feedback.error_for(None)/>
                {if challenge.is_empty() {
                    view! { <p>"Sign in with your email and password first: "<a href="/login">"sign in"</a>"."</p> }.into_any()
                } else {
                    view! {
                        <form method="post" action="/login/two-factor" class="stack">
                            <input type="hidden" name="challenge" value=challenge/>
                            <label>
                                "Code"
                                <input type="text" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="20" aria-describedby="code-help"/>
                            </label>
                            <p class="help" id="code-help">"The six digits your authenticator app shows for Caseroom. Lost your phone? Type one of your recovery codes instead."</p>
                            <button type="submit">"Sign in"</button>
                        </form>
                    }.into_any()
                }}
            </section>
        </div>
    }
}
