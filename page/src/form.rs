//! The questions: each person first (age, then sex, insurance…), the household after, and a
//! bar at the foot that says the result in one line — or what to answer first.

use super::app::Dispatch;
use super::platform::{self, Keep};
use super::state::{Action, HouseholdEdit, MemberEdit, Person, Question, State};
use crate::model::age::{Age, Waiting};
use crate::model::catalogue::{Catalogue, Text};
use crate::model::choice::{
    Area, Disability, HouseholdKind, HousingFlag, Insurance, MemberFlag, Residency, Sex, Work,
};
use crate::model::profile::{Member, MAX_MEMBERS, WORK_AGE};
use crate::words::{self, Key, Label, Lang};
use gloo::timers::callback::Timeout;
use rust_decimal::Decimal;
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// What the questions are drawn from.
pub struct FormProps {
    pub state: Rc<State>,
    pub dispatch: Dispatch,
    /// How many measures and how much cash a month were found, or what to answer first.
    pub found: Result<(usize, Decimal), Waiting>,
}

/// The questions. A function, not a component: it follows the whole state, so it is drawn
/// again on every change anyway (as components, it, the header and the results cost the Wasm
/// 1.3 KB brotli for nothing).
pub fn form(props: &FormProps) -> Html {
    let lang = props.state.lang;
    let t = |k: Key| lang.pick(k.pair());
    let FormProps {
        state,
        dispatch,
        found,
    } = props;
    let p = &state.household;
    // The list's streets and estates (the page's list, compiled in).
    let Ok(list) = Catalogue::builtin() else {
        return Html::default();
    };
    let estates: Vec<(&'static str, &'static Text)> = list
        .estates_on(p.street.as_deref())
        .map(|e| (e.key.as_str(), &e.name))
        .collect();
    fn household<T: 'static>(
        dispatch: &Dispatch,
        f: fn(Option<T>) -> Option<HouseholdEdit>,
    ) -> Callback<Option<T>> {
        let dispatch = dispatch.clone();
        Callback::from(move |v| {
            if let Some(edit) = f(v) {
                dispatch.dispatch(Action::Household(edit));
            }
        })
    }
    let add = {
        let (dispatch, new_id) = (dispatch.clone(), state.next_id);
        Callback::from(move |_| {
            dispatch.dispatch(Action::AddMember);
            // Once the new member is drawn, take the person to their age box.
            Timeout::new(0, move || platform::focus(&format!("m{new_id}-age"))).forget();
        })
    };
    let removable = state.people.len() > 1;
    // Unticking "remember" and the forget button do the same: the device keeps nothing.
    let forget = {
        let dispatch = dispatch.clone();
        Callback::from(move |()| {
            platform::forget(Keep::Device);
            dispatch.dispatch(Action::Forgotten);
        })
    };
    let jump = {
        let found = *found;
        Callback::from(move |_| match found {
            Ok(_) => platform::focus("results-heading"),
            Err(w) => platform::focus(&format!("m{}-age", w.id)),
        })
    };
    let bar = words::jump(lang, *found, state.people.len());
    let settle = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: Event| dispatch.dispatch(Action::Settled))
    };
    html! {
        <form class="questions" aria-labelledby="form-heading" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} onchange={settle}>
            <h2 id="form-heading">{ t(Key::FormHeading) }</h2>
            { for state.people.iter().enumerate().map(|(i, person)| html! {
                { member_form(&MemberProps { lang, index: i, person, area: state.household.area, dispatch, removable }) }
            }) }
            if state.people.len() < MAX_MEMBERS {
                <button type="button" class="add secondary" id="add-member" onclick={add}>{ "＋ " }{ t(Key::AddMember) }</button>
            }
            <fieldset>
                <legend>{ t(Key::Household) }</legend>
                { select(lang, "residency", t(Key::Residency), Residency::ALL, Some(p.residency), NotSure::Omitted,
                    household(dispatch, |v| v.map(HouseholdEdit::Residency))) }
                { place(lang, "street", t(Key::Street), list.streets.iter().map(|s| (s.key.as_str(), &s.name)).collect(),
                    p.street.as_deref(), household(dispatch, |v| Some(HouseholdEdit::Street(v)))) }
                // Right after the street: only its estates, none to ask about on a street where the
                // list names none.
                if !estates.is_empty() {
                    { place(lang, "community", t(Key::Community), estates, p.community.as_deref(),
                        household(dispatch, |v| Some(HouseholdEdit::Community(v)))) }
                }
                { select(lang, "area", t(Key::Area), Area::ALL, Some(p.area), NotSure::Omitted,
                    household(dispatch, |v| v.map(HouseholdEdit::Area))) }
                { select(lang, "kind", t(Key::Kind), HouseholdKind::ALL, Some(p.kind), NotSure::Omitted,
                    household(dispatch, |v| v.map(HouseholdEdit::Kind))) }
            </fieldset>
            <fieldset>
                <legend>{ t(Key::HomeFacts) }</legend>
                { for HousingFlag::ALL.iter().map(|flag| {
                    let (dispatch, flag) = (dispatch.clone(), *flag);
                    // A compound the source calls old is shown ticked and explained, not asked.
                    let implied = flag == HousingFlag::OldCommunity
                        && p.community.as_deref().and_then(|k| list.estate(k)).is_some_and(|e| e.old);
                    let id = format!("home-{}", flag.as_str());
                    html! {
                        <>
                        { checkbox(&id, lang.pick(flag.pair()), p.housing(flag) || implied, implied,
                            Callback::from(move |v| dispatch.dispatch(Action::Household(HouseholdEdit::Flag(flag, v))))) }
                        if implied {
                            <p class="hint implied" id={format!("{id}-why")}>{ t(Key::OldCommunityImplied) }</p>
                        }
                        </>
                    }
                }) }
            </fieldset>
            if state.desk {
                <p class="desk-note">{ t(Key::DeskMode) }</p>
                { leave_desk(lang, state.asking, dispatch) }
            } else {
                <div class="remember">
                    { checkbox("remember", t(Key::Remember), state.remember, false, {
                        let (dispatch, forget) = (dispatch.clone(), forget.clone());
                        Callback::from(move |on: bool| {
                            if on {
                                dispatch.dispatch(Action::Remember(true));
                            } else {
                                forget.emit(());
                            }
                        })
                    }) }
                    <p class="hint">{ t(Key::TabKeeps) }</p>
                    if state.remember || state.stored {
                        <button type="button" class="secondary" id="forget" onclick={forget.reform(|_| ())}>{ t(Key::Forget) }</button>
                    }
                </div>
            }
            // What a screen reader hears of the results: the bar's words, once the answer is
            // committed (a box left, a choice made), never on each keystroke.
            <p class="sr" role="status">{ if state.settled && found.is_ok() { bar.trim_end_matches(['↓', ' ']) } else { "" } }</p>
            // Literal classes in two branches of one element, as in share.rs.
            if found.is_err() {
                <button type="button" class="jump waiting" id="jump" onclick={jump}>{ bar }</button>
            } else {
                <button type="button" class="jump" id="jump" onclick={jump}>{ bar }</button>
            }
        </form>
    }
}

