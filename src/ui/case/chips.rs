use leptos::prelude::*;

use crate::domain::case::CaseState;
use crate::domain::review::ReviewState;
use crate::model::CaseContext;

/// The case's context as small labels: modality, setting, age band, sessions, concerns.
#[component]
pub fn CaseChips(context: CaseContext) -> impl IntoView {
    let mut labels = vec![
        context.modality.label(),
        context.setting.label(),
        context.age_band.label(),
        context.sessions.label(),
    ];
    labels.extend(context.tags.iter().map(|t| t.label()));
    view! {
        <ul class="chips" aria-label="Case context">
            {labels.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
        </ul>
    }
}

#[component]
pub fn StateBadge(state: CaseState) -> impl IntoView {
    view! { <span class=format!("state state-{}", state.key())>{state.label()}</span> }
}

/// Where a case stands with the moderators; nothing for a published case.
#[component]
pub fn ReviewBadge(review: ReviewState) -> impl IntoView {
    (!review.is_published()).then(
        || view! { <span class=format!("state review-{}", review.key())>{review.label()}</span> },
    )
}
