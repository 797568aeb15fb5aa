use leptos::prelude::*;

use crate::domain::review::DiffRow;
use crate::model::FieldDiff;

/// An edit of a published case, side by side: the approved version on the left.
#[component]
pub fn DiffView(diff: Vec<FieldDiff>) -> impl IntoView {
    (!diff.is_empty()).then(|| {
        view! {
            <section class="panel" aria-labelledby="diff-heading">
                <h2 id="diff-heading">"What changed since it was approved"</h2>
                {diff.into_iter().map(|field| view! {
                    <table class="diff">
                        <caption>{field.label}</caption>
                        <thead><tr><th scope="col">"Approved"</th><th scope="col">"Now"</th></tr></thead>
                        <tbody>{field.rows.into_iter().map(row).collect_view()}</tbody>
                    </table>
                }).collect_view()}
            </section>
        }
    })
}

fn row(r: DiffRow) -> impl IntoView {
    let (class, left, right) = match r {
        DiffRow::Same(l) => ("same", l.clone(), l),
        DiffRow::Removed(l) => ("removed", l, String::new()),
        DiffRow::Added(l) => ("added", String::new(), l),
        DiffRow::Changed(a, b) => ("changed", a, b),
    };
    view! { <tr class=class><td><del>{left}</del></td><td><ins>{right}</ins></td></tr> }
}
