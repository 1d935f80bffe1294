//! The pure core: no `web-sys`, no Leptos, no clock, no randomness.
//! Everything here compiles and tests natively; time and random draws are passed in.

pub mod analysis_protocol;
pub mod analysis_queue;
pub mod analyzer;
pub mod attempt;
pub mod audio;
pub mod base64;
pub mod drills;
pub mod examples;
pub mod export;
pub mod feedback;
pub mod home;
pub mod markdown;
pub mod model_answers;
pub mod progress;
pub mod readiness;
pub mod recovery;
pub mod rescue;
pub mod route;
pub mod rubric;
pub mod schema;
pub mod signal_scope;
pub mod signals;
pub mod sorting;
pub mod steps;
pub mod store;
pub mod summary;
pub mod timer;
pub mod trend;
