use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::cases::{get_case_source, get_draft, list_supervisors};
use crate::api::groups::list_group_options;
use crate::domain::case::CaseInput;
use crate::model::CaseId;
use crate::ui::case::CaseForm;
use crate::ui::form_feedback::use_feedback;
use crate::ui::notice::{ErrorPanel, KeptText, Notice};
use crate::ui::time::format_date;

#[component]
pub fn ComposePage() -> impl IntoView {
    let feedback = use_feedback();
    // "Bring a case to this group" on a group's page chooses the group; "Continue" on a saved
    // draft opens it here.
    let (group, draft) = use_query_map().with_untracked(|q| {
        (
            q.get("group").unwrap_or_default(),
            q.get("draft").and_then(|d| d.parse::<i64>().ok()),
        )
    });
    view! {
        <PageTitle text="Bring a case"/>
        <div class="narrow-wide">
            <h1>"Bring a case"</h1>
            <p class="lead">"Describe where you feel stuck. A moderator checks it for anything that could identify a client; then supervisors and peers can read it and reply."</p>
            <Notice/>
            <Suspense fallback=|| ()>
                {move || {
                    let feedback = feedback.clone();
                    let group = group.clone();
                    Suspend::new(async move {
                        let saved = match draft {
                            Some(id) => match get_draft(id).await {
                                Ok(d) => Some(d),
                                Err(e) => return view! { <ErrorPanel error=e/> }.into_any(),
                            },
                            None => None,
                        };
                        match (list_supervisors().await, list_group_options().await) {
                            (Err(e), _) | (_, Err(e)) => view! { <ErrorPanel error=e/> }.into_any(),
                            (Ok(supervisors), Ok(groups)) => {
                                let saved_at = saved.as_ref().map(|d| d.saved_at);
                                let fields = saved.map(|d| d.fields);
                                let (input, supervisor, audience, keep_for) = match fields {
                                    Some(f) => (f.input, f.supervisor, f.audience, f.keep_for),
                                    None => (CaseInput::default(), String::new(), group, String::new()),
                                };
                                view! {
                                    {saved_at.map(|at| view! { <p class="muted">{format!("A draft saved {}. Only you can see it.", format_date(at))}</p> })}
                                    <CaseForm action="/cases/new".to_owned() initial=input initial_supervisor=supervisor
                                        supervisors=supervisors groups=groups initial_audience=audience feedback=feedback submit_label="Submit for review" keep_for=true
                                        draft=draft initial_keep_for=keep_for/>
                                }.into_any()
                            }
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

#[component]
pub fn EditCasePage() -> impl IntoView {
    let feedback = use_feedback();
    let id = use_params_map()
        .with_untracked(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    view! {
        <PageTitle text="Edit case"/>
        <div class="narrow-wide">
            <h1>"Edit case"</h1>
            <p class="muted">"Every edit is kept as a revision. An edit goes back to the review queue: members see the case again once a moderator approves it."</p>
            <Suspense fallback=|| ()>
                {move || {
                    let feedback = feedback.clone();
                    Suspend::new(async move {
                        let source = get_case_source(CaseId(id)).await;
                        let supervisors = list_supervisors().await;
                        let groups = list_group_options().await;
                        match (source, supervisors, groups) {
                            (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => view! {
                                <ErrorPanel error=e/>
                                <KeptText feedback=feedback.clone() fields=kept_fields()/>
                            }.into_any(),
                            (Ok(source), Ok(supervisors), Ok(groups)) => {
                                let label = if source.by_moderator { "Save the moderator's edit" } else { "Save and resubmit for review" };
                                view! {
                                    {source.by_moderator.then(|| view! { <p class="notice">"You are editing as a moderator. The case stays in the review queue, and your edit is kept as a revision in your name."</p> })}
                                    <CaseForm action=format!("/cases/{id}/edit") initial=source.input
                                        initial_supervisor=source.supervisor_id.map(|s| s.0.to_string()).unwrap_or_default()
                                        supervisors=supervisors groups=groups
                                        initial_audience=source.group_id.map(|g| g.0.to_string()).unwrap_or_default()
                                        feedback=feedback submit_label=label revision=source.revision
                                        moderator_edit=source.by_moderator/>
                                    <p><a href=format!("/cases/{id}")>"Back to the case"</a></p>
                                }.into_any()
                            }
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

/// The case form's text fields, to keep what an author typed when the edit was refused.
fn kept_fields() -> Vec<(&'static str, &'static str)> {
    std::iter::once(("title", "Title"))
        .chain(
            crate::domain::case::SECTIONS
                .iter()
                .map(|s| (s.key, s.label)),
        )
        .collect()
}
