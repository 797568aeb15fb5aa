//! Consultation groups (docs/GROUPS.md): the groups and who belongs to them now and before.
//! Invitations, which bring a member in, are in `group_invitations`. Every change writes its
//! audit row (ids only) in the same transaction, and every refusal is a `Conflict` or
//! `NotFound` whose message a member can act on. Who may do each thing is the policy's to
//! decide before these run.

use super::{AuditEvent, Db, Store, StoreError};
use crate::domain::group::{GroupRole, group_name_key};
use crate::model::{GroupId, UserId};
use crate::server::gate::{GatedGroup, GatedRemoval};

/// A current membership, as "my groups" lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupMembership {
    pub group_id: GroupId,
    pub name: String,
    pub role: GroupRole,
    pub joined_at: i64,
}

pub(super) fn parse_role(s: &str) -> Result<GroupRole, StoreError> {
    GroupRole::parse(s).ok_or(StoreError::Corrupt("group role"))
}

pub(super) fn audit<'a>(
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
        group: &GatedGroup,
        creator: UserId,
        at: i64,
    ) -> Result<GroupId, StoreError> {
        let key = group_name_key(group.name());
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
        .bind(group.name())
        .bind(&key)
        .bind(group.description())
        .bind(creator.0)
        .bind(at)
        .fetch_one(&mut *tx)
        .await?;
        let id = GroupId(id);
        add_member(&mut tx, id, creator, GroupRole::Supervisor, at).await?;
        let detail = format!("group={id}");
        audit(at, creator, "group_created", None, &detail)
            .write(&mut tx)
            .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Ends a current membership: the member leaves (`removed_by` None) or a group supervisor
    /// or admin removes them with a reason. Access ends with the commit.
    pub async fn end_group_membership(
        &self,
        group: GroupId,
        member: UserId,
        removed_by: Option<(UserId, &GatedRemoval)>,
        at: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let ended = sqlx::query(
            "update group_members set left_at = $1, removed_by = $2, removal_reason = $3 \
             where group_id = $4 and user_id = $5 and left_at is null",
        )
        .bind(at)
        .bind(removed_by.map(|(by, _)| by.0))
        .bind(removed_by.map(|(_, removal)| removal.reason()))
        .bind(group.0)
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

    /// The member's role in the group now, if they belong to it.
    pub async fn group_role(
        &self,
        group: GroupId,
        member: UserId,
    ) -> Result<Option<GroupRole>, StoreError> {
        role_in(&self.pool, group, member).await
    }

    /// The group's name, if `member` belongs to it now (the composer's audience check).
    pub async fn group_name_for_member(
        &self,
        group: GroupId,
        member: UserId,
    ) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "select g.name from consultation_groups g join group_members m on m.group_id = g.id \
             where g.id = $1 and m.user_id = $2 and m.left_at is null",
        )
        .bind(group.0)
        .bind(member.0)
        .fetch_optional(&self.pool)
        .await?)
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
                    group_id: GroupId(group_id),
                    name,
                    role: parse_role(&role)?,
                    joined_at,
                })
            })
            .collect()
    }
}

/// The member's role in the group now, if they belong to it, read through `executor` (the pool,
/// or a write's transaction).
pub(super) async fn role_in<'e, E>(
    executor: E,
    group: GroupId,
    member: UserId,
) -> Result<Option<GroupRole>, StoreError>
where
    E: sqlx::Executor<'e, Database = Db>,
{
    let role: Option<String> = sqlx::query_scalar(
        "select role from group_members where group_id = $1 and user_id = $2 and left_at is null",
    )
    .bind(group.0)
    .bind(member.0)
    .fetch_optional(executor)
    .await?;
    role.as_deref().map(parse_role).transpose()
}

/// Holds the author's membership for the rest of `tx` (a removal on another node waits for
/// it), or refuses: a case goes to a group only from one of its current members.
pub(super) async fn confirm_member(
    store: &Store,
    tx: &mut sqlx::Transaction<'_, Db>,
    group: GroupId,
    member: UserId,
) -> Result<(), StoreError> {
    let sql = format!(
        "select id from group_members where group_id = $1 and user_id = $2 and left_at is null{}",
        store.for_update()
    );
    let row: Option<i64> = sqlx::query_scalar(&sql)
        .bind(group.0)
        .bind(member.0)
        .fetch_optional(&mut **tx)
        .await?;
    row.map(|_| ()).ok_or(StoreError::Conflict(
        "You no longer belong to that consultation group, so the case was not saved there. What you typed is kept: choose the whole forum or one of your groups.",
    ))
}

/// Adds a current membership; the unique index on current rows refuses a second one.
pub(super) async fn add_member(
    tx: &mut sqlx::Transaction<'_, Db>,
    group: GroupId,
    member: UserId,
    role: GroupRole,
    at: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into group_members (group_id, user_id, role, joined_at) values ($1, $2, $3, $4)",
    )
    .bind(group.0)
    .bind(member.0)
    .bind(role.as_str())
    .bind(at)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
