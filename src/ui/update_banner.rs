//! "A new version is ready — Reload": shown when a new build's service worker is
//! waiting. It never reloads by itself, so a running drill is never interrupted;
//! the user picks the moment (a running drill survives the reload anyway).

use crate::platform::sw;
use leptos::prelude::*;

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let ready = RwSignal::new(false);
    sw::register(move || {
        let _ = ready.try_set(true);
    });
    view! {
        <div class="update-banner" role="status">
            <Show when=move || ready.get()>
                <p>"A new version is ready."</p>
                <button type="button" on:click=move |_| sw::apply_update()>
                    "Reload"
                </button>
            </Show>
        </div>
    }
}
