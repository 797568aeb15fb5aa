use leptos::prelude::*;

/// What a `MarkdownField` gains with JavaScript: its formatting toolbar works, the count follows
/// the typing, and a preview cooked by the server (the same function that cooks on publish)
/// appears under the field a moment after the author stops typing.
///
/// The field itself comes as server-rendered children, so the island has no props to decode;
/// it listens on its wrapper, where the children's `input` and `click` events bubble to.
#[island]
pub fn MarkdownEditor(children: Children) -> impl IntoView {
    // Only String signals: every distinct signal type adds its own code to the wasm.
    let (html, set_html) = signal(String::new());
    let (problem, set_problem) = signal(String::new());
    // Set once the island runs; the style sheet shows the toolbar only then.
    let (ready, set_ready) = signal(String::new());
    Effect::new(move |_| set_ready.set("ready".into()));
    let preview = Preview {
        html: set_html,
        problem: set_problem,
        generation: std::rc::Rc::new(std::cell::Cell::new(0)),
    };
    let typed = preview.clone();
    let on_input = move |ev: leptos::ev::Event| typed.text_changed(&ev);
    let on_click = move |ev: leptos::ev::MouseEvent| preview.format_pressed(&ev);
    view! {
        <div class="field md-editor" class:ready=move || !ready.with(String::is_empty)
            on:input=on_input on:click=on_click on:keydown=toolbar_key>
            {children()}
            // Fixed elements toggled by `hidden`: cheaper in wasm than swapping views.
            <div class="live-preview" aria-label="Preview" hidden=move || html.with(String::is_empty)>
                <p class="muted">"Preview"</p>
                <div class="prose" inner_html=html></div>
            </div>
            <p class="field-error" hidden=move || problem.with(String::is_empty)>{problem}</p>
        </div>
    }
}

/// The live preview's state: where the cooked text and a failure go, and the newest keystroke.
#[derive(Clone)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
struct Preview {
    html: WriteSignal<String>,
    problem: WriteSignal<String>,
    /// Each change bumps it; only the newest one, 500 ms later, asks the server.
    generation: std::rc::Rc<std::cell::Cell<u64>>,
}

#[cfg(feature = "hydrate")]
impl Preview {
    /// The member typed in the textarea.
    fn text_changed(&self, ev: &leptos::ev::Event) {
        use wasm_bindgen::JsCast as _;
        if let Some(area) = ev.target().and_then(|t| t.dyn_into().ok()) {
            self.changed(&area);
        }
    }

    /// A toolbar button was pressed: its format applied to the textarea's selection, the
    /// selection kept on the same words, then the count and the preview follow.
    fn format_pressed(&self, ev: &leptos::ev::MouseEvent) {
        use crate::ui::markdown_toolbar::{Format, apply, byte_of_utf16, utf16_of_byte};
        use wasm_bindgen::JsCast as _;

        let Some(button) = format_button(ev) else {
            return;
        };
        let Some(format) = button
            .get_attribute("data-format")
            .and_then(|k| Format::parse(&k))
        else {
            return;
        };
        let Some(area) = editor_part::<web_sys::HtmlTextAreaElement>(&button, "textarea") else {
            return;
        };
        // The pressed button is the one Tab comes back to.
        if let Some(toolbar) = button.parent_element() {
            tab_stop(&toolbar, &button);
        }
        let text = area.value();
        let units = |u: Option<u32>| byte_of_utf16(&text, u.unwrap_or(0) as usize);
        let start = units(area.selection_start().ok().flatten());
        let end = units(area.selection_end().ok().flatten());
        let edit = apply(&text, start, end, format);
        let out = edit.applied(&text);
        let _ = area.focus();
        // Typed over the replaced part, as one edit: the browser's undo takes it back, which
        // setting the value would not (it empties the undo history). Set only as a fallback.
        let _ = area.set_selection_range(
            utf16_of_byte(&text, edit.from) as u32,
            utf16_of_byte(&text, edit.to) as u32,
        );
        let typed = document()
            .dyn_into::<web_sys::HtmlDocument>()
            .ok()
            .and_then(|d| {
                d.exec_command_with_show_ui_and_value("insertText", false, &edit.insert)
                    .ok()
            })
            .unwrap_or(false);
        if !typed || area.value() != out {
            area.set_value(&out);
        }
        let _ = area.set_selection_range(
            utf16_of_byte(&out, edit.select.0) as u32,
            utf16_of_byte(&out, edit.select.1) as u32,
        );
        self.changed(&area);
    }

