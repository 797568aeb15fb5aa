use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;

use crate::ui::status::set_status;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_status(404);
    view! {
        <PageTitle text="Not found"/>
        <div class="panel" role="alert">
            <h1>"Not found"</h1>
            <p>"There is nothing at this address."</p>
            <p><a href="/">"Back to Caseroom"</a></p>
        </div>
    }
}
