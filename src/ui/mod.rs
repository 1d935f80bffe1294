//! Leptos components, one per screen or widget (wasm32 only).

/// Mounts the app on `<body>`.
pub fn start() {}
