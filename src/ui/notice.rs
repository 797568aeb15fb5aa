use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::model::ApiError;
use crate::ui::form_feedback::FormFeedback;
use crate::ui::raw_text::TextArea;
use crate::ui::status::set_status;

/// Confirmation after a redirect. The URL carries only a fixed key, never member text.
#[component]
pub fn Notice() -> impl IntoView {
    let query = use_query_map();
    let text = move || {
        query.with(|q| match q.get("notice").as_deref() {
            Some("signed-out") => Some("You have signed out."),
            Some("password-changed") => {
                Some("Your password was changed. Every other session of yours was signed out.")
            }
            Some("roles-saved") => Some("Roles saved."),
            Some("account-erased") => Some(
                "The account is erased: its name, email, password and sessions are gone, and its posts were removed or kept without a name as chosen.",
            ),
            Some("email-saved") => Some("Your email choices are saved."),
            Some("unsubscribed") => Some("Done: these emails are stopped."),
            Some("reset-asked") => Some(
                "If an account uses that address, a link to reset its password is on its way. It works once, for 30 minutes. Nothing arrived? Check the address, and your spam folder.",
            ),
            Some("password-reset") => Some(
                "Your password was changed and you were signed out everywhere. Sign in with the new password.",
            ),
            Some("reset-emailed") => Some(
                "A reset link is on its way to the member's email. It works once, for 30 minutes.",
            ),
            Some("invite-emailed") => Some(
                "The invitation is on its way by email. Its link works once, for 7 days; the list below shows when it is used.",
            ),
            Some("status-saved") => Some("Account status saved."),
            Some("two-factor-reset") => Some("Two-factor sign-in is off for that member. They sign in with their password and can set it up again on their account page."),
            Some("welcome") => Some("Welcome to Caseroom. Your account is ready."),
            Some("case-saved") => Some("Your changes were saved."),
            Some("draft-saved") => Some(
                "Your draft is saved. Only you can see it, and it is not in the review queue; it waits on My cases. Submit it when it is ready.",
            ),
            Some("draft-deleted") => Some("The draft is deleted."),
            Some("submitted") => Some(
                "Your case is in the review queue. A moderator checks it for anything that could identify a client; members see it once it is approved. You will get a notification.",
            ),
            Some("resubmitted") => Some(
                "Your changes were saved and the case is back in the review queue. Members see it again once a moderator approves it.",
            ),
            Some("moderator-edited") => Some(
                "Your edit was saved as a new revision. The case is still waiting for review.",
            ),
            Some("claimed") => Some("You claimed this case. Other moderators see that you are reviewing it."),
            Some("approved") => Some("Approved: the case is published and its author was notified."),
            Some("returned") => Some("Returned to the author with your reason."),
            Some("rejected") => Some("Rejected. The author was notified with your reason."),
            Some("flagged") => Some("Thank you. Your flag was sent to the moderators."),
            Some("flag-hid-case") => Some(
                "Thank you. The case is hidden from members until a moderator has reviewed it.",
            ),
            Some("flag-hid-reply") => Some(
                "Thank you. The reply is hidden from members until a moderator has reviewed it.",
            ),
            Some("hidden-from-you") => Some(
                "Thank you. That case is now hidden from you, and the moderators were told.",
            ),
            Some("reply-restored") => Some("The reply is shown again."),
            Some("reply-deleted") => Some(
                "Your reply is deleted. Members see that a reply was here, not what it said or who wrote it; the moderators can still read it.",
            ),
            Some("reply-removed") => Some("The deleted reply is removed for good."),
            Some("watching") => Some("You are watching this case: you will be told of its new replies."),
            Some("not-watching") => Some("You stopped watching this case. Replying to it later does not start it again; the button below does."),
            Some("reply-held") => Some(
                "Your reply waits for a moderator: replies from newer members, and replies in which the identifier check finds something, are reviewed before others see them.",
            ),
            Some("reply-approved") => Some("Approved: the reply is published and its author was notified."),
            Some("reply-rejected") => Some("Rejected. The reply's author was notified with your reason."),
            Some("follow-up-submitted") => Some(
                "Your follow-up is in the review queue with the case. Members see the case again, with the follow-up, once a moderator approves it.",
            ),
            Some("case-closed") => Some("The case is closed to new replies and follow-ups."),
            Some("case-reopened") => Some("The case is open again."),
            Some("two-factor-off") => Some("Two-factor sign-in is off: your password alone signs you in."),
            Some("email-link-sent") => Some(
                "A link is on its way to the new address. Your email changes when you follow it (within 24 hours); until then the old one stays.",
            ),
            Some("email-changed") => Some("Your email is changed. Sign in with the new address from now on."),
            Some("theme-saved") => Some("Saved: every page uses these colours for you now."),
            Some("profile-saved") => Some("Saved. Members see your title and discipline beside your name, never on anonymous posts."),
            Some("name-changed") => Some("Your name is changed. Members see it on your cases and replies."),
            Some("case-withdrawn") => Some("The case is withdrawn and deleted. Nobody but the moderators had read it."),
            Some("case-locked") => Some("The case is locked: members cannot reply to it or change it until it is unlocked."),
            Some("case-unlocked") => Some("The case is unlocked."),
            Some("retention-set") => Some("Saved: the date below is when the case will be deleted."),
            Some("hold-placed") => Some("The case is on hold: it is not deleted while the hold stands."),
            Some("hold-released") => Some("The hold is released. The author is told a week before the case is deleted."),
            Some("redacted") => Some(
                "Redacted from the case, its replies and every stored version. The old text was overwritten in the database.",
            ),
            Some("group-created") => Some("The group is created, and you lead it as its group supervisor. Invite its members below."),
            Some("group-invited") => Some("The invitation was sent. It waits in the member's notifications for 14 days."),
            Some("group-joined") => Some("You joined the group. Its cases are in the list below, and you can bring a case to it."),
            Some("group-declined") => Some("You declined the invitation."),
            Some("group-left") => Some("You left the group. Its cases are no longer shown to you."),
            Some("group-member-removed") => Some("The member was removed. They no longer see the group or its cases."),
            _ => None,
        })
    };
    move || text().map(|t| view! { <p class="notice" role="status">{t}</p> })
}

