//! Consultation groups (docs/GROUPS.md): the groups, who belongs to them now and before, and
//! the invitations that bring a member in. Every change writes its audit row (ids only) in the
//! same transaction, and every refusal is a `Conflict` or `NotFound` whose message a member can
//! act on. Who may do each thing is the policy's to decide before these run.

use super::{AuditEvent, Store, StoreError};
use crate::model::UserId;

/// A member's role inside one group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupRole {
    Member,
    Supervisor,
}

impl GroupRole {
    pub fn as_str(self) -> &'static str {
        match self {
            GroupRole::Member => "member",
            GroupRole::Supervisor => "supervisor",
        }
    }

    fn parse(s: &str) -> Result<GroupRole, StoreError> {
        match s {
            "member" => Ok(GroupRole::Member),
            "supervisor" => Ok(GroupRole::Supervisor),
            _ => Err(StoreError::Corrupt("group role")),
        }
    }
}

/// A current membership, as "my groups" lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupMembership {
    pub group_id: i64,
    pub name: String,
    pub role: GroupRole,
    pub joined_at: i64,
}

/// A group's name folded for uniqueness: lower case, runs of white space as one space.
pub fn group_name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn audit<'a>(
    at: i64,
    actor: UserId,
    action: &'static str,
    target: Option<UserId>,
    detail: &'a str,
) -> AuditEvent<'a> {
    AuditEvent {
        at,
        actor: Some(actor),
        action,
        target,
        detail,
        case: None,
        review: None,
    }
}

