use leptos::prelude::*;

/// A submit button that asks first: the child is the button, with the question in its
/// `data-confirm`. Without JavaScript it submits straight away (the action can be undone from
/// the same page); with it, the browser's confirm dialog can cancel. The button is rendered by
/// the server as a child, so the island has no props for `serde_json` to decode in the browser.
#[island]
pub fn ConfirmSubmit(children: Children) -> impl IntoView {
    view! { <span class="confirm-submit" on:click=ask>{children()}</span> }
}

#[cfg(feature = "hydrate")]
fn ask(ev: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast as _;
    let question = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("[data-confirm]").ok().flatten())
        .and_then(|e| e.get_attribute("data-confirm"));
    if let Some(question) = question
        && !window().confirm_with_message(&question).unwrap_or(false)
    {
        ev.prevent_default();
    }
}

/// Handlers never run on the server.
#[cfg(not(feature = "hydrate"))]
fn ask(_ev: leptos::ev::MouseEvent) {}
