//! A saved draft of a case, as only its author gets it.

use serde::{Deserialize, Serialize};

use crate::domain::case::CaseInput;

/// Everything the composer holds besides the checklist: what a draft keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftFields {
    pub input: CaseInput,
    /// The supervisor of record's id as the form sends it ("" for none).
    pub supervisor: String,
    /// The consultation group's id ("" for the whole forum).
    pub audience: String,
    /// The period's key ("forum" or a `KeepFor` key).
    pub keep_for: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftView {
    pub id: i64,
    pub fields: DraftFields,
    pub saved_at: i64,
}

/// One line of the author's list of drafts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftSummary {
    pub id: i64,
    /// "" when the draft has no title yet.
    pub title: String,
    pub saved_at: i64,
}
