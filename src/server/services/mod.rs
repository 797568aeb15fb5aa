//! Use-cases. Form handlers and server functions are thin and call these; each one parses its
//! input into domain types, asks `domain::policy::can`, and then touches the store.

pub mod access;
pub mod accounts;
pub mod admin;
pub mod audit;
pub mod case_views;
pub mod cases;
pub mod flags;
pub mod invites;
pub mod redaction;
pub mod replies;
pub mod reply_review;
pub mod review;
pub mod screening;
