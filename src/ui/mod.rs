//! Leptos components, one per screen or widget (wasm32 only).

mod app;
mod attempt;
mod clock;
mod drill;
mod editor;
mod hint;
mod history;
mod home;
mod not_found;
mod route;
mod state;
mod timer;

/// Mounts the app on `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
