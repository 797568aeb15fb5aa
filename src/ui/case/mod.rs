//! Pieces shared by the case pages.

mod case_form;
mod chips;
mod scan_report;

pub use case_form::CaseForm;
pub use chips::{CaseChips, StateBadge};
pub use scan_report::ScanReport;
