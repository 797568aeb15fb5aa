//! The HTML shell and the route table. No logic lives here.

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::ui::layout::Layout;
use crate::ui::pages::{
    AccountPage, AdminAuditPage, AdminInvitesPage, AdminOutboxPage, AdminUsersPage, BlindSpotsPage,
    CaseListPage, CasePage, ComposePage, EditCasePage, EditReplyPage, EmailConfirmPage,
    FlagReplyPage, FollowUpPage, ForgotPasswordPage, GroupDetailPage, HomePage, LoginPage,
    MyCasesPage, MyGroupsPage, NotFoundPage, NotificationsPage, RegisterPage, ReplyReviewPage,
    ResetPasswordPage, ReviewPage, ReviewQueuePage, RevisionsPage, SearchPage, TwoFactorLoginPage,
    UnsubscribePage,
};

/// Paths whose pages contain islands. Only these load the wasm: every other page is complete as
/// plain HTML, so it should not pay ~90 KB for code it never runs. A test renders every page and
/// checks this list against the islands actually on it (tests/http/pages.rs).
pub fn path_has_islands(path: &str) -> bool {
    matches!(
        path,
        "/register" | "/password/reset" | "/account" | "/admin/users" | "/cases/new"
    ) || (path.starts_with("/cases/") && (path.ends_with("/edit") || path.ends_with("/follow-up")))
}

/// The document around every page. Runs on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    provide_request_nonce();
    #[cfg(feature = "ssr")]
    let islands =
        use_context::<axum::http::request::Parts>().is_some_and(|p| path_has_islands(p.uri.path()));
    #[cfg(not(feature = "ssr"))]
    let islands = true;
    let scripts = islands.then(|| view! { <HydrationScripts options islands=true/> });
    // The member's choice of colours, on the server: the page is right before any script runs.
    #[cfg(feature = "ssr")]
    let theme = crate::server::context::current_session()
        .signed_in
        .map(|s| s.theme)
        .unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    let theme = crate::domain::theme::Theme::Device;
    let data_theme = theme.stored();
    view! {
        <!DOCTYPE html>
        <html lang="en" data-theme=data_theme>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content=theme.color_scheme()/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                {scripts}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Hands this response's CSP nonce (made by the security middleware) to Leptos's script tags.
#[cfg(feature = "ssr")]
fn provide_request_nonce() {
    use crate::server::security::CspNonce;
    if let Some(nonce) = use_context::<axum::http::request::Parts>()
        .and_then(|p| p.extensions.get::<CspNonce>().cloned())
    {
        provide_context(leptos::nonce::Nonce::from_value(nonce.0));
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet href="/pkg/caseroom.css"/>
        <Title formatter=|page: String| if page.is_empty() { "Caseroom".to_owned() } else { format!("{page} · Caseroom") }/>
        <Router>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/login/two-factor") view=TwoFactorLoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/register") view=RegisterPage ssr=SsrMode::Async/>
                    <Route path=path!("/password/forgot") view=ForgotPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/password/reset") view=ResetPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/unsubscribe") view=UnsubscribePage ssr=SsrMode::Async/>
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/email/confirm") view=EmailConfirmPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users") view=AdminUsersPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/invites") view=AdminInvitesPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/audit") view=AdminAuditPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/outbox") view=AdminOutboxPage ssr=SsrMode::Async/>
                    <Route path=path!("/cases") view=CaseListPage ssr=SsrMode::Async/>
                    <Route path=path!("/cases/new") view=ComposePage ssr=SsrMode::Async/>
                    <Route path=path!("/cases/mine") view=MyCasesPage ssr=SsrMode::Async/>
                    <Route path=path!("/blind-spots") view=BlindSpotsPage ssr=SsrMode::Async/>
                    <Route path=path!("/cases/:id") view=CasePage ssr=SsrMode::Async/>
                    <Route path=path!("/cases/:id/edit") view=EditCasePage ssr=SsrMode::Async/>
                    <Route path=path!("/cases/:id/revisions") view=RevisionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/cases/:id/follow-up") view=FollowUpPage ssr=SsrMode::Async/>
                    <Route path=path!("/replies/:id/edit") view=EditReplyPage ssr=SsrMode::Async/>
                    <Route path=path!("/replies/:id/flag") view=FlagReplyPage ssr=SsrMode::Async/>
                    <Route path=path!("/notifications") view=NotificationsPage ssr=SsrMode::Async/>
                    <Route path=path!("/review") view=ReviewQueuePage ssr=SsrMode::Async/>
                    <Route path=path!("/review/:id") view=ReviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/review/replies/:id") view=ReplyReviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/search") view=SearchPage ssr=SsrMode::Async/>
                    <Route path=path!("/groups") view=MyGroupsPage ssr=SsrMode::Async/>
                    <Route path=path!("/groups/:id") view=GroupDetailPage ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}
