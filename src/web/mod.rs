//! The page around the engine (Wasm only): state, questions, results, words, and the
//! JavaScript API for host pages.

pub mod app;
pub mod desk;
pub mod form;
pub mod header;
pub mod icons;
pub mod platform;
pub mod results;
pub mod share;
pub mod state;
pub mod summary;

use crate::codec::fragment;
use crate::codec::saved::{self, SavedError};
use crate::model::catalogue::Catalogue;
use crate::words::Lang;
use state::{Notice, State, TextSize};
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

/// What the device holds when the page opens: the tab's answers, the device's remembered
/// answers, and the preferences (English, large text).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kept {
    pub tab: Option<String>,
    pub device: Option<String>,
    pub prefs: (Lang, TextSize),
}

/// The state the page opens in, from its address and what the device keeps. In order: a
/// `#profile=` link's answers (saying so when the device remembers other answers); else the
/// tab's latest answers (a reload); else the answers remembered on the device; else the
/// empty form. Desk mode reads nothing kept. A link or stored answers that do not decode leave
/// a message; stored answers from a newer version are kept, not read. After a fault in the
/// calculator (`?restart`, boot.js), the answers that were on screen come first, with the
/// page's language and text size, and the page says it restarted.
pub fn initial_state(hash: &str, search: &str, kept: &Kept) -> State {
    let restarted = search
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == "restart");
    // The answers on screen at the fault, read as the tab's latest are (at the desk too).
    let on_screen = hash
        .strip_prefix("#restart=")
        .filter(|_| restarted)
        .and_then(fragment::base64url_decode)
        .and_then(|bytes| String::from_utf8(bytes).ok());
    // (One call of `first_state`, whatever it is handed: a second compiled it apart.)
    let (hash, kept) = match on_screen {
        Some(text) => (
            "",
            Kept {
                tab: Some(text),
                ..kept.clone()
            },
        ),
        None => (hash, kept.clone()),
    };
    let mut state = first_state(hash, search, &kept);
    if restarted {
        state.notice = state.notice.or(Some(Notice::Restarted));
    }
    state
}

fn first_state(hash: &str, search: &str, kept: &Kept) -> State {
    let desk = platform::desk_requested(hash, search);
    let mut state = State {
        desk,
        ..State::default()
    };
    if desk {
        // A shared device: only a link's answers, nothing kept (the only answers it is handed
        // as the tab's are those on screen when it restarted after a fault).
        match fragment::decode(hash) {
            Some(Ok(profile)) => return State::with_profile(profile).with_desk(),
            Some(Err(e)) => state.notice = Some(Notice::BadLink(e.to_string())),
            None => {}
        }
        if let Some(Ok(saved)) = kept.tab.as_deref().map(saved::decode) {
            return State::from_saved(saved).with_desk();
        }
        return state;
    }
    (state.lang, state.size) = kept.prefs;
    let device = kept.device.as_deref().map(saved::decode);
    match &device {
        Some(Ok(_)) => {
            state.stored = true;
            state.remember = true;
        }
        Some(Err(SavedError::Newer(e))) => {
            state.stored = true;
            state.notice = Some(Notice::NewerSaved(e.to_string()));
        }
        Some(Err(SavedError::Corrupt(e))) => {
            state.notice = Some(Notice::BadSaved(e.to_string()));
        }
        None => {}
    }
    let with = |mut s: State, from: State| {
        s.household = from.household;
        s.people = from.people;
        s.next_id = from.next_id;
        s
    };
    match fragment::decode(hash) {
        Some(Ok(profile)) => {
            if let Some(Ok(saved)) = &device {
                if saved.profile != profile {
                    state.notice = Some(Notice::OtherSaved);
                }
            }
            return with(state, State::with_profile(profile));
        }
        Some(Err(e)) => {
            state.notice = Some(Notice::BadLink(e.to_string()));
            return state;
        }
        None => {}
    }
    if let Some(Ok(saved)) = kept.tab.as_deref().map(saved::decode) {
        return with(state, State::from_saved(saved));
    }
    match device {
        Some(Ok(saved)) => with(state, State::from_saved(saved)),
        _ => state,
    }
}

/// Starts the page: the API, then the app in `#app`.
pub fn start() {
    install_api();
    let (hash, search) = platform::location();
    let desk = platform::desk_requested(&hash, &search);
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
            if platform::desk_requested(&hash, "") {
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
    platform::apply_root(
        initial.lang,
        initial.size,
        initial.lang.pick(crate::words::Key::PageTitle.pair()),
    );
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
