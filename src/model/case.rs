use serde::{Deserialize, Serialize};

use crate::domain::case::{AgeBand, CaseState, ConcernTag, Modality, SessionsBand, Setting};
use crate::domain::review::ReviewState;
use crate::model::{SafeHtml, UserId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CaseId(pub i64);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ReplyId(pub i64);

impl std::fmt::Display for CaseId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl std::fmt::Display for ReplyId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Who wrote something, as this reader may know it. For an anonymous post a peer gets
/// `Anonymous` and nothing else: no id, no name. Moderators and admins get `RevealedAnonymous`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuthorView {
    Member {
        id: UserId,
        name: String,
        /// Their professional title and discipline, when they gave any.
        #[serde(default)]
        about: Option<String>,
    },
    Anonymous,
    /// The reader is the anonymous author.
    You,
    RevealedAnonymous {
        id: UserId,
        name: String,
    },
}

impl AuthorView {
    /// The title and discipline shown beside a signed post's name; never on an anonymous one.
    pub fn about(&self) -> Option<&str> {
        match self {
            AuthorView::Member { about, .. } => about.as_deref(),
            _ => None,
        }
    }

    pub fn label(&self) -> String {
        match self {
            AuthorView::Member { name, .. } => name.clone(),
            AuthorView::Anonymous => "Anonymous clinician".to_owned(),
            AuthorView::You => "You (anonymous to other members)".to_owned(),
            AuthorView::RevealedAnonymous { name, .. } => {
                format!("Anonymous clinician ({name}, visible to moderators)")
            }
        }
    }
}

/// Context shared by a case's list entry and its page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseContext {
    pub age_band: AgeBand,
    pub setting: Setting,
    pub modality: Modality,
    pub sessions: SessionsBand,
    pub tags: Vec<ConcernTag>,
}

/// One entry of the case list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: CaseId,
    pub title: String,
    pub author: AuthorView,
    pub context: CaseContext,
    pub state: CaseState,
    pub review: ReviewState,
    pub reply_count: i64,
    pub has_supervisor_feedback: bool,
    pub last_activity_at: i64,
    /// The consultation group it is for; `None`: the whole forum.
    pub group: Option<crate::model::GroupBadge>,
}

/// A page of the case list and the cursor to the next one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasePage {
    pub cases: Vec<CaseSummary>,
    pub next_cursor: Option<String>,
}

/// Which cases the list shows; every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFilter {
    pub modality: Option<Modality>,
    pub setting: Option<Setting>,
    pub age_band: Option<AgeBand>,
    pub unanswered: bool,
    pub mine: bool,
    pub supervisor_feedback: bool,
    pub tag: Option<ConcernTag>,
    /// Brought on or after this day (unix seconds, the day's start in UTC).
    pub since: Option<i64>,
    /// Brought before this time (unix seconds: the day after the last day asked for).
    pub until: Option<i64>,
    /// Only the cases of this consultation group (its page's list). The visibility rule still
    /// decides: a group the reader does not belong to lists nothing.
    #[serde(default)]
    pub group: Option<crate::model::GroupId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionView {
    pub key: String,
    pub label: String,
    pub html: SafeHtml,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyView {
    pub id: ReplyId,
    pub author: AuthorView,
    pub supervisor_feedback: bool,
    pub helpful: bool,
    pub html: SafeHtml,
    pub created_at: i64,
    pub edited: bool,
    pub can_edit: bool,
    pub can_flag: bool,
    /// The case's author may mark it helpful (or unmark it).
    pub can_mark_helpful: bool,
    /// Hidden after flags (only moderators get such a reply, to restore it).
    pub hidden: bool,
    /// Deleted by its author (only moderators get such a reply whole, to remove it for good).
    pub deleted: bool,
    /// The place of a reply its author deleted, for a reader who would have seen it: it
    /// carries no text, no author and no marks (`html` empty, `author` anonymous).
    pub tombstone: bool,
    /// Its author may delete it.
    pub can_delete: bool,
    /// A moderator may remove it (deleted by its author) for good.
    pub can_remove: bool,
    /// Held at the reply gate, or not published (only its author and moderators get these).
    pub review: ReviewState,
}

/// What the reader may do on a case page; decided by the policy on the server.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CasePermissions {
    pub edit: bool,
    pub reply: bool,
    /// The author: post or replace the follow-up (it goes back to review).
    pub follow_up: bool,
    /// The author: close the case to new replies, or open it again.
    pub close: bool,
    pub reopen: bool,
    /// The author: withdraw (delete) the case while it waits for review, if never published.
    pub withdraw: bool,
    /// Moderators and admins: lock or unlock the case.
    pub lock: bool,
    pub see_revisions: bool,
    /// Moderators and admins: the redaction form.
    pub redact: bool,
    /// Moderators and admins: a link to the case's review page.
    pub review: bool,
    /// Any member but the author, on a published case.
    pub flag: bool,
    /// Anyone who sees a published case: watch it, or stop watching it.
    pub watch: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseView {
    pub id: CaseId,
    pub title: String,
    pub author: AuthorView,
    pub context: CaseContext,
    pub state: CaseState,
    pub review: ReviewState,
    /// The moderator's reason, shown to the author of a returned or rejected case.
    pub review_reason: Option<String>,
    /// Set while a moderator has locked the case.
    pub lock: Option<LockView>,
    /// When the case will be deleted, for its author and the moderators (`None` for others).
    pub retention: Option<crate::model::RetentionView>,
    /// The reader watches the case: they are told of its new replies.
    pub watching: bool,
    pub sections: Vec<SectionView>,
    pub follow_up: Option<SafeHtml>,
    pub supervisor_name: Option<String>,
    /// The consultation group it is for; `None`: the whole forum.
    pub group: Option<crate::model::GroupBadge>,
    pub created_at: i64,
    pub edited: bool,
    /// The replies on the page shown (`pages`), oldest first.
    pub replies: Vec<ReplyView>,
    pub pages: ReplyPages,
    pub permissions: CasePermissions,
}

/// Which page of a case's replies a reader asked for: a page number, or the page that holds
/// one reply (`?reply=`, what links to a reply use). Neither: the first page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyPageRequest {
    pub page: Option<u32>,
    pub reply: Option<ReplyId>,
}

