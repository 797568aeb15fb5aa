//! Views. Pages and components render on the server; only `islands` run in the browser, and
//! every page works without them.

pub mod case;
pub mod form_feedback;
pub mod html;
pub mod islands;
pub mod layout;
pub mod markdown_field;
pub mod markdown_toolbar;
pub mod notice;
pub mod pages;
pub mod raw_text;
pub mod review;
pub mod status;
pub mod time;
