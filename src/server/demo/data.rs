//! The shape of the demo cases. The texts live in `cases.rs`.

/// Which demo account writes something.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Clinician,
    Clinician2,
    Supervisor,
    Moderator,
    Admin,
}

pub struct DemoReply {
    pub by: Who,
    pub body: &'static str,
    /// The case author marks it helpful.
    pub helpful: bool,
}

pub struct DemoCase {
    pub title: &'static str,
    /// Keys from `domain::case::context`.
    pub age_band: &'static str,
    pub setting: &'static str,
    pub modality: &'static str,
    pub sessions: &'static str,
    pub tags: &'static [&'static str],
    pub situation: &'static str,
    /// May be empty.
    pub tried: &'static str,
    pub stuck: &'static str,
    /// May be empty.
    pub blind_spot: &'static str,
    pub asking: &'static str,
    pub anonymous: bool,
    /// Brought to the demo consultation group (`demo::groups`) instead of the whole forum.
    pub in_group: bool,
    /// Clinician, Clinician2 or Supervisor (the roles that post cases).
    pub author: Who,
    /// Names the demo supervisor as supervisor of record.
    pub with_supervisor: bool,
    pub replies: &'static [DemoReply],
    pub follow_up: Option<&'static str>,
    /// How long ago the case was posted, in days; replies follow a few hours apart.
    pub days_ago: i64,
}
