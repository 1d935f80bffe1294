//! One attempt after the drill: results, "Which signal did I hide?", scoring
//! and export. (Skeleton; the scoring and export issues fill it.)

use super::not_found::NotFound;
use super::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn AttemptScreen(id: String) -> impl IntoView {
    let state = use_app_state();
    match state.attempt(&id) {
        Some(attempt) => view! {
            <section>
                <h1>{format!("{}: results", attempt.drill_title())}</h1>
            </section>
        }
        .into_any(),
        None => view! { <NotFound path=format!("attempt/{id}")/> }.into_any(),
    }
}
