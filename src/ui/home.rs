//! Home: the nine drills, each a link with its title, minutes and purpose.
//! The markup comes from `core::home`, which `index.html` prerenders too.

use crate::core::home::home_html;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    // SAFETY (XSS): `home_html` is built from the compiled-in drill catalogue
    // only, with every piece of text escaped; no user input reaches it.
    view! { <section class="home" inner_html=home_html()></section> }
}
