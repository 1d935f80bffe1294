//! The pure core: no `web-sys`, no Leptos, no clock, no randomness.
//! Everything here compiles and tests natively; time and random draws are passed in.

pub mod analyzer;
pub mod drills;
pub mod signals;
pub mod timer;
