//! Desk mode's "next resident" button and idle timer: after 3 quiet minutes every answer is
//! cleared, with a visible countdown for the last 30 seconds.

use super::i18n::{Key, Lang};
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
    pub lang: Lang,
    /// Clears every answer.
    pub onnext: Callback<()>,
}

/// The large "next resident" button and, near the end of the idle time, the countdown.
#[component]
pub fn DeskBar(props: &DeskProps) -> Html {
    let remaining = use_state(|| None::<u32>);
    let last = use_mut_ref(|| Rc::new(Cell::new(platform::now_ms())));
    {
        let (remaining, onnext, last) = (
            remaining.clone(),
            props.onnext.clone(),
            last.borrow().clone(),
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
    let lang = props.lang;
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
    html! {
        <div class="desk">
            <button type="button" id="next-resident" class="next" {onclick}>{ lang.pick(Key::NextResident.pair()) }</button>
            if let Some(s) = *remaining {
                <p class="countdown" role="status" aria-live="polite" id="countdown">
                    { match lang {
                        Lang::Zh => format!("{s}秒后将自动清空所有回答。点击任意处继续。"),
                        Lang::En => format!("Every answer will be cleared in {s} s. Touch anywhere to continue."),
                    } }
                </p>
            }
        </div>
    }
}
