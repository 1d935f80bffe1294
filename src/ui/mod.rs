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
mod navigation;
mod not_found;
mod progress;
mod recording;
mod scoring;
mod state;
mod timer;
mod update_banner;
mod workspace;

use crate::core;
use wasm_bindgen::JsCast;

/// Starts the app in the prerendered frame of `index.html` (see
/// `core::home` and `app::mount`): the skip link, header, `<main>` and footer
/// are kept; so is the drill list when the app starts on Home, which it
/// adopts. On any other screen the drill list goes in the same task as the
/// app mounts, so no frame shows both or neither.
pub fn start() {
    // A panic's message goes to the console (where the end-to-end tests'
    // guard fails on it). Without a stack trace: the message names the file
    // and line, and the hook stays a few lines of code.
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(main) = doc.get_element_by_id("main") else {
        return;
    };
    if let Ok(Some(home)) = main.query_selector("section.home") {
        let on_home = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .is_some_and(|h| core::route::Route::parse(&h) == core::route::Route::Home);
        if on_home {
            home::adopt(home);
        } else {
            home.remove();
        }
    }
    // The frame is the app's now: `data-shell` and the deep-link class only
    // served while it waited for the wasm.
    if let Ok(shell) = doc.query_selector_all("[data-shell]") {
        for i in 0..shell.length() {
            if let Some(el) = shell
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.remove_attribute("data-shell");
            }
        }
    }
    let _ = doc
        .document_element()
        .map(|html| html.class_list().remove_1("deep-link"));
    app::mount(main);
}
