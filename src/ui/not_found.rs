//! A screen for an address that names nothing.

use leptos::prelude::*;

#[component]
pub fn NotFound(path: String) -> impl IntoView {
    view! {
        <section>
            <h1>"Page not found"</h1>
            <p>{format!("Nothing lives at “{path}”.")}</p>
            <p><a href="#/">"Back to the drills"</a></p>
        </section>
    }
}
