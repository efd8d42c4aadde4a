//! The page around the engine (Wasm only): state, questions, results, words, and the
//! JavaScript API for host pages.

pub mod app;
pub mod i18n;
pub mod icons;
pub mod state;
pub mod summary;

use crate::catalogue::Catalogue;
use crate::fragment;
use state::State;
use wasm_bindgen::prelude::*;

/// `window.minsheng.evaluate(profileJson)`: the result JSON, or an Error with the same message
/// as the command line (CONTRACT section 4).
pub fn evaluate_js(profile_json: &str) -> Result<String, JsValue> {
    let catalogue =
        Catalogue::builtin().map_err(|e| js_sys::Error::new(&format!("catalogue: {e}")))?;
    crate::engine::evaluate_json(catalogue, profile_json).map_err(|m| js_sys::Error::new(&m).into())
}

/// Installs `window.minsheng` for host pages.
pub fn install_api() {
    let api = js_sys::Object::new();
    let evaluate = Closure::<dyn Fn(JsValue) -> Result<String, JsValue>>::new(|v: JsValue| match v
        .as_string()
    {
        Some(json) => evaluate_js(&json),
        None => Err(js_sys::Error::new("profile: must be a JSON string").into()),
    });
    let window = gloo::utils::window();
    let _ = js_sys::Reflect::set(&api, &"evaluate".into(), evaluate.as_ref());
    let _ = js_sys::Reflect::set(&api, &"version".into(), &env!("CARGO_PKG_VERSION").into());
    let _ = js_sys::Reflect::set(&window, &"minsheng".into(), &api);
    // The API lives as long as the page.
    evaluate.forget();
}

/// The state the page opens in: the answers of a `#profile=` link, or the empty form with a
/// message where the link does not decode.
pub fn initial_state(hash: &str) -> State {
    match fragment::decode(hash) {
        None => State::default(),
        Some(Ok(profile)) => State {
            profile,
            ..State::default()
        },
        Some(Err(e)) => State {
            notice: Some(e.to_string()),
            ..State::default()
        },
    }
}

/// Starts the page: the API, then the app in `#app`.
pub fn start() {
    install_api();
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    let props = app::AppProps {
        initial: initial_state(&hash),
    };
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