    fn changed(&self, area: &web_sys::HtmlTextAreaElement) {
        let text = area.value();
        if let Some(count) = editor_part::<web_sys::Element>(area, ".count") {
            let max = usize::try_from(area.max_length()).unwrap_or(0);
            let chars = text.chars().count();
            count.set_text_content(Some(&crate::ui::markdown_field::count_text(chars, max)));
            // A press can take the text past `maxlength`, which only typing is held to.
            let _ = count.class_list().toggle_with_force("over", chars > max);
        }
        let mine = self.generation.get() + 1;
        self.generation.set(mine);
        let (generation, set_html, set_problem) =
            (self.generation.clone(), self.html, self.problem);
        set_timeout(
            move || {
                if generation.get() != mine {
                    return;
                }
                if text.trim().is_empty() {
                    set_html.set(String::new());
                    return;
                }
                wasm_bindgen_futures::spawn_local(async move {
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
    }
}

/// Handlers never run on the server.
#[cfg(not(feature = "hydrate"))]
impl Preview {
    fn text_changed(&self, _ev: &leptos::ev::Event) {}
    fn format_pressed(&self, _ev: &leptos::ev::MouseEvent) {}
}

/// The formatting button an event happened on, if any.
#[cfg(feature = "hydrate")]
fn format_button(ev: &leptos::ev::Event) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast as _;
    ev.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-format]")
        .ok()
        .flatten()
}

/// The toolbar is one stop for Tab: the arrow keys, Home and End move between its buttons
/// (the pattern of ARIA's toolbar role), and the button last moved to is the one Tab reaches.
#[cfg(feature = "hydrate")]
fn toolbar_key(ev: leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast as _;
    // Alt+Left is the browser's Back, and the like: not the toolbar's.
    if ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
        return;
    }
    let Some(button) = format_button(&ev) else {
        return;
    };
    let Some(toolbar) = button.parent_element() else {
        return;
    };
    let next = match ev.key().as_str() {
        "ArrowRight" => button
            .next_element_sibling()
            .or_else(|| toolbar.first_element_child()),
        "ArrowLeft" => button
            .previous_element_sibling()
            .or_else(|| toolbar.last_element_child()),
        "Home" => toolbar.first_element_child(),
        "End" => toolbar.last_element_child(),
        _ => return,
    };
    ev.prevent_default();
    if let Some(next) = next.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        tab_stop(&toolbar, &next);
        let _ = next.focus();
    }
}

/// `button` becomes the toolbar's one Tab stop.
#[cfg(feature = "hydrate")]
fn tab_stop(toolbar: &web_sys::Element, button: &web_sys::Element) {
    let mut each = toolbar.first_element_child();
    while let Some(b) = each {
        let _ = b.set_attribute("tabindex", if &b == button { "0" } else { "-1" });
        each = b.next_element_sibling();
    }
}

#[cfg(not(feature = "hydrate"))]
fn toolbar_key(_ev: leptos::ev::KeyboardEvent) {}

/// The element matching `selector` in the same editor as `from`.
#[cfg(feature = "hydrate")]
fn editor_part<T: wasm_bindgen::JsCast>(from: &web_sys::Element, selector: &str) -> Option<T> {
    use wasm_bindgen::JsCast as _;
    from.closest(".md-editor")
        .ok()
        .flatten()?
        .query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into()
        .ok()
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
