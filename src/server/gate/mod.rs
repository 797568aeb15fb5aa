//! The publication gate: the one way member text reaches the store, and so the one way it can
//! reach another member.
//!
//! Every piece of text a member writes for others — a case's title and sections, an edit, a
//! reply, a reply's edit, a follow-up, a consultation group's name and description, a reason
//! for removing a member from a group, a member's professional title and discipline — passes
//! here. The gate checks the text's form, cooks
//! its Markdown (`render::cook`), scans it *as readers will read it* (`scan`), holds the
//! author to their explanations of kept findings and to the de-identification checklist, and
//! decides whether it waits for a moderator: a case, an edit and a follow-up always do; a reply
//! does when the reply-gate rules say so. What it decided travels with the text into the
//! store's audit row.
//!
//! By construction: the store's writes of member text take only the types below
//! ([`GatedCase`], [`GatedReply`], [`GatedFollowUp`], [`GatedGroup`], [`GatedRemoval`],
//! [`GatedProfile`], and [`GatedDraft`] for the one text only its author reads), whose fields are private to this module
//! and which nothing outside it can build. A new feature that stores member text must add a
//! type here, so it passes the gate or does not compile. Redaction is the one other writer of
//! that text, and it only ever replaces text with a `[redacted: …]` label.

mod cases;
pub mod combination;
mod drafts;
mod groups;
mod profile;
mod replies;
pub mod scan;

pub use cases::{CaseSubmission, FOLLOW_UP, FORUM_AUDIENCE, FollowUpSubmission, case, follow_up};
pub use combination::{
    combination_of, combination_of_case, combination_of_draft, combination_of_file,
};
pub use drafts::{GatedDraft, draft};
pub use groups::{GatedGroup, GatedRemoval, group, removal};
pub use profile::{GatedProfile, PROFILE_FIELD_MAX, profile};
pub use replies::reply;
pub use scan::{Explanations, explanations_from, scan_as_read, scan_field};

use crate::model::{CaseContext, GroupId, UserId};
use crate::server::store::ScanExplanation;

/// The renderer version of everything the gate cooks (see `render::RENDERER_VERSION`).
use crate::server::render::RENDERER_VERSION;

/// Why a reply waits for a moderator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hold {
    /// The scanner found something in it (`reply_review_on_findings`).
    Findings,
    /// Its author has fewer approved posts than `reply_review_below`.
    NewMember,
}

impl Hold {
    pub fn key(self) -> &'static str {
        match self {
            Hold::Findings => "findings",
            Hold::NewMember => "new_member",
        }
    }
}

/// One Markdown text that passed the gate: its source, the HTML cooked from it, and the JSON
/// revision that records it.
#[derive(Debug)]
pub struct GatedText {
    source: String,
    html: String,
    revision: String,
}

impl GatedText {
    pub fn source(&self) -> &str {
        &self.source
    }
    pub fn html(&self) -> &str {
        &self.html
    }
    pub fn renderer_version(&self) -> i64 {
        RENDERER_VERSION
    }
    /// JSON of the source as written, kept as a revision.
    pub fn revision(&self) -> &str {
        &self.revision
    }
}

/// A section of a case that passed the gate.
#[derive(Debug)]
pub struct GatedSection {
    key: &'static str,
    source: String,
    html: String,
}

impl GatedSection {
    pub fn key(&self) -> &'static str {
        self.key
    }
    pub fn source(&self) -> &str {
        &self.source
    }
    pub fn html(&self) -> &str {
        &self.html
    }
}

/// A new case or an edit that passed the gate. It waits for a moderator: the store writes it
/// as pending.
#[derive(Debug)]
pub struct GatedCase {
    title: String,
    context: CaseContext,
    anonymous: bool,
    supervisor_id: Option<UserId>,
    /// The consultation group it is for (the author belongs to it); `None`: the whole forum.
    group: Option<GroupId>,
    sections: Vec<GatedSection>,
    revision: String,
    explanations: Vec<ScanExplanation>,
    checklist: Option<String>,
    findings: usize,
}

impl GatedCase {
    pub fn title(&self) -> &str {
        &self.title
    }
    pub fn context(&self) -> &CaseContext {
        &self.context
    }
    pub fn anonymous(&self) -> bool {
        self.anonymous
    }
    pub fn supervisor_id(&self) -> Option<UserId> {
        self.supervisor_id
    }
    pub fn group(&self) -> Option<GroupId> {
        self.group
    }
    pub fn sections(&self) -> &[GatedSection] {
        &self.sections
    }
    pub fn renderer_version(&self) -> i64 {
        RENDERER_VERSION
    }
    /// JSON of the whole case as written (title, sections, follow-up), kept as a revision.
    pub fn revision(&self) -> &str {
        &self.revision
    }
    /// The author's explanations of kept *block* findings, stored with the revision.
    pub fn explanations(&self) -> &[ScanExplanation] {
        &self.explanations
    }
    /// The author's checklist (JSON); `None` for a moderator's edit.
    pub fn checklist(&self) -> Option<&str> {
        self.checklist.as_deref()
    }
    /// How many findings the scanner reported, for the audit row.
    pub fn findings(&self) -> usize {
        self.findings
    }
}

/// A reply, or a reply's edit, that passed the gate: published at once, or held.
#[derive(Debug)]
pub struct GatedReply {
    text: GatedText,
    hold: Option<Hold>,
    findings: usize,
}

impl GatedReply {
    pub fn text(&self) -> &GatedText {
        &self.text
    }
    /// Why it waits for a moderator; `None`: it is published at once.
    pub fn hold(&self) -> Option<Hold> {
        self.hold
    }
    pub fn findings(&self) -> usize {
        self.findings
    }
}

/// A follow-up ("what happened next") that passed the gate. Like an edit, it takes the case
/// back to the review queue: the store writes it with the case pending.
#[derive(Debug)]
pub struct GatedFollowUp {
    text: GatedText,
    explanations: Vec<ScanExplanation>,
    checklist: String,
    findings: usize,
}

impl GatedFollowUp {
    pub fn text(&self) -> &GatedText {
        &self.text
    }
    pub fn explanations(&self) -> &[ScanExplanation] {
        &self.explanations
    }
    pub fn checklist(&self) -> &str {
        &self.checklist
    }
    pub fn findings(&self) -> usize {
        self.findings
    }
}
