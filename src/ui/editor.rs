//! A workspace section: a labelled text area that autosaves as the user types,
//! with the analyzer's findings marked on the user's own words.
//!
//! The marks live in a backdrop that shares the text area's grid cell, font,
//! padding and wrapping, so they line up by construction at any width, zoom or
//! font size. The text area grows with its content (never scrolls inside), so
//! there is no inner scroll position to keep in step.

use super::analysis::{use_analyses, use_analyzer};
use super::feedback::{focus_feedback, FeedbackPanel};
use super::state::use_app_state;
use super::workspace::{SectionModel, WorkspaceCx};
use crate::core::analysis_protocol::SectionText;
use crate::core::analyzer::{Finding, SectionInput};
use crate::core::drills::Section;
use crate::core::examples;
use crate::core::feedback::{self, byte_to_utf16, utf16_to_byte};
use crate::platform::clock::now_ms;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The DOM id of a section's text area.
pub fn textarea_id(section_id: &str) -> String {
    format!("section-{section_id}")
}

/// Focuses a section's text area and selects `start..end` (byte offsets).
pub fn select_in_section(section_id: &str, text: &str, start: usize, end: usize) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(area) = document
        .get_element_by_id(&textarea_id(section_id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let _ = area.focus();
    let _ = area.set_selection_range(
        byte_to_utf16(text, start) as u32,
        byte_to_utf16(text, end) as u32,
    );
    // The text area never scrolls inside; bring the marked words into view.
    let selector = format!(
        "#{}-marks [data-start=\"{}\"]",
        textarea_id(section_id),
        byte_to_utf16(text, start)
    );
    if let Ok(Some(mark)) = document.query_selector(&selector) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        mark.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

#[component]
pub fn SectionEditor(model: SectionModel, index: usize) -> impl IntoView {
    let state = use_app_state();
    let analyzer = use_analyzer();
    let cx = expect_context::<WorkspaceCx>();
    // Choosing the section already chosen wakes nothing (the panel keeps
    // its list, and the focus in it).
    let choose = move |index: usize| {
        if cx.focused.get_untracked() != index {
            cx.focused.set(index);
        }
    };
    let section = model.section;
    let dom_id = textarea_id(section.id);
    let help_id = format!("{dom_id}-help");
    let marks_id = format!("{dom_id}-marks");
    let status_id = format!("{dom_id}-status");
    let examples_id = format!("{dom_id}-examples");
    let examples_dom_id = examples_id.clone();
    let show_examples = RwSignal::new(false);

    let shown = model.shown;

    // The finding under the caret or the pointer: its rule name, on tap,
    // hover or keyboard, in a live line under the text area.
    let (pointed, set_pointed) = signal(None::<Finding>);
    let point_at_caret = move |area: &web_sys::HtmlTextAreaElement| {
        let caret = area.selection_start().ok().flatten().unwrap_or(0) as usize;
        let text = model.text.get_untracked();
        let at = utf16_to_byte(&text, caret);
        let found =
            shown.with_untracked(|fs| fs.iter().find(|f| f.start <= at && at <= f.end).cloned());
        set_pointed.set(found);
    };
    let caret_event = move |ev: web_sys::Event| {
        if let Some(area) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            point_at_caret(&area);
        }
    };
    let marks_ref = NodeRef::<leptos::html::Div>::new();
    let on_pointer = move |ev: web_sys::MouseEvent| {
        let Some(marks) = marks_ref.get() else { return };
        let Ok(nodes) = marks.query_selector_all("mark") else {
            return;
        };
        let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        for i in 0..nodes.length() {
            let Some(mark) = nodes
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            let rects = mark.get_client_rects();
            let hit = (0..rects.length())
                .filter_map(|r| rects.item(r))
                .any(|r| x >= r.left() && x <= r.right() && y >= r.top() && y <= r.bottom());
            if hit {
                let index: Option<usize> = mark
                    .get_attribute("data-index")
                    .and_then(|v| v.parse().ok());
                set_pointed.set(index.and_then(|i| shown.with_untracked(|fs| fs.get(i).cloned())));
                return;
            }
        }
    };

    // The highlight layer, escaped by `backdrop_html` (only our own tags).
    // While the worker analyses the latest keystroke, the previous marks
    // move with the text instead of blinking off.
    let backdrop = move || {
        let text = model.text.get();
        if model.in_sync() {
            shown.with(|findings| feedback::backdrop_html(&text, findings))
        } else {
            let moved = model
                .analysed
                .with(|old| shown.with(|findings| feedback::rebase(findings, old, &text)));
            feedback::backdrop_html(&text, &moved)
        }
    };

    let status = move || match pointed.get() {
        Some(f) => {
            let title = f.rule.title();
            format!("{title}: {}", f.message)
        }
        None if model.text.with(|t| t.trim().is_empty()) => String::new(),
        None if model.analysis.with(Option::is_none) => analyzer.pending_note(),
        None => {
            let n = shown.with(Vec::len);
            match n {
                0 => "No findings in this section.".to_owned(),
                1 => "1 finding: see Feedback.".to_owned(),
                n => format!("{n} findings: see Feedback."),
            }
        }
    };

    view! {
        <div class=format!("section-editor section-{}", section.id)>
            <div class="section-head">
                <label for=dom_id.clone()>{section.label}</label>
                {examples::example(cx.drill_id, section.id).map(|_| view! {
                    <button
                        class="quiet"
                        aria-expanded=move || show_examples.get().to_string()
                        aria-controls=examples_id.clone()
                        aria-label=format!("See a weak and a strong example for {}", section.label)
                        on:click=move |_| show_examples.update(|s| *s = !*s)
                    >"See a weak and a strong example"</button>
                })}
            </div>
            <p class="help" id=help_id.clone()>{section.help}</p>
            <Show when=move || show_examples.get()>
                <SectionExamples drill_id=cx.drill_id section=section dom_id=examples_dom_id.clone()/>
            </Show>
            <div class="editor" on:mousemove=on_pointer on:mouseleave=move |_| set_pointed.set(None)>
                <div class="backdrop" id=marks_id aria-hidden="true" node_ref=marks_ref inner_html=backdrop></div>
                <textarea
                    id=dom_id
                    aria-describedby=format!("{help_id} {status_id}")
                    rows="5"
                    spellcheck="true"
                    prop:value=move || model.text.get()
                    on:focus=move |_| choose(index)
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        state.edit_section(&cx.attempt_id.get_value(), section.id, value, now_ms());
                        caret_event(ev);
                    }
                    on:keyup=move |ev| caret_event(ev.into())
                    on:click=move |ev| caret_event(ev.into())
                    on:select=caret_event
                ></textarea>
            </div>
            <div class="editor-foot">
                <p class="editor-status" id=status_id.clone() aria-live="polite">{status}</p>
                // The keyboard's way to this section's findings: the next Tab
                // after the text area, wherever the panel is on the page.
                <button
                    type="button"
                    class="quiet feedback-jump"
                    aria-describedby=status_id
                    on:click=move |_| {
                        choose(index);
                        focus_feedback();
                    }
                >
                    "Feedback"<span class="visually-hidden">{format!(" on {}", section.label)}</span>
                </button>
            </div>
        </div>
        // On a narrow screen the panel follows the section in use.
        {move || (!cx.wide.get() && cx.focused.get() == index).then(|| view! { <FeedbackPanel/> })}
    }
}

