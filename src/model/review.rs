//! The review queue and the moderator's review page.

use serde::{Deserialize, Serialize};

use crate::domain::review::{AuthorChecklist, DiffRow, ReviewState};
use crate::model::{
    AuthorView, CaseContext, CaseId, CombinationView, FieldScan, ReplyId, SafeHtml, SectionView,
};

/// One case waiting for review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueEntry {
    pub id: CaseId,
    pub title: String,
    pub submitted_at: i64,
    /// Who holds a current claim on it, if anyone.
    pub claimed_by: Option<String>,
    pub claimed_by_me: bool,
    /// An edit of a case that was published before, or one that flags took back.
    pub is_edit: bool,
    /// Open "may identify a client" flags on it.
    pub flags: i64,
}

/// A reply held at the reply gate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingReplyEntry {
    pub reply: ReplyId,
    pub case: CaseId,
    pub case_title: String,
    pub submitted_at: i64,
}

/// A held reply as the moderator reviews it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyReviewView {
    pub id: ReplyId,
    pub case: CaseId,
    pub case_title: String,
    pub author: AuthorView,
    pub html: SafeHtml,
    pub scans: Vec<FieldScan>,
    pub review: ReviewState,
    /// The version being reviewed: a decision names it, and is refused if a newer one arrived.
    pub revision: i64,
    pub can_decide: bool,
    /// The reader wrote it.
    pub own: bool,
}

/// A reply hidden after flags, waiting for a moderator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HiddenReplyEntry {
    pub reply: ReplyId,
    pub case: CaseId,
    pub case_title: String,
    pub hidden_at: i64,
}

/// The review queue: cases oldest first, then replies hidden by flags.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewQueue {
    pub cases: Vec<QueueEntry>,
    pub pending_replies: Vec<PendingReplyEntry>,
    pub hidden_replies: Vec<HiddenReplyEntry>,
}

/// Open flags of one kind on a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagSummary {
    pub label: String,
    pub members: i64,
    pub notes: Vec<String>,
}

/// An author's explanation of a finding they kept, with the text it is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExplanationView {
    pub field: String,
    pub category: String,
    pub text: String,
    pub explanation: String,
}

/// The change of one field since the last approved version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldDiff {
    pub label: String,
    pub rows: Vec<DiffRow>,
}

/// A decision made earlier on this case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRecord {
    pub decision: ReviewState,
    pub reason: String,
    pub moderator: String,
    pub at: i64,
}

/// Everything a moderator needs to decide on a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    pub id: CaseId,
    pub title: String,
    pub author: AuthorView,
    pub context: CaseContext,
    /// The consultation group it is for; `None`: the whole forum.
    pub group: Option<crate::model::GroupBadge>,
    pub review: ReviewState,
    pub submitted_at: i64,
    /// The version being reviewed: a decision names it, and is refused if a newer one arrived.
    pub revision: i64,
    pub sections: Vec<SectionView>,
    /// The scanner's findings in the stored text, field by field (only fields with findings).
    pub scans: Vec<FieldScan>,
    /// The whole case's details together may single out one person: a warning to weigh.
    pub combination: Option<CombinationView>,
    /// The author's checklist for this version (`None` for versions from before checklists).
    pub checklist: Option<AuthorChecklist>,
    pub explanations: Vec<ExplanationView>,
    /// For an edit of a published case: the changed fields (empty for a new case).
    pub diff: Vec<FieldDiff>,
    pub claimed_by: Option<String>,
    pub claimed_by_me: bool,
    pub history: Vec<ReviewRecord>,
    /// Readers' open flags on the case.
    pub flags: Vec<FlagSummary>,
    /// The reader may decide (a moderator, not the author, and the case is pending).
    pub can_decide: bool,
    /// Why not, when the reader is the author.
    pub own_case: bool,
}

/// A reply as the flag page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyToFlag {
    pub id: ReplyId,
    pub case: CaseId,
    pub case_title: String,
    pub html: SafeHtml,
}
