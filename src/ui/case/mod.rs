//! Pieces shared by the case pages.

mod case_form;
mod chips;
mod redact_form;
mod scan_report;

pub use case_form::CaseForm;
pub use chips::{CaseChips, ReviewBadge, StateBadge};
pub use redact_form::RedactForm;
pub use scan_report::ScanReport;
