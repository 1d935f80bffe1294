//! A workspace section: a labelled text area that autosaves as the user types.

use super::state::use_app_state;
use crate::core::drills::Section;
use crate::platform::clock::now_ms;
use leptos::prelude::*;

#[component]
pub fn SectionEditor(attempt_id: String, section: &'static Section) -> impl IntoView {
    let state = use_app_state();
    let id = StoredValue::new(attempt_id);
    let text = Memo::new(move |_| {
        state.attempts.with(|all| {
            all.iter()
                .find(|a| a.id == id.get_value())
                .map(|a| a.section_text(section.id).to_owned())
                .unwrap_or_default()
        })
    });
    let dom_id = format!("section-{}", section.id);
    let help_id = format!("{dom_id}-help");
    view! {
        <div class=format!("section-editor section-{}", section.id)>
            <label for=dom_id.clone()>{section.label}</label>
            <p class="help" id=help_id.clone()>{section.help}</p>
            <textarea
                id=dom_id
                aria-describedby=help_id
                rows="6"
                spellcheck="true"
                prop:value=move || text.get()
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    state.edit(&id.get_value(), |a| a.set_section(section.id, value, now_ms()));
                }
            ></textarea>
        </div>
    }
}
