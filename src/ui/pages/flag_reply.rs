use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::review::get_reply_to_flag;
use crate::model::{ReplyId, reply_href};
use crate::ui::case::FlagForm;
use crate::ui::form_feedback::use_feedback;
use crate::ui::notice::ErrorPanel;
use crate::ui::raw_text::PageTitle;

/// Flagging a reply: its own page, so a case page with many replies does not carry a form for
/// each of them.
#[component]
pub fn FlagReplyPage() -> impl IntoView {
    let feedback = use_feedback();
    let id = use_params_map()
        .with_untracked(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    view! {
        <PageTitle text="Flag a reply"/>
        <div class="narrow-wide">
            <Suspense fallback=|| ()>
                {move || {
                    let feedback = feedback.clone();
                    Suspend::new(async move {
                        match get_reply_to_flag(ReplyId(id)).await {
                            Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                            Ok(reply) => view! {
                                <h1>"Flag a reply"</h1>
                                <p>"In "<a href=reply_href(reply.case, reply.id)>{reply.case_title}</a></p>
                                <article class="reply panel"><div class="prose" inner_html=reply.html.into_string()></div></article>
                                <FlagForm action=format!("/replies/{id}/flag") case=reply.case.0 key="reply".to_owned()
                                    summary="What is wrong with this reply?" error=feedback.error_for(Some("flag")) open=true/>
                            }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}
