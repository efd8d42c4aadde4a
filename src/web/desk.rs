//! Desk mode's "next resident" button and idle timer: after 3 quiet minutes every answer is
//! cleared, with a visible countdown for the last 30 seconds.

use super::app::use_lang;
use super::i18n::{self, Key};
use super::platform;
use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Quiet time before the page clears itself.
pub const IDLE_SECONDS: f64 = 180.0;
/// The countdown shows for this many last seconds.
pub const COUNTDOWN_SECONDS: f64 = 30.0;

#[derive(Properties, PartialEq)]
pub struct DeskProps {
    /// Whether there is anything to clear: over an empty form the idle timer waits quietly.
    pub active: bool,
    /// Clears every answer.
    pub onnext: Callback<()>,
}

/// The large "next resident" button and, near the end of the idle time, the countdown.
#[component]
pub fn DeskBar(props: &DeskProps) -> Html {
    let remaining = use_state(|| None::<u32>);
    let last = use_mut_ref(|| Rc::new(Cell::new(platform::now_ms())));
    // Read by the timer on every tick; follows the prop on every render.
    let active = use_mut_ref(|| Rc::new(Cell::new(props.active)));
    active.borrow().set(props.active);
    {
        let (remaining, onnext, last, active) = (
            remaining.clone(),
            props.onnext.clone(),
            last.borrow().clone(),
            active.borrow().clone(),
        );
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let listeners: Vec<EventListener> =
                ["pointerdown", "keydown", "input", "touchstart", "wheel"]
                    .into_iter()
                    .map(|kind| {
                        let last = last.clone();
                        EventListener::new(&window, kind, move |_| last.set(platform::now_ms()))
                    })
                    .collect();
            // What the countdown shows now, so a quiet second costs no render.
            let shown = Cell::new(None::<u32>);
            let interval = Interval::new(1000, move || {
                if !active.get() {
                    // Nothing to clear: the quiet time starts again from now.
                    last.set(platform::now_ms());
                }
                let left = IDLE_SECONDS - (platform::now_ms() - last.get()) / 1000.0;
                let show = if left <= 0.0 {
                    last.set(platform::now_ms());
                    onnext.emit(());
                    None
                } else if left <= COUNTDOWN_SECONDS {
                    Some(left.ceil() as u32)
                } else {
                    None
                };
                if shown.replace(show) != show {
                    remaining.set(show);
                }
            });
            move || {
                drop(interval);
                drop(listeners);
            }
        });
    }
    let lang = use_lang();
    let t = |k: Key| lang.pick(k.pair());
    let onclick = {
        let (onnext, last, remaining) = (
            props.onnext.clone(),
            last.borrow().clone(),
            remaining.clone(),
        );
        Callback::from(move |_| {
            last.set(platform::now_ms());
            remaining.set(None);
            onnext.emit(());
        })
    };
    let keep_going = {
        let (last, remaining) = (last.borrow().clone(), remaining.clone());
        Callback::from(move |_| {
            last.set(platform::now_ms());
            remaining.set(None);
        })
    };
    html! {
        <div class="desk">
            <button type="button" id="next-resident" class="next" {onclick}>{ t(Key::NextResident) }</button>
            if let Some(s) = *remaining {
                // Fixed in view wherever the page is scrolled: a clerk or resident sees it.
                <div class="countdown" role="alertdialog" aria-live="assertive" aria-labelledby="countdown-text" id="countdown">
                    <p id="countdown-text">{ i18n::countdown(lang, s) }</p>
                    <button type="button" id="keep-going" onclick={keep_going}>{ t(Key::KeepGoing) }</button>
                </div>
            }
        </div>
    }
}
