use leptos::prelude::*;
use leptos_meta::Title;

use crate::ui::status::set_status;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_status(404);
    view! {
        <Title text="Not found"/>
        <div class="panel" role="alert">
            <h1>"Not found"</h1>
            <p>"There is nothing at this address."</p>
            <p><a href="/">"Back to Caseroom"</a></p>
        </div>
    }
}
