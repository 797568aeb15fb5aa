//! The demo consultation group: led by the demo supervisor, with both demo clinicians, made
//! through the same services as the group pages' forms.

use crate::domain::policy::Actor;
use crate::model::GroupId;
use crate::server::services::groups;
use crate::server::state::AppState;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

const NAME: &str = "Thursday peer consultation";
const DESCRIPTION: &str = "A closed peer consultation group that meets on Thursdays. Bring the cases where you feel stuck in the room, especially the ones about your own reactions.";

/// The demo group's id, creating it (and its memberships) the first time.
pub async fn ensure(
    state: &AppState,
    admin: &Actor,
    lead: (&Actor, &str),
    members: &[(&Actor, &str)],
) -> Result<GroupId, BoxError> {
    if let Some(existing) = groups::options(state, Some(lead.0))
        .await?
        .into_iter()
        .find(|g| g.name == NAME)
    {
        return Ok(existing.id);
    }
    let id = groups::create(state, Some(admin), NAME, DESCRIPTION).await?;
    groups::invite(state, Some(admin), id, lead.1, "supervisor").await?;
    accept(state, lead.0).await?;
    for (member, email) in members {
        groups::invite(state, Some(lead.0), id, email, "member").await?;
        accept(state, member).await?;
    }
    // The admin created it to hand it over: the demo supervisor leads it.
    groups::leave(state, Some(admin), id).await?;
    Ok(id)
}

async fn accept(state: &AppState, member: &Actor) -> Result<(), BoxError> {
    let mine = groups::my_groups(state, Some(member)).await?;
    for invitation in mine.invitations {
        groups::answer(state, Some(member), invitation.id, true).await?;
    }
    Ok(())
}
