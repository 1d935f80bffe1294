//! The analyzer's Web Worker (see `core::analysis_protocol`): its own wasm,
//! loaded when a screen first needs feedback.

#[cfg(target_arch = "wasm32")]
fn main() {
    evident::platform::analysis::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("analysis-worker runs in the browser as the app's analyzer Web Worker.");
}
