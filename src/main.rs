//! The wasm entry point: mount the app. Natively this binary does nothing;
//! the native tool is `evident-check`.

#[cfg(target_arch = "wasm32")]
fn main() {
    evident::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("evident is the browser app; build it with `make serve`. The native tool is `evident-check`.");
}
