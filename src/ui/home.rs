//! Home: the nine drills, each a link with its title, minutes and purpose.
//! The markup comes from `core::home`, which `index.html` prerenders too: the
//! first time Home shows, it adopts the prerendered list instead of drawing it
//! again (see `ui::start`).

use crate::core::home::home_html;
use leptos::prelude::*;
use std::cell::RefCell;

thread_local! {
    /// The prerendered `<section class="home">`, until Home first shows.
    static PRERENDERED: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Hands the prerendered home to the first Home screen.
pub fn adopt(section: web_sys::Element) {
    PRERENDERED.with(|p| *p.borrow_mut() = Some(section));
}

#[component]
pub fn Home() -> impl IntoView {
    if let Some(section) = PRERENDERED.with(|p| p.borrow_mut().take()) {
        // Kept in place, exactly as painted; it goes when the screen changes.
        let section = send_wrapper::SendWrapper::new(section);
        on_cleanup(move || section.remove());
        return ().into_any();
    }
    // SAFETY (XSS): `home_html` is built from the compiled-in drill catalogue
    // only, with every piece of text escaped; no user input reaches it.
    view! { <section class="home" inner_html=home_html()></section> }.into_any()
}