/// A weak and a strong answer to this section of this drill, side by side
/// where there is room; the weak one with the rules it trips.
#[component]
fn SectionExamples(
    drill_id: &'static str,
    section: &'static Section,
    dom_id: String,
) -> impl IntoView {
    let Some(e) = examples::example(drill_id, section.id) else {
        return ().into_any();
    };
    // The weak example's findings come from the analysis worker like any
    // section's: the line appears when it answers.
    let label = section.label;
    let analyses = use_analyses(move || {
        vec![vec![SectionText {
            label: label.to_owned(),
            text: e.weak.to_owned(),
        }]]
    });
    let flagged = move || {
        let analyses = analyses.get()?;
        let mut rules: Vec<&'static str> = Vec::new();
        for analysis in analyses.of_sections(&[SectionInput {
            label,
            text: e.weak,
        }]) {
            for f in analysis.findings {
                if !rules.contains(&f.rule.title()) {
                    rules.push(f.rule.title());
                }
            }
        }
        (!rules.is_empty())
            .then(|| view! { <p class="muted">{format!("Flagged: {}.", rules.join(", "))}</p> })
    };
    view! {
        <div class="examples" id=dom_id role="group" aria-label=format!("Examples for {}", section.label)>
            <figure class="example example-weak">
                <figcaption>"Weak"</figcaption>
                <blockquote>{e.weak}</blockquote>
                {flagged}
            </figure>
            <figure class="example example-strong">
                <figcaption>"Strong"</figcaption>
                <blockquote>{e.strong}</blockquote>
            </figure>
        </div>
    }
    .into_any()
}
