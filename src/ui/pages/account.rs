use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;

use super::account_security::{EmailSection, TwoFactorSection};
use crate::api::accounts::{get_current_user, get_erasure_rule, get_mail_settings, get_profile};
use crate::domain::theme::Theme;
use crate::model::{ApiError, ErasureRule, MailDelivery};
use crate::ui::form_feedback::use_feedback;
use crate::ui::islands::PasswordFields;
use crate::ui::notice::{ErrorPanel, FormError, Notice};

#[component]
pub fn AccountPage() -> impl IntoView {
    let feedback = use_feedback();
    view! {
        <PageTitle text="Your account"/>
        <div class="narrow">
            <Notice/>
            <Suspense fallback=|| ()>
                {move || {
                    let feedback = feedback.clone();
                    Suspend::new(async move {
                        match get_current_user().await {
                            Ok(Some(user)) => view! {
                                <section class="panel">
                                    <h1>"Your account"</h1>
                                    <p>"Signed in as " <strong>{user.display_name.clone()}</strong> "."</p>
                                    <h2>"Your name"</h2>
                                    <p class="muted" id="name-help">"Members see it on your cases and replies, unless you post anonymously."</p>
                                    <FormError error=feedback.error_for(Some("name"))/>
                                    <form method="post" action="/account/name" class="inline">
                                        <label>
                                            "Display name"
                                            <input name="display_name" maxlength="60" required autocomplete="name" aria-describedby="name-help"
                                                value=if feedback.form.as_deref() == Some("name") && feedback.has_values() { feedback.value("display_name") } else { user.display_name.clone() }/>
                                        </label>
                                        <button type="submit" class="secondary">"Save name"</button>
                                    </form>
                                    <ProfileSection/>
                                    <EmailSection/>
                                    <TwoFactorSection/>
                                    <h2>"Change password"</h2>
                                    <p class="muted">"Changing your password signs you out everywhere else."</p>
                                    <FormError error=feedback.error_for(None)/>
                                    <form method="post" action="/account" class="stack">
                                        <label>
                                            "Current password"
                                            <input type="password" name="current" autocomplete="current-password" required/>
                                        </label>
                                        <PasswordFields/>
                                        <button type="submit">"Change password"</button>
                                    </form>
                                </section>
                                <MailSettingsSection/>
                                <section class="panel" id="export">
                                    <h2>"Your data"</h2>
                                    <p>"Download everything Caseroom holds about you: your account, your cases with every saved version, your replies, the replies to your cases as you see them, your flags, notifications, groups and what the log records you doing. One ZIP file of JSON, with a page to read it in a browser."</p>
                                    <p class="muted">"It may hold clinical case material: keep it as carefully as the forum does."</p>
                                    <FormError error=feedback.error_for(Some("export"))/>
                                    <form method="post" action="/account/export">
                                        <button type="submit" class="secondary">"Download my data"</button>
                                    </form>
                                </section>
                                <EraseSection/>
                            }.into_any(),
                            Ok(None) => view! { <ErrorPanel error=sign_in_required()/> }.into_any(),
                            Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

/// Professional title and discipline: a plain form, kept as typed when refused.
#[component]
fn ProfileSection() -> impl IntoView {
    let feedback = use_feedback();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let feedback = feedback.clone();
                Suspend::new(async move {
                    let saved = get_profile().await.unwrap_or_default();
                    let value = |field: &str, saved: String| {
                        if feedback.has_values() && feedback.form.as_deref() == Some("profile") {
                            feedback.value(field)
                        } else {
                            saved
                        }
                    };
                    let err = |field: &str| {
                        feedback
                            .field_error(field)
                            .map(|e| view! { <p class="field-error" id=format!("{field}-error")>{e}</p> })
                    };
                    let title = value("professional_title", saved.professional_title);
                    let discipline = value("discipline", saved.discipline);
                    view! {
                        <h2 id="appearance">"Appearance"</h2>
                        <FormError error=feedback.error_for(Some("theme"))/>
                        <form method="post" action="/account/theme" class="stack">
                            <fieldset>
                                <legend>"Colours"</legend>
                                {Theme::ALL.into_iter().map(|t| view! {
                                    <label class="check"><input type="radio" name="theme" value=t.key() checked=saved.theme == t/>{t.label()}</label>
                                }).collect_view()}
                            </fieldset>
                            <button type="submit" class="secondary">"Save colours"</button>
                        </form>
                        <h2>"Your title and discipline"</h2>
                        <p class="muted" id="profile-help">"Optional. Members see them beside your name on your cases and replies, never on anonymous posts. Say what you do, not where or with whom."</p>
                        <FormError error=feedback.error_for(Some("profile"))/>
                        <form method="post" action="/account/profile" class="stack">
                            <label>
                                "Professional title"
                                <input name="professional_title" maxlength="80" aria-describedby="profile-help" placeholder="Clinical psychologist" value=title/>
                            </label>
                            {err("professional_title")}
                            <label>
                                "Discipline"
                                <input name="discipline" maxlength="80" aria-describedby="profile-help" placeholder="CBT, family therapy" value=discipline/>
                            </label>
                            {err("discipline")}
                            <button type="submit" class="secondary">"Save title and discipline"</button>
                        </form>
                    }
                })
            }}
        </Suspense>
    }
}

/// Per kind of message: immediately, in the daily digest, or never. Every message also carries
/// a link that stops its kind without signing in.
#[component]
fn MailSettingsSection() -> impl IntoView {
    let feedback = use_feedback();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let feedback = feedback.clone();
                Suspend::new(async move {
                    match get_mail_settings().await {
                        Err(e) => view! { <ErrorPanel error=e/> }.into_any(),
                        Ok(settings) if !settings.email_enabled => view! {
                            <section class="panel" id="email">
                                <h2>"Email"</h2>
                                <p class="muted">"This site does not send email: what happens is on your notifications page."</p>
                            </section>
                        }.into_any(),
                        Ok(settings) => {
                            let chosen = |kind: &str, saved: MailDelivery| {
                                let typed = feedback.value(kind);
                                MailDelivery::parse(&typed).unwrap_or(saved)
                            };
                            view! {
                                <section class="panel" id="email">
                                    <h2>"Email"</h2>
                                    <p class="muted">{format!(
                                        "Emails say only that something happened, with a link; what it was is on the site. The daily digest goes out at {:02}:00 UTC.",
                                        settings.digest_hour
                                    )}</p>
                                    <FormError error=feedback.error_for(Some("email"))/>
                                    <form method="post" action="/account/email" class="stack">
                                        {settings.preferences.into_iter().map(|p| {
                                            let current = chosen(&p.kind, p.delivery);
                                            let kind = p.kind.clone();
                                            view! {
                                                <fieldset class="choice">
                                                    <legend>{p.label.clone()}</legend>
                                                    {MailDelivery::ALL.into_iter().map(|d| view! {
                                                        <label class="check">
                                                            <input type="radio" name=kind.clone() value=d.key() checked=current == d/>
                                                            {d.label()}
                                                        </label>
                                                    }).collect_view()}
                                                </fieldset>
                                            }
                                        }).collect_view()}
                                        <button type="submit">"Save email choices"</button>
                                    </form>
                                </section>
                            }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}

/// Deleting one's own account: the password, what happens to one's posts (where the forum lets
/// the member choose), and a box to tick. Nothing happens without all three.
#[component]
fn EraseSection() -> impl IntoView {
    let feedback = use_feedback();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let feedback = feedback.clone();
                Suspend::new(async move {
                    let rule = get_erasure_rule().await.unwrap_or(ErasureRule::Choose);
                    let chosen = feedback.value("posts");
                    let posts = match rule {
                        ErasureRule::Choose => view! {
                            <fieldset class="choice">
                                <legend>"Your cases and replies"</legend>
                                <label class="check">
                                    <input type="radio" name="posts" value="remove" checked=chosen == "remove"/>
                                    "Remove them with my account"
                                </label>
                                <label class="check">
                                    <input type="radio" name="posts" value="keep" checked=chosen == "keep"/>
                                    "Keep them for others to learn from, shown as by \"Former member\""
                                </label>
                            </fieldset>
                        }.into_any(),
                        ErasureRule::Remove => view! { <p>"Your cases and replies are removed with your account."</p> }.into_any(),
                        ErasureRule::Keep => view! { <p>"Your cases and replies stay for others to learn from, shown as by \"Former member\"."</p> }.into_any(),
                    };
                    view! {
                        <section class="panel" id="erase">
                            <h2>"Delete your account"</h2>
                            <p>"Your name, email, password, sessions, notifications and email choices are erased, and you are signed out. This cannot be undone; download your data first if you want a copy."</p>
                            <FormError error=feedback.error_for(Some("erase"))/>
                            <form method="post" action="/account/delete" class="stack">
                                {posts}
                                <label>
                                    "Your password"
                                    <input type="password" name="password" autocomplete="current-password" required/>
                                </label>
                                <label class="check">
                                    <input type="checkbox" name="confirm" value="yes" required/>
                                    "I understand my account cannot be brought back"
                                </label>
                                <button type="submit" class="danger">"Delete my account"</button>
                            </form>
                        </section>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}

fn sign_in_required() -> ApiError {
    ApiError {
        code: "sign_in_required".into(),
        message: "Please sign in to continue.".into(),
        status: 401,
    }
}
