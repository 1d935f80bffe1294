//! Spoken practice in the core: measurements of a recording's samples
//! (`metrics`), their plain-language reading (`reading`), what an attempt
//! keeps of a recording (`recording`) and where a drill's spoken answer
//! sits (`slot`).

pub mod metrics;
pub mod reading;
pub mod recording;
pub mod slot;
