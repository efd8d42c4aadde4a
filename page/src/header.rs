//! The header: the title, the reader's tools (language, text size, reading aloud) and, at a
//! service desk, the "next resident" bar.

use super::app::Dispatch;
use super::desk;
use super::state::{Action, Reading, State, TextSize};
use super::summary;
use crate::model::catalogue::Catalogue;
use crate::words::{self, Key, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// What the header is drawn from.
pub struct HeaderProps {
    pub state: Rc<State>,
    pub dispatch: Dispatch,
    /// The results as plain text, to read aloud; `None` while there are none.
    pub text: summary::PlainText,
    /// At a desk: the idle clock's countdown, and its "start the quiet time again".
    pub idle: (Option<u32>, Callback<()>),
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
        idle,
    } = props;
    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| {
            // Speech in the old language stops with it.
            summary::stop_speaking();
            dispatch.dispatch(Action::Lang(match lang {
                Lang::Zh => Lang::En,
                Lang::En => Lang::Zh,
            }))
        })
    };
    let on_large = {
        let (dispatch, size) = (dispatch.clone(), state.size);
        let other = match size {
            TextSize::Normal => TextSize::Large,
            TextSize::Large => TextSize::Normal,
        };
        Callback::from(move |_| dispatch.dispatch(Action::Size(other)))
    };
    let list = Catalogue::builtin()
        .ok()
        .map(|l| words::of_list(lang, Key::ListOf, l));
    let speech =
        summary::speech_available().then(|| read_aloud(lang, state.reading, text, dispatch));
    let desk = state
        .desk
        .then(|| desk::desk_bar(&desk::props(state, dispatch), idle.0, &idle.1));
    html! {
        <header class="top">
            // The list it answers from, beside the name (the stylesheet writes it after the
            // title: an attribute, not an element of its own): next year's page says next year's.
            <h1 data-list={list}>{ t(Key::AppTitle) }</h1>
            <div class="tools" role="group" aria-label={ t(Key::Language) }>
                <button type="button" id="lang-switch" lang={ match lang { Lang::Zh => "en", Lang::En => "zh-CN" } } onclick={on_lang}>{ t(Key::SwitchLang) }</button>
                <button type="button" id="large-switch" aria-pressed={ (state.size == TextSize::Large).to_string() } onclick={on_large}>
                    // One label whatever the state: a toggle says it is on by ✓ and aria-pressed.
                    // (The ✓ is drawn, not read: aria-pressed says it.)
                    <span aria-hidden="true">{ if state.size == TextSize::Large { "✓ " } else { "" } }</span>{ t(Key::LargeText) }
                </button>
                { for speech }
            </div>
            { for desk }
        </header>
    }
}

/// The read-aloud button: it follows the speech (`State::reading`), turning back when the
/// speech ends, fails, or never starts. Its polling lives in `summary`.
fn read_aloud(
    lang: Lang,
    reading: Reading,
    text: &summary::PlainText,
    dispatch: &Dispatch,
) -> Html {
    let onclick = {
        let (text, dispatch) = (text.clone(), dispatch.clone());
        Callback::from(move |_| {
            if reading == Reading::Speaking {
                summary::stop_speaking();
                dispatch.dispatch(Action::Reading(Reading::Idle));
            } else if let Some(text) = text.as_ref() {
                summary::read_aloud(lang, &text.emit(()), dispatch.clone());
            }
        })
    };
    let speaking = reading == Reading::Speaking;
    html! {
        <>
        <button type="button" id="read-aloud" aria-pressed={ speaking.to_string() } disabled={text.is_none()} {onclick}>
            { if speaking { lang.pick(Key::StopReading.pair()) } else { lang.pick(Key::ReadAloud.pair()) } }
        </button>
        if reading == Reading::NoVoice {
            <p class="tool-status" role="status">{ lang.pick(Key::NoVoice.pair()) }</p>
        }
        </>
    }
}
