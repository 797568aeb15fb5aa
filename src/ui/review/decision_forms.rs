use leptos::prelude::*;

use crate::domain::review::{MODERATOR_ITEMS, Reason};
use crate::model::ReviewView;
use crate::ui::form_feedback::FormFeedback;
use crate::ui::notice::FormError;
use crate::ui::raw_text::TextArea;

/// Claim, approve with the moderator's checklist, or return or reject with a reason. The
/// checklist's radio groups are `required`, so the browser keeps *Approve* from submitting until
/// every item is ticked (and the style shows it as unavailable); the server refuses it too.
#[component]
pub fn DecisionForms(review: ReviewView, feedback: FormFeedback) -> impl IntoView {
    let id = review.id;
    if !review.can_decide {
        let why = if review.own_case {
            "This is your own case: another moderator reviews it."
        } else {
            "This case is not waiting for review."
        };
        // A refused decision still says why (its form is not shown).
        let refused = feedback
            .error_for(Some("approve"))
            .or_else(|| feedback.error_for(Some("decline")))
            .or_else(|| feedback.error_for(Some("claim")));
        return view! { <FormError error=refused/><p class="panel muted">{why}</p> }.into_any();
    }
    let claim = match (&review.claimed_by, review.claimed_by_me) {
        (_, true) => view! { <p class="claim">"You claimed this case."</p> }.into_any(),
        (Some(name), false) => {
            view! { <p class="claim">{format!("Claimed by {name}. They are reviewing it.")}</p> }
                .into_any()
        }
        (None, false) => view! {
            <form method="post" action=format!("/review/{id}/claim") class="claim">
                <button type="submit" class="secondary">"Claim this case"</button>
            </form>
        }
        .into_any(),
    };
    view! {
        <FormError error=feedback.error_for(Some("claim"))/>
        {claim}
        <ApproveForm action=format!("/review/{id}/decide") revision=review.revision feedback=feedback.clone()/>
        <DeclineForm action=format!("/review/{id}/decide") revision=review.revision feedback=feedback returnable=true/>
    }
    .into_any()
}

/// The moderator's checklist and *Approve*; `action` is where the decision posts, `revision`
/// the version on the page (a decision on an older one is refused).
#[component]
pub fn ApproveForm(action: String, revision: i64, feedback: FormFeedback) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="approve-heading">
            <h2 id="approve-heading">"De-identification checklist"</h2>
            <p class="muted">"Tick every item: absent (not in the case) or redacted (it was, and you redacted it)."</p>
            <FormError error=feedback.error_for(Some("approve"))/>
            <form method="post" action=action class="stack approve">
                <input type="hidden" name="revision" value=revision.to_string()/>
                {MODERATOR_ITEMS.iter().map(|i| {
                    let name = format!("check.{}", i.key);
                    let chosen = feedback.value(&name);
                    view! {
                        <fieldset class="tick">
                            <legend>{i.moderator}</legend>
                            <label class="check"><input type="radio" name=name.clone() value="absent" required checked=chosen == "absent"/>"Absent"</label>
                            <label class="check"><input type="radio" name=name value="redacted" required checked=chosen == "redacted"/>"Redacted"</label>
                        </fieldset>
                    }
                }).collect_view()}
                <button type="submit" name="decision" value="approve">"Approve and publish"</button>
            </form>
        </section>
    }
}

/// A reason, then *Return to the author* (cases only: `returnable`) or *Reject*.
#[component]
pub fn DeclineForm(
    action: String,
    revision: i64,
    feedback: FormFeedback,
    returnable: bool,
) -> impl IntoView {
    let heading = if returnable {
        "Return or reject"
    } else {
        "Reject"
    };
    view! {
        <section class="panel" aria-labelledby="decline-heading">
            <h2 id="decline-heading">{heading}</h2>
            <FormError error=feedback.error_for(Some("decline"))/>
            <form method="post" action=action class="stack">
                <input type="hidden" name="revision" value=revision.to_string()/>
                <div class="field">
                    <label for="reason">"Reason for the author"</label>
                    <p class="help" id="reason-help">"They read this. Say what to change; do not quote identifying text."</p>
                    <TextArea name="reason" id="reason" describedby="reason-help" rows=4 required=true maxlength=Reason::MAX value=feedback.value("reason")/>
                </div>
                <div class="actions">
                    {returnable.then(|| view! { <button type="submit" name="decision" value="return">"Return to the author"</button> })}
                    <button type="submit" name="decision" value="reject" class="secondary">"Reject"</button>
                </div>
            </form>
        </section>
    }
}
