//! Desk mode's "next resident" buttons and idle timer: after 3 quiet minutes every answer is
//! cleared, with a visible countdown for the last 30 seconds.

use super::app::Dispatch;
use super::platform::{self, Keep};
use super::state::{Action, Question, State};
use super::summary;
use crate::words::{self, Key, Lang};
use gloo::events::EventListener;
use gloo::timers::callback::{Interval, Timeout};
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Quiet time before the page clears itself.
pub const IDLE_SECONDS: f64 = 180.0;
/// The countdown shows for this many last seconds.
pub const COUNTDOWN_SECONDS: f64 = 30.0;

/// What the desk's buttons are drawn from.
pub struct DeskProps {
    pub lang: Lang,
    /// Whether there is anything to clear: over an empty form the idle timer waits quietly.
    pub active: bool,
    /// Clears every answer (`true`: the idle timer did).
    pub onnext: Callback<bool>,
    /// The "next resident" button that was pressed over answers, while its question waits for
    /// a yes or a no.
    pub asking: Option<&'static str>,
    /// Opens the question for a button (by id), or closes it (`None`).
    pub onask: Callback<Option<&'static str>>,
}

/// What "next resident" does: every answer goes, from the page, the tab, the address and the
/// clipboard; the page goes back to its top, and the focus to the fresh form's first age box, so
/// the clerk types the next age at once. When the idle timer clears (`true`), the page says why,
/// and leaves the focus alone: nobody is there to type, and a tablet would raise its keyboard.
pub fn next_resident(dispatch: &Dispatch) -> Callback<bool> {
    let dispatch = dispatch.clone();
    Callback::from(move |idle: bool| {
        dispatch.dispatch(Action::NextResident(idle));
        platform::forget(Keep::Tab);
        platform::forget(Keep::Device);
        platform::set_fragment("");
        platform::clear_clipboard();
        summary::stop_speaking();
        gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        if !idle {
            // Once the fresh form is in the page.
            Timeout::new(0, platform::focus_first_age).forget();
        }
    })
}

/// The desk bar's props, from the page's state: for the header's bar, and the second button
/// that ends the results.
pub fn props(state: &State, dispatch: &Dispatch) -> DeskProps {
    DeskProps {
        lang: state.lang,
        active: state.has_answers(),
        onnext: next_resident(dispatch),
        asking: match state.asking {
            Some(Question::Next(id)) => Some(id),
            _ => None,
        },
        onask: {
            let dispatch = dispatch.clone();
            Callback::from(move |asking: Option<&'static str>| {
                dispatch.dispatch(Action::Ask(asking.map(Question::Next)))
            })
        },
    }
}

/// A "next resident" button. Over answers it asks first (`onask`): one tap too many must not
/// wipe a resident's answers half-way through. Over an empty form it clears at once.
pub fn next_button(id: &'static str, props: &DeskProps) -> Html {
    let lang = props.lang;
    let (active, onask, onnext) = (props.active, props.onask.clone(), props.onnext.clone());
    let onclick = Callback::from(move |_| {
        if active {
            onask.emit(Some(id));
            // Into the question, on its harmless answer, once it is drawn.
            Timeout::new(0, || platform::focus_quietly("next-resident-cancel")).forget();
        } else {
            onnext.emit(false);
        }
    });
    let asked = active && props.asking == Some(id);
    html! {
        <button type="button" {id} class="next" aria-expanded={ asked.to_string() } aria-controls="confirm-next" {onclick}>{ lang.pick(Key::NextResident.pair()) }</button>
    }
}

/// The question's "no": it closes, and the focus goes back to the button that asked.
fn no(onask: &Callback<Option<&'static str>>, opener: &'static str) {
    onask.emit(None);
    Timeout::new(0, move || platform::focus_quietly(opener)).forget();
}

/// The desk's idle clock, as a hook of the page (not a component of its own: that only added
/// yew's lifecycle code to the Wasm): after `IDLE_SECONDS` without a touch, a key or typing over
/// answers (`active`), it clears them (`onnext(true)`), with the countdown shown for the last
/// `COUNTDOWN_SECONDS`. Off (no listener, no timer) where the page is not a desk. Returns the
/// seconds the countdown shows, and the call that starts the quiet time again ("keep going",
/// a "next resident" pressed).
#[hook]
pub fn use_idle_clock(
    desk: bool,
    active: bool,
    onnext: Callback<bool>,
) -> (Option<u32>, Callback<()>) {
    let remaining = use_state(|| None::<u32>);
    let last = use_mut_ref(|| Rc::new(Cell::new(platform::now_ms())));
    // Read by the timer on every tick; follows the answers on every render.
    let now_active = use_mut_ref(|| Rc::new(Cell::new(active)));
    now_active.borrow().set(active);
    {
        let (remaining, last, active) = (
            remaining.clone(),
            last.borrow().clone(),
            now_active.borrow().clone(),
        );
        use_effect_with(desk, move |desk| {
            let clock = desk.then(|| {
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
                        onnext.emit(true);
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
                (interval, listeners)
            });
            move || drop(clock)
        });
    }
    let touch = {
        let (last, remaining) = (last.borrow().clone(), remaining.clone());
        Callback::from(move |()| {
            last.set(platform::now_ms());
            remaining.set(None);
        })
    };
    (*remaining, touch)
}

/// The header's "next resident" button and, near the end of the idle time, the countdown
/// (`remaining`, from `use_idle_clock`, whose `touch` starts the quiet time again).
pub fn desk_bar(props: &DeskProps, remaining: Option<u32>, touch: &Callback<()>) -> Html {
    let lang = props.lang;
    let t = |k: Key| lang.pick(k.pair());
    let onnext = {
        let (onnext, touch) = (props.onnext.clone(), touch.clone());
        Callback::from(move |()| {
            touch.emit(());
            onnext.emit(false);
        })
    };
    let keep_going = touch.reform(|_| ());
    html! {
        <div class="desk">
            { next_button("next-resident", props) }
            // The countdown, when it shows, is the one question at a time.
            if let (Some(opener), true, None) = (props.asking, props.active, remaining) {
                // Fixed in view, as the countdown, whichever of the two buttons asked. "No"
                // (or Escape) gives the focus back to that button.
                <div class="countdown" role="alertdialog" aria-labelledby="confirm-next-text" id="confirm-next" onkeydown={
                    let onask = props.onask.clone();
                    Callback::from(move |e: KeyboardEvent| if e.key() == "Escape" { no(&onask, opener) })
                }>
                    <p id="confirm-next-text">{ t(Key::NextWarning) }</p>
                    <button type="button" class="secondary" id="next-resident-cancel" onclick={
                        let onask = props.onask.clone();
                        Callback::from(move |_| no(&onask, opener))
                    }>{ t(Key::Cancel) }</button>
                    <button type="button" id="next-resident-confirm" onclick={onnext.reform(|_| ())}>{ t(Key::NextConfirm) }</button>
                </div>
            }
            if let Some(s) = remaining {
                // Fixed in view wherever the page is scrolled: a clerk or resident sees it.
                <div class="countdown" role="alertdialog" aria-live="assertive" aria-labelledby="countdown-text" id="countdown">
                    <p id="countdown-text">{ words::countdown(lang, s) }</p>
                    <button type="button" id="keep-going" onclick={keep_going}>{ t(Key::KeepGoing) }</button>
                </div>
            }
        </div>
    }
}
