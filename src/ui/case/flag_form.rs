use leptos::prelude::*;

use crate::domain::flag::FLAG_KINDS;
use crate::ui::notice::FormError;

/// "Flag": any member but the author tells the moderators something is wrong with a case or a
/// reply. Collapsed, so it does not compete with replying.
#[component]
pub fn FlagForm(
    /// Where the form posts: `/cases/{id}/flag` or `/replies/{id}/flag`.
    action: String,
    /// The case the form is shown on (to show a refusal in place).
    case: i64,
    /// Unique per page, for the note's id.
    key: String,
    /// Shown open (the reply's flag page), not only after a refusal.
    #[prop(optional)]
    open: bool,
    summary: &'static str,
    error: Option<String>,
) -> impl IntoView {
    let open = open || error.is_some();
    let note_id = format!("flag-note-{key}");
    view! {
        <details class="flag" open=open>
            <summary>{summary}</summary>
            <FormError error=error/>
            <form method="post" action=action class="stack">
                <input type="hidden" name="case" value=case.to_string()/>
                <fieldset>
                    <legend>"What is wrong?"</legend>
                    {FLAG_KINDS.iter().map(|k| view! {
                        <label class="check"><input type="radio" name="kind" value=k.key() required/>{k.label()}</label>
                    }).collect_view()}
                </fieldset>
                <div class="field">
                    <label for=note_id.clone()>"Note for the moderators (optional)"</label>
                    <input id=note_id name="note" maxlength="500" autocomplete="off"/>
                </div>
                <button type="submit" class="secondary">"Send flag"</button>
            </form>
        </details>
    }
    .into_any()
}
