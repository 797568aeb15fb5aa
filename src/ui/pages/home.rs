use crate::ui::raw_text::PageTitle;
use leptos::prelude::*;

use crate::api::accounts::get_current_user;
use crate::ui::notice::Notice;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <PageTitle text=""/>
        <Notice/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match get_current_user().await {
                    Ok(Some(user)) => view! {
                        <section class="panel">
                            <h1>{format!("Welcome, {}", user.display_name)}</h1>
                            <p>"Caseroom is where clinicians bring the cases where they feel stuck: the situation, what was tried, the stuck point and the blind spot they suspect. Supervisors and peers reply; moderators keep every case free of anything that could identify a client."</p>
                            <p><a class="button" href="/cases">"Browse cases"</a>" "<a class="button secondary" href="/cases/new">"Bring a case"</a></p>
                            <p class="muted">{format!("Your roles: {}", user.roles.iter().map(|r| r.label()).collect::<Vec<_>>().join(", "))}</p>
                        </section>
                    }.into_any(),
                    _ => view! {
                        <section class="panel hero">
                            <h1>"Caseroom"</h1>
                            <p class="lead">"Case consultation for clinicians: bring the case where you feel stuck, get supervisor feedback and peer perspectives, safely de-identified."</p>
                            <p>"Membership is by invitation. If you have an invite link, open it to create your account."</p>
                            <p><a class="button" href="/login">"Sign in"</a></p>
                        </section>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}
