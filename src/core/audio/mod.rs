//! Spoken practice in the core: measurements of a recording's samples
//! (`metrics`), their plain-language reading (`reading`), what an attempt
//! keeps of a recording (`recording`), where a drill's spoken answer
//! sits (`slot`) and the on-device transcript's plain logic (`transcript`).

pub mod metrics;
pub mod reading;
pub mod recording;
pub mod slot;
pub mod transcript;
