//! minsheng's page (Wasm only): the Yew components and the browser calls around the core crate
//! (`minsheng`: model, engine, words, layout, codecs, and the page's state and reducer), and the
//! JavaScript API for host pages. Nothing here decides what the page says: the core does, and
//! is tested natively.
#![cfg(target_arch = "wasm32")]
#![forbid(unsafe_code)]

// The core's modules, by their old paths (`crate::engine`, `super::state`).
pub use minsheng::{codec, engine, layout, model, state, words};

pub mod app;
pub mod desk;
pub mod form;
pub mod header;
pub mod platform;
pub mod results;
pub mod share;
pub mod summary;

use crate::codec::fragment;
use crate::model::catalogue::Catalogue;
use state::{initial_state, Kept, Notice};
use wasm_bindgen::prelude::*;

/// `window.minsheng.evaluate(profileJson)`: the result JSON, or an Error with the same message
/// as the command line (CONTRACT section 4).
pub fn evaluate_js(profile_json: &str) -> Result<String, JsValue> {
    let catalogue =
        Catalogue::builtin().map_err(|e| js_sys::Error::new(&format!("catalogue: {e}")))?;
    crate::codec::evaluate_json(catalogue, profile_json).map_err(|m| js_sys::Error::new(&m).into())
}

/// Installs `window.minsheng` for host pages on the same origin, and answers
/// `{type: "minsheng.evaluate", id, profile}` messages from a host page that embeds the app in
/// an iframe on another origin, with `{type: "minsheng.result", id, result}` or
/// `{type: "minsheng.error", id, message}`. Installing twice changes nothing.
pub fn install_api() {
    let window = gloo::utils::window();
    if js_sys::Reflect::has(&window, &"minsheng".into()).unwrap_or(false) {
        return;
    }
    let api = js_sys::Object::new();
    let evaluate = Closure::<dyn FnMut(JsValue) -> Result<String, JsValue>>::new(|v: JsValue| {
        match v.as_string() {
            Some(json) => evaluate_js(&json),
            None => Err(js_sys::Error::new("profile: must be a JSON string").into()),
        }
    });
    let _ = js_sys::Reflect::set(&api, &"evaluate".into(), evaluate.as_ref());
    let _ = js_sys::Reflect::set(&api, &"version".into(), &env!("CARGO_PKG_VERSION").into());
    let _ = js_sys::Reflect::set(&window, &"minsheng".into(), &api);
    // The API lives as long as the page.
    evaluate.forget();

    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(answer_message);
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

fn answer_message(event: web_sys::MessageEvent) {
    let data = event.data();
    // Reflect refuses non-objects, so a string or number message is simply not ours.
    let field = |k: &str| js_sys::Reflect::get(&data, &k.into()).ok();
    if field("type").and_then(|v| v.as_string()).as_deref() != Some("minsheng.evaluate") {
        return;
    }
    let reply = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&reply, &k.into(), v);
    };
    set("id", &field("id").unwrap_or(JsValue::UNDEFINED));
    let result = match field("profile").and_then(|v| v.as_string()) {
        Some(json) => Catalogue::builtin()
            .map_err(|e| format!("catalogue: {e}"))
            .and_then(|c| crate::codec::evaluate_json(c, &json)),
        None => Err("profile: must be a JSON string".to_owned()),
    };
    match result {
        Ok(json) => {
            set("type", &"minsheng.result".into());
            set("result", &json.into());
        }
        Err(message) => {
            set("type", &"minsheng.error".into());
            set("message", &message.into());
        }
    }
    let Some(source) = event.source() else { return };
    let origin = event.origin();
    let target = if origin.is_empty() || origin == "null" {
        "*".to_owned()
    } else {
        origin
    };
    if let Some(post) = js_sys::Reflect::get(&source, &"postMessage".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    {
        let _ = post.call2(&source, &reply, &target.into());
    }
}

/// Starts the page: the API, then the app in `#app`.
pub fn start() {
    // The list is compiled in, and the native tests read this very copy: where it cannot be
    // read here, the engine running the module computed wrongly (WPE WebKit 2.38 was seen to,
    // docs/WEBKIT-2.38.md). A fault like a trap, and thrown as one, before the address is
    // touched: boot.js restarts the page on the JavaScript build with a link's answers kept.
    if let Err(e) = Catalogue::builtin() {
        let error = js_sys::Error::new(&format!("catalogue: {e}"));
        error.set_name("RuntimeError");
        wasm_bindgen::throw_val(error.into());
    }
    install_api();
    let (hash, search) = platform::location();
    let desk = state::desk_requested(&hash, &search);
    let kept = if desk {
        Kept::default()
    } else {
        Kept {
            tab: platform::load(platform::Keep::Tab),
            device: platform::load(platform::Keep::Device),
            prefs: platform::load_prefs(),
        }
    };
    if desk {
        // A shared device: answers a visitor left in this tab before desk mode go now.
        platform::forget(platform::Keep::Tab);
    } else {
        // `#desk` typed into an open page: start again as a desk, from nothing. A `#profile=`
        // link opened in a tab that already shows the page (only its fragment changes, so the
        // browser does not load it): start again from the link, as a fresh tab would. (The
        // page's own changes to the address replace it, and fire no `hashchange`.)
        let on_hash = Closure::<dyn FnMut()>::new(|| {
            let (hash, _) = platform::location();
            if state::desk_requested(&hash, "") {
                platform::forget(platform::Keep::Tab);
                let _ = gloo::utils::window().location().reload();
            } else if matches!(fragment::decode(&hash), Some(Ok(_))) {
                let _ = gloo::utils::window().location().reload();
            }
        });
        let _ = gloo::utils::window()
            .add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
        // It listens as long as the page lives.
        on_hash.forget();
        // The page puts the reader back where they were itself, once its content is drawn
        // (`restore_view`): the browser's own attempt comes before the app has drawn anything.
        if let Ok(history) = gloo::utils::window().history() {
            let _ = js_sys::Reflect::set(&history, &"scrollRestoration".into(), &"manual".into());
        }
        platform::keep_view_on_leave();
    }
    let initial = initial_state(&hash, &search, &kept);
    if matches!(initial.notice, Some(Notice::BadSaved(_))) {
        // Corrupt: it would fail again on every visit. (A newer version's answers are kept.)
        platform::forget(platform::Keep::Device);
    }
    platform::settle_address(desk);
    // Before the first render, so the first paint is in the page's language and text size.
    platform::apply_root(initial.lang, initial.size, &app::page_title(initial.lang));
    // Opened from a `#profile=` link, the person came for the results: where they sit below
    // the form (a phone), the page opens on them — unless they have to choose between the
    // link's answers and the remembered ones first. Otherwise (a reload, or the page reopened
    // in its tab) the reader goes back to where they were reading, except at the desk. Both
    // once the first render is in the page (yew renders in a microtask; this task comes
    // after it), with the text size already applied above.
    let to_results = matches!(fragment::decode(&hash), Some(Ok(_)));
    let (go, back) = (to_results && initial.notice.is_none(), !to_results && !desk);
    gloo::timers::callback::Timeout::new(0, move || {
        if go {
            platform::focus_if_below("results-heading");
        } else if back {
            platform::restore_view();
        }
    })
    .forget();
    let props = app::AppProps { initial };
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root_and_props(root, props).render();
        }
        None => {
            yew::Renderer::<app::App>::with_props(props).render();
        }
    }
}
