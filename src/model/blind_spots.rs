//! "My blind spots" as its one reader, the clinician, gets it.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlindSpotsView {
    /// What recurs across their cases, strongest first.
    pub themes: Vec<ThemeView>,
    /// Their cases, newest first.
    pub cases: Vec<BlindSpotCase>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeView {
    /// A concern's label, or a word they used.
    pub label: String,
    /// True for a concern they tagged; false for a word they wrote.
    pub concern: bool,
    /// The cases sharing it: id and title.
    pub cases: Vec<(i64, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlindSpotCase {
    pub id: i64,
    pub title: String,
    pub created_at: i64,
    /// Published; otherwise still in review, returned or not published.
    pub published: bool,
    /// Concern labels.
    pub tags: Vec<String>,
    /// Plain text, as the page reads it.
    pub stuck: String,
    pub blind_spot: String,
    /// Supervisor feedback they marked helpful: who, and the text.
    pub helpful: Vec<(String, String)>,
}
