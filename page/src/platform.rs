//! The page's side effects, in one place: the address, the tab's and the device's storage,
//! the clipboard, printing and speech. Each fails quietly where the browser refuses (private
//! mode, old engines), and the page keeps working.

use super::state::TextSize;
use crate::codec::saved;
use crate::model::office::Office;
use crate::words::Lang;
use std::cell::Cell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn window() -> web_sys::Window {
    gloo::utils::window()
}

/// Whether `object[name]` is there. web-sys binds every API as if the engine had it, and a call
/// into one it lacks throws from the glue, past the Rust code: speech (WPE WebKit and Android's
/// WebView have none), the clipboard (insecure pages, old engines), `scrollIntoView`, print. Each
/// call into such an API asks here first, so a missing one costs only its own feature.
pub fn has(object: &JsValue, name: &str) -> bool {
    js_sys::Reflect::get(object, &JsValue::from_str(name))
        .is_ok_and(|v| !v.is_undefined() && !v.is_null())
}

/// The latest answers, in the page's memory only (`window.minshengAnswers`): what boot.js
/// restarts the page with after a fault in the calculator. Never stored.
pub fn in_memory(envelope: &str) {
    let _ = js_sys::Reflect::set(&window(), &"minshengAnswers".into(), &envelope.into());
}

/// The current location's hash and search.
pub fn location() -> (String, String) {
    let l = window().location();
    (l.hash().unwrap_or_default(), l.search().unwrap_or_default())
}

/// The page's address without query or fragment.
pub fn base_url() -> String {
    let l = window().location();
    format!(
        "{}{}",
        l.origin().unwrap_or_default(),
        l.pathname().unwrap_or_default()
    )
}

/// Replaces the address without a reload or a history entry.
fn replace_address(search: &str, fragment: &str) {
    let l = window().location();
    let url = format!("{}{search}{fragment}", l.pathname().unwrap_or_default());
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Replaces the address bar's fragment, keeping the query (`?desk`).
pub fn set_fragment(fragment: &str) {
    let (_, search) = location();
    replace_address(&search, fragment);
}

/// Settles the address once the page has read it: desk mode moves from the fragment into the
/// query (`#desk` → `?desk`), where no in-page link or cleared fragment can drop it, and a
/// `#profile=` link's answers leave the address (they live in the tab's storage from now on,
/// so the address never carries answers older than the form).
pub fn settle_address(desk: bool) {
    let (hash, search) = location();
    // A restart's marks (boot.js) have done their work: the answers leave the address.
    let mut query: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && *p != "restart")
        .collect();
    if desk && !crate::state::desk_requested("", &search) {
        query.push("desk");
    }
    let search = if query.is_empty() {
        String::new()
    } else {
        format!("?{}", query.join("&"))
    };
    let keep: Vec<&str> = hash
        .trim_start_matches('#')
        .split('&')
        .filter(|p| {
            !p.is_empty()
                && !p.starts_with("profile=")
                && !p.starts_with("restart=")
                && *p != "desk"
        })
        .collect();
    let fragment = if keep.is_empty() {
        String::new()
    } else {
        format!("#{}", keep.join("&"))
    };
    replace_address(&search, &fragment);
}

/// The address of this page without desk mode, for leaving it.
pub fn leave_desk() {
    let (_, search) = location();
    let rest: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && *p != "desk" && !p.starts_with("desk="))
        .collect();
    let search = if rest.is_empty() {
        String::new()
    } else {
        format!("?{}", rest.join("&"))
    };
    let url = format!("{}{search}", base_url());
    let _ = window().location().replace(&url);
}

fn local() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// Where answers are kept: the tab (dropped by the browser when the tab closes) or the device
/// (kept across visits, only when the resident asks).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    Tab,
    Device,
}

fn store(keep: Keep) -> Option<web_sys::Storage> {
    match keep {
        Keep::Tab => session(),
        Keep::Device => local(),
    }
}

/// The answers kept there, if any.
pub fn load(keep: Keep) -> Option<String> {
    store(keep)?.get_item(saved::KEY).ok().flatten()
}

