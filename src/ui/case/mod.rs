//! Pieces shared by the case pages.

mod case_form;
mod chips;
mod combination_notice;
mod filters;
mod flag_form;
mod group_badge;
mod redact_form;
mod reply_cards;
mod retention_panel;
mod scan_report;

pub use case_form::{AuthorChecklistFields, CaseForm};
pub use chips::{CaseChips, ReviewBadge, StateBadge};
pub use combination_notice::{CombinationNotice, FeedbackCombinationNotice, NoticeReader};
pub use filters::{FilterFields, filter_from_query, filter_params, query_string};
pub use flag_form::FlagForm;
pub use group_badge::GroupBadgeLink;
pub use redact_form::RedactForm;
pub use reply_cards::reply_cards_html;
pub use retention_panel::RetentionPanel;
pub use scan_report::{FeedbackScanReport, ScanReport};
