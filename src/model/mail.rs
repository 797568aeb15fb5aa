//! A member's email settings as the account and unsubscribe pages show them.

use serde::{Deserialize, Serialize};

/// How a member gets one kind of message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MailDelivery {
    /// A message as it happens (the default).
    #[default]
    Immediately,
    /// Counted in one message a day.
    Digest,
    /// Not emailed; still on the notifications page.
    Never,
}

impl MailDelivery {
    pub const ALL: [MailDelivery; 3] = [
        MailDelivery::Immediately,
        MailDelivery::Digest,
        MailDelivery::Never,
    ];

    /// The form value and the stored value (`None`: the default, stored as no row).
    pub fn key(self) -> &'static str {
        match self {
            MailDelivery::Immediately => "immediately",
            MailDelivery::Digest => "digest",
            MailDelivery::Never => "none",
        }
    }

    pub fn parse(key: &str) -> Option<MailDelivery> {
        MailDelivery::ALL.into_iter().find(|d| d.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            MailDelivery::Immediately => "Immediately",
            MailDelivery::Digest => "In a daily digest",
            MailDelivery::Never => "Never",
        }
    }
}

/// One kind of message and the member's choice for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailPreferenceView {
    /// The kind's stable key, the form field's name.
    pub kind: String,
    /// "Replies to my cases".
    pub label: String,
    pub delivery: MailDelivery,
}

/// The account page's email section.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailSettingsView {
    /// False: the site sends no email, so there is nothing to choose.
    pub email_enabled: bool,
    /// The hour (UTC) the daily digest goes out.
    pub digest_hour: u8,
    pub preferences: Vec<MailPreferenceView>,
}

/// What an unsubscribe link would stop, shown before the member confirms.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnsubscribeView {
    /// "replies to your cases", or "the daily digest".
    pub what: String,
    /// Already stopped (the link was used before, or the account page says so).
    pub already_stopped: bool,
}
