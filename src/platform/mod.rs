//! Thin adapters over browser APIs (wasm32 only). Each implements a small trait
//! defined in `core` (a port) or is a plain function the UI calls, so core logic
//! and components test without a browser.

pub mod analysis;
pub mod audio_store;
pub mod clock;
pub mod cues;
pub mod decode;
pub mod errors;
pub mod idb;
pub mod preview;
pub mod recognizer;
pub mod recorder;
pub mod share;
pub mod storage;
pub mod sw;
pub mod task;
pub mod worker;
