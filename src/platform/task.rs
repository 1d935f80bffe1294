//! Running a future on the page's event loop.

use std::future::Future;
use std::pin::Pin;

/// Spawns `task` on the browser's microtask queue. Every caller goes through
/// one boxed future type, so the wasm holds one copy of the executor glue
/// instead of one per async block (about 1 KB each).
pub fn spawn(task: impl Future<Output = ()> + 'static) {
    let task: Pin<Box<dyn Future<Output = ()>>> = Box::pin(task);
    wasm_bindgen_futures::spawn_local(task);
}
