//! The app inside the prerendered frame: `index.html` already carries the skip
//! link, the header, `<main>` and the privacy footer (`core::home::shell_html`);
//! the app keeps them and mounts the update banner after the header and the
//! routed screen inside `<main>`. On the home route the prerendered drill list
//! stays too (adopted, not re-created), so the page's largest paint is the one
//! the HTML made before any wasm arrived.

use super::analysis::provide_analyzer;
use super::attempt::AttemptScreen;
use super::banner::StorageBanner;
use super::drill::DrillScreen;
use super::history::HistoryScreen;
use super::home::Home;
use super::navigation::use_navigation;
use super::not_found::NotFound;
use super::state::{provide_app_state, use_app_state};
use super::update_banner::UpdateBanner;
use crate::core::route::Route;
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};

/// Mounts the app into `main` (and the update banner just before it),
/// leaving `main`'s prerendered children after the app's own.
pub fn mount(main: web_sys::Element) {
    // Leptos' executor drives effects and tasks on the browser's microtasks;
    // an error only means it was already running.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.with(|| {
        provide_app_state();
        provide_analyzer();
        if let Some(body) = main.parent_element() {
            let mut banner = view! { <UpdateBanner/> }.into_view().build();
            banner.mount(&body, Some(&main));
            std::mem::forget(banner);
        }
        let prerendered = main.first_child();
        let mut screen = view! { <Screens/> }.into_view().build();
        screen.mount(&main, prerendered.as_ref());
        std::mem::forget(screen);
    });
    // The app lives as long as the page.
    std::mem::forget(owner);
}

/// The storage banner and the routed screen.
#[component]
fn Screens() -> impl IntoView {
    let state = use_app_state();
    let route = use_navigation();
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
        <StorageBanner/>
        {move || loaded.get().then(|| match route.get() {
            Route::Home => view! { <Home/> }.into_any(),
            Route::NotFound(path) => view! { <NotFound path=path/> }.into_any(),
            Route::Drill(id) => view! { <DrillScreen id=id/> }.into_any(),
            Route::History => view! { <HistoryScreen/> }.into_any(),
            Route::Attempt(id) => view! { <AttemptScreen id=id/> }.into_any(),
        })}
    }
}
