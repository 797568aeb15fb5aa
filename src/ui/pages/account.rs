use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;

use crate::api::accounts::get_current_user;
use crate::domain::password::MIN_PASSWORD_CHARS;
use crate::model::ApiError;
use crate::ui::form_feedback::use_feedback;
use crate::ui::islands::PasswordFields;
use crate::ui::notice::{ErrorPanel, FormError, Notice};

#[component]
pub fn AccountPage() -> impl IntoView {
    let feedback = use_feedback();
    view! {
        <PageTitle text="Your account"/>
        <div class="narrow">
            <Notice/>
            <Suspense fallback=|| ()>
                {move || {
                    let feedback = feedback.clone();
                    Suspend::new(async move {
                        match get_current_user().await {
                            Ok(Some(user)) => view! {
                                <section class="panel">
                                    <h1>"Your account"</h1>
                                    <p>"Signed in as " <strong>{user.display_name.clone()}</strong> "."</p>
                                    <h2>"Change password"</h2>
                                    <p class="muted">"Changing your password signs you out everywhere else."</p>
                                    <FormError error=feedback.error_for(None)/>
                                    <form method="post" action="/account" class="stack">
                                        <label>
                                            "Current password"
                                            <input type="password" name="current" autocomplete="current-password" required/>
                                        </label>
                                        <PasswordFields min=MIN_PASSWORD_CHARS/>
                                        <button type="submit">"Change password"</button>
                                    </form>
                                </section>
                            }.into_any(),
                            Ok(None) => view! { <ErrorPanel error=sign_in_required()/> }.into_any(),
                            Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

fn sign_in_required() -> ApiError {
    ApiError {
        code: "sign_in_required".into(),
        message: "Please sign in to continue.".into(),
        status: 401,
    }
}
