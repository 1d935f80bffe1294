//! The app shell: header navigation, the routed screen, the privacy footer.

use super::attempt::AttemptScreen;
use super::banner::StorageBanner;
use super::drill::DrillScreen;
use super::history::HistoryScreen;
use super::home::Home;
use super::not_found::NotFound;
use super::route::use_hash_route;
use super::state::provide_app_state;
use crate::core::home::FOOTER;
use crate::core::route::Route;
use leptos::prelude::*;

/// The inside of the header, the same as in the prerendered shell.
const TOPBAR: &str = concat!(
    "<a class=\"brand\" href=\"#/\">Evident</a>",
    "<nav aria-label=\"Main\"><a href=\"#/\">Drills</a><a href=\"#/history\">History</a></nav>"
);

#[component]
pub fn App() -> impl IntoView {
    let state = provide_app_state();
    let route = use_hash_route();
    // Screens that show or create attempts wait for the first load (a few
    // milliseconds); a results screen also for its attempt to be read.
    // A memo, so the screen is built once when it may show, not again on
    // every change to the attempts.
    let loaded = Memo::new(move |_| {
        route.with(|r| match r {
            Route::Home | Route::NotFound(_) => true,
            Route::Attempt(id) => {
                state.ready.get()
                    && (state.attempts.with(|all| all.iter().any(|a| a.id == *id))
                        || !state.knows(id))
            }
            _ => state.ready.get(),
        })
    });
    Effect::new(move |_| {
        if let (true, Route::Attempt(id)) = (state.ready.get(), route.get()) {
            state.ensure_loaded(vec![id]);
        }
    });
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        // Static markup as one string: far less wasm than four elements.
        <header class="topbar" inner_html=TOPBAR></header>
        <super::update_banner::UpdateBanner/>
        <main id="main" tabindex="-1">
            <StorageBanner/>
            {move || loaded.get().then(|| match route.get() {
                Route::Home => view! { <Home/> }.into_any(),
                Route::NotFound(path) => view! { <NotFound path=path/> }.into_any(),
                Route::Drill(id) => view! { <DrillScreen id=id/> }.into_any(),
                Route::History => view! { <HistoryScreen/> }.into_any(),
                Route::Attempt(id) => view! { <AttemptScreen id=id/> }.into_any(),
            })}
        </main>
        <footer class="footer">
            <p>{FOOTER}</p>
        </footer>
    }
}
