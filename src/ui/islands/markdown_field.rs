use leptos::prelude::*;

use crate::ui::raw_text::rcdata;

/// A Markdown textarea. Without JavaScript it is a plain textarea (the form's *Preview* button
/// shows the cooked text). With it, a preview cooked by the server — the same function that cooks
/// on publish — appears under the field a moment after the author stops typing.
#[island]
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
    // Only String signals: every distinct signal type adds its own code to the wasm.
    let (html, set_html) = signal(String::new());
    let (problem, set_problem) = signal(String::new());
    let (count, set_count) = signal(format!(
        "{} / {maxlength} characters",
        value.chars().count()
    ));
    // Each keystroke bumps the generation; only the newest one, 500 ms later, asks the server.
    let generation = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        set_count.set(format!("{} / {maxlength} characters", text.chars().count()));
        let mine = generation.get() + 1;
        generation.set(mine);
        let generation = generation.clone();
        set_timeout(
            move || {
                if generation.get() != mine {
                    return;
                }
                if text.trim().is_empty() {
                    set_html.set(String::new());
                    return;
                }
                spawn(async move {
                    let result = fetch_preview(text).await;
                    if generation.get() == mine {
                        let (ok, err) = match result {
                            Ok(h) => (h, String::new()),
                            Err(e) => (String::new(), e),
                        };
                        set_html.set(ok);
                        set_problem.set(err);
                    }
                });
            },
            std::time::Duration::from_millis(500),
        );
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <p class="help" id=help_id>{help}</p>
            <textarea
                name=name
                id=id
                rows="7"
                maxlength=maxlength.to_string()
                required=required
                aria-invalid=error.is_some().to_string()
                aria-describedby=described
                on:input=on_input
            >
                {rcdata(&value)}
            </textarea>
            <p class="count">{count}</p>
            {error.map(|e| view! { <p class="field-error" id=error_id>{e}</p> })}
            // Fixed elements toggled by `hidden`: cheaper in wasm than swapping views.
            <div class="live-preview" aria-label="Preview" hidden=move || html.with(String::is_empty)>
                <p class="muted">"Preview"</p>
                <div class="prose" inner_html=html></div>
            </div>
            <p class="field-error" hidden=move || problem.with(String::is_empty)>{problem}</p>
        </div>
    }
}

/// Posts the text to `/preview`, which answers with the cooked HTML (or a message and a 4xx).
/// A plain fetch rather than a server function: the server-function client would add 30 KB of
/// gzipped wasm to every page, a third of the page budget.
#[cfg(feature = "hydrate")]
async fn fetch_preview(text: String) -> Result<String, String> {
    use wasm_bindgen::{JsCast as _, JsValue};
    use wasm_bindgen_futures::JsFuture;

    let failed = |_: JsValue| "The preview could not be loaded.".to_owned();
    let body = format!("text={}", String::from(js_sys::encode_uri_component(&text)));
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&body));
    let headers = web_sys::Headers::new().map_err(failed)?;
    headers
        .set("content-type", "application/x-www-form-urlencoded")
        .map_err(failed)?;
    init.set_headers(&headers);
    let response: web_sys::Response =
        JsFuture::from(window().fetch_with_str_and_init("/preview", &init))
            .await
            .map_err(failed)?
            .dyn_into()
            .map_err(|_| "The preview could not be loaded.".to_owned())?;
    let text = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?
        .as_string()
        .unwrap_or_default();
    if response.ok() { Ok(text) } else { Err(text) }
}

#[cfg(not(feature = "hydrate"))]
async fn fetch_preview(_text: String) -> Result<String, String> {
    Err(String::new())
}

/// Runs a browser task (input handlers never run on the server).
#[cfg(feature = "hydrate")]
fn spawn(task: impl std::future::Future<Output = ()> + 'static) {
    wasm_bindgen_futures::spawn_local(task);
}

#[cfg(not(feature = "hydrate"))]
fn spawn(_task: impl std::future::Future<Output = ()> + 'static) {}
