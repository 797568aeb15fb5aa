//! The admin's view of the audit log.

use serde::{Deserialize, Serialize};

/// One audit entry as the admin page shows it. Names come from the accounts table; the entry
/// itself holds only ids, an action name and a detail made of ids and counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: i64,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub action: String,
    pub target_user_id: Option<i64>,
    pub target_name: Option<String>,
    pub case_id: Option<i64>,
    pub detail: String,
}

/// The filter form as submitted (query string): every field optional, checked on the server.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilterInput {
    #[serde(default)]
    pub action: String,
    #[serde(default)]
    pub actor: String,
    #[serde(default)]
    pub case: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub before: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    /// The id to pass as `before` for the next (older) page, when there is one.
    pub older: Option<i64>,
    /// Every action name the filter offers.
    pub actions: Vec<String>,
}
