use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;

use crate::api::groups::get_my_groups;
use crate::domain::group::{DESCRIPTION_MAX, NAME_MAX};
use crate::model::GroupInvitationView;
use crate::ui::form_feedback::{FormFeedback, use_feedback};
use crate::ui::notice::{ErrorPanel, FormError, Notice};
use crate::ui::raw_text::TextArea;
use crate::ui::time::format_date;

/// "My groups": the consultation groups the member belongs to, invitations waiting for an
/// answer, and, for those allowed, a form to create a group.
#[component]
pub fn MyGroupsPage() -> impl IntoView {
    let feedback = use_feedback();
    view! {
        <PageTitle text="My groups"/>
        <Notice/>
        <div class="narrow-wide">
            <h1>"My groups"</h1>
            <p class="lead">"A consultation group is a closed room: its cases are read only by its members and the moderators who review them."</p>
            <FormError error=feedback.error_for(None)/>
            <Suspense fallback=|| ()>
                {move || {
                    let feedback = feedback.clone();
                    Suspend::new(async move {
                        match get_my_groups().await {
                            Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                            Ok(mine) => view! {
                                <GroupInvitations invitations=mine.invitations/>
                                <section aria-labelledby="groups-heading">
                                    <h2 id="groups-heading">"Your groups"</h2>
                                    {if mine.groups.is_empty() {
                                        view! { <p class="panel muted">"You do not belong to a group yet. A group supervisor or an admin invites you."</p> }.into_any()
                                    } else {
                                        view! {
                                            <ul class="group-list">
                                                {mine.groups.into_iter().map(|g| view! {
                                                    <li class="panel">
                                                        <h3><a href=format!("/groups/{}", g.id)>{g.name}</a></h3>
                                                        <p class="meta"><span>{g.role.label()}</span><span>{format!("Joined {}", format_date(g.joined_at))}</span></p>
                                                    </li>
                                                }).collect_view()}
                                            </ul>
                                        }.into_any()
                                    }}
                                </section>
                                {mine.can_create.then(|| view! { <CreateGroupForm feedback=feedback.clone()/> })}
                            }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

/// Invitations into groups waiting for the member's answer, with Accept and Decline as plain
/// forms. Shown on "my groups" and with the notifications.
#[component]
pub fn GroupInvitations(invitations: Vec<GroupInvitationView>) -> impl IntoView {
    (!invitations.is_empty()).then(|| {
        view! {
            <section aria-labelledby="invitations-heading" class="group-invitations">
                <h2 id="invitations-heading">"Invitations to consultation groups"</h2>
                <ul>
                    {invitations.into_iter().map(|i| view! {
                        <li class="panel unread">
                            <p>{format!("{} invites you to the group \u{201c}{}\u{201d} as {}.", i.invited_by, i.group_name, i.role.label().to_lowercase())}</p>
                            <p class="muted">{format!("Answer by {}.", format_date(i.expires_at))}</p>
                            <form method="post" action=format!("/groups/invitations/{}", i.id) class="inline-actions">
                                <button type="submit" name="answer" value="accept">"Accept"</button>
                                <button type="submit" name="answer" value="decline" class="secondary">"Decline"</button>
                            </form>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
fn CreateGroupForm(feedback: FormFeedback) -> impl IntoView {
    let mine = feedback.form.as_deref() == Some("create-group");
    let value = |name: &str| {
        if mine {
            feedback.value(name)
        } else {
            String::new()
        }
    };
    let err = |field: &str| {
        mine.then(|| feedback.field_error(field))
            .flatten()
            .map(|e| view! { <p class="field-error">{e}</p> })
    };
    view! {
        <section class="panel" aria-labelledby="create-heading">
            <h2 id="create-heading">"Create a group"</h2>
            <form method="post" action="/groups" class="stack" novalidate>
                <FormError error=feedback.error_for(Some("create-group"))/>
                <label>
                    "Name"
                    <input type="text" name="name" required minlength="3" maxlength=NAME_MAX.to_string() value=value("name")/>
                    {err("name")}
                </label>
                <label>
                    "Description (optional)"
                    <TextArea name="description" rows=3 maxlength=DESCRIPTION_MAX value=value("description")/>
                    <span class="help">"Who the group is for and how it works. Members read it without a moderator's review: nothing about a client."</span>
                    {err("description")}
                </label>
                <div class="actions"><button type="submit">"Create the group"</button></div>
            </form>
        </section>
    }
}
