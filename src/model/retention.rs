//! A case's retention as its author and the moderators see it on the case page.

use serde::{Deserialize, Serialize};

use crate::domain::retention::KeepFor;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionView {
    /// The author's choice; `None`: the forum's period.
    pub keep_for: Option<KeepFor>,
    /// The forum's period in days; `None`: the forum keeps cases without a choice for ever.
    pub forum_days: Option<i64>,
    /// When the purge job will delete the case (Unix seconds); `None`: never, or held.
    pub purge_at: Option<i64>,
    /// The author has been told the purge is a week away.
    pub warned: bool,
    /// A moderator's hold: no purge while it stands.
    pub hold: Option<HoldView>,
    /// The author may choose the period.
    pub can_choose: bool,
    /// A moderator may place or release a hold.
    pub can_hold: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldView {
    /// The moderator's reason: moderators only.
    pub reason: Option<String>,
    pub at: i64,
}
