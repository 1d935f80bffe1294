//! Evident: an interview-answer coach that runs entirely in the browser.
//!
//! Three layers, dependencies pointing inward only:
//! - [`core`]: pure Rust, no browser, no Leptos; compiles and tests natively.
//! - [`platform`]: thin adapters over browser APIs, each behind a small trait.
//! - `ui`: Leptos components (wasm32 only).
//!
//! Plus [`cli`], the native `evident-check` tool over the same analyzer.

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;
