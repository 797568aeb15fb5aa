use leptos::prelude::*;

use crate::model::CaseId;
use crate::ui::form_feedback::FormFeedback;
use crate::ui::notice::FormError;

/// Moderators: replace identifying text everywhere this case is stored. Open when a redaction
/// was just refused, so the message and the typed text are in view.
#[component]
pub fn RedactForm(case: CaseId, feedback: FormFeedback, from_review: bool) -> impl IntoView {
    let error = feedback.error_for(Some("redact"));
    let open = error.is_some();
    let chosen = feedback.value("category");
    view! {
        <details class="panel moderation" id="redact" open=open>
            <summary>"Redact identifying text"</summary>
            <p class="muted">"Replaces the text, whatever its letter case, in the title, the sections, the replies and every earlier version, and overwrites the old bytes in the database. This cannot be undone."</p>
            <FormError error=error/>
            <form method="post" action=format!("/cases/{case}/redact") class="stack">
                {from_review.then(|| view! { <input type="hidden" name="from" value="review"/> })}
                <div class="field">
                    <label for="redact-text">"Text to redact"</label>
                    <input id="redact-text" name="text" required minlength="2" maxlength="200" autocomplete="off" value=feedback.value("redact_text")/>
                </div>
                <div class="field">
                    <label for="redact-category">"What it is"</label>
                    <select id="redact-category" name="category">
                        {crate::domain::redaction::CATEGORIES.iter().map(|(key, label)| {
                            let selected = chosen == *key;
                            view! { <option value=*key selected=selected>{*label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit">"Redact everywhere"</button>
            </form>
        </details>
    }
    .into_any()
}
