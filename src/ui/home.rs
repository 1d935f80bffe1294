//! Home: where to go now (the drill whose clock still runs, with its time
//! left; for a first-time user, where to start; else the next drill), then
//! the drills, each a link with its title, minutes and purpose. The markup
//! comes from `core::home`, which `index.html` prerenders for a first visit.

use super::clock::use_now;
use super::state::use_app_state;
use crate::core::home::{drill_list_html, start_here, start_here_html, TAGLINE};
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let state = use_app_state();
    let now = use_now();
    // A memo: the line is rewritten only when its text changes (once a
    // second while a drill runs), not on every tick.
    let start = Memo::new(move |_| {
        if !state.ready.get() {
            return None;
        }
        let now = now.get();
        state.attempts.with(|open| {
            state
                .summaries
                .with(|all| start_here(open, all, now).map(|s| start_here_html(&s)))
        })
    });
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
}
