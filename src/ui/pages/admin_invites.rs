use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;

use crate::api::admin::list_invites;
use crate::domain::role::Role;
use crate::ui::form_feedback::use_feedback;
use crate::ui::notice::{ErrorPanel, FormError, Notice};

/// Admins invite new members by email and role. The link is emailed to them (when email is set
/// up) or shown once, right after creation, for the admin to pass on.
#[component]
pub fn AdminInvitesPage() -> impl IntoView {
    let feedback = use_feedback();
    view! {
        <PageTitle text="Invites"/>
        <Suspense fallback=|| ()>
            {move || {
                let feedback = feedback.clone();
                Suspend::new(async move {
                    match list_invites().await {
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                        Ok(list) => {
                            let chosen_role = feedback.value("role");
                            let invites = list.invites;
                            // Email by default when it is set up; a failed submission keeps the choice.
                            let by_email = list.email_enabled && feedback.value("send") != "link";
                            view! {
                                <h1>"Invites"</h1>
                                <Notice/>
                                {feedback.shown_once_link.clone().map(|link| view! {
                                    <section class="panel created" role="status">
                                        <h2>"Invite created for " {feedback.value("invited_email")}</h2>
                                        <p>"Send this link to them yourself. It works once, for 7 days, and is shown only now."</p>
                                        <label>
                                            "Invite link"
                                            <input type="text" readonly value=link.clone() class="invite-link" aria-label="Invite link"/>
                                        </label>
                                    </section>
                                })}
                                <section class="panel">
                                    <h2>"Invite a member"</h2>
                                    <FormError error=feedback.error_for(None)/>
                                    <form method="post" action="/admin/invites" class="stack">
                                        <label>
                                            "Their email"
                                            <input type="email" name="email" required value=feedback.value("email")/>
                                        </label>
                                        <label>
                                            "Role"
                                            <select name="role" required>
                                                {Role::ALL.into_iter().map(|r| {
                                                    let selected = chosen_role == r.as_str() || (chosen_role.is_empty() && r == Role::Clinician);
                                                    view! { <option value=r.as_str() selected=selected>{r.label()}</option> }
                                                }).collect_view()}
                                            </select>
                                        </label>
                                        {list.email_enabled.then(|| view! {
                                            <fieldset>
                                                <legend>"How the link reaches them"</legend>
                                                <label class="check">
                                                    <input type="radio" name="send" value="email" checked=by_email/>
                                                    "Email it to them now"
                                                </label>
                                                <label class="check">
                                                    <input type="radio" name="send" value="link" checked=!by_email/>
                                                    "Show me the link; I will send it myself"
                                                </label>
                                            </fieldset>
                                        })}
                                        <button type="submit">"Create invite"</button>
                                    </form>
                                </section>
                                <section>
                                    <h2>"Recent invites"</h2>
                                    {if invites.is_empty() {
                                        view! { <p class="muted">"No invites yet."</p> }.into_any()
                                    } else {
                                        view! {
                                            <table class="table">
                                                <thead><tr><th scope="col">"Email"</th><th scope="col">"Role"</th><th scope="col">"Status"</th></tr></thead>
                                                <tbody>
                                                    {invites.into_iter().map(|i| {
                                                        let status = if i.used_at.is_some() { "Used" } else if i.expired { "Expired" } else { "Open" };
                                                        view! { <tr><td>{i.email}</td><td>{i.role.label()}</td><td>{status}</td></tr> }
                                                    }).collect_view()}
                                                </tbody>
                                            </table>
                                        }.into_any()
                                    }}
                                </section>
                            }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}
