//! The drill timer as pure arithmetic over a persisted wall-clock deadline.
//! The browser only feeds it `now_ms` (epoch milliseconds); nothing counts ticks,
//! so a locked phone or a throttled tab never makes it drift.
//!
//! (Skeleton: API fixed, bodies filled by the drills work.)

use serde::{Deserialize, Serialize};

/// Where a drill's clock is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    NotStarted,
    Running,
    Paused,
    /// Past the deadline and still running: the drill stays editable, counting up.
    Overtime,
    Finished,
}

/// Persisted timer state. All instants are epoch milliseconds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timer {
    /// Planned time plus any added minutes.
    pub duration_ms: i64,
    pub started_at: Option<i64>,
    /// Sum of completed pauses.
    pub paused_total_ms: i64,
    /// Set while paused.
    pub paused_since: Option<i64>,
    pub finished_at: Option<i64>,
}
