//! The page's root: the state, what it keeps where, and the layout — header, the questions,
//! the results. The language reaches every component as a prop (a context cost the Wasm
//! 2.3 KB brotli).

use super::form::{form, FormProps};
use super::header::{header, HeaderProps};
use super::platform::{self, Keep};
use super::results::{results, ResultsProps};
use super::state::{Action, Notice, State};
use super::summary;
use crate::codec::saved;
use crate::engine::{self, Outcome};
use crate::model::catalogue::Catalogue;
use crate::words::{self, Key, Lang};
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

/// The app's starting point.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub initial: State,
}

/// The page's reducer: the core's `State::reduce` (tested natively), as Yew holds it.
pub struct Page(pub Rc<State>);

impl std::ops::Deref for Page {
    type Target = State;
    fn deref(&self) -> &State {
        &self.0
    }
}

impl Reducible for Page {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = State::reduce(Rc::clone(&self.0), action);
        if Rc::ptr_eq(&next, &self.0) {
            self
        } else {
            Rc::new(Page(next))
        }
    }
}

/// The dispatcher every component changes the state through.
pub type Dispatch = UseReducerDispatcher<Page>;

/// The whole page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || Page(Rc::new(initial)));
    let dispatch = state.dispatcher();
    let lang = state.lang;

    {
        // One effect for what follows the state onto the device (one monomorph of yew's effect
        // hook instead of three):
        // - the page's language, text size and title, on the document;
        // - the preferences, not answers: kept on the device, except at a shared desk;
        // - the latest answers, after every change: in the page's memory always, for a restart
        //   after a fault (boot.js); in the tab (a reload, or WeChat reloading a page left in
        //   the background, brings them back), on the device when asked — but not while the
        //   person has yet to choose between a link's answers and the ones the device
        //   remembers. Desk mode keeps nothing anywhere but in the page's memory.
        let envelope = saved::encode(&state.to_saved());
        let remember = state.remember && state.notice != Some(Notice::OtherSaved);
        let (lang, size, desk) = (lang, state.size, state.desk);
        use_effect_with(
            (lang, size, envelope, remember, desk),
            |(lang, size, envelope, remember, desk)| {
                platform::apply_root(*lang, *size, &page_title(*lang));
                platform::in_memory(envelope);
                if !*desk {
                    platform::save_prefs(*lang, *size);
                    platform::save(Keep::Tab, envelope);
                    if *remember {
                        platform::save(Keep::Device, envelope);
                    }
                }
            },
        );
    }

    let answers = state.answers();
    // The share tools' state (the panel, what was copied, the QR code), the resident's.
    let share = super::share::use_share(answers.as_ref().ok(), state.desk, state.resident);
    // At a desk, the idle clock that clears the answers after quiet minutes.
    let idle = super::desk::use_idle_clock(
        state.desk,
        state.has_answers(),
        super::desk::next_resident(&dispatch),
    );

    let catalogue = match Catalogue::builtin() {
        Ok(c) => c,
        Err(e) => {
            return html! { <main class="page"><p class="notice" role="alert">{ e.to_string() }</p></main> }
        }
    };
    let outcome: Option<Rc<Outcome<'static>>> = answers
        .as_ref()
        .ok()
        .map(|profile| Rc::new(engine::evaluate(catalogue, profile)));
    // How many of the list's measures help this household (`Outcome::items_found`).
    let found = match &outcome {
        Some(o) => Ok((o.items_found(), o.cash.month)),
        None => answers.clone().map(|_| (0, Decimal::ZERO)),
    };
    // The results as plain sentences: read aloud, and copied into a chat.
    let text: summary::PlainText = match (&answers, &outcome) {
        (Ok(profile), Some(o)) => {
            let (profile, o) = (profile.clone(), o.clone());
            let open = state.sex_open();
            Some(Callback::from(move |()| {
                crate::layout::plain_text(
                    lang,
                    catalogue,
                    &profile,
                    &o,
                    &open,
                    &platform::offices(),
                    platform::this_year(),
                )
            }))
        }
        _ => None,
    };
    let t = |k: Key| lang.pick(k.pair());
    let shared = Rc::clone(&state.0);

    html! {
        <>
            // The first stop for a keyboard: past the questions, straight to the results.
            <button type="button" class="skip" onclick={Callback::from(|_| platform::focus("results-heading"))}>{ t(Key::SkipToResults) }</button>
            { header(&HeaderProps { state: shared.clone(), dispatch: dispatch.clone(), text: text.clone(), idle }) }
            <main class="page">
                <p class="intro">{ words::of_list(lang, if state.desk { Key::IntroDesk } else { Key::Intro }, catalogue) }</p>
                { notice(lang, state.notice.as_ref(), &dispatch) }
                // Keyed on the resident, so "next resident" rebuilds everything below from scratch.
                <div class="columns" key={state.resident.to_string()}>
                    { form(&FormProps { state: shared.clone(), dispatch: dispatch.clone(), found }) }
                    { results(&ResultsProps { state: shared, dispatch: dispatch.clone(), answers, outcome, text, share: &share }) }
                </div>
                <p class="disclaimer">{ words::of_list(lang, Key::Disclaimer, catalogue) }</p>
            </main>
        </>
    }
}

/// The message about input that could not be used: in the page's words, with the decoder's
/// field-naming detail folded away for staff.
fn notice(lang: Lang, notice: Option<&Notice>, dispatch: &Dispatch) -> Html {
    let Some(notice) = notice else {
        return Html::default();
    };
    let t = |k: Key| lang.pick(k.pair());
    let dismiss = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::DismissNotice))
    };
    let (what, detail) = match notice {
        Notice::BadLink(d) => (t(Key::BadLink), Some(d.clone())),
        Notice::BadSaved(d) => (t(Key::BadSaved), Some(d.clone())),
        Notice::NewerSaved(d) => (t(Key::NewerSaved), Some(d.clone())),
        Notice::OtherSaved => (t(Key::OtherSaved), None),
        Notice::IdleCleared => (t(Key::IdleCleared), None),
        Notice::Restarted => (t(Key::Restarted), None),
    };
    let choose = matches!(notice, Notice::OtherSaved).then(|| {
        let dispatch = dispatch.clone();
        let use_saved = Callback::from(move |_| {
            match platform::load(Keep::Device).as_deref().map(saved::decode) {
                Some(Ok(s)) => dispatch.dispatch(Action::Load(s)),
                _ => dispatch.dispatch(Action::DismissNotice),
            }
        });
        html! {
            <div class="actions">
                <button type="button" id="use-saved" onclick={use_saved}>{ t(Key::UseSaved) }</button>
                <button type="button" class="secondary" id="keep-link" onclick={dismiss.clone()}>{ t(Key::KeepLink) }</button>
            </div>
        }
    });
    html! {
        <div class="notice" role="alert" id="notice">
            <p>{ what }</p>
            if let Some(detail) = detail {
                <details class="detail">
                    <summary>{ t(Key::TechnicalDetail) }</summary>
                    <p lang="en">{ detail }</p>
                </details>
            }
            if let Some(choose) = choose {
                { choose }
            } else {
                <button type="button" class="secondary" onclick={dismiss}>{ t(Key::Dismiss) }</button>
            }
        </div>
    }
}

/// The page's title in `lang`, for the list compiled in (its district and year).
pub fn page_title(lang: Lang) -> String {
    Catalogue::builtin().map_or_else(
        |_| lang.pick(Key::AppTitle.pair()).to_owned(),
        |c| crate::words::of_list(lang, Key::PageTitle, c),
    )
}
