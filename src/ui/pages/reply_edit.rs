use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::cases::get_reply_source;
use crate::domain::case::TextLimit;
use crate::model::{ReplyId, reply_href};
use crate::ui::form_feedback::use_feedback;
use crate::ui::notice::{ErrorPanel, FormError, KeptText};
use crate::ui::raw_text::TextArea;

#[component]
pub fn EditReplyPage() -> impl IntoView {
    let feedback = use_feedback();
    let id = use_params_map()
        .with_untracked(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    view! {
        <PageTitle text="Edit reply"/>
        <div class="narrow-wide">
            <Suspense fallback=|| ()>
                {move || {
                    let feedback = feedback.clone();
                    Suspend::new(async move {
                        match get_reply_source(ReplyId(id)).await {
                            Err(e) => view! {
                                <ErrorPanel error=e/>
                                <KeptText feedback=feedback.clone() fields=vec![("body", "Reply")]/>
                            }.into_any(),
                            Ok((case, source)) => {
                                let body = if feedback.has_values() { feedback.value("body") } else { source };
                                view! {
                                    <section class="panel">
                                        <h1>"Edit reply"</h1>
                                        <p class="muted">"The earlier version is kept as a revision that moderators can see."</p>
                                        <FormError error=feedback.error_for(None)/>
                                        <form method="post" action=format!("/replies/{id}/edit") class="stack">
                                            <div class="field">
                                                <label for="reply-body">"Reply"</label>
                                                <TextArea name="body" id="reply-body" rows=8 required=true maxlength=TextLimit::REPLY.max value=body/>
                                            </div>
                                            <button type="submit">"Save reply"</button>
                                        </form>
                                        <p><a href=reply_href(case, ReplyId(id))>"Back to the case"</a></p>
                                    </section>
                                }.into_any()
                            }
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}
