//! Caseroom: a forum where clinicians bring the cases where they feel stuck.
//!
//! Zones: `model` (wire types) and `domain` (pure rules) compile everywhere; `ui` and `app` are
//! Leptos views (server-rendered; only `#[island]`s ship to the browser); `api` holds server
//! functions; `server` is server-only. See docs/ARCHITECTURE.md.

pub mod api;
pub mod app;
pub mod domain;
pub mod model;
#[cfg(feature = "ssr")]
pub mod server;
pub mod ui;

/// The browser entry: hydrates the islands on the page, nothing else.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // No panic hook: it adds formatting code to every page's wasm, and the page works without us.
    leptos::mount::hydrate_islands();
}
