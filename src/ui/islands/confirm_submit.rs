use leptos::prelude::*;

/// A submit button that asks first. Without JavaScript it submits straight away (the action can be
/// undone from the same page); with it, the browser's confirm dialog can cancel.
#[island]
pub fn ConfirmSubmit(label: String, question: String) -> impl IntoView {
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let confirmed = window().confirm_with_message(&question).unwrap_or(false);
        if !confirmed {
            ev.prevent_default();
        }
    };
    view! {
        <button type="submit" class="danger" on:click=on_click>{label}</button>
    }
}
