//! Leptos components, one per screen or widget (wasm32 only).

mod app;
mod attempt;
mod banner;
mod clock;
mod drill;
mod editor;
mod export;
mod feedback;
mod hint;
mod history;
mod home;
mod not_found;
mod plot;
mod route;
mod scoring;
mod state;
mod timer;
mod update_banner;
mod workspace;

/// Mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
