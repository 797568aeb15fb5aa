//! Invitations into a consultation group (docs/GROUPS.md): to an existing member, with a role
//! in the group, answered once before they expire. Accepting adds the membership in the same
//! transaction as the answer, with its audit row.

use super::groups::{add_member, audit, parse_role, role_in};
use super::outbox::{Outgoing, Recipient};
use super::{Store, StoreError};
use crate::domain::group::GroupRole;
use crate::model::{GroupId, UserId};
use crate::server::mail::MailKind;

impl Store {
    /// Invites a member of the forum into a group, until `expires_at`.
    pub async fn invite_to_group(
        &self,
        group: GroupId,
        invitee: UserId,
        role: GroupRole,
        by: UserId,
        at: i64,
        expires_at: i64,
    ) -> Result<i64, StoreError> {
        let mut tx = self.write_tx().await?;
        let exists: Option<i64> =
            sqlx::query_scalar("select id from consultation_groups where id = $1")
                .bind(group.0)
                .fetch_optional(&mut *tx)
                .await?;
        if exists.is_none() {
            return Err(StoreError::NotFound("There is no such group."));
        }
        if role_in(&mut *tx, group, invitee).await?.is_some() {
            return Err(StoreError::Conflict(
                "This member already belongs to the group.",
            ));
        }
        let open: Option<i64> = sqlx::query_scalar(
            "select id from group_invitations where group_id = $1 and invitee_id = $2 \
             and answered_at is null and expires_at > $3",
        )
        .bind(group.0)
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
        .bind(group.0)
        .bind(invitee.0)
        .bind(role.as_str())
        .bind(by.0)
        .bind(at)
        .bind(expires_at)
        .fetch_one(&mut *tx)
        .await?;
        if self.mail {
            // The link is to "my groups", where the invitation waits: not the group's page,
            // which the invitee may not see yet.
            let mail = Outgoing {
                kind: MailKind::GroupInvitation.key(),
                to: Recipient::Member(invitee),
                link: "/groups".into(),
            };
            super::outbox::enqueue(&mut tx, &mail, at).await?;
        }
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
    ) -> Result<GroupId, StoreError> {
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
        let group = GroupId(group);
        let role = parse_role(&role)?;
        if accept && role_in(&mut *tx, group, invitee).await?.is_some() {
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
            add_member(&mut tx, group, invitee, role, at).await?;
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
}
