//! Home: the nine drills, each a link with its title, minutes and purpose.

use crate::core::drills::DRILLS;
use crate::core::route::Route;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <section class="home">
            <p class="tagline">
                "Practise turning real ability into evidence an interviewer can see, under a clock."
            </p>
            <h1>"Drills"</h1>
            <ul class="drill-list">
                {DRILLS
                    .iter()
                    .map(|drill| {
                        view! {
                            <li>
                                <a class="drill-card" href=Route::Drill(drill.id.to_owned()).href()>
                                    <span class="drill-title">{drill.title}</span>
                                    <span class="drill-minutes">{format!("{} min", drill.minutes)}</span>
                                    <span class="drill-purpose">{drill.purpose}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