impl Store {
    /// Creates a group led by its creator (its first group supervisor).
    pub async fn create_group(
        &self,
        name: &str,
        description: &str,
        creator: UserId,
        at: i64,
    ) -> Result<i64, StoreError> {
        let key = group_name_key(name);
        let mut tx = self.write_tx().await?;
        let taken: Option<i64> =
            sqlx::query_scalar("select id from consultation_groups where name_key = $1")
                .bind(&key)
                .fetch_optional(&mut *tx)
                .await?;
        if taken.is_some() {
            return Err(StoreError::Conflict(
                "A group with this name already exists; choose another name.",
            ));
        }
        let id: i64 = sqlx::query_scalar(
            "insert into consultation_groups (name, name_key, description, created_by, created_at) \
             values ($1, $2, $3, $4, $5) returning id",
        )
        .bind(name)
        .bind(&key)
        .bind(description)
        .bind(creator.0)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "insert into group_members (group_id, user_id, role, joined_at) values ($1, $2, 'supervisor', $3)",
        )
        .bind(id)
        .bind(creator.0)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        let detail = format!("group={id}");
        audit(at, creator, "group_created", None, &detail)
            .write(&mut tx)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Invites a member of the forum into a group, until `expires_at`.
    pub async fn invite_to_group(
        &self,
        group: i64,
        invitee: UserId,
        role: GroupRole,
        by: UserId,
        at: i64,
        expires_at: i64,
    ) -> Result<i64, StoreError> {
        let mut tx = self.write_tx().await?;
        let exists: Option<i64> =
            sqlx::query_scalar("select id from consultation_groups where id = $1")
                .bind(group)
                .fetch_optional(&mut *tx)
                .await?;
        if exists.is_none() {
            return Err(StoreError::NotFound("There is no such group."));
        }
        if current_role(&mut tx, group, invitee).await?.is_some() {
            return Err(StoreError::Conflict(
                "This member already belongs to the group.",
            ));
        }
        let open: Option<i64> = sqlx::query_scalar(
            "select id from group_invitations where group_id = $1 and invitee_id = $2 \
             and answered_at is null and expires_at > $3",
        )
        .bind(group)
        .bind(invitee.0)
        .bind(at)
        .fetch_optional(&mut *tx)
        .await?;
        if open.is_some() {
            return Err(StoreError::Conflict(
                "This member already has an invitation to the group that has not been answered.",
            ));
        }
        let id: i64 = sqlx::query_scalar(
            "insert into group_invitations (group_id, invitee_id, role, invited_by, created_at, expires_at) \
             values ($1, $2, $3, $4, $5, $6) returning id",
        )
        .bind(group)
        .bind(invitee.0)
        .bind(role.as_str())
        .bind(by.0)
        .bind(at)
        .bind(expires_at)
        .fetch_one(&mut *tx)
        .await?;
        let detail = format!("group={group} invitation={id} role={}", role.as_str());
        audit(at, by, "group_invited", Some(invitee), &detail)
            .write(&mut tx)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The invitee accepts or declines an invitation, once and before it expires. Returns the
    /// group's id.
    pub async fn answer_group_invitation(
        &self,
        invitation: i64,
        invitee: UserId,
        accept: bool,
        at: i64,
    ) -> Result<i64, StoreError> {
        let mut tx = self.write_tx().await?;
        let row: Option<(i64, String, i64, Option<i64>)> = sqlx::query_as(
            "select group_id, role, expires_at, answered_at from group_invitations \
             where id = $1 and invitee_id = $2",
        )
        .bind(invitation)
        .bind(invitee.0)
        .fetch_optional(&mut *tx)
        .await?;
        // Someone else's invitation is answered as one that does not exist.
        let Some((group, role, expires_at, answered_at)) = row else {
            return Err(StoreError::NotFound("There is no such invitation."));
        };
        if answered_at.is_some() {
            return Err(StoreError::Conflict(
                "This invitation has already been answered.",
            ));
        }
        if expires_at <= at {
            return Err(StoreError::Conflict(
                "This invitation has expired; ask the group's supervisor for a new one.",
            ));
        }
        let role = GroupRole::parse(&role)?;
        if accept && current_role(&mut tx, group, invitee).await?.is_some() {
            return Err(StoreError::Conflict("You already belong to this group."));
        }
        // The answer is conditional, so two answers at once cannot both count.
        let answered = sqlx::query(
            "update group_invitations set answered_at = $1, answer = $2 \
             where id = $3 and answered_at is null",
        )
        .bind(at)
        .bind(if accept { "accepted" } else { "declined" })
        .bind(invitation)
        .execute(&mut *tx)
        .await?;
        if answered.rows_affected() != 1 {
            return Err(StoreError::Conflict(
                "This invitation has already been answered.",
            ));
        }
        if accept {
            sqlx::query(
                "insert into group_members (group_id, user_id, role, joined_at) values ($1, $2, $3, $4)",
            )
            .bind(group)
            .bind(invitee.0)
            .bind(role.as_str())
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        let detail = format!("group={group} invitation={invitation}");
        let action = if accept {
            "group_joined"
        } else {
            "group_invitation_declined"
        };
        audit(at, invitee, action, None, &detail)
            .write(&mut tx)
            .await?;
        tx.commit().await?;
        Ok(group)
    }

    /// Ends a current membership: the member leaves (`removed_by` None) or a group supervisor
    /// or admin removes them with a reason. Access ends with the commit.
    pub async fn end_group_membership(
        &self,
        group: i64,
        member: UserId,
        removed_by: Option<(UserId, &str)>,
        at: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let ended = sqlx::query(
            "update group_members set left_at = $1, removed_by = $2, removal_reason = $3 \
             where group_id = $4 and user_id = $5 and left_at is null",
        )
        .bind(at)
        .bind(removed_by.map(|(by, _)| by.0))
        .bind(removed_by.map(|(_, reason)| reason))
        .bind(group)
        .bind(member.0)
        .execute(&mut *tx)
        .await?;
        if ended.rows_affected() != 1 {
            return Err(StoreError::Conflict(
                "This member does not belong to the group now.",
            ));
        }
        let detail = format!("group={group}");
        let event = match removed_by {
            Some((by, _)) => audit(at, by, "group_member_removed", Some(member), &detail),
            None => audit(at, member, "group_left", None, &detail),
        };
        event.write(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The groups a member belongs to now, by name.
    pub async fn groups_of(&self, member: UserId) -> Result<Vec<GroupMembership>, StoreError> {
        let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "select g.id, g.name, m.role, m.joined_at from group_members m \
             join consultation_groups g on g.id = m.group_id \
             where m.user_id = $1 and m.left_at is null order by g.name_key",
        )
        .bind(member.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(group_id, name, role, joined_at)| {
                Ok(GroupMembership {
                    group_id,
                    name,
                    role: GroupRole::parse(&role)?,
                    joined_at,
                })
            })
            .collect()
    }
}

/// The member's role in the group now, if they belong to it.
async fn current_role(
    tx: &mut sqlx::Transaction<'_, super::Db>,
    group: i64,
    member: UserId,
) -> Result<Option<GroupRole>, StoreError> {
    let role: Option<String> = sqlx::query_scalar(
        "select role from group_members where group_id = $1 and user_id = $2 and left_at is null",
    )
    .bind(group)
    .bind(member.0)
    .fetch_optional(&mut **tx)
    .await?;
    role.as_deref().map(GroupRole::parse).transpose()
}
