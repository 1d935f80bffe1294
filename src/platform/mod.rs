//! Thin adapters over browser APIs (wasm32 only). Each implements a small trait
//! defined in `core` (a port), so core logic and components test without a browser.

pub mod storage;