/// Keeps the answers there.
pub fn save(keep: Keep, envelope: &str) {
    if let Some(s) = store(keep) {
        let _ = s.set_item(saved::KEY, envelope);
    }
}

/// Removes the answers kept there (and, in the tab, where the reader was).
pub fn forget(keep: Keep) {
    if let Some(s) = store(keep) {
        let _ = s.remove_item(saved::KEY);
        if keep == Keep::Tab {
            let _ = s.remove_item(VIEW_KEY);
        }
    }
}

/// The key of the reader's preferences (language, text size): no answers, kept on the device.
const PREFS_KEY: &str = "minsheng.prefs";

/// The stored preferences: the language and the text size.
pub fn load_prefs() -> (Lang, TextSize) {
    let text = local()
        .and_then(|s| s.get_item(PREFS_KEY).ok().flatten())
        .unwrap_or_default();
    let has = |w: &str| text.split(',').any(|p| p == w);
    (
        if has("en") { Lang::En } else { Lang::Zh },
        if has("large") {
            TextSize::Large
        } else {
            TextSize::Normal
        },
    )
}

thread_local! {
    /// The preferences this page last wrote: the effect that writes them follows the answers
    /// too, and a write with every answer typed would also undo a change made in another tab.
    static PREFS_WRITTEN: Cell<Option<(Lang, TextSize)>> = const { Cell::new(None) };
}

/// Keeps the preferences on the device, when they differ from what this page last wrote.
pub fn save_prefs(lang: Lang, size: TextSize) {
    if PREFS_WRITTEN.replace(Some((lang, size))) == Some((lang, size)) {
        return;
    }
    let Some(s) = local() else { return };
    let text = [(lang == Lang::En, "en"), (size == TextSize::Large, "large")]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(",");
    let _ = if text.is_empty() {
        s.remove_item(PREFS_KEY)
    } else {
        s.set_item(PREFS_KEY, &text)
    };
}

thread_local! {
    /// Whether this page has put something on the clipboard, so "next resident" can clear it.
    static COPIED: Cell<bool> = const { Cell::new(false) };
}

fn write_clipboard(text: &str) -> Option<js_sys::Promise> {
    let navigator = window().navigator();
    if !has(&navigator, "clipboard") {
        return None;
    }
    let clipboard = navigator.clipboard();
    has(&clipboard, "writeText").then(|| clipboard.write_text(text))
}

