use leptos::prelude::*;

use crate::model::GroupBadge;

/// A group case's audience, linking to the group's page. Only readers in the group (and the
/// moderators) ever see a group case, so the badge tells nobody else anything.
#[component]
pub fn GroupBadgeLink(group: Option<GroupBadge>) -> impl IntoView {
    group.map(|g| {
        view! {
            <a class="badge group" href=format!("/groups/{}", g.id)>
                {format!("Group: {}", g.name)}
            </a>
        }
    })
}
