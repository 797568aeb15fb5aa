use leptos::prelude::*;

use crate::domain::review::{AUTHOR_ITEMS, AuthorChecklist};
use crate::model::ExplanationView;

/// The author's checklist for this version, and their reasons for keeping flagged text.
#[component]
pub fn AuthorAnswers(
    checklist: Option<AuthorChecklist>,
    explanations: Vec<ExplanationView>,
) -> impl IntoView {
    let answers = match checklist {
        None => {
            view! { <p class="muted">"This version was written before the checklist existed."</p> }
                .into_any()
        }
        Some(c) => view! {
            <ul class="author-checklist">
                {AUTHOR_ITEMS.iter().map(|i| {
                    let mark = if c.is_confirmed(i.key) { "Confirmed" } else { "Not confirmed" };
                    view! { <li><strong>{mark}": "</strong>{i.author}</li> }
                }).collect_view()}
            </ul>
            <p><strong>"Protection: "</strong>{c.disguise.label()}</p>
        }
        .into_any(),
    };
    let kept = (!explanations.is_empty()).then(|| {
        view! {
            <h3>"Findings the author kept, and why"</h3>
            <ul class="explanations">
                {explanations.into_iter().map(|e| view! {
                    <li>
                        <p class="meta"><span>{e.field}</span><span>{e.category}</span></p>
                        <p><mark>{e.text}</mark></p>
                        <blockquote>{e.explanation}</blockquote>
                    </li>
                }).collect_view()}
            </ul>
        }
    });
    view! {
        <section class="panel" aria-labelledby="author-answers">
            <h2 id="author-answers">"The author's checklist"</h2>
            {answers}
            {kept}
        </section>
    }
}
