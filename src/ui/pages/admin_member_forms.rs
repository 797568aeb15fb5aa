//! The forms on a row of the admin's member list: roles, disabling, a password reset link,
//! turning off two-factor sign-in, erasure. Each posts the list's place back, so the answer
//! comes on the page the admin was on.

use leptos::prelude::*;

use crate::domain::role::Role;
use crate::model::{ErasureRule, UserSummary};
use crate::ui::form_feedback::FormFeedback;
use crate::ui::islands::ConfirmSubmit;
use crate::ui::raw_text::TextArea;

/// Where in the member list a row was shown: each of its forms posts it back, so the answer
/// (a notice, an error, a reset link shown once) comes on the same search and page, with the
/// member's row on it.
#[derive(Clone)]
pub(super) struct ListPlace {
    pub(super) words: String,
    pub(super) page: u32,
}

impl ListPlace {
    fn fields(&self) -> impl IntoView + use<> {
        view! {
            <input type="hidden" name="q" value=self.words.clone()/>
            <input type="hidden" name="page" value=self.page.to_string()/>
        }
    }
}

#[component]
pub(super) fn RolesForm(user: UserSummary, place: ListPlace) -> impl IntoView {
    let roles = user.roles.clone();
    view! {
        <form method="post" action=format!("/admin/users/{}/roles", user.id) class="roles">
            {place.fields()}
            <fieldset>
                <legend>{format!("Roles of {}", user.display_name)}</legend>
                {Role::ALL.into_iter().map(|r| view! {
                    <label class="check">
                        <input type="checkbox" name="role" value=r.as_str() checked=roles.has(r)/>
                        {r.label()}
                    </label>
                }).collect_view()}
            </fieldset>
            <button type="submit" class="secondary">"Save roles"</button>
        </form>
    }
    .into_any()
}

#[component]
pub(super) fn StatusForm(user: UserSummary, place: ListPlace) -> impl IntoView {
    let button = if user.disabled {
        view! { <button type="submit" class="secondary">"Enable account"</button> }.into_any()
    } else {
        let question = format!(
            "Disable {}'s account? They will be signed out at once.",
            user.display_name
        );
        view! {
            <ConfirmSubmit>
                <button type="submit" class="danger" data-confirm=question>"Disable account"</button>
            </ConfirmSubmit>
        }
        .into_any()
    };
    view! {
        <form method="post" action=format!("/admin/users/{}/status", user.id) class="inline">
            <input type="hidden" name="disabled" value=if user.disabled { "false" } else { "true" }/>
            {place.fields()}
            {button}
        </form>
    }
    .into_any()
}

/// An admin's way back in for a member who forgot their password: emailed to the member when
/// email is set up, else a link shown once to pass on.
#[component]
pub(super) fn ResetForm(user: UserSummary, email_enabled: bool, place: ListPlace) -> impl IntoView {
    let label = if email_enabled {
        "Email a password reset link"
    } else {
        "Make a password reset link"
    };
    view! {
        <form method="post" action=format!("/admin/users/{}/reset", user.id) class="inline">
            {place.fields()}
            <button type="submit" class="secondary">{label}</button>
        </form>
    }
    .into_any()
}

/// Turning off a member's two-factor sign-in, for a member who lost both the phone and the
/// recovery codes. Inside a disclosure, with a box to tick: it lets anyone with the password in.
#[component]
pub(super) fn TwoFactorResetForm(
    user: UserSummary,
    email_enabled: bool,
    place: ListPlace,
) -> impl IntoView {
    let told = if email_enabled {
        " They are told by email."
    } else {
        ""
    };
    view! {
        <details class="erase">
            <summary>{format!("Turn off {}'s two-factor sign-in", user.display_name)}</summary>
            <form method="post" action=format!("/admin/users/{}/two-factor/reset", user.id) class="stack">
                {place.fields()}
                <p class="muted">{format!("For a member who lost both their phone and their recovery codes. Check that it is them asking, by a channel you trust: until they set it up again, their password alone signs them in. Their sessions end.{told}")}</p>
                <label class="check">
                    <input type="checkbox" name="confirm" value="yes" required/>
                    "The member asked for this, and I checked it was them"
                </label>
                <button type="submit" class="danger">"Turn off two-factor sign-in"</button>
            </form>
        </details>
    }
    .into_any()
}

/// Erasing a member's account: a reason (kept with the erasure) and, where the forum lets the
/// admin choose, what happens to the member's posts. Inside a disclosure so it is never one
/// click away.
#[component]
pub(super) fn EraseForm(
    user: UserSummary,
    erasure: ErasureRule,
    feedback: FormFeedback,
    place: ListPlace,
) -> impl IntoView {
    let form_id = format!("user-{}", user.id);
    let mine = feedback.form.as_deref() == Some(form_id.as_str());
    let kept = |name: &str| {
        if mine {
            feedback.value(name)
        } else {
            String::new()
        }
    };
    let (reason, chosen) = (kept("reason"), kept("posts"));
    let posts = match erasure {
        ErasureRule::Choose => view! {
            <fieldset class="choice">
                <legend>"Their cases and replies"</legend>
                <label class="check">
                    <input type="radio" name="posts" value="remove" checked=chosen == "remove"/>
                    "Remove them"
                </label>
                <label class="check">
                    <input type="radio" name="posts" value="keep" checked=chosen == "keep"/>
                    "Keep them as by \"Former member\""
                </label>
            </fieldset>
        }
        .into_any(),
        ErasureRule::Remove => {
            view! { <p class="muted">"Their cases and replies are removed."</p> }.into_any()
        }
        ErasureRule::Keep => {
            view! { <p class="muted">"Their cases and replies stay, as by \"Former member\"."</p> }
                .into_any()
        }
    };
    view! {
        <details class="erase" open=mine>
            <summary>{format!("Erase {}'s account", user.display_name)}</summary>
            <form method="post" action=format!("/admin/users/{}/erase", user.id) class="stack">
                {place.fields()}
                {posts}
                <label>
                    "Reason (kept with the erasure)"
                    <TextArea name="reason" value=reason required=true maxlength=1000 rows=3/>
                </label>
                <button type="submit" class="danger">"Erase account"</button>
            </form>
        </details>
    }
    .into_any()
}
