//! Types that cross the wire between server and browser: serde only, no server crates.

mod account;
mod audit;
mod blind_spots;
mod case;
mod deid;
mod draft;
mod error;
mod group;
mod mail;
mod retention;
mod review;
mod safe_html;
mod search;

pub use account::{
    CurrentUserView, ErasureRule, FailedMailView, InviteList, InvitePreview, InviteSummary,
    MemberList, ProfileView, TwoFactorView, UserSummary,
};
pub use audit::{AuditEntry, AuditFilterInput, AuditPage};
pub use blind_spots::{BlindSpotCase, BlindSpotsView, ThemeView};
pub use case::{
    AuthorView, CaseContext, CaseFilter, CaseId, CasePage, CasePermissions, CaseSource,
    CaseSummary, CaseView, FollowUpSource, LockView, NotificationPage, NotificationView, ReplyId,
    ReplyPageRequest, ReplyPages, ReplyView, RevisionView, SectionView, SupervisorOption,
    reply_href, reply_href_with_notice,
};
pub use deid::{CombinationView, FactorView, FieldScan, FindingView};
pub use draft::{DraftFields, DraftSummary, DraftView};
pub use error::ApiError;
pub use group::{
    FormerMemberView, GroupBadge, GroupInvitationView, GroupMemberView, GroupOption, GroupPage,
    GroupQueueEntry, MyGroup, MyGroups,
};
pub use mail::{MailDelivery, MailPreferenceView, MailSettingsView, UnsubscribeView};
pub use retention::{HoldView, RetentionView};
pub use review::{
    ExplanationView, FieldDiff, FlagSummary, HiddenReplyEntry, PendingReplyEntry, QueueEntry,
    ReplyReviewView, ReplyToFlag, ReviewQueue, ReviewRecord, ReviewView,
};
pub use safe_html::SafeHtml;
pub use search::{SearchResult, SearchResults};

use serde::{Deserialize, Serialize};

/// A member's id. Newtyped so a user id is never passed where another id is expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UserId(pub i64);

impl std::fmt::Display for UserId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A consultation group's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct GroupId(pub i64);

impl std::fmt::Display for GroupId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}
