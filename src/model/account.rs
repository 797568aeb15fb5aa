use serde::{Deserialize, Serialize};

use crate::domain::role::Roles;
use crate::model::UserId;

/// The signed-in member as the page shell needs them (navigation, greeting).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUserView {
    pub id: UserId,
    pub display_name: String,
    pub roles: Roles,
    /// Their moderator or admin tools wait until they set up two-factor sign-in.
    #[serde(default)]
    pub two_factor_needed: bool,
}

/// One row of the admin's user list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub roles: Roles,
    pub disabled: bool,
    /// Erased: shown as "Former member", with nothing left to change.
    pub erased: bool,
    /// Two-factor sign-in is on (an admin can turn it off for a member who lost the phone).
    pub two_factor: bool,
    /// Unix seconds.
    pub created_at: i64,
}

/// The admin's member list, and whether email is set up (a reset link is then emailed to the
/// member rather than shown to the admin).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberList {
    /// This page's members, oldest account first.
    pub users: Vec<UserSummary>,
    /// What the admin searched for (empty: every member).
    pub words: String,
    /// 1-based, and how many pages and members match in all.
    pub page: u32,
    pub pages: u32,
    pub total: i64,
    pub email_enabled: bool,
    pub erasure: ErasureRule,
}

/// What erasing an account does with its posts, per the forum's setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErasureRule {
    /// Whoever erases chooses: removed, or kept under "Former member".
    Choose,
    Remove,
    Keep,
}

/// The admin's invites, and whether email is set up (an invite can then be emailed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteList {
    pub invites: Vec<InviteSummary>,
    pub email_enabled: bool,
}

/// One invite as the admin sees it. The token itself is never stored, so it is not here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteSummary {
    pub id: i64,
    pub email: String,
    pub role: crate::domain::role::Role,
    /// Unix seconds.
    pub created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
    /// Computed by the server's clock when listed.
    pub expired: bool,
}

/// What the registration page shows about the invite it was opened with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitePreview {
    pub email: String,
    pub role: crate::domain::role::Role,
}

/// A message that could not be sent, as the admins see it: its kind and what the SMTP server
/// said, never its recipient's address or its link.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FailedMailView {
    pub id: i64,
    pub kind: String,
    pub failed_at: i64,
    pub attempts: i64,
    pub last_error: String,
}

/// The member's own professional title and discipline ("" when blank), for the account page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileView {
    pub professional_title: String,
    pub discipline: String,
    pub theme: crate::domain::theme::Theme,
}

/// Where the member's two-factor sign-in stands, for the account page. `required`: they are
/// a moderator or admin and the forum asks it of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TwoFactorView {
    Off {
        required: bool,
    },
    /// Set up but not confirmed: the key for their app, as text and as a link.
    SettingUp {
        secret: String,
        uri: String,
        required: bool,
    },
    On {
        recovery_codes_left: i64,
        required: bool,
    },
}
