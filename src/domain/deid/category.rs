//! What a finding is about, how serious it is, and the safer wording offered for it.

use serde::Serialize;

/// The 18 Safe Harbor identifiers as they appear in narrative text, plus the quasi-identifiers
/// of case write-ups (organizations, rare occupations, newsworthy events, social handles).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Name,
    Location,
    Date,
    Age,
    Phone,
    Email,
    Ssn,
    MedicalRecord,
    HealthPlan,
    Account,
    Licence,
    Vehicle,
    Device,
    Url,
    IpAddress,
    Biometric,
    Image,
    OtherNumber,
    Organization,
    Occupation,
    Event,
    SocialHandle,
}

impl Category {
    pub const ALL: [Category; 22] = [
        Category::Name,
        Category::Location,
        Category::Date,
        Category::Age,
        Category::Phone,
        Category::Email,
        Category::Ssn,
        Category::MedicalRecord,
        Category::HealthPlan,
        Category::Account,
        Category::Licence,
        Category::Vehicle,
        Category::Device,
        Category::Url,
        Category::IpAddress,
        Category::Biometric,
        Category::Image,
        Category::OtherNumber,
        Category::Organization,
        Category::Occupation,
        Category::Event,
        Category::SocialHandle,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Name => "name",
            Category::Location => "location",
            Category::Date => "date",
            Category::Age => "age",
            Category::Phone => "phone",
            Category::Email => "email",
            Category::Ssn => "ssn",
            Category::MedicalRecord => "medical_record",
            Category::HealthPlan => "health_plan",
            Category::Account => "account",
            Category::Licence => "licence",
            Category::Vehicle => "vehicle",
            Category::Device => "device",
            Category::Url => "url",
            Category::IpAddress => "ip_address",
            Category::Biometric => "biometric",
            Category::Image => "image",
            Category::OtherNumber => "other_number",
            Category::Organization => "organization",
            Category::Occupation => "occupation",
            Category::Event => "event",
            Category::SocialHandle => "social_handle",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Words for people: "a phone number", shown in lists and in "[redacted: …]".
    pub fn label(self) -> &'static str {
        match self {
            Category::Name => "name",
            Category::Location => "place",
            Category::Date => "date",
            Category::Age => "age over 89",
            Category::Phone => "phone number",
            Category::Email => "email address",
            Category::Ssn => "social security number",
            Category::MedicalRecord => "medical record number",
            Category::HealthPlan => "health plan number",
            Category::Account => "account number",
            Category::Licence => "licence or certificate number",
            Category::Vehicle => "vehicle identifier",
            Category::Device => "device identifier",
            Category::Url => "web address",
            Category::IpAddress => "IP address",
            Category::Biometric => "biometric identifier",
            Category::Image => "image or attachment",
            Category::OtherNumber => "identifying number",
            Category::Organization => "named organization",
            Category::Occupation => "rare occupation",
            Category::Event => "newsworthy event",
            Category::SocialHandle => "social-media handle",
        }
    }
}

/// *Block* findings stop publication until the author changes the text or explains why it is not
/// an identifier; *warn* findings are shown but do not stop anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Warn,
    Block,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warn => "warn",
            Severity::Block => "block",
        }
    }
}
