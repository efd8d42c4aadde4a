//! The results as plain text (written by `layout::plain_text`) — read aloud now, copied into a
//! chat later — and the browser's speech synthesis, where it has one.

use super::app::Dispatch;
use super::platform;
use super::state::{Action, Reading};
use crate::words::{self, Lang};
use gloo::timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;

/// The results as plain text, written when asked for (reading aloud, copying), not on every
/// render; `None` while there are no results.
pub type PlainText = Option<yew::Callback<(), String>>;

/// The browser's speech, where it has one: WPE WebKit and Android's WebView have none, and a
/// call into the missing object would throw from the glue (the language switch stopped
/// working that way), so every use of speech starts here.
fn synth() -> Option<web_sys::SpeechSynthesis> {
    let window = gloo::utils::window();
    if !platform::has(&window, "speechSynthesis")
        || !platform::has(&window, "SpeechSynthesisUtterance")
    {
        return None;
    }
    window.speech_synthesis().ok()
}

/// Whether this browser can read aloud.
pub fn speech_available() -> bool {
    synth().is_some()
}

/// Starts reading `text`; `None` where the browser cannot. The flag turns true once a voice
/// actually starts speaking.
pub fn speak(lang: Lang, text: &str) -> Option<Rc<Cell<bool>>> {
    let synth = synth()?;
    // Read as sentences: no list dashes or dots for a voice to pronounce.
    let comma = lang.pick(("，", ", "));
    let text = words::fill(text, &[("\n- ", "\n"), (" · ", comma), ("·", comma)]);
    synth.cancel();
    // In English, the Chinese names (departments, subdistrict offices) are read by a Chinese
    // voice, one utterance each, as the resident will say them at the office.
    let runs = match lang {
        Lang::Zh => vec![(true, text.as_str())],
        Lang::En => words::chinese_runs(&text),
    };
    let started = Rc::new(Cell::new(false));
    // Brackets and commas alone between two names: nothing to say.
    let mute = |c: char| {
        c.is_ascii_punctuation()
            || c.is_whitespace()
            || matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}')
    };
    let mut first = true;
    for (zh, run) in runs {
        if run.chars().all(mute) {
            continue;
        }
        let utterance = web_sys::SpeechSynthesisUtterance::new_with_text(run).ok()?;
        utterance.set_lang(if zh { "zh-CN" } else { lang.code() });
        utterance.set_rate(0.9);
        if first {
            first = false;
            let flag = started.clone();
            let on_start = Closure::<dyn FnMut()>::new(move || flag.set(true));
            utterance.set_onstart(Some(wasm_bindgen::JsCast::unchecked_ref(
                &on_start.into_js_value(),
            )));
        }
        synth.speak(&utterance);
    }
    Some(started)
}

/// Whether speech is under way or waiting to start.
pub fn is_speaking() -> bool {
    synth().is_some_and(|s| s.speaking() || s.pending())
}

thread_local! {
    /// While reading aloud: the check that turns the button back when the speech is over.
    static POLL: std::cell::RefCell<Option<Interval>> = const { std::cell::RefCell::new(None) };
}

/// Stops reading.
pub fn stop_speaking() {
    POLL.with(|p| p.borrow_mut().take());
    if let Some(synth) = synth() {
        synth.cancel();
    }
}

/// Reads `text` aloud and tells the page what the speech does: speaking at once, then idle
/// when it ends — or "no voice" when the device has none for the language and nothing starts
/// within two seconds.
pub fn read_aloud(lang: Lang, text: &str, dispatch: Dispatch) {
    let Some(started) = speak(lang, text) else {
        dispatch.dispatch(Action::Reading(Reading::NoVoice));
        return;
    };
    dispatch.dispatch(Action::Reading(Reading::Speaking));
    let waited = Cell::new(0u32);
    let poll = Interval::new(250, move || {
        waited.set(waited.get() + 1);
        // A voice may take a moment to start: give it two seconds. A device with no voice may
        // keep the speech "pending" for ever, so what decides is whether a voice started.
        let now = match (started.get(), is_speaking()) {
            (true, true) => return,
            (true, false) => Reading::Idle,
            (false, _) if waited.get() < 8 => return,
            (false, _) => {
                if let Some(synth) = synth() {
                    synth.cancel();
                }
                Reading::NoVoice
            }
        };
        dispatch.dispatch(Action::Reading(now));
        // Dropping the interval from inside its own tick is deferred to the next task.
        yew::platform::spawn_local(async {
            POLL.with(|p| p.borrow_mut().take());
        });
    });
    POLL.with(|p| *p.borrow_mut() = Some(poll));
}
