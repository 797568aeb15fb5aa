//! A member's professional title and discipline: free text peers read beside their name on
//! signed posts (never on anonymous ones). They reach the store only through the gate
//! (`GatedProfile`).

use super::{AuditEvent, Store, StoreError};
use crate::domain::theme::Theme;
use crate::model::UserId;
use crate::server::gate::GatedProfile;

impl Store {
    /// The member's title, discipline and choice of colours as saved.
    pub async fn profile(
        &self,
        user: UserId,
    ) -> Result<(Option<String>, Option<String>, Theme), StoreError> {
        let row: Option<(Option<String>, Option<String>, Option<String>)> =
            sqlx::query_as("select professional_title, discipline, theme from users where id = $1")
                .bind(user.0)
                .fetch_optional(&self.pool)
                .await?;
        let (title, discipline, theme) = row.unwrap_or((None, None, None));
        let theme = theme.and_then(|t| Theme::parse(&t)).unwrap_or_default();
        Ok((title, discipline, theme))
    }

    /// The member's choice of colours; every page after it uses it.
    pub async fn set_theme(&self, user: UserId, theme: Theme) -> Result<(), StoreError> {
        sqlx::query("update users set theme = $1 where id = $2")
            .bind(theme.stored())
            .bind(user.0)
            .execute(&mut *self.pool.acquire().await?)
            .await?;
        Ok(())
    }

    /// Saves both; a trigger moves every case the member replied to, so each node shows the
    /// change on their replies at once. The audit row keeps no text.
    pub async fn change_profile(
        &self,
        user: UserId,
        profile: &GatedProfile,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let changed = sqlx::query(
            "update users set professional_title = $1, discipline = $2 \
             where id = $3 and erased_at is null",
        )
        .bind(profile.title())
        .bind(profile.discipline())
        .bind(user.0)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::Conflict(super::guard::WRITER_ERASED));
        }
        AuditEvent {
            at: now,
            actor: Some(user),
            action: "profile_changed",
            target: Some(user),
            detail: "",
            case: None,
            review: None,
        }
        .write(&mut tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
