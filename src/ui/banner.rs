//! The storage banner at the top of every screen: what is wrong with saving
//! (full, unavailable, failing) with an "Export backup" way out, and notices
//! about stored data (values kept aside, newer versions) until dismissed.

use super::export::download_backup;
use super::state::{use_app_state, StorageHealth};
use crate::platform::task::spawn;
use leptos::prelude::*;

fn health_message(health: &StorageHealth) -> Option<String> {
    match health {
        StorageHealth::Ok => None,
        StorageHealth::Full => Some(
            "Storage is full: your latest changes are kept in this tab only. Export a backup to keep them, then delete old attempts to make room."
                .into(),
        ),
        StorageHealth::Unavailable => Some(
            "Storage is unavailable (private browsing or storage turned off): your work is kept in this tab only and is lost when it closes. Export a backup to keep it."
                .into(),
        ),
        StorageHealth::Outdated => Some(
            "Evident was updated in another tab: reload this tab to go on saving. Until then your changes here are kept in this tab only."
                .into(),
        ),
        StorageHealth::Failed(reason) => Some(format!(
            "Saving failed ({reason}): your latest changes are kept in this tab only. Export a backup to keep them."
        )),
    }
}

#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app_state();
    let export_result = RwSignal::new(None::<String>);
    let on_export = move |_| {
        spawn(async move {
            // The words first: a full store still holds the audio.
            let result = download_backup(state, false, &|_, _| {}).await;
            export_result.set(Some(match result {
                Ok(name) => format!("Downloaded {name}."),
                Err(e) => e,
            }));
        });
    };
    view! {
        {move || state.health.with(health_message).map(|message| view! {
            <div class="banner banner-storage" role="alert">
                <p>{message}</p>
                <div class="row">
                    <button type="button" class="primary" on:click=on_export>"Export backup"</button>
                </div>
                <p class="banner-result">{move || export_result.get()}</p>
            </div>
        })}
        // Always present, so notices that appear later are announced.
        <div role="status" class="notices-live">
        <Show when=move || state.notices.with(|n| !n.is_empty())>
            <section class="banner banner-notices" aria-label="Notices about stored data">
                <ul role="list">
                    <For
                        each=move || state.notices.get()
                        key=|notice| notice.clone()
                        children=move |notice| {
                            let text = notice.clone();
                            view! {
                                <li>
                                    <p>{notice}</p>
                                    <button
                                        type="button"
                                        on:click=move |_| state.notices.update(|n| n.retain(|m| *m != text))
                                    >"Dismiss"</button>
                                </li>
                            }
                        }
                    />
                </ul>
            </section>
        </Show>
        </div>
    }
}
