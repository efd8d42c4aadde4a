//! The page's few side effects, in one place: the URL, device storage, the clipboard,
//! printing. Each fails quietly where the browser refuses (private mode, old engines), and the
//! page keeps working.

use crate::profile::Profile;
use crate::saved;
use wasm_bindgen::JsValue;

fn window() -> web_sys::Window {
    gloo::utils::window()
}

/// Whether the page was opened in desk mode (`#desk` or `?desk`).
pub fn desk_requested(hash: &str, search: &str) -> bool {
    let has = |s: &str, sep: char| {
        s.trim_start_matches(['#', '?'])
            .split(sep)
            .any(|p| p == "desk" || p.starts_with("desk="))
    };
    has(hash, '&') || has(search, '&')
}

/// The current location's hash and search.
pub fn location() -> (String, String) {
    let l = window().location();
    (l.hash().unwrap_or_default(), l.search().unwrap_or_default())
}

/// The page's address without any fragment.
pub fn base_url() -> String {
    let l = window().location();
    format!(
        "{}{}",
        l.origin().unwrap_or_default(),
        l.pathname().unwrap_or_default()
    )
}

/// Replaces the address bar's fragment without a reload or a history entry.
pub fn set_fragment(fragment: &str) {
    let l = window().location();
    let url = format!(
        "{}{}{}",
        l.pathname().unwrap_or_default(),
        l.search().unwrap_or_default(),
        fragment
    );
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The stored answers, if any.
pub fn load_saved() -> Option<String> {
    storage()?.get_item(saved::KEY).ok().flatten()
}

/// Stores the answers on this device.
pub fn save(profile: &Profile) {
    if let Some(s) = storage() {
        let _ = s.set_item(saved::KEY, &saved::encode(profile));
    }
}

/// Removes anything stored on this device.
pub fn forget() {
    if let Some(s) = storage() {
        let _ = s.remove_item(saved::KEY);
    }
}

/// Copies text to the clipboard and reports whether it worked. Where the browser has no
/// clipboard API (an insecure page, an old engine) or refuses, `done` gets false.
pub fn copy(text: &str, done: yew::Callback<bool>) {
    let navigator = window().navigator();
    let has = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined() && !c.is_null());
    if !has {
        done.emit(false);
        return;
    }
    let promise = navigator.clipboard().write_text(text);
    yew::platform::spawn_local(async move {
        done.emit(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Opens the browser's print dialog.
pub fn print() {
    let _ = window().print();
}

/// Milliseconds since the epoch, for the desk's idle timer.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}
