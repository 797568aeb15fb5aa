use leptos::prelude::*;

use crate::model::{ApiError, GroupId, GroupOption, GroupPage, MyGroups};

/// The groups the member may bring a case to (the composer's audience choice).
#[server]
pub async fn list_group_options() -> Result<Vec<GroupOption>, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    Ok(crate::server::services::groups::options(&state, current_session().actor()).await?)
}

/// "My groups": memberships, invitations waiting for an answer, whether one may create a group.
#[server]
pub async fn get_my_groups() -> Result<MyGroups, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    Ok(crate::server::services::groups::my_groups(&state, current_session().actor()).await?)
}

/// A group's page; a group the member may not see answers like one that does not exist.
#[server]
pub async fn get_group(id: GroupId) -> Result<GroupPage, ApiError> {
    use crate::server::context::{app_state, current_session};
    let state = app_state()?;
    Ok(crate::server::services::groups::page(&state, current_session().actor(), id).await?)
}
