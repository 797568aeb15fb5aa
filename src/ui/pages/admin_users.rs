use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::admin::list_users;
use crate::domain::role::Role;
use crate::model::UserSummary;
use crate::ui::form_feedback::{FormFeedback, use_feedback};
use crate::ui::islands::ConfirmSubmit;
use crate::ui::notice::{ErrorPanel, FormError, Notice};

/// Admins list members, change their roles and disable accounts.
#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let feedback = use_feedback();
    view! {
        <Title text="Members"/>
        <Notice/>
        <Suspense fallback=|| ()>
            {move || {
                let feedback = feedback.clone();
                Suspend::new(async move {
                    match list_users().await {
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                        Ok(users) => view! {
                            <section>
                                <div class="page-head">
                                    <h1>"Members"</h1>
                                    <a class="button" href="/admin/invites">"Invite a member"</a>
                                </div>
                                <p class="muted">{format!("{} members", users.len())}</p>
                                <ul class="member-list">
                                    {users.into_iter().map(|u| view! { <MemberRow user=u feedback=feedback.clone()/> }).collect_view()}
                                </ul>
                            </section>
                        }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn MemberRow(user: UserSummary, feedback: FormFeedback) -> impl IntoView {
    let form_id = format!("user-{}", user.id);
    let error = feedback.error_for(Some(&form_id));
    let roles = user.roles.clone();
    let disabled = user.disabled;
    let name = user.display_name.clone();
    let confirm_text = format!("Disable {name}'s account? They will be signed out at once.");
    view! {
        <li class="member panel" id=form_id.clone() class:disabled=disabled>
            <div class="member-head">
                <strong>{user.display_name.clone()}</strong>
                <span class="muted">{user.email.clone()}</span>
                {disabled.then(|| view! { <span class="badge">"Disabled"</span> })}
            </div>
            <FormError error=error/>
            <form method="post" action=format!("/admin/users/{}/roles", user.id) class="roles">
                <fieldset>
                    <legend>{format!("Roles of {name}")}</legend>
                    {Role::ALL.into_iter().map(|r| view! {
                        <label class="check">
                            <input type="checkbox" name="role" value=r.as_str() checked=roles.has(r)/>
                            {r.label()}
                        </label>
                    }).collect_view()}
                </fieldset>
                <button type="submit" class="secondary">"Save roles"</button>
            </form>
            <form method="post" action=format!("/admin/users/{}/status", user.id) class="inline">
                <input type="hidden" name="disabled" value=if disabled { "false" } else { "true" }/>
                {if disabled {
                    view! { <button type="submit" class="secondary">"Enable account"</button> }.into_any()
                } else {
                    view! { <ConfirmSubmit label="Disable account".to_owned() question=confirm_text/> }.into_any()
                }}
            </form>
        </li>
    }
}
