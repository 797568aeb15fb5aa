//! The account page's sign-in safety: the member's email and its change, and two-factor
//! sign-in.

use leptos::prelude::*;

use crate::api::accounts::{get_own_email, get_two_factor};
use crate::model::TwoFactorView;
use crate::ui::form_feedback::use_feedback;
use crate::ui::notice::FormError;

/// The member's email, and a change of it: confirmed from the new address when email is set
/// up. The typed address is kept when refused.
#[component]
pub(super) fn EmailSection() -> impl IntoView {
    let feedback = use_feedback();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let feedback = feedback.clone();
                Suspend::new(async move {
                    let current = get_own_email().await.unwrap_or_default();
                    let typed = if feedback.form.as_deref() == Some("your-email") { feedback.value("new_email") } else { String::new() };
                    view! {
                        <h2 id="your-email">"Your email"</h2>
                        <p>"Caseroom signs you in and writes to you at "<strong class="address">{current}</strong>". A new address is used once you confirm it from a link sent there."</p>
                        <FormError error=feedback.error_for(Some("your-email"))/>
                        <form method="post" action="/account/email-change" class="stack">
                            <label>"New email"
                                <input type="email" name="new_email" autocomplete="email" required maxlength="254" value=typed/>
                            </label>
                            <label>"Your password, to change your email"
                                <input type="password" name="password" autocomplete="current-password" required/>
                            </label>
                            <button type="submit" class="secondary">"Change email"</button>
                        </form>
                    }
                })
            }}
        </Suspense>
    }
}

/// Two-factor sign-in: set it up with a key for an authenticator app, confirmed by a code;
/// the recovery codes shown once; turned off with a code.
#[component]
pub(super) fn TwoFactorSection() -> impl IntoView {
    let feedback = use_feedback();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let feedback = feedback.clone();
                Suspend::new(async move {
                    let Ok(state) = get_two_factor().await else {
                        return ().into_any();
                    };
                    let error = feedback.error_for(Some("two-factor"));
                    let codes = feedback.value("recovery_codes");
                    let required = match &state {
                        TwoFactorView::Off { required } | TwoFactorView::SettingUp { required, .. } | TwoFactorView::On { required, .. } => *required,
                    };
                    let body = match state {
                        TwoFactorView::Off { .. } => view! {
                            <p>"Two-factor sign-in is off. With it on, signing in also asks for a code from an authenticator app on your phone."</p>
                            <form method="post" action="/account/two-factor/start" class="inline">
                                <label>"Your password, to set it up"
                                    <input type="password" name="password" autocomplete="current-password" required/>
                                </label>
                                <button type="submit" class="secondary">"Set up two-factor sign-in"</button>
                            </form>
                        }.into_any(),
                        TwoFactorView::SettingUp { secret, uri, .. } => view! {
                            <p>"Add Caseroom to your authenticator app with this key (or open the link on your phone), then type the code it shows."</p>
                            <p><code class="secret">{secret}</code></p>
                            <p><a href=uri>"Open in an authenticator app"</a></p>
                            <form method="post" action="/account/two-factor/confirm" class="inline">
                                <label>"Code from the app"
                                    <input type="text" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="20"/>
                                </label>
                                <button type="submit">"Turn on"</button>
                            </form>
                        }.into_any(),
                        TwoFactorView::On { recovery_codes_left, .. } => view! {
                            <p>{format!("Two-factor sign-in is on. {recovery_codes_left} recovery codes left.")}</p>
                            <form method="post" action="/account/two-factor/disable" class="inline">
                                <label>"A code from the app, or a recovery code"
                                    <input type="text" name="code" autocomplete="one-time-code" required maxlength="20"/>
                                </label>
                                <button type="submit" class="secondary">"Turn off"</button>
                            </form>
                        }.into_any(),
                    };
                    view! {
                        <h2 id="two-factor">"Two-factor sign-in"</h2>
                        {required.then(|| view! { <p class="notice">"This forum asks moderators and admins to use it: your moderator and admin tools work once it is on."</p> })}
                        <FormError error=error/>
                        {(!codes.is_empty()).then(|| view! {
                            <div class="panel" role="status">
                                <p><strong>"Two-factor sign-in is on."</strong>" Keep these recovery codes somewhere safe, away from your phone: each signs you in once if the phone is lost. They are shown only now."</p>
                                <ul class="recovery-codes">
                                    {codes.split(' ').map(|c| view! { <li><code>{c.to_owned()}</code></li> }).collect_view()}
                                </ul>
                            </div>
                        })}
                        {body}
                    }.into_any()
                })
            }}
        </Suspense>
    }
}
