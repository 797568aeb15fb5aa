use leptos::prelude::*;

use crate::api::accounts::get_current_user;
use crate::api::cases::count_unread_notifications;
use crate::api::review::count_review_queue;
use crate::domain::role::Role;

/// Header, navigation and the page column around every route.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href="/">"Caseroom"</a>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match get_current_user().await {
                        Ok(Some(user)) => {
                            let admin = user.roles.has(Role::Admin);
                            let unread = count_unread_notifications().await.unwrap_or(0);
                            let queue = count_review_queue().await.ok().flatten();
                            // The count stops at a hundred (store::sessions).
                            let notifications = match unread {
                                0 => "Notifications".to_owned(),
                                1..=99 => format!("Notifications ({unread})"),
                                _ => "Notifications (99+)".to_owned(),
                            };
                            view! {
                                <form method="get" action="/search" class="site-search" role="search">
                                    <label for="site-search-q" class="visually-hidden">"Search cases"</label>
                                    <input id="site-search-q" type="search" name="q" maxlength="200" placeholder="Search cases"/>
                                    <button type="submit" class="secondary">"Search"</button>
                                </form>
                                <nav class="site-nav" aria-label="Main">
                                    <a href="/cases">"Cases"</a>
                                    <a href="/cases/mine">"My cases"</a>
                                    <a href="/groups">"Groups"</a>
                                    <a href="/notifications">{notifications}</a>
                                    {queue.map(|n| view! { <a href="/review">{format!("Review queue ({n})")}</a> })}
                                    {admin.then(|| view! {
                                        <a href="/admin/users">"Members"</a>
                                        <a href="/admin/invites">"Invites"</a>
                                        <a href="/admin/audit">"Audit log"</a>
                                        <a href="/admin/outbox">"Email"</a>
                                    })}
                                    <a href="/account">{user.display_name.clone()}</a>
                                    <form method="post" action="/logout" class="inline">
                                        <button type="submit" class="link">"Sign out"</button>
                                    </form>
                                </nav>
                            }.into_any()
                        }
                        _ => view! {
                            <nav class="site-nav" aria-label="Main"><a href="/login">"Sign in"</a></nav>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </header>
        <main id="main" class="page">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    get_current_user().await.ok().flatten().filter(|u| u.two_factor_needed).map(|_| view! {
                        <p class="notice" role="status">"Your moderator and admin tools wait for two-factor sign-in. "<a href="/account#two-factor">"Set it up on your account page"</a>"."</p>
                    })
                })}
            </Suspense>
            {children()}
        </main>
        <footer class="site-footer">
            <p>"Caseroom is for de-identified case consultation. Never post anything that could identify a client."</p>
        </footer>
    }
}
