//! Islands: the only components compiled to wasm and run in the browser. Each improves a page
//! that already works without it.

mod confirm_submit;
mod markdown_field;
mod password_fields;

pub use confirm_submit::ConfirmSubmit;
pub use markdown_field::MarkdownField;
pub use password_fields::PasswordFields;
