//! Thin adapters over browser APIs, each behind a small trait so core logic and
//! components can be tested without a browser. The traits and their in-memory
//! implementations compile natively; the browser implementations only on wasm32.

pub mod storage;
