use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;

use crate::api::cases::get_blind_spots;
use crate::model::{BlindSpotCase, ThemeView};
use crate::ui::notice::ErrorPanel;
use crate::ui::time::format_date;

/// "My blind spots": the clinician's own cases over time, and what recurs in them. Only they
/// see it.
#[component]
pub fn BlindSpotsPage() -> impl IntoView {
    view! {
        <PageTitle text="My blind spots"/>
        <div class="narrow-wide">
            <div class="page-head">
                <h1>"My blind spots"</h1>
                <a class="button secondary" href="/blind-spots.md" download="caseroom-my-blind-spots.md">"Download as a file"</a>
            </div>
            <p class="lead">"Your cases over time: where you were stuck, the blind spots you suspected, and the supervisor feedback you marked helpful. Only you can see this page."</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match get_blind_spots().await {
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                        Ok(view) if view.cases.is_empty() => view! {
                            <p class="panel muted">"You have not brought a case yet. When you have, this page gathers where you were stuck and what you suspected you were not seeing."</p>
                        }.into_any(),
                        Ok(view) => view! {
                            <Themes themes=view.themes/>
                            <section aria-labelledby="my-cases-heading">
                                <h2 id="my-cases-heading">"Case by case"</h2>
                                {view.cases.into_iter().map(|c| view! { <CaseNotes case=c/> }).collect_view()}
                            </section>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Themes(themes: Vec<ThemeView>) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="themes-heading">
            <h2 id="themes-heading">"What recurs"</h2>
            {if themes.is_empty() {
                view! { <p class="muted">"Nothing recurs yet: a theme is a concern you tagged, or a word you used where you named your stuck point or blind spot, in two cases or more."</p> }.into_any()
            } else {
                view! {
                    <p class="muted">"Concerns you tagged, and words you used where you named your stuck point or blind spot, in two cases or more."</p>
                    <ul class="themes">
                        {themes.into_iter().map(|t| {
                            let kind = if t.concern { "Concern" } else { "Word" };
                            let n = t.cases.len();
                            view! {
                                <li>
                                    <strong>{t.label}</strong>
                                    <span class="muted">{format!(" {kind}, in {n} cases: ")}</span>
                                    {t.cases.into_iter().enumerate().map(|(i, (id, title))| view! {
                                        {(i > 0).then_some("; ")}
                                        <a href=format!("/cases/{id}")>{title}</a>
                                    }).collect_view()}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn CaseNotes(case: BlindSpotCase) -> impl IntoView {
    view! {
        <article class="panel blind-spot-case">
            <h3><a href=format!("/cases/{}", case.id)>{case.title}</a></h3>
            <p class="meta">
                <span>{format_date(case.created_at)}</span>
                {(!case.published).then(|| view! { <span class="state">"Not published"</span> })}
                {(!case.tags.is_empty()).then(|| view! { <span>{case.tags.join(", ")}</span> })}
            </p>
            {(!case.stuck.is_empty()).then(|| view! {
                <h4>"Where I was stuck"</h4>
                <p class="plain-text">{case.stuck}</p>
            })}
            {(!case.blind_spot.is_empty()).then(|| view! {
                <h4>"The blind spot I suspected"</h4>
                <p class="plain-text">{case.blind_spot}</p>
            })}
            {case.helpful.into_iter().map(|(who, text)| view! {
                <h4>{format!("Supervisor feedback I found helpful, from {who}")}</h4>
                <blockquote class="plain-text">{text}</blockquote>
            }).collect_view()}
        </article>
    }
}
