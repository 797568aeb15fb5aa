use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::cases::get_follow_up_source;
use crate::domain::case::TextLimit;
use crate::model::CaseId;
use crate::ui::case::{AuthorChecklistFields, FeedbackScanReport};
use crate::ui::form_feedback::use_feedback;
use crate::ui::markdown_field::MarkdownField;
use crate::ui::notice::{ErrorPanel, FormError, KeptText};
use crate::ui::raw_text::PageTitle;

/// "What happened next": the case's author writes or replaces the follow-up. It passes the same
/// gate as the case (the identifier check, explanations, the checklist) and goes back to the
/// review queue with the case.
#[component]
pub fn FollowUpPage() -> impl IntoView {
    let feedback = use_feedback();
    let id = use_params_map()
        .with_untracked(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    view! {
        <PageTitle text="Follow-up"/>
        <div class="narrow-wide">
            <Suspense fallback=|| ()>
                {move || {
                    let feedback = feedback.clone();
                    Suspend::new(async move {
                        match get_follow_up_source(CaseId(id)).await {
                            Err(e) => view! {
                                <ErrorPanel error=e/>
                                <KeptText feedback=feedback.clone() fields=vec![("follow_up", "Follow-up")]/>
                            }.into_any(),
                            Ok(source) => {
                                let body = if feedback.has_values() { feedback.value("follow_up") } else { source.body };
                                view! {
                                    <h1>"What happened next"</h1>
                                    <p class="lead">{source.title}</p>
                                    <p class="muted">"Tell the people who helped how it went. The follow-up is checked like the case: it goes to the review queue with the case, and members see the case again, with the follow-up, once a moderator approves it. Posting again replaces it."</p>
                                    <form method="post" action=format!("/cases/{id}/follow-up") class="stack case-form" novalidate>
                                        <FormError error=feedback.error_for(None)/>
                                        {view! { <FeedbackScanReport feedback=feedback.clone()/> }.into_any()}
                                        <MarkdownField name="follow_up".to_owned() label="Follow-up".to_owned()
                                            help=format!("Markdown, up to {} characters. Keep it de-identified too.", TextLimit::REPLY.max)
                                            value=body required=true maxlength=TextLimit::REPLY.max
                                            error=feedback.field_error("follow_up")/>
                                        <AuthorChecklistFields feedback=feedback.clone()/>
                                        <div class="actions">
                                            <button type="submit">"Submit for review"</button>
                                        </div>
                                    </form>
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
