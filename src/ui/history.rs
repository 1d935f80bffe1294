//! History: every attempt, newest first. (Skeleton; the history issue fills it.)

use leptos::prelude::*;

#[component]
pub fn HistoryScreen() -> impl IntoView {
    view! {
        <section>
            <h1>"History"</h1>
        </section>
    }
}