/// What one person's questions are drawn from.
struct MemberProps<'p> {
    lang: Lang,
    index: usize,
    person: &'p Person,
    /// Town or village: which job seeker's answer is offered.
    area: Area,
    dispatch: &'p Dispatch,
    removable: bool,
}

/// One person's questions, the age first: a function, as `form` itself (a component of its own
/// only added yew's lifecycle code for it to the Wasm; keyed by the person, as before).
fn member_form(props: &MemberProps<'_>) -> Html {
    let lang = props.lang;
    let t = |k: Key| lang.pick(k.pair());
    let MemberProps {
        index,
        person,
        area,
        dispatch,
        removable,
        ..
    } = props;
    let id = person.id;
    fn edit<T: 'static>(
        dispatch: &Dispatch,
        id: u32,
        f: fn(T) -> MemberEdit,
    ) -> Callback<Option<T>> {
        let dispatch = Dispatch::clone(dispatch);
        Callback::from(move |v: Option<T>| {
            if let Some(v) = v {
                dispatch.dispatch(Action::Member(id, f(v)));
            }
        })
    }
    let remove = {
        let dispatch = Dispatch::clone(dispatch);
        Callback::from(move |_| dispatch.dispatch(Action::RemoveMember(id)))
    };
    let fid = |name: &str| format!("m{id}-{name}");
    let member = &person.member;
    let known = match person.age() {
        Age::Valid(age) => Some(Member {
            age,
            ..member.clone()
        }),
        Age::Empty | Age::Invalid(_) => None,
    };
    html! {
        <fieldset class="member" key={person.id} data-member-form={index.to_string()}>
            <legend>{ words::member_legend(lang, *index, known.as_ref(), !person.sex_chosen) }</legend>
            { age_input(lang, &fid("age"), &person.age, {
                let dispatch = Dispatch::clone(dispatch);
                Callback::from(move |text: String| dispatch.dispatch(Action::Member(id, MemberEdit::Age(text))))
            }) }
            { select(lang, &fid("sex"), t(Key::Sex), Sex::ALL, person.sex_chosen.then_some(member.sex), NotSure::Omitted, edit(dispatch, id, MemberEdit::Sex)) }
            { select(lang, &fid("insurance"), t(Key::Insurance), Insurance::ALL, Some(member.insurance), NotSure::Omitted, edit(dispatch, id, MemberEdit::Insurance)) }
            { select(lang, &fid("disability"), t(Key::Disability), Disability::ALL, Some(member.disability), NotSure::Omitted, edit(dispatch, id, MemberEdit::Disability)) }
            // A child is not asked about work: no answer there can be true.
            if known.as_ref().is_none_or(|m| m.age >= WORK_AGE) {
                { select(lang, &fid("work"), t(Key::Work), Work::offered(*area), Some(member.work), NotSure::Omitted, edit(dispatch, id, MemberEdit::Work)) }
            }
            <p class="group-label" id={fid("facts")}>{ t(Key::MemberFacts) }</p>
            <div class="checks" role="group" aria-labelledby={fid("facts")}>
                { for MemberFlag::ALL.iter().map(|flag| {
                    let (dispatch, flag) = (Dispatch::clone(dispatch), *flag);
                    checkbox(&fid(flag.as_str()), lang.pick(flag.pair()), member.flag(flag), false,
                        Callback::from(move |v| dispatch.dispatch(Action::Member(id, MemberEdit::Flag(flag, v)))))
                }) }
            </div>
            if *removable {
                <button type="button" class="secondary remove" onclick={remove}>{ t(Key::RemoveMember) }</button>
            }
        </fieldset>
    }
}

