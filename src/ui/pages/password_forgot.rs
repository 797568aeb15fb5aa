use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;

use crate::api::accounts::can_email_reset_links;
use crate::ui::form_feedback::use_feedback;
use crate::ui::notice::{ErrorPanel, FormError, Notice};

/// "Forgot your password?": asks for an address and emails a reset link when an active account
/// uses it. The answer is the same either way, so the page cannot be used to learn who is a
/// member.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let feedback = use_feedback();
    view! {
        <PageTitle text="Reset your password"/>
        <div class="narrow">
            <Notice/>
            <Suspense fallback=|| ()>
                {move || {
                    let feedback = feedback.clone();
                    Suspend::new(async move {
                        match can_email_reset_links().await {
                            Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                            Ok(false) => view! {
                                <section class="panel">
                                    <h1>"Reset your password"</h1>
                                    <p>"This site does not send email. Ask an admin for a reset link: they can make one for you from the member list. It works once, for 30 minutes."</p>
                                    <p><a href="/login">"Back to sign in"</a></p>
                                </section>
                            }.into_any(),
                            Ok(true) => view! {
                                <section class="panel">
                                    <h1>"Reset your password"</h1>
                                    <p>"Enter the address you sign in with. If an account uses it, we email a link that sets a new password. The link works once, for 30 minutes."</p>
                                    <FormError error=feedback.error_for(None)/>
                                    <form method="post" action="/password/forgot" class="stack">
                                        <label>
                                            "Email"
                                            <input type="email" name="email" autocomplete="username" required value=feedback.value("email")/>
                                        </label>
                                        <button type="submit">"Email me a reset link"</button>
                                    </form>
                                    <p><a href="/login">"Back to sign in"</a></p>
                                </section>
                            }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}
