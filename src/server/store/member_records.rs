//! The shapes of a member's export, as `member_data.rs` reads them and `services::export`
//! writes them to JSON: their own rows, table by table, never a secret.

use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct AccountData {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub professional_title: Option<String>,
    pub discipline: Option<String>,
    pub roles: Vec<String>,
    pub created_at: i64,
    pub disabled_at: Option<i64>,
}

/// A session: when it began and was last used. Never its token.
#[derive(Debug, Serialize)]
pub struct SessionData {
    pub created_at: i64,
    pub last_seen_at: i64,
}

#[derive(Debug, Serialize)]
pub struct SectionData {
    pub section: String,
    pub markdown: String,
}

/// A version of a case or reply, as it was saved. `by_you`: false when a moderator saved it.
#[derive(Debug, Serialize)]
pub struct RevisionData {
    pub at: i64,
    pub by_you: bool,
    /// The stored JSON: `{"title", "sections": {…}}` for a case, `{"body"}` for a reply.
    pub source: serde_json::Value,
}

/// A moderator's decision on the member's case or reply, with the reason they were given.
#[derive(Debug, Serialize)]
pub struct ReviewData {
    pub at: i64,
    pub decision: String,
    pub reason: String,
}

#[derive(Debug, Serialize)]
pub struct OwnCaseData {
    pub id: i64,
    pub title: String,
    pub anonymous: bool,
    pub review_state: String,
    pub state: String,
    pub age_band: String,
    pub setting: String,
    pub modality: String,
    pub sessions_band: String,
    pub tags: Vec<String>,
    pub group_id: Option<i64>,
    pub created_at: i64,
    pub last_activity_at: i64,
    /// The author's retention period in days; `None`: the forum's.
    pub keep_for_days: Option<i64>,
    pub sections: Vec<SectionData>,
    pub revisions: Vec<RevisionData>,
    pub reviews: Vec<ReviewData>,
}

#[derive(Debug, Serialize)]
pub struct OwnReplyData {
    pub id: i64,
    pub case_id: i64,
    pub markdown: String,
    pub anonymous: bool,
    pub supervisor_feedback: bool,
    /// The case's author marked it helpful.
    pub helpful: bool,
    pub review_state: String,
    pub hidden_after_flags: bool,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    /// When its author deleted it (kept for the moderators until removed for good).
    pub deleted_at: Option<i64>,
    pub revisions: Vec<RevisionData>,
    pub reviews: Vec<ReviewData>,
}

#[derive(Debug, Serialize)]
pub struct FlagData {
    pub case_id: i64,
    pub reply_id: Option<i64>,
    pub kind: String,
    pub note: String,
    pub at: i64,
    pub resolved_at: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct NotificationData {
    pub kind: String,
    pub case_id: i64,
    pub created_at: i64,
    pub read_at: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct MembershipData {
    pub group_id: i64,
    pub group_name: String,
    pub role: String,
    pub joined_at: i64,
    pub left_at: Option<i64>,
}

/// One action of the member's in the audit log (reads of cases included).
#[derive(Debug, Serialize)]
pub struct AuditData {
    pub at: i64,
    pub action: String,
    pub detail: String,
    pub case_id: Option<i64>,
    pub target_user_id: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct EmailChoiceData {
    pub kind: String,
    pub delivery: String,
}

/// The member's own rows, table by table.
#[derive(Debug, Serialize)]
pub struct MemberData {
    pub account: AccountData,
    pub sessions: Vec<SessionData>,
    pub cases: Vec<OwnCaseData>,
    pub replies: Vec<OwnReplyData>,
    pub drafts: Vec<DraftData>,
    pub flags: Vec<FlagData>,
    pub notifications: Vec<NotificationData>,
    pub groups: Vec<MembershipData>,
    pub email_choices: Vec<EmailChoiceData>,
    pub audit: Vec<AuditData>,
}

/// A saved draft: its fields as the composer keeps them.
#[derive(Debug, Serialize)]
pub struct DraftData {
    pub id: i64,
    pub title: String,
    pub fields: serde_json::Value,
    pub saved_at: i64,
}
