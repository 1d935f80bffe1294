//! The app shell: header navigation, the routed screen, the privacy footer.

use super::analysis::provide_analyzer;
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
    provide_app_state();
    provide_analyzer();
    let route = use_hash_route();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        // Static markup as one string: far less wasm than four elements.
        <header class="topbar" inner_html=TOPBAR></header>
        <super::update_banner::UpdateBanner/>
        <main id="main" tabindex="-1">
            <StorageBanner/>
            {move || match route.get() {
                Route::Home => view! { <Home/> }.into_any(),
                Route::NotFound(path) => view! { <NotFound path=path/> }.into_any(),
                Route::Drill(id) => view! { <DrillScreen id=id/> }.into_any(),
                Route::History => view! { <HistoryScreen/> }.into_any(),
                Route::Attempt(id) => view! { <AttemptScreen id=id/> }.into_any(),
            }}
        </main>
        <footer class="footer">
            <p>{FOOTER}</p>
        </footer>
    }
}
