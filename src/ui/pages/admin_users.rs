use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::admin_member_forms::{
    EraseForm, ListPlace, ResetForm, RolesForm, StatusForm, TwoFactorResetForm,
};
use crate::api::accounts::get_current_user;
use crate::api::admin::list_users;
use crate::model::UserId;
use crate::model::{ErasureRule, UserSummary};
use crate::ui::form_feedback::{FormFeedback, use_feedback};
use crate::ui::notice::{ErrorPanel, FormError, Notice};

/// Admins list members, change their roles and disable accounts.
#[component]
pub fn AdminUsersPage() -> impl IntoView {
    let feedback = use_feedback();
    // `?q=` words to find, `?page=` a page; anything unreadable: the first page.
    let (words, page) = use_query_map().with_untracked(|q| {
        (
            q.get("q").unwrap_or_default(),
            q.get("page")
                .and_then(|p| p.parse::<u32>().ok())
                .unwrap_or(1),
        )
    });
    view! {
        <PageTitle text="Members"/>
        <Notice/>
        <Suspense fallback=|| ()>
            {move || {
                let feedback = feedback.clone();
                let words = words.clone();
                Suspend::new(async move {
                    let me = get_current_user().await.ok().flatten().map(|u| u.id);
                    match list_users(Some(words), Some(page)).await {
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                        Ok(list) => {
                            let email_enabled = list.email_enabled;
                            let erasure = list.erasure;
                            let users = list.users.clone();
                            view! {
                            <section>
                                <div class="page-head">
                                    <h1>"Members"</h1>
                                    <a class="button" href="/admin/invites">"Invite a member"</a>
                                </div>
                                <form method="get" action="/admin/users" role="search" class="inline">
                                    <label>
                                        "Find a member"
                                        <input type="search" name="q" maxlength="100" value=list.words.clone() placeholder="Part of a name or email"/>
                                    </label>
                                    <button type="submit" class="secondary">"Find"</button>
                                </form>
                                <p class="muted">{match (list.words.is_empty(), list.total) {
                                    (true, n) => format!("{n} members"),
                                    (false, 1) => "1 member matches".to_owned(),
                                    (false, n) => format!("{n} members match"),
                                }}</p>
                                <MembersPager words=list.words.clone() page=list.page pages=list.pages/>
                                <ul class="member-list">
                                    {users.into_iter().map(|u| {
                                        let place = ListPlace { words: list.words.clone(), page: list.page };
                                        view! { <MemberRow user=u me=me email_enabled=email_enabled erasure=erasure feedback=feedback.clone() place=place/> }
                                    }).collect_view()}
                                </ul>
                            </section>
                        }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// Links to the previous and next pages, keeping the words searched for.
#[component]
fn MembersPager(words: String, page: u32, pages: u32) -> impl IntoView {
    let link = move |to: u32| {
        let q = crate::ui::html::url_encode(&words);
        format!("/admin/users?q={q}&page={to}")
    };
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label="Member pages">
                {(page > 1).then(|| view! { <a href=link(page - 1) rel="prev">"Previous"</a> })}
                <span>{format!("Page {page} of {pages}")}</span>
                {(page < pages).then(|| view! { <a href=link(page + 1) rel="next">"Next"</a> })}
            </nav>
        }
    })
}

#[component]
fn MemberRow(
    user: UserSummary,
    me: Option<UserId>,
    email_enabled: bool,
    erasure: ErasureRule,
    feedback: FormFeedback,
    place: ListPlace,
) -> impl IntoView {
    let is_me = me == Some(user.id);
    let form_id = format!("user-{}", user.id);
    let error = feedback.error_for(Some(&form_id));
    // A reset link just issued for this member, shown once.
    let reset_link = feedback
        .shown_once_link
        .clone()
        .filter(|_| feedback.form.as_deref() == Some(form_id.as_str()));
    let controls = if user.erased {
        view! { <p class="muted">"This account was erased. Its posts, where kept, show as by \"Former member\"."</p> }.into_any()
    } else if is_me {
        let roles = user
            .roles
            .iter()
            .map(|r| r.label())
            .collect::<Vec<_>>()
            .join(", ");
        view! {
            <p class="muted">{format!("This is you ({roles}). Another admin can change your roles or disable your account.")}</p>
        }
        .into_any()
    } else {
        view! {
            <RolesForm user=user.clone() place=place.clone()/>
            <StatusForm user=user.clone() place=place.clone()/>
            {(!user.disabled).then(|| view! { <ResetForm user=user.clone() email_enabled=email_enabled place=place.clone()/> })}
            {user.two_factor.then(|| view! { <TwoFactorResetForm user=user.clone() email_enabled=email_enabled place=place.clone()/> })}
            <EraseForm user=user.clone() erasure=erasure feedback=feedback.clone() place=place/>
        }
        .into_any()
    };
    view! {
        <li class="member panel" id=form_id class:disabled=user.disabled>
            <div class="member-head">
                <strong>{user.display_name.clone()}</strong>
                {(!user.erased).then(|| view! { <span class="muted">{user.email.clone()}</span> })}
                {if user.erased {
                    Some(view! { <span class="badge">"Erased"</span> })
                } else {
                    user.disabled.then(|| view! { <span class="badge">"Disabled"</span> })
                }}
                {(user.two_factor && !user.erased).then(|| view! { <span class="badge">"Two-factor sign-in"</span> })}
            </div>
            <FormError error=error/>
            {reset_link.map(|link| view! {
                <div class="created" role="status">
                    <p>"Give this link to " {user.display_name.clone()} " by a channel you trust. It sets a new password once, within 30 minutes, and is shown only now."</p>
                    <label>
                        "Reset link"
                        <input type="text" readonly value=link class="invite-link" aria-label="Reset link"/>
                    </label>
                </div>
            })}
            {controls}
        </li>
    }
}
