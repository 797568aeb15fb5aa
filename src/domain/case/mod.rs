//! A case as its author writes it: context from fixed lists and Markdown sections, parsed into a
//! draft that the rest of the code trusts.

pub mod context;
mod draft;

pub use context::{AgeBand, CaseState, ConcernTag, Modality, SessionsBand, Setting};
pub use draft::{CaseDraft, CaseInput, FieldError, SECTIONS, Section, TextLimit, parse_text};
