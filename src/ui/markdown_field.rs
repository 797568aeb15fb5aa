use leptos::prelude::*;

use crate::ui::islands::MarkdownEditor;
use crate::ui::raw_text::rcdata;

/// A Markdown field of a form: label, help, a formatting toolbar, the textarea, a character
/// count and the field's error. All of it is rendered here, on the server, so without
/// JavaScript it is a plain textarea (on the case form, *Preview* shows the cooked text and
/// "Formatting help" says how to write it). The `MarkdownEditor` island around it makes the
/// toolbar work and adds the live count and preview. It takes no props: island props are
/// decoded in the browser by `serde_json`, which was a quarter of the compressed wasm.
#[component]
pub fn MarkdownField(
    name: String,
    label: String,
    help: String,
    value: String,
    required: bool,
    maxlength: usize,
    error: Option<String>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let help_id = format!("{name}-help");
    let error_id = format!("{name}-error");
    let described = if error.is_some() {
        format!("{help_id} {error_id}")
    } else {
        help_id.clone()
    };
    let count = count_text(value.chars().count(), maxlength);
    view! {
        <MarkdownEditor>
            <label for=id.clone()>{label}</label>
            <p class="help" id=help_id>{help}</p>
            // Hidden by the style sheet until the island runs: without it the buttons do nothing.
            // Its name leaves out the field's label, so that label names the textarea alone. One
            // Tab stop: the island moves between the buttons with the arrow keys.
            <div class="md-toolbar" role="toolbar" aria-label="Formatting" aria-controls=id.clone()>
                <button type="button" class="secondary" data-format="bold" tabindex="0">"Bold"</button>
                <button type="button" class="secondary" data-format="italic" tabindex="-1">"Italic"</button>
                <button type="button" class="secondary" data-format="list" tabindex="-1">"List"</button>
                <button type="button" class="secondary" data-format="quote" tabindex="-1">"Quote"</button>
            </div>
            <textarea
                name=name
                id=id
                rows="7"
                maxlength=maxlength.to_string()
                required=required
                aria-invalid=error.is_some().to_string()
                aria-describedby=described
            >
                {rcdata(&value)}
            </textarea>
            <p class="count">{count}</p>
            {error.map(|e| view! { <p class="field-error" id=error_id>{e}</p> })}
        </MarkdownEditor>
    }
}

/// The line under a Markdown field; the island writes the same line as the member types.
pub fn count_text(chars: usize, max: usize) -> String {
    format!("{chars} / {max} characters")
}
