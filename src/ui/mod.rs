//! Leptos components, one per screen or widget (wasm32 only).

mod analysis;
mod app;
mod attempt;
mod banner;
mod clock;
mod drill;
mod editor;
mod export;
mod feedback;
mod hint;
mod history;
mod home;
mod not_found;
mod progress;
mod route;
mod scoring;
mod state;
mod timer;
mod update_banner;
mod workspace;

use wasm_bindgen::JsCast;

/// Mounts the app on `<body>`, in place of the prerendered home shell
/// (`core::home`): removing it and mounting in one task means no frame ever
/// shows both or neither.
pub fn start() {
    // A panic's message goes to the console (where the end-to-end tests'
    // guard fails on it). Without a stack trace: the message names the file
    // and line, and the hook stays a few lines of code.
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Ok(shell) = doc.query_selector_all("[data-shell]") {
            for i in 0..shell.length() {
                if let Some(el) = shell
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    el.remove();
                }
            }
        }
        // The deep-link class only hid the shell; the app's own elements never carry it.
        let _ = doc
            .document_element()
            .map(|html| html.class_list().remove_1("deep-link"));
    }
    leptos::mount::mount_to_body(app::App);
}
