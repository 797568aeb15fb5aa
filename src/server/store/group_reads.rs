//! Reading consultation groups for their pages: a group, its members now and before, the
//! invitations waiting, and where its cases stand in review. Who may read each is the
//! policy's to decide first (`services::groups`); nothing here returns a case's text.

use super::groups::parse_role;
use super::{Store, StoreError};
use crate::domain::review::ReviewState;
use crate::model::{
    CaseId, FormerMemberView, GroupId, GroupInvitationView, GroupMemberView, GroupQueueEntry,
    UserId,
};

impl Store {
    /// A group's name and description.
    pub async fn find_group(&self, id: GroupId) -> Result<Option<(String, String)>, StoreError> {
        Ok(
            sqlx::query_as("select name, description from consultation_groups where id = $1")
                .bind(id.0)
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    /// The group's current members, group supervisors first, then by name.
    pub async fn group_members(&self, id: GroupId) -> Result<Vec<GroupMemberView>, StoreError> {
        let rows: Vec<(i64, String, String, i64)> = sqlx::query_as(
            "select u.id, u.display_name, m.role, m.joined_at from group_members m \
             join users u on u.id = m.user_id where m.group_id = $1 and m.left_at is null \
             order by case when m.role = 'supervisor' then 0 else 1 end, u.display_name, u.id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(user, name, role, joined_at)| {
                Ok(GroupMemberView {
                    id: UserId(user),
                    name,
                    role: parse_role(&role)?,
                    joined_at,
                })
            })
            .collect()
    }

    /// Who left the group or was removed, latest first, with the reason for a removal.
    pub async fn former_group_members(
        &self,
        id: GroupId,
    ) -> Result<Vec<FormerMemberView>, StoreError> {
        let rows: Vec<(String, i64, Option<String>)> = sqlx::query_as(
            "select u.display_name, m.left_at, m.removal_reason from group_members m \
             join users u on u.id = m.user_id where m.group_id = $1 and m.left_at is not null \
             order by m.left_at desc, m.id desc",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(name, left_at, removal_reason)| FormerMemberView {
                name,
                left_at,
                removal_reason,
            })
            .collect())
    }

    /// The group's invitations not answered and not expired at `now`: (invitee, expiry).
    pub async fn open_group_invitations(
        &self,
        id: GroupId,
        now: i64,
    ) -> Result<Vec<(String, i64)>, StoreError> {
        Ok(sqlx::query_as(
            "select u.display_name, i.expires_at from group_invitations i \
             join users u on u.id = i.invitee_id \
             where i.group_id = $1 and i.answered_at is null and i.expires_at > $2 \
             order by i.created_at, i.id",
        )
        .bind(id.0)
        .bind(now)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The invitations waiting for `member`'s answer at `now`.
    pub async fn invitations_for(
        &self,
        member: UserId,
        now: i64,
    ) -> Result<Vec<GroupInvitationView>, StoreError> {
        let rows: Vec<(i64, String, String, String, i64)> = sqlx::query_as(
            "select i.id, g.name, i.role, u.display_name, i.expires_at from group_invitations i \
             join consultation_groups g on g.id = i.group_id join users u on u.id = i.invited_by \
             where i.invitee_id = $1 and i.answered_at is null and i.expires_at > $2 \
             order by i.created_at, i.id",
        )
        .bind(member.0)
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, group_name, role, invited_by, expires_at)| {
                Ok(GroupInvitationView {
                    id,
                    group_name,
                    role: parse_role(&role)?,
                    invited_by,
                    expires_at,
                })
            })
            .collect()
    }

    /// The group's cases waiting for review or returned to their authors: ids and states only.
    pub async fn group_queue(&self, id: GroupId) -> Result<Vec<GroupQueueEntry>, StoreError> {
        let rows: Vec<(i64, String, Option<i64>, Option<i64>)> = sqlx::query_as(
            "select id, review_state, claimed_by, submitted_at from cases \
             where group_id = $1 and review_state in ('pending', 'returned') \
             order by submitted_at, id",
        )
        .bind(id.0)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(case, state, claimed_by, submitted_at)| {
                Ok(GroupQueueEntry {
                    case_id: CaseId(case),
                    state: ReviewState::parse(&state)
                        .ok_or(StoreError::Corrupt("cases.review_state"))?,
                    claimed: claimed_by.is_some(),
                    submitted_at,
                })
            })
            .collect()
    }

    /// An active member's id by their email address (as stored: lower case).
    pub async fn active_member_by_email(&self, email: &str) -> Result<Option<UserId>, StoreError> {
        let id: Option<i64> =
            sqlx::query_scalar("select id from users where email = $1 and disabled_at is null")
                .bind(email)
                .fetch_optional(&self.pool)
                .await?;
        Ok(id.map(UserId))
    }
}
