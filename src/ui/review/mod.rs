//! The parts of the moderator's review page: what the author declared, the difference from the
//! last approved version, and the decision forms.

mod author_answers;
mod decision_forms;
mod diff_view;
mod finding_redactions;

pub use author_answers::AuthorAnswers;
pub use decision_forms::{ApproveForm, DecisionForms, DeclineForm};
pub use diff_view::DiffView;
pub use finding_redactions::FindingRedactions;
