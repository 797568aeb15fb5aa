//! Pieces shared by the case pages.

mod case_form;
mod chips;

pub use case_form::CaseForm;
pub use chips::{CaseChips, StateBadge};
