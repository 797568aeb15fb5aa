//! Server-only code (feature `ssr`): configuration, the HTTP stack, sessions, use-cases, storage.

pub mod app;
pub mod auth;
pub mod cli;
pub mod cli_export;
pub mod cli_scan;
mod cli_search;
pub mod clock;
pub mod config;
pub mod context;
pub mod demo;
pub mod edge;
pub mod error;
pub mod error_page;
pub mod export;
pub mod forms;
#[cfg(test)]
mod fuzz;
pub mod gate;
pub mod mail;
pub mod metrics;
pub mod rate_limit;
pub mod read_audit;
pub mod render;
pub mod security;
pub mod serve;
pub mod services;
pub mod state;
pub mod store;
pub mod telemetry;
