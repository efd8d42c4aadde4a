//! The header: the title, the reader's tools (language, text size, reading aloud) and, at a
//! service desk, the "next resident" bar.

use super::app::Dispatch;
use super::desk::{self, DeskBar};
use super::i18n::{Key, Lang};
use super::state::{Action, State};
use super::summary;
use gloo::timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// What the header is drawn from.
pub struct HeaderProps {
    pub state: Rc<State>,
    pub dispatch: Dispatch,
    /// The results as plain text, to read aloud; `None` while there are none.
    pub text: summary::PlainText,
}

/// The page's header.
/// A function, not a component, as `form::form`: it follows the whole state.
pub fn header(props: &HeaderProps) -> Html {
    let lang = props.state.lang;
    let t = |k: Key| lang.pick(k.pair());
    let HeaderProps {
        state,
        dispatch,
        text,
    } = props;
    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            dispatch.dispatch(Action::Lang(match lang {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            }))
        })
    };
    let on_large = {
        let (dispatch, large) = (dispatch.clone(), state.large);
        Callback::from(move |_| dispatch.dispatch(Action::Large(!large)))
    };
    let speech = summary::speech_available().then(|| html! { <ReadAloud {lang} text={text.clone()} /> });
    let desk = state.desk.then(|| {
        html! { <DeskBar ..desk::props(state, dispatch) /> }
    });
    html! {
        <header class="top">
            <h1>{ t(Key::AppTitle) }</h1>
            <div class="tools" role="group" aria-label={ t(Key::Language) }>
                <button type="button" id="lang-switch" lang={ match lang { Lang::Zh => "en", Lang::En => "zh-CN" } } onclick={on_lang}>{ t(Key::SwitchLang) }</button>
                <button type="button" id="large-switch" aria-pressed={ state.large.to_string() } onclick={on_large}>
                    // One label whatever the state: a toggle says it is on by ✓ and aria-pressed.
                    { if state.large { "✓ " } else { "" } }{ t(Key::LargeText) }
                </button>
                { for speech }
            </div>
            { for desk }
        </header>
    }
}

#[derive(Properties, PartialEq)]
struct ReadAloudProps {
    lang: Lang,
    text: summary::PlainText,
}

/// What reading aloud is doing.
#[derive(Clone, Copy, PartialEq)]
enum Reading {
    Idle,
    Speaking,
    /// The device spoke nothing: it has no voice for the language.
    NoVoice,
}

/// Reads the results aloud with the browser's speech synthesis. The button follows the
/// speech: it turns back when the speech ends, fails, or never starts.
#[component]
fn ReadAloud(props: &ReadAloudProps) -> Html {
    let lang = props.lang;
    let reading = use_state(|| Reading::Idle);
    let poll = use_mut_ref(|| None::<Interval>);
    {
        // Stop when the page goes away or the language changes.
        let poll = poll.clone();
        use_effect_with(lang, move |_| {
            move || {
                poll.borrow_mut().take();
                summary::stop_speaking();
            }
        });
    }
    let onclick = {
        let (reading, poll, text) = (reading.clone(), poll.clone(), props.text.clone());
        Callback::from(move |_| {
            if *reading == Reading::Speaking {
                poll.borrow_mut().take();
                summary::stop_speaking();
                reading.set(Reading::Idle);
                return;
            }
            let Some(text) = text.as_ref() else { return };
            let Some(started) = summary::speak(lang, &text.emit(())) else {
                reading.set(Reading::NoVoice);
                return;
            };
            reading.set(Reading::Speaking);
            let (reading, waited) = (reading.clone(), Rc::new(Cell::new(0u32)));
            let holder = poll.clone();
            *poll.borrow_mut() = Some(Interval::new(250, move || {
                waited.set(waited.get() + 1);
                if summary::is_speaking() {
                    return;
                }
                // A voice may take a moment to start: give it two seconds.
                if !started.get() && waited.get() < 8 {
                    return;
                }
                reading.set(if started.get() {
                    Reading::Idle
                } else {
                    Reading::NoVoice
                });
                // Dropping the interval from inside its own tick is deferred to the next task.
                let holder = holder.clone();
                yew::platform::spawn_local(async move {
                    holder.borrow_mut().take();
                });
            }));
        })
    };
    let speaking = *reading == Reading::Speaking;
    html! {
        <>
        <button type="button" id="read-aloud" aria-pressed={ speaking.to_string() } disabled={props.text.is_none()} {onclick}>
            { if speaking { lang.pick(Key::StopReading.pair()) } else { lang.pick(Key::ReadAloud.pair()) } }
        </button>
        if *reading == Reading::NoVoice {
            <p class="tool-status" role="status">{ lang.pick(Key::NoVoice.pair()) }</p>
        }
        </>
    }
}
