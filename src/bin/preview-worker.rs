//! The Markdown preview's Web Worker (see `platform::preview`): its own small
//! wasm, loaded only when someone opens a preview.

#[cfg(target_arch = "wasm32")]
fn main() {
    evident::platform::preview::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("preview-worker runs in the browser as the app's preview Web Worker.");
}
