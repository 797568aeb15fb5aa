//! Who is asking: passwords, session tokens and the middleware that turns a cookie into an actor.

pub mod password_hash;
pub mod session;
pub mod token;
pub mod totp;
