//! Use-cases. Form handlers and server functions are thin and call these; each one finds what
//! it acts on through `access` (the visibility rule, then `domain::policy::can`), passes member
//! text through the publication gate (`server::gate`), and then touches the store.

pub mod access;
pub mod accounts;
pub mod admin;
pub mod audit;
pub mod blind_spots;
pub mod case_state;
pub mod case_views;
pub mod cases;
pub mod drafts;
pub mod email_change;
pub mod erasure;
pub mod export;
pub mod flags;
pub mod groups;
pub mod invites;
pub mod mail_settings;
pub mod notifications;
pub mod password_reset;
pub mod profiles;
pub mod redaction;
pub mod replies;
mod reply_pages;
pub mod reply_review;
pub mod retention;
pub mod review;
pub mod screening;
pub mod search;
pub mod two_factor;
pub mod watches;
