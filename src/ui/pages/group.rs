use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::cases::list_cases;
use crate::api::groups::get_group;
use crate::domain::group::{GroupRole, REMOVAL_REASON_MAX};
use crate::model::{CaseFilter, GroupId, GroupPage};
use crate::ui::form_feedback::{FormFeedback, use_feedback};
use crate::ui::notice::{ErrorPanel, FormError, Notice};
use crate::ui::pages::case_list::CaseItem;
use crate::ui::time::format_date;

/// A consultation group's page: what it is, its cases, its members. Its group supervisors and
/// admins also invite and remove members and see where its cases stand in review.
#[component]
pub fn GroupDetailPage() -> impl IntoView {
    let feedback = use_feedback();
    let id = use_params_map()
        .with_untracked(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0));
    let id = GroupId(id);
    view! {
        <Notice/>
        <Suspense fallback=|| ()>
            {move || {
                let feedback = feedback.clone();
                Suspend::new(async move {
                    match get_group(id).await {
                        Err(e) => view! { <PageTitle text="Group"/><ErrorPanel error=e/> }.into_any(),
                        Ok(group) => {
                            let filter = CaseFilter { group: Some(id), ..CaseFilter::default() };
                            let cases = list_cases(filter, None).await;
                            view! { <Group group=group cases=cases feedback=feedback/> }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Group(
    group: GroupPage,
    cases: Result<crate::model::CasePage, crate::model::ApiError>,
    feedback: FormFeedback,
) -> impl IntoView {
    let id = group.id;
    let member = group.my_role.is_some();
    let more_cases = format!("/cases?group={id}");
    let cases = match cases {
        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
        Ok(page) if page.cases.is_empty() => view! { <p class="panel muted">"No cases in this group yet."</p> }.into_any(),
        Ok(page) => view! {
            <ol class="case-list">
                {page.cases.into_iter().map(|c| view! { <CaseItem case=c/> }).collect_view()}
            </ol>
            {page.next_cursor.map(|_| view! { <p><a class="button secondary" href=more_cases.clone()>"All the group's cases"</a></p> })}
        }.into_any(),
    };
    let manage = group.can_manage;
    view! {
        <PageTitle text=group.name.clone()/>
        <div class="page-head">
            <h1>{group.name.clone()}</h1>
            {member.then(|| view! { <a class="button" href=format!("/cases/new?group={id}")>"Bring a case to this group"</a> })}
        </div>
        <FormError error=feedback.error_for(None)/>
        {(!group.description.is_empty()).then(|| view! { <p class="group-description">{group.description.clone()}</p> })}
        <p class="muted">{match group.my_role {
            Some(role) => format!("You are a {} of this group. Its cases are read only by its members and the moderators.", role.label().to_lowercase()),
            None => "You are not a member of this group: you see it as a moderator or admin.".to_owned(),
        }}</p>
        <section aria-labelledby="cases-heading">
            <h2 id="cases-heading">"Cases"</h2>
            {cases}
        </section>
        {manage.then(|| view! { <QueueStates group=group.clone()/> })}
        <section aria-labelledby="members-heading">
            <h2 id="members-heading">"Members"</h2>
            <ul class="member-list">
                {group.members.iter().map(|m| {
                    let remove = (manage && m.id != group.viewer).then(|| view! {
                        <RemoveForm group=id member=m.id.0 name=m.name.clone() feedback=feedback.clone()/>
                    });
                    view! {
                        <li class="panel">
                            <p><strong>{m.name.clone()}</strong>" "<span class="badge">{m.role.label()}</span></p>
                            <p class="muted">{format!("Joined {}", format_date(m.joined_at))}</p>
                            {remove}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        {manage.then(|| view! { <InviteForm group=id feedback=feedback.clone()/> })}
        {manage.then(|| view! { <Former group=group.clone()/> })}
        {member.then(|| view! {
            <section class="panel" aria-labelledby="leave-heading">
                <h2 id="leave-heading">"Leave this group"</h2>
                <p>"You will no longer see the group or its cases, your own included. What you wrote stays in your name."</p>
                <form method="post" action=format!("/groups/{id}/leave")>
                    <button type="submit" class="secondary">"Leave this group"</button>
                </form>
            </section>
        })}
    }
}

/// Where the group's cases stand in review: states only, never their text (that is for their
/// authors and the moderators until a moderator approves it).
#[component]
fn QueueStates(group: GroupPage) -> impl IntoView {
    view! {
        <section aria-labelledby="queue-heading">
            <h2 id="queue-heading">"In review"</h2>
            {if group.queue.is_empty() {
                view! { <p class="muted">"No case of this group is waiting for review or back with its author."</p> }.into_any()
            } else {
                view! {
                    <p class="muted">"Moderators review every case before members read it; you see where each stands."</p>
                    <ul>
                        {group.queue.into_iter().map(|q| {
                            let state = match (q.state, q.claimed) {
                                (crate::domain::review::ReviewState::Returned, _) => "returned to its author",
                                (_, true) => "being reviewed by a moderator",
                                _ => "waiting for a moderator",
                            };
                            let since = q.submitted_at.map(|t| format!(", since {}", format_date(t))).unwrap_or_default();
                            view! { <li>{format!("Case {}: {state}{since}", q.case_id)}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn InviteForm(group: GroupId, feedback: FormFeedback) -> impl IntoView {
    let mine = feedback.form.as_deref() == Some("invite");
    let email = if mine {
        feedback.value("email")
    } else {
        String::new()
    };
    let role = if mine {
        feedback.value("role")
    } else {
        String::new()
    };
    let err = |field: &str| {
        mine.then(|| feedback.field_error(field))
            .flatten()
            .map(|e| view! { <p class="field-error">{e}</p> })
    };
    view! {
        <section class="panel" aria-labelledby="invite-heading">
            <h2 id="invite-heading">"Invite a member"</h2>
            <form method="post" action=format!("/groups/{group}/invite") class="stack" novalidate>
                <FormError error=feedback.error_for(Some("invite"))/>
                <label>
                    "Their email address on Caseroom"
                    <input type="email" name="email" required value=email autocomplete="off"/>
                    {err("email")}
                </label>
                <fieldset>
                    <legend>"Role in the group"</legend>
                    {[GroupRole::Member, GroupRole::Supervisor].into_iter().map(|r| view! {
                        <label class="check"><input type="radio" name="role" value=r.as_str() checked=role == r.as_str() || (role.is_empty() && r == GroupRole::Member)/>{r.label()}</label>
                    }).collect_view()}
                    {err("role")}
                </fieldset>
                <div class="actions"><button type="submit">"Send the invitation"</button></div>
            </form>
        </section>
    }
}

#[component]
fn RemoveForm(group: GroupId, member: i64, name: String, feedback: FormFeedback) -> impl IntoView {
    let form = format!("remove-{member}");
    let mine = feedback.form.as_deref() == Some(form.as_str());
    let reason = if mine {
        feedback.value("reason")
    } else {
        String::new()
    };
    let field = format!("reason-{member}");
    view! {
        <details open=mine>
            <summary>{format!("Remove {name}")}</summary>
            <form method="post" action=format!("/groups/{group}/members/{member}/remove") class="stack" novalidate>
                <FormError error=feedback.error_for(Some(form.as_str()))/>
                <label for=field.clone()>{format!("Why {name} is removed (the group's supervisors and admins read it; nothing about a client)")}</label>
                <input type="text" id=field name="reason" required maxlength=REMOVAL_REASON_MAX.to_string() value=reason/>
                {mine.then(|| feedback.field_error("reason")).flatten().map(|e| view! { <p class="field-error">{e}</p> })}
                <button type="submit" class="danger">{format!("Remove {name} from the group")}</button>
            </form>
        </details>
    }
}

#[component]
fn Former(group: GroupPage) -> impl IntoView {
    let invited = group.pending_invitations;
    let former = group.former;
    view! {
        {(!invited.is_empty()).then(|| view! {
            <section aria-labelledby="pending-heading">
                <h2 id="pending-heading">"Invitations not yet answered"</h2>
                <ul>
                    {invited.into_iter().map(|(name, expires)| view! { <li>{format!("{name}, until {}", format_date(expires))}</li> }).collect_view()}
                </ul>
            </section>
        })}
        {(!former.is_empty()).then(|| view! {
            <section aria-labelledby="former-heading">
                <h2 id="former-heading">"Former members"</h2>
                <ul>
                    {former.into_iter().map(|f| {
                        let how = match f.removal_reason {
                            Some(reason) => format!("removed {}: {reason}", format_date(f.left_at)),
                            None => format!("left {}", format_date(f.left_at)),
                        };
                        view! { <li>{format!("{}, {how}", f.name)}</li> }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