/// The message of a refused form, announced to screen readers.
#[component]
pub fn FormError(error: Option<String>) -> impl IntoView {
    error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })
}

/// A whole-page refusal (sign-in needed, not allowed, not found) with the right status and no
/// partial data.
#[component]
pub fn ErrorPanel(error: ApiError) -> impl IntoView {
    set_status(error.status);
    let sign_in = error.is_sign_in_required();
    let title = match error.status {
        400 => "Please check what you asked for",
        401 => "Please sign in",
        403 => "Not allowed",
        404 => "Not found",
        409 => "Not possible right now",
        410 => "No longer available",
        _ => "Something went wrong",
    };
    view! {
        <div class="panel" role="alert">
            <h1>{title}</h1>
            <p>{error.message.clone()}</p>
            {sign_in.then(|| view! { <p><a class="button" href="/login">"Sign in"</a></p> })}
        </div>
    }
}

/// What the member typed into a refused form that the page no longer offers (the case was
/// closed or locked meanwhile), so nothing they wrote is lost: they can copy it.
#[component]
pub fn KeptText(
    feedback: FormFeedback,
    fields: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    let kept: Vec<(&'static str, String)> = fields
        .into_iter()
        .filter_map(|(name, label)| {
            let value = feedback.value(name);
            (!value.trim().is_empty()).then_some((label, value))
        })
        .collect();
    (!kept.is_empty()).then(|| {
        view! {
            <section class="panel kept-text" aria-labelledby="kept-heading">
                <h2 id="kept-heading">"Your text, not saved"</h2>
                <p class="muted">"Copy what you want to keep."</p>
                {kept.into_iter().enumerate().map(|(n, (label, value))| {
                    let id = format!("kept-{n}");
                    view! {
                        <div class="field">
                            <label for=id.clone()>{label}</label>
                            <TextArea name="kept" id=id rows=6 readonly=true value=value/>
                        </div>
                    }
                }).collect_view()}
            </section>
        }
    })
}