/// Where the shown replies sit among all the replies this reader may see.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyPages {
    /// 1-based.
    pub page: u32,
    /// At least 1, even without replies.
    pub pages: u32,
    /// Every reply this reader may see, on every page.
    pub total: usize,
}

impl ReplyPages {
    /// Replies per page: a long thread stays readable and its page bounded in size.
    pub const SIZE: usize = 100;
}

/// The address of a reply: its case page, at the page that holds it for whoever follows the
/// link, scrolled to the reply. Every link to a reply is made here.
pub fn reply_href(case: CaseId, reply: ReplyId) -> String {
    format!("/cases/{case}?reply={reply}#reply-{reply}")
}

/// The same, with a notice (`notice=` key) shown at the top of the page.
pub fn reply_href_with_notice(case: CaseId, reply: ReplyId, notice: &str) -> String {
    format!("/cases/{case}?notice={notice}&reply={reply}#reply-{reply}")
}

/// A moderator's lock on a case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockView {
    /// The moderator's reason: for the case's author and moderators only.
    pub reason: Option<String>,
}

/// The follow-up of a case as its author wrote it, for the follow-up form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpSource {
    pub id: CaseId,
    pub title: String,
    /// The current follow-up's Markdown, or empty.
    pub body: String,
}

/// The Markdown of a case, for its edit form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseSource {
    pub id: CaseId,
    /// The revision the edit starts from; an edit over a newer one is refused.
    pub revision: i64,
    /// A moderator (not the author) is editing: no author's checklist in the form.
    pub by_moderator: bool,
    pub input: crate::domain::case::CaseInput,
    pub supervisor_id: Option<UserId>,
    /// The consultation group the case is for; `None`: the whole forum.
    pub group_id: Option<crate::model::GroupId>,
}

/// A supervisor the author may name as supervisor of record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupervisorOption {
    pub id: UserId,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationPage {
    /// Newest first.
    pub items: Vec<NotificationView>,
    /// The `before` of the next (older) page, when there is one.
    pub older: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: i64,
    pub case_id: CaseId,
    /// The case's title, while the reader may see the case; `None` while it is back in review,
    /// hidden after flags or hidden from this reader (the page shows a neutral label).
    pub case_title: Option<String>,
    pub text: String,
    /// The moderator's reason, for a returned or rejected case.
    pub reason: Option<String>,
    pub created_at: i64,
    pub read: bool,
}

/// One stored version of a case or reply, for moderators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionView {
    /// `None` for the case itself.
    pub reply_id: Option<i64>,
    pub editor: String,
    pub at: i64,
    /// JSON of the source as written.
    pub source: String,
}