/// The age box: text with a numeric keyboard, empty until answered. What is typed is kept as
/// typed (in the state), and only a whole number from 0 to 130 is read; a text box, not a
/// number box, so a mouse wheel or "1e2" never turns into another age.
fn age_input(lang: Lang, id: &str, text: &str, onchange: Callback<String>) -> Html {
    let (wrong, read) = match crate::model::age::read_age(text) {
        Age::Invalid(w) => (Some(w), None),
        // An age in Chinese numerals (voice input writes 七十五) is said back as read.
        Age::Valid(v) if crate::model::age::in_chinese(text) => (
            None,
            Some(format!(
                "{} → {v}{}",
                text.trim(),
                lang.pick(("岁", " years"))
            )),
        ),
        Age::Empty | Age::Valid(_) => (None, None),
    };
    let invalid = wrong.is_some();
    let oninput = Callback::from(move |e: InputEvent| {
        onchange.emit(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let (hint, error) = (format!("{id}-hint"), format!("{id}-error"));
    let described = if invalid {
        format!("{error} {hint}")
    } else {
        hint.clone()
    };
    html! {
        <div class="field age">
            <label for={id.to_owned()}>{ lang.pick(Key::Age.pair()) }</label>
            <p class="hint" id={hint}>{ lang.pick(Key::AgeHint.pair()) }</p>
            <div class="age-row">
                <input id={id.to_owned()} type="text" inputmode="numeric" autocomplete="off" maxlength="8"
                    value={text.to_owned()} {oninput} aria-invalid={invalid.to_string()}
                    aria-describedby={described} />
                <span class="unit">{ lang.pick(Key::YearsOld.pair()) }</span>
            </div>
            if let Some(w) = wrong {
                <p class="field-error" id={error}>{ lang.pick(words::age_error(w)) }</p>
            }
            if let Some(read) = read {
                <p class="said-back" role="status">{ read }</p>
            }
        </div>
    }
}

/// Whether a `<select>` offers a first "not sure" option (the answer left open).
#[derive(Clone, Copy, PartialEq, Eq)]
enum NotSure {
    Offered,
    Omitted,
}

/// A labelled `<select>` of a closed set; `NotSure::Offered` adds a first "not sure" option meaning
/// null. Only this adapter is written once per set: the element itself is [`choices`].
fn select<T: Label + PartialEq>(
    lang: Lang,
    id: &str,
    label: &str,
    options: &'static [T],
    current: Option<T>,
    not_sure: NotSure,
    onchange: Callback<Option<T>>,
) -> Html {
    let words: Vec<&'static str> = options.iter().map(|o| lang.pick(o.pair())).collect();
    let current = current.and_then(|c| options.iter().position(|o| *o == c));
    let onchange = onchange.reform(move |i: Option<usize>| i.and_then(|i| options.get(i).copied()));
    choices(lang, id, label, &words, current, not_sure, onchange)
}

/// A `<select>` of the list's streets or estates (`options`: key and name), "not sure" first:
/// `onchange` gets the chosen key.
fn place(
    lang: Lang,
    id: &str,
    label: &str,
    options: Vec<(&'static str, &'static Text)>,
    current: Option<&str>,
    onchange: Callback<Option<String>>,
) -> Html {
    let words: Vec<&'static str> = options.iter().map(|(_, name)| lang.text(name)).collect();
    let current = current.and_then(|c| options.iter().position(|(k, _)| *k == c));
    let onchange = onchange.reform(move |i: Option<usize>| {
        i.and_then(|i| options.get(i)).map(|(k, _)| (*k).to_owned())
    });
    choices(lang, id, label, &words, current, NotSure::Offered, onchange)
}

/// The `<select>` element: `onchange` gets the chosen option's position, or `None` for "not
/// sure".
fn choices(
    lang: Lang,
    id: &str,
    label: &str,
    words: &[&'static str],
    current: Option<usize>,
    not_sure: NotSure,
    onchange: Callback<Option<usize>>,
) -> Html {
    let count = words.len();
    // A first option that is no answer: "not sure" where it is offered, or "choose" while a
    // question without it is not yet answered (the sex: no answer is assumed).
    let blank = not_sure == NotSure::Offered || current.is_none();
    let on = Callback::from(move |e: Event| {
        let index = e
            .target_unchecked_into::<HtmlSelectElement>()
            .selected_index();
        let Ok(index) = usize::try_from(index) else {
            return;
        };
        // An index outside the options (a tampered page) changes nothing.
        match (blank, index) {
            (true, 0) if not_sure == NotSure::Offered => onchange.emit(None),
            (true, k) if k >= 1 && k <= count => onchange.emit(Some(k - 1)),
            (false, k) if k < count => onchange.emit(Some(k)),
            _ => {}
        }
    });
    html! {
        <div class="field">
            <label for={id.to_owned()}>{ label }</label>
            <select id={id.to_owned()} onchange={on}>
                if blank {
                    <option value="" selected={current.is_none()}>{ lang.pick(if not_sure == NotSure::Offered { Key::NotSure } else { Key::Choose }.pair()) }</option>
                }
                { for words.iter().enumerate().map(|(i, w)| html! {
                    <option selected={current == Some(i)}>{ *w }</option>
                }) }
            </select>
        </div>
    }
}

/// A labelled checkbox with a large touch target; `fixed` shows it as settled by another
/// answer.
fn checkbox(
    id: &str,
    words: &'static str,
    checked: bool,
    fixed: bool,
    onchange: Callback<bool>,
) -> Html {
    let on = Callback::from(move |e: Event| {
        onchange.emit(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    html! {
        <label class="tick" for={id.to_owned()}>
            <input type="checkbox" id={id.to_owned()} {checked} disabled={fixed} onchange={on}
                aria-describedby={fixed.then(|| format!("{id}-why"))} />
            <span>{ words }</span>
        </label>
    }
}

/// Leaving desk mode: a deliberate act, at the foot of the form, away from "next resident",
/// and confirmed in place (no pop-up).
fn leave_desk(lang: Lang, asking: Option<Question>, dispatch: &Dispatch) -> Html {
    let asking = asking == Some(Question::Leave);
    let t = |k: Key| lang.pick(k.pair());
    let ask = {
        let dispatch = dispatch.clone();
        let question = (!asking).then_some(Question::Leave);
        Callback::from(move |_| dispatch.dispatch(Action::Ask(question)))
    };
    let leave = Callback::from(|_| platform::leave_desk());
    html! {
        <div class="leave-desk">
            <button type="button" class="secondary" id="leave-desk" aria-expanded={asking.to_string()} onclick={ask.clone()}>{ t(Key::LeaveDesk) }</button>
            if asking {
                <p class="warning">{ t(Key::LeaveDeskWarning) }</p>
                <div class="actions">
                    <button type="button" onclick={ask}>{ t(Key::Cancel) }</button>
                    <button type="button" class="secondary" id="leave-desk-confirm" onclick={leave}>{ t(Key::LeaveDeskConfirm) }</button>
                </div>
            }
        </div>
    }
}
