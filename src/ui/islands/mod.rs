//! Islands: the only components compiled to wasm and run in the browser. Each improves a page
//! that already works without it.

mod confirm_submit;
mod markdown_editor;
mod password_fields;

pub use confirm_submit::ConfirmSubmit;
pub use markdown_editor::MarkdownEditor;
pub use password_fields::PasswordFields;
