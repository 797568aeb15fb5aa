//! Server functions: thin. Each gets the member from the request, calls a service (which asks the
//! policy) and returns a wire model. Form submissions go to `server::forms` instead, so that bad
//! input can come back as the same page with a 4xx status even without JavaScript.

pub mod accounts;
pub mod admin;
pub mod cases;
pub mod deid;
pub mod groups;
pub mod review;
pub mod search;
