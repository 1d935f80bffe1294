//! Home: where to go now (the drill whose clock still runs, with its time
//! left; for a first-time user, where to start; else the next drill), then
//! the drills, each a link with its title, minutes and purpose. The markup
//! comes from `core::home`, which `index.html` prerenders for a first visit:
//! the first time Home shows, it adopts the prerendered section instead of
//! drawing it again (see `ui::start`) and only rewrites its "where to start"
//! line.

use super::clock::use_now;
use super::state::use_app_state;
use crate::core::home::{drill_list_html, start_here, start_here_html, TAGLINE};
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
    let state = use_app_state();
    let now = use_now();
    // A memo: the line is rewritten only when its text changes (once a
    // second while a drill runs), not on every tick. `None` until the
    // attempts are loaded.
    let start = Memo::new(move |_| {
        if !state.ready.get() {
            return None;
        }
        let now = now.get();
        Some(state.attempts.with(|open| {
            state.summaries.with(|all| {
                start_here(open, all, now)
                    .map(|s| start_here_html(&s))
                    .unwrap_or_default()
            })
        }))
    });
    if let Some(section) = PRERENDERED.with(|p| p.borrow_mut().take()) {
        // Kept in place, exactly as painted, until the attempts are loaded;
        // then only its "where to start" line changes. It goes when the
        // screen changes.
        if let Ok(Some(line)) = section.query_selector(".start-here") {
            let line = send_wrapper::SendWrapper::new(line);
            Effect::new(move |_| {
                if let Some(html) = start.get() {
                    line.set_inner_html(&html);
                }
            });
        }
        let section = send_wrapper::SendWrapper::new(section);
        on_cleanup(move || section.remove());
        return ().into_any();
    }
    // SAFETY (XSS): the list and the line are built from the compiled-in
    // catalogue with every piece of text escaped; no user input reaches them.
    view! {
        <section class="home">
            <p class="tagline">{TAGLINE}</p>
            <h1>"Drills"</h1>
            <p class="start-here" inner_html=move || start.get().unwrap_or_default()></p>
            <ul class="drill-list" inner_html=drill_list_html()></ul>
        </section>
    }
    .into_any()
}
