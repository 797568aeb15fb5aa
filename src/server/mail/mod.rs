//! Email (docs/EMAIL.md): the kinds of message, each outbox row made into a message, and the
//! worker that sends due rows over SMTP. Without `smtp_url` nothing here runs.

pub mod compose;
pub mod kinds;
pub mod unsubscribe;
pub mod worker;

pub use worker::{Mailer, send_due};

pub use compose::{ComposeError, Extras, MailSettings, compose};
pub use kinds::MailKind;
pub use unsubscribe::UnsubscribeKey;
