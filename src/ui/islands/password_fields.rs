use leptos::prelude::*;

use crate::domain::password::MIN_PASSWORD_CHARS;

/// The new-password and confirmation inputs. Without JavaScript they are plain inputs with a
/// static rule; with it, the rule turns into a live check as the member types. The server checks
/// again either way. No props: island props are decoded in the browser by `serde_json`, which
/// was a quarter of the compressed wasm; the rule is the domain's constant.
#[island]
pub fn PasswordFields() -> impl IntoView {
    let min = MIN_PASSWORD_CHARS;
    let (password, set_password) = signal(String::new());
    let (confirm, set_confirm) = signal(String::new());
    let long_enough = move || password.with(|p| p.chars().count() >= min);
    let matches = move || !confirm.with(String::is_empty) && password.get() == confirm.get();
    let hint = move || {
        let len = password.with(|p| p.chars().count());
        if len == 0 {
            format!("At least {min} characters. A short sentence works well.")
        } else if !long_enough() {
            format!("{len} of {min} characters so far.")
        } else if confirm.with(String::is_empty) {
            "Long enough. Now repeat it below.".to_owned()
        } else if matches() {
            "Long enough, and the two match.".to_owned()
        } else {
            "The two passwords do not match yet.".to_owned()
        }
    };
    view! {
        <label>
            "New password"
            <input
                type="password"
                name="password"
                autocomplete="new-password"
                required
                minlength=min.to_string()
                aria-describedby="password-hint"
                on:input=move |ev| set_password.set(event_target_value(&ev))
            />
        </label>
        <label>
            "Repeat the new password"
            <input
                type="password"
                name="confirm"
                autocomplete="new-password"
                required
                aria-describedby="password-hint"
                on:input=move |ev| set_confirm.set(event_target_value(&ev))
            />
        </label>
        <p id="password-hint" class="hint" aria-live="polite" class:ok=move || long_enough() && matches()>
            {hint}
        </p>
    }
}