/// Copies text to the clipboard and reports whether it worked. Where the browser has no
/// clipboard API (an insecure page, an old engine) or refuses, `done` gets false.
pub fn copy(text: &str, done: yew::Callback<bool>) {
    let Some(promise) = write_clipboard(text) else {
        done.emit(false);
        return;
    };
    COPIED.with(|c| c.set(true));
    yew::platform::spawn_local(async move {
        done.emit(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Empties the clipboard if this page put something there.
pub fn clear_clipboard() {
    if COPIED.with(|c| c.replace(false)) {
        if let Some(promise) = write_clipboard("") {
            yew::platform::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}

/// Calls `f` on each `kind` event of the window while the returned listener is kept.
pub fn on_window(kind: &'static str, f: impl Fn() + 'static) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&window(), kind, move |_| f())
}

/// Opens the browser's print dialog.
pub fn print() {
    let window = window();
    if has(&window, "print") {
        let _ = window.print();
    }
}

/// Milliseconds since the epoch, for the desk's idle timer.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// This year, for saying how old the list is.
pub fn this_year() -> u16 {
    u16::try_from(js_sys::Date::new_0().get_full_year()).unwrap_or(0)
}

/// Today's date as `2026-11-28`, for the printed page.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// The page's language, text size and title, on the document itself. An attribute is written
/// only where it differs: writing `lang` on the root, even unchanged, makes the browser
/// restyle every element (`:lang`), and a class change on the root likewise; both were a
/// whole-page restyle and layout right after the first paint (about 0.4 s at CPU 4× for a
/// six-member household). `start` calls this before mounting, so the first paint is already in
/// the right language and size, and the app's effect finds nothing to change.
pub fn apply_root(lang: Lang, size: TextSize, title: &str) {
    let document = gloo::utils::document();
    if let Some(root) = document.document_element() {
        let set = |name: &str, value: &str| {
            if root.get_attribute(name).unwrap_or_default() != value {
                let _ = root.set_attribute(name, value);
            }
        };
        set("lang", lang.code());
        set(
            "class",
            match size {
                TextSize::Large => "large",
                TextSize::Normal => "",
            },
        );
    }
    if document.title() != title {
        document.set_title(title);
    }
}

/// The element with this id, as one that takes the focus.
fn html_element(id: &str) -> Option<web_sys::HtmlElement> {
    gloo::utils::document()
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Like [`focus`], but only when the element starts below the first screen (the results under
/// the form on a phone; beside it on a tablet, where nothing moves).
pub fn focus_if_below(id: &str) {
    let height = window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if html_element(id).is_some_and(|el| f64::from(el.offset_top()) >= height) {
        focus(id);
    }
}

/// Moves the focus to the first person's age box, where a fresh form starts (desk mode's
/// next resident): the clerk types the age at once.
pub fn focus_first_age() {
    let first = gloo::utils::document()
        .query_selector(".questions input[id$='-age']")
        .ok()
        .flatten();
    if let Some(el) = first.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Brings an element just into view (the least scrolling that shows it), as a panel that opens
/// below the screen's edge.
pub fn reveal(el: &web_sys::Element) {
    if !has(el, "scrollIntoView") {
        return;
    }
    // An engine without the options (Safari before 14) reads the object as `true`: aligned to
    // the top, still in view.
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Moves the focus to an element, scrolling only as far as the browser needs to show it.
pub fn focus_quietly(id: &str) {
    if let Some(el) = html_element(id) {
        let _ = el.focus();
    }
}

/// Scrolls an element into view and moves the focus to it, without touching the address.
pub fn focus(id: &str) {
    if let Some(el) = html_element(id) {
        if has(&el, "scrollIntoView") {
            el.scroll_into_view();
        }
        let _ = el.focus();
    }
}

/// Where the reader was, kept in the tab (`sessionStorage`) for the page's next start.
const VIEW_KEY: &str = "minsheng.view";

/// Keeps the reading position whenever the page is hidden or left: how far down it was, and
/// which folds were open (by their order in the page). A reload, or WeChat bringing back a
/// page it dropped in the background, then opens where the person was reading, not at the
/// top with everything folded. Never at the desk: nothing of a resident stays there.
pub fn keep_view_on_leave() {
    let save = Closure::<dyn FnMut()>::new(save_view);
    for kind in ["pagehide", "visibilitychange"] {
        let _ = window().add_event_listener_with_callback(kind, save.as_ref().unchecked_ref());
    }
    // It listens as long as the page lives.
    save.forget();
}

fn save_view() {
    let Some(s) = session() else { return };
    let folds = gloo::utils::document().get_elements_by_tag_name("details");
    let open: Vec<String> = (0..folds.length())
        .filter(|&i| folds.item(i).is_some_and(|d| d.has_attribute("open")))
        .map(|i| i.to_string())
        .collect();
    // Whole pixels: a float's text and parser would cost the page 20 KB of Wasm.
    let y = window().scroll_y().unwrap_or(0.0) as i32;
    // On a wide screen the results are a column that scrolls on its own.
    let column = results_column().map_or(0, |c| c.scroll_top());
    let href = window().location().href().unwrap_or_default();
    let _ = s.set_item(
        VIEW_KEY,
        &format!("{href}\n{y}\n{}\n{column}", open.join(",")),
    );
}

/// The results' column, which scrolls on its own on a wide screen (`style.css`).
fn results_column() -> Option<web_sys::Element> {
    gloo::utils::document()
        .query_selector(".results")
        .ok()
        .flatten()
}

/// Brings back the reading position kept for this very address (a reload; not another link
/// opened in the tab), once: the folds first, then — when their details are in the page —
/// the scroll. Called after the first render.
pub fn restore_view() {
    let Some(s) = session() else { return };
    let Some(kept) = s.get_item(VIEW_KEY).ok().flatten() else {
        return;
    };
    let _ = s.remove_item(VIEW_KEY);
    let mut lines = kept.split('\n');
    let (Some(href), Some(y), Some(open)) = (lines.next(), lines.next(), lines.next()) else {
        return;
    };
    let Ok(y) = y.parse::<i32>() else { return };
    // Kept before the column was: none.
    let column = lines.next().and_then(|c| c.parse().ok()).unwrap_or(0);
    if window().location().href().ok().as_deref() != Some(href) {
        return;
    }
    let mut open: Vec<u32> = open.split(',').filter_map(|i| i.parse().ok()).collect();
    // Kept in the page's order; reversed, so `pop` takes them in that order.
    open.reverse();
    reopen(open, None, (y, column), TRIES);
}

/// Opens the kept folds in the page's order, then scrolls to `y`. A fold writes its details
/// when its `toggle` event arrives, and folds inside them count in the kept positions, so each
/// waits until the one before holds more than its summary; and the scroll is made again until
/// it holds (the page may still be growing below). Checked every 16 ms, at most `tries` times
/// each: five seconds, for a slow phone busy with the first render.
fn reopen(mut open: Vec<u32>, last: Option<web_sys::Element>, at: (i32, i32), tries: u32) {
    let waiting = last.as_ref().is_some_and(|d| d.child_element_count() <= 1);
    if waiting && tries > 0 {
        gloo::timers::callback::Timeout::new(16, move || reopen(open, last, at, tries - 1))
            .forget();
        return;
    }
    let Some(i) = open.pop() else {
        // The texts of the folds now open (a summary, a source text) are fetched when a fold
        // shows them, and lengthen the page above the place once they come: the place is
        // taken back after they are in, or the browser, keeping the line in view, moves it.
        let pending = gloo::utils::document()
            .query_selector("[data-text]:empty:not(details:not([open]) *)")
            .ok()
            .flatten()
            .is_some();
        if pending && tries > 0 {
            gloo::timers::callback::Timeout::new(16, move || reopen(open, None, at, tries - 1))
                .forget();
            return;
        }
        let (y, column) = at;
        window().scroll_to_with_x_and_y(0.0, f64::from(y));
        let holds = match results_column() {
            Some(c) => {
                c.set_scroll_top(column);
                (c.scroll_top() - column).abs() <= 2
            }
            None => true,
        };
        let now = window().scroll_y().unwrap_or_default();
        if ((now - f64::from(y)).abs() > 2.0 || !holds) && tries > 0 {
            gloo::timers::callback::Timeout::new(16, move || reopen(open, None, at, tries - 1))
                .forget();
        }
        return;
    };
    let fold = gloo::utils::document()
        .get_elements_by_tag_name("details")
        .item(i);
    if let Some(fold) = &fold {
        let _ = fold.set_attribute("open", "");
    }
    reopen(open, fold, at, TRIES);
}

/// How many times `reopen` checks a step, 16 ms apart: five seconds (two were once too few
/// in a long run of the suite on a busy machine).
const TRIES: u32 = 300;

thread_local! {
    /// The district's office directory, read once from the page (the build puts
    /// `seeds/offices.json` there as `<script type="text/plain" id="offices">`).
    static OFFICES: std::rc::Rc<[Office]> = read_offices();
}

fn read_offices() -> std::rc::Rc<[Office]> {
    let Some(text) = gloo::utils::document()
        .get_element_by_id("offices")
        .and_then(|el| el.text_content())
    else {
        return std::rc::Rc::from([]);
    };
    crate::model::office::from_lines(&text).into()
}

/// The district's office directory: empty where none was given.
pub fn offices() -> std::rc::Rc<[Office]> {
    OFFICES.with(std::rc::Rc::clone)
}
