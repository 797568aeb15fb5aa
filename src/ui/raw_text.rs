//! Member text inside elements Leptos writes *without* escaping on the server: `<textarea>`
//! (tachys marks it raw, like `<script>`) and the `<title>` that leptos_meta assembles. Both are
//! RCDATA in HTML, where entities are decoded, so escaping here shows the text exactly as typed
//! while "</textarea>" or "</title>" typed by a member can no longer end the element.

use leptos::prelude::*;
use leptos_meta::Title;

/// Escapes text for an RCDATA element.
pub fn rcdata(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A page title from any text, member-written or not.
#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    view! { <Title text=rcdata(&text)/> }
}

/// A textarea holding member text.
#[component]
pub fn TextArea(
    name: &'static str,
    value: String,
    /// The element id, for a `<label for>`.
    #[prop(optional, into)]
    id: Option<String>,
    /// Ids of the help and error texts that describe the field.
    #[prop(optional, into)]
    describedby: Option<String>,
    #[prop(optional)] rows: Option<u32>,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional)] required: bool,
    #[prop(optional)] invalid: bool,
    #[prop(optional)] readonly: bool,
) -> impl IntoView {
    view! {
        <textarea
            name=name
            id=id
            aria-describedby=describedby
            rows=rows.unwrap_or(6).to_string()
            maxlength=maxlength.map(|m| m.to_string())
            required=required
            readonly=readonly
            aria-invalid=invalid.to_string()
        >
            {rcdata(&value)}
        </textarea>
    }
}

#[cfg(test)]
mod tests {
    use super::rcdata;

    #[test]
    fn closing_tags_cannot_escape_the_element() {
        assert_eq!(
            rcdata("</textarea><script>x</script>"),
            "&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;"
        );
        assert_eq!(rcdata("a & b"), "a &amp; b");
    }
}
