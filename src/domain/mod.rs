//! Pure rules with no IO: who may do what, and what counts as valid input.
//! Everything here compiles for both the server and the browser and is table-tested.

pub mod account_input;
pub mod audit_filter;
#[cfg(feature = "ssr")]
pub mod blind_spots;
pub mod case;
pub mod choice;
#[cfg(feature = "ssr")]
pub mod deid;
pub mod flag;
pub mod group;
pub mod password;
pub mod policy;
pub mod redaction;
pub mod retention;
pub mod review;
pub mod role;
#[cfg(feature = "ssr")]
pub mod search;
pub mod text;
pub mod theme;
