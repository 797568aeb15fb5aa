use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::accounts::get_current_user;
use crate::api::admin::list_users;
use crate::domain::role::Role;
use crate::model::UserId;
use crate::model::{ErasureRule, UserSummary};
use crate::ui::form_feedback::{FormFeedback, use_feedback};
use crate::ui::islands::ConfirmSubmit;
use crate::ui::notice::{ErrorPanel, FormError, Notice};
use crate::ui::raw_text::TextArea;

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

/// Where in the member list a row was shown: each of its forms posts it back, so the answer
/// (a notice, an error, a reset link shown once) comes on the same search and page, with the
/// member's row on it.
#[derive(Clone)]
struct ListPlace {
    words: String,
    page: u32,
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

#[component]
fn RolesForm(user: UserSummary, place: ListPlace) -> impl IntoView {
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
fn StatusForm(user: UserSummary, place: ListPlace) -> impl IntoView {
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
fn ResetForm(user: UserSummary, email_enabled: bool, place: ListPlace) -> impl IntoView {
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
fn TwoFactorResetForm(user: UserSummary, email_enabled: bool, place: ListPlace) -> impl IntoView {
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
fn EraseForm(
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
