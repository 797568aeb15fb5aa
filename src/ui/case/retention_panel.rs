use leptos::prelude::*;

use crate::domain::retention::{KeepFor, period_label};
use crate::model::{CaseId, RetentionView};
use crate::ui::form_feedback::FormFeedback;
use crate::ui::notice::FormError;
use crate::ui::raw_text::TextArea;
use crate::ui::time::format_date;

/// For the author and the moderators: when the case will be deleted and why; the author's
/// choice of period; a moderator's hold (docs/MEMBER_DATA.md).
#[component]
pub fn RetentionPanel(
    case: CaseId,
    retention: RetentionView,
    feedback: FormFeedback,
) -> impl IntoView {
    let period = match (retention.keep_for, retention.forum_days) {
        (Some(k), _) => Some(format!("{}, as its author chose", k.label())),
        (None, Some(days)) => Some(format!("{}, the forum's period", period_label(days))),
        (None, None) => None,
    };
    let status = match (&retention.hold, retention.purge_at, period) {
        (Some(hold), _, _) => format!(
            "A moderator placed a hold on this case on {}: it is not deleted while the hold stands.",
            format_date(hold.at)
        ),
        (None, Some(at), Some(period)) => format!(
            "This case will be deleted on {}: it is kept for {period} after its last activity. A reply moves the date; its author is told a week before.",
            format_date(at)
        ),
        _ => "The forum keeps cases without a chosen period until someone deletes them.".to_owned(),
    };
    let hold_reason = retention.hold.as_ref().and_then(|h| h.reason.clone());
    let held = retention.hold.is_some();
    view! {
        <section class="panel" id="retention" aria-labelledby="retention-heading">
            <h2 id="retention-heading">"Keeping this case"</h2>
            <p>{status}</p>
            {hold_reason.map(|r| view! { <blockquote class="review-reason">{r}</blockquote> })}
            {retention.can_choose.then(|| view! {
                <KeepForForm case=case chosen=retention.keep_for forum_days=retention.forum_days feedback=feedback.clone()/>
            })}
            {retention.can_hold.then(|| view! { <HoldForm case=case held=held feedback=feedback.clone()/> })}
        </section>
    }
}

#[component]
fn KeepForForm(
    case: CaseId,
    chosen: Option<KeepFor>,
    forum_days: Option<i64>,
    feedback: FormFeedback,
) -> impl IntoView {
    let forum = match forum_days {
        Some(days) => format!("The forum's period ({})", period_label(days)),
        None => "The forum's rule (kept until deleted)".to_owned(),
    };
    view! {
        <FormError error=feedback.error_for(Some("retention"))/>
        <form method="post" action=format!("/cases/{case}/retention") class="inline">
            <label for="keep-for">"Keep it for"</label>
            <select id="keep-for" name="keep_for">
                <option value="forum" selected=chosen.is_none()>{forum}</option>
                {KeepFor::ALL.into_iter().map(|k| view! {
                    <option value=k.key() selected=chosen == Some(k)>{format!("{} after its last activity", k.label())}</option>
                }).collect_view()}
            </select>
            <button type="submit" class="secondary">"Save"</button>
        </form>
    }
}

/// Moderators keep a case from the purge while it is needed (a complaint, a legal hold), with
/// a reason other moderators read; or release the hold.
#[component]
fn HoldForm(case: CaseId, held: bool, feedback: FormFeedback) -> impl IntoView {
    let error = feedback.error_for(Some("hold"));
    if held {
        return view! {
            <FormError error=error/>
            <form method="post" action=format!("/cases/{case}/hold") class="inline">
                <input type="hidden" name="hold" value="false"/>
                <button type="submit" class="secondary">"Release the hold"</button>
            </form>
            <p class="muted">"Once released, the author is told again a week before the case is deleted."</p>
        }
        .into_any();
    }
    let open = error.is_some();
    view! {
        <details class="moderation" id="hold" open=open>
            <summary>"Hold this case"</summary>
            <FormError error=error/>
            <form method="post" action=format!("/cases/{case}/hold") class="stack">
                <input type="hidden" name="hold" value="true"/>
                <div class="field">
                    <label for="hold-reason">"Reason (moderators see it)"</label>
                    <TextArea name="reason" id="hold-reason" rows=2 required=true maxlength=2000 value=feedback.value("hold_reason")/>
                </div>
                <button type="submit">"Hold"</button>
            </form>
        </details>
    }
    .into_any()
}
