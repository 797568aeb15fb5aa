//! Integration tests over HTTP against the real server and a real SQLite file.
#![cfg(feature = "ssr")]
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

mod accounts;
mod admin;
mod audit;
mod bad_input;
mod cases;
mod cli;
mod combination;
mod erasure;
mod export;
mod flags;
mod gate;
mod group_pages;
mod groups;
mod hygiene;
mod limits;
mod mail;
mod mail_invites;
mod mail_kinds;
mod mail_preferences;
mod nodes;
mod notifications;
mod outbox;
mod pages;
mod password_reset;
mod profile;
mod protection;
mod purge;
mod recusal;
mod redaction;
mod reply_gate;
mod reply_pages;
mod retention;
mod review;
mod route_table;
mod scanner;
mod schema;
mod search;
mod sessions;
mod smtp_sink;
mod snapshot;
mod store_contract;
mod support;
mod visibility;
mod withdraw;
