//! The page: questions on the left (or above), results beside them, updated on every answer.

use super::desk::DeskBar;
use super::i18n::{self, Key, Label, Lang};
use super::icons::icon;
use super::platform;
use super::share::ShareTools;
use super::state::{Action, HouseholdEdit, MemberEdit, Notice, State};
use super::summary;
use crate::catalogue::{Catalogue, Item};
use crate::choice::{
    Area, Community, Disability, HouseholdKind, HousingFlag, Insurance, MemberFlag, Residency, Sex,
    Street, Work,
};
use crate::engine::{self, Certainty, Entry, Outcome};
use crate::profile::{Member, MAX_AGE, MAX_MEMBERS};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The app's starting point: the state and the catalogue.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub initial: State,
}

type Dispatch = UseReducerDispatcher<State>;

/// The whole page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || initial);
    let dispatch = state.dispatcher();
    let lang = state.lang;
    let t = |k: Key| lang.pick(k.pair());

    let catalogue = match Catalogue::builtin() {
        Ok(c) => c,
        Err(e) => {
            return html! { <main class="page"><p class="notice" role="alert">{ e.to_string() }</p></main> }
        }
    };
    let outcome = engine::evaluate(catalogue, &state.profile);

    {
        let (lang, large) = (lang, state.large);
        use_effect_with((lang, large), move |(lang, large)| {
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", lang.code());
                let _ = root.set_attribute("class", if *large { "large" } else { "" });
            }
        });
    }

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
        let dispatch = dispatch.clone();
        let large = state.large;
        Callback::from(move |_| dispatch.dispatch(Action::Large(!large)))
    };
    {
        // Remembered answers follow every change, only when asked and never in desk mode.
        let (profile, remember, desk) = (state.profile.clone(), state.remember, state.desk);
        use_effect_with((profile, remember, desk), |(profile, remember, desk)| {
            if *remember && !*desk {
                platform::save(profile);
            }
        });
    }
    let notice = state.notice.clone().map(|notice| {
        let dispatch = dispatch.clone();
        let ondismiss = Callback::from(move |_| dispatch.dispatch(Action::DismissNotice));
        let (what, detail) = match notice {
            Notice::BadLink(d) => (t(Key::BadLink), d),
            Notice::BadSaved(d) => (t(Key::BadSaved), d),
        };
        html! {
            <div class="notice" role="alert" id="notice">
                <p>{ what }</p>
                <p class="detail">{ detail }</p>
                <button type="button" class="secondary" onclick={ondismiss}>{ lang.pick(("知道了", "OK")) }</button>
            </div>
        }
    });
    let text: AttrValue = summary::plain_text(lang, catalogue, &state.profile, &outcome).into();
    let speech =
        summary::speech_available().then(|| html! { <ReadAloud {lang} text={text.clone()} /> });
    let desk = state.desk.then(|| {
        let dispatch = dispatch.clone();
        let onnext = Callback::from(move |()| {
            dispatch.dispatch(Action::NextResident);
            platform::forget();
            let (hash, _) = platform::location();
            platform::set_fragment(if platform::desk_requested(&hash, "") {
                "#desk"
            } else {
                ""
            });
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        });
        html! { <DeskBar {lang} {onnext} /> }
    });
    let tools = html! { <ShareTools {lang} profile={state.profile.clone()} desk={state.desk} text={text.clone()} /> };

    html! {
        <>
        <header class="top">
            <h1>{ t(Key::AppTitle) }</h1>
            <div class="tools" role="group" aria-label={ t(Key::Language) }>
                <button type="button" id="lang-switch" lang={ match lang { Lang::Zh => "en", Lang::En => "zh-CN" } } onclick={on_lang}>{ t(Key::SwitchLang) }</button>
                <button type="button" id="large-switch" aria-pressed={ state.large.to_string() } onclick={on_large}>
                    { if state.large { t(Key::NormalText) } else { t(Key::LargeText) } }
                </button>
                { for speech }
            </div>
            { for desk }
        </header>
        <main class="page">
            <p class="intro">{ t(Key::Intro) }</p>
            { for notice }
            // Keyed on the resident, so "next resident" rebuilds everything below from scratch.
            <>{ for std::iter::once(html! {
                <div class="columns" key={state.resident.to_string()}>
                    <Form state={Rc::new((*state).clone())} dispatch={dispatch.clone()} jump={i18n::jump(lang, &outcome)} />
                    { results(lang, catalogue, &state.profile.members, &outcome, tools) }
                </div>
            }) }</>
            <p class="disclaimer">{ t(Key::Disclaimer) }</p>
        </main>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    state: Rc<State>,
    dispatch: Dispatch,
    /// The one-line result shown at the foot of the form, linking to the results.
    jump: AttrValue,
}

/// The questions.
#[component]
fn Form(props: &FormProps) -> Html {
    let FormProps {
        state,
        dispatch,
        jump,
    } = props;
    let lang = state.lang;
    let t = |k: Key| lang.pick(k.pair());
    let p = &state.profile;
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
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::AddMember))
    };
    html! {
        <form class="questions" aria-labelledby="form-heading" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <h2 id="form-heading">{ t(Key::FormHeading) }</h2>
            <fieldset>
                <legend>{ t(Key::Household) }</legend>
                { select(lang, "residency", t(Key::Residency), Residency::ALL, Some(p.residency), false,
                    household(dispatch, |v| v.map(HouseholdEdit::Residency))) }
                { select(lang, "street", t(Key::Street), Street::ALL, p.street, true,
                    household(dispatch, |v| Some(HouseholdEdit::Street(v)))) }
                { select(lang, "area", t(Key::Area), Area::ALL, Some(p.area), false,
                    household(dispatch, |v| v.map(HouseholdEdit::Area))) }
                { select(lang, "kind", t(Key::Kind), HouseholdKind::ALL, Some(p.kind), false,
                    household(dispatch, |v| v.map(HouseholdEdit::Kind))) }
                { select(lang, "community", t(Key::Community), Community::ALL, p.community, true,
                    household(dispatch, |v| Some(HouseholdEdit::Community(v)))) }
            </fieldset>
            <fieldset>
                <legend>{ t(Key::HomeFacts) }</legend>
                { for HousingFlag::ALL.iter().map(|flag| {
                    let (dispatch, flag) = (dispatch.clone(), *flag);
                    checkbox(lang, &format!("home-{}", flag.as_str()), flag, p.housing(flag),
                        Callback::from(move |v| dispatch.dispatch(Action::Household(HouseholdEdit::Flag(flag, v)))))
                }) }
            </fieldset>
            <h2>{ t(Key::Members) }</h2>
            { for p.members.iter().enumerate().map(|(i, m)| html! {
                <MemberForm key={i} index={i} member={m.clone()} {lang} dispatch={dispatch.clone()} removable={p.members.len() > 1} />
            }) }
            if p.members.len() < MAX_MEMBERS {
                <button type="button" class="add" id="add-member" onclick={add}>{ "＋ " }{ t(Key::AddMember) }</button>
            }
            if state.desk {
                <p class="desk-note">{ t(Key::DeskMode) }</p>
            } else {
                <div class="remember">
                    { checkbox(lang, "remember", RememberLabel, state.remember, {
                        let dispatch = dispatch.clone();
                        Callback::from(move |on: bool| {
                            if !on {
                                platform::forget();
                            }
                            dispatch.dispatch(Action::Remember(on));
                        })
                    }) }
                    if state.remember {
                        <button type="button" class="secondary" id="forget" onclick={{
                            let dispatch = dispatch.clone();
                            Callback::from(move |_| {
                                platform::forget();
                                dispatch.dispatch(Action::Remember(false));
                            })
                        }}>{ t(Key::Forget) }</button>
                    }
                </div>
            }
            <a class="jump" href="#results-heading">{ jump.clone() }</a>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct MemberProps {
    index: usize,
    member: Member,
    lang: Lang,
    dispatch: Dispatch,
    removable: bool,
}

/// One member's questions.
#[component]
fn MemberForm(props: &MemberProps) -> Html {
    let MemberProps {
        index,
        member,
        lang,
        dispatch,
        removable,
    } = props;
    let (i, lang) = (*index, *lang);
    let t = |k: Key| lang.pick(k.pair());
    fn edit<T: 'static>(
        dispatch: &Dispatch,
        i: usize,
        f: fn(T) -> MemberEdit,
    ) -> Callback<Option<T>> {
        let dispatch = dispatch.clone();
        Callback::from(move |v: Option<T>| {
            if let Some(v) = v {
                dispatch.dispatch(Action::Member(i, f(v)));
            }
        })
    }
    let on_age = {
        let dispatch = dispatch.clone();
        Callback::from(move |age| dispatch.dispatch(Action::Member(i, MemberEdit::Age(age))))
    };
    let remove = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::RemoveMember(i)))
    };
    let id = |name: &str| format!("m{i}-{name}");
    html! {
        <fieldset class="member" data-member-form={i.to_string()}>
            <legend>{ t(Key::MemberNumber).replace("{}", &(i + 1).to_string()) }</legend>
            <AgeInput id={id("age")} age={member.age} {lang} onchange={on_age} />
            { select(lang, &id("sex"), t(Key::Sex), Sex::ALL, Some(member.sex), false, edit(dispatch, i, MemberEdit::Sex)) }
            { select(lang, &id("insurance"), t(Key::Insurance), Insurance::ALL, Some(member.insurance), false, edit(dispatch, i, MemberEdit::Insurance)) }
            { select(lang, &id("disability"), t(Key::Disability), Disability::ALL, Some(member.disability), false, edit(dispatch, i, MemberEdit::Disability)) }
            { select(lang, &id("work"), t(Key::Work), Work::ALL, Some(member.work), false, edit(dispatch, i, MemberEdit::Work)) }
            <p class="group-label" id={id("facts")}>{ t(Key::MemberFacts) }</p>
            <div class="checks" role="group" aria-labelledby={id("facts")}>
                { for MemberFlag::ALL.iter().map(|flag| {
                    let (dispatch, flag) = (dispatch.clone(), *flag);
                    checkbox(lang, &id(flag.as_str()), flag, member.flag(flag),
                        Callback::from(move |v| dispatch.dispatch(Action::Member(i, MemberEdit::Flag(flag, v)))))
                }) }
            </div>
            if *removable {
                <button type="button" class="secondary remove" onclick={remove}>{ t(Key::RemoveMember) }</button>
            }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct AgeProps {
    id: AttrValue,
    age: u8,
    lang: Lang,
    onchange: Callback<u8>,
}

/// A whole-number age, 0–130; anything else is kept in the box with a message, not applied.
#[component]
fn AgeInput(props: &AgeProps) -> Html {
    let text = use_state(|| props.age.to_string());
    let invalid = text
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|a| *a <= MAX_AGE)
        .is_none();
    {
        // Follow the age when it changes from outside (a loaded link, a removed member).
        let text = text.clone();
        use_effect_with(props.age, move |age| {
            if text.trim().parse::<u8>().ok() != Some(*age) {
                text.set(age.to_string());
            }
        });
    }
    let oninput = {
        let (text, onchange) = (text.clone(), props.onchange.clone());
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Some(age) = value.trim().parse::<u8>().ok().filter(|a| *a <= MAX_AGE) {
                onchange.emit(age);
            }
            text.set(value);
        })
    };
    let lang = props.lang;
    let error_id = format!("{}-error", props.id);
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ lang.pick(Key::Age.pair()) }</label>
            <div class="age-row">
                <input id={props.id.clone()} type="number" inputmode="numeric" min="0" max="130" step="1"
                    value={(*text).clone()} {oninput} aria-invalid={invalid.to_string()}
                    aria-describedby={invalid.then(|| error_id.clone())} />
                <span class="unit">{ lang.pick(Key::YearsOld.pair()) }</span>
            </div>
            if invalid {
                <p class="field-error" id={error_id}>{ lang.pick(("请输入0到130之间的整数。", "Enter a whole number from 0 to 130.")) }</p>
            }
        </div>
    }
}

/// A labelled `<select>`; `with_none` adds a first "not sure" option meaning null.
fn select<T: Label + PartialEq>(
    lang: Lang,
    id: &str,
    label: &str,
    options: &'static [T],
    current: Option<T>,
    with_none: bool,
    onchange: Callback<Option<T>>,
) -> Html {
    let on = Callback::from(move |e: Event| {
        let index = e
            .target_unchecked_into::<HtmlSelectElement>()
            .selected_index();
        let Ok(index) = usize::try_from(index) else {
            return;
        };
        let chosen = match (with_none, index) {
            (true, 0) => None,
            (true, k) => options.get(k - 1).copied(),
            (false, k) => options.get(k).copied(),
        };
        // An index outside the options (a tampered page) changes nothing.
        if chosen.is_some() || (with_none && index == 0) {
            onchange.emit(chosen);
        }
    });
    html! {
        <div class="field">
            <label for={id.to_owned()}>{ label }</label>
            <select id={id.to_owned()} onchange={on}>
                if with_none {
                    <option value="" selected={current.is_none()}>{ lang.pick(Key::NotSure.pair()) }</option>
                }
                { for options.iter().map(|o| html! {
                    <option selected={current == Some(*o)}>{ lang.pick(o.pair()) }</option>
                }) }
            </select>
        </div>
    }
}

/// The "remember on this device" choice, as a label for `checkbox`.
#[derive(Clone, Copy)]
struct RememberLabel;

impl Label for RememberLabel {
    fn pair(self) -> (&'static str, &'static str) {
        Key::Remember.pair()
    }
}

/// Today's date as `2026-11-28`, for the printed page.
fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// A labelled checkbox with a large touch target.
fn checkbox<T: Label>(
    lang: Lang,
    id: &str,
    what: T,
    checked: bool,
    onchange: Callback<bool>,
) -> Html {
    let on = Callback::from(move |e: Event| {
        onchange.emit(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    html! {
        <label class="tick" for={id.to_owned()}>
            <input type="checkbox" id={id.to_owned()} {checked} onchange={on} />
            <span>{ lang.pick(what.pair()) }</span>
        </label>
    }
}

/// The results column; `tools` are the share, copy and print actions.
fn results(
    lang: Lang,
    catalogue: &Catalogue,
    members: &[Member],
    outcome: &Outcome<'_>,
    tools: Html,
) -> Html {
    let t = |k: Key| lang.pick(k.pair());
    if !outcome.covered {
        return html! {
            <section class="results" aria-labelledby="results-heading" aria-live="polite">
                <h2 id="results-heading">{ t(Key::Results) }</h2>
                <div class="cash" data-cash-month="0"><p>{ t(Key::NotCovered) }</p></div>
            </section>
        };
    }
    let month = outcome.cash.month;
    let cash = if month.is_zero() {
        html! { <p class="cash-none">{ t(Key::NoCash) }</p> }
    } else {
        html! {
            <>
            <p class="cash-label">{ t(Key::CashTotal) }</p>
            <p class="cash-figure"><strong>{ i18n::yuan(month) }</strong><span>{ " " }{ t(Key::PerMonth) }</span></p>
            <p class="cash-year">{ i18n::yearly(lang, outcome.cash.year) }</p>
            </>
        }
    };
    html! {
        <section class="results" aria-labelledby="results-heading">
            <h2 id="results-heading">{ t(Key::Results) }</h2>
            <p class="print-only">{ lang.text(&catalogue.name) }{ " · " }{ t(Key::PrintedOn) }{ " " }{ today() }</p>
            <div class="cash" data-cash-month={month.normalize().to_string()} aria-live="polite">{ cash }</div>
            { tools }
            { for outcome.members.iter().zip(members).enumerate().map(|(i, (entries, m))| {
                let heading = i18n::member_heading(lang, i, m);
                let misses = outcome.near_misses.get(i).map(Vec::as_slice).unwrap_or_default();
                html! {
                    <section class="group" data-member={i.to_string()} aria-label={heading.clone()}>
                        <h3>{ heading }</h3>
                        if entries.is_empty() { <p class="empty">{ t(Key::NothingApplies) }</p> }
                        { for entries.iter().map(|e| card(lang, catalogue, e)) }
                        if !misses.is_empty() {
                            <div class="near">
                                <h4>{ t(Key::NearMisses) }</h4>
                                <ul>{ for misses.iter().map(|n| {
                                    let title = measure_title(lang, catalogue, n.item, n.measure);
                                    html! { <li data-near-item={n.item.to_string()}>{ i18n::near_miss(lang, n, &title) }</li> }
                                }) }</ul>
                            </div>
                        }
                    </section>
                }
            }) }
            if !outcome.household.is_empty() {
                <section class="group" data-scope="household" aria-labelledby="household-heading">
                    <h3 id="household-heading">{ t(Key::ForHousehold) }</h3>
                    { for outcome.household.iter().map(|e| card(lang, catalogue, e)) }
                </section>
            }
            <section class="group everyone" data-scope="everyone" aria-labelledby="everyone-heading">
                <h3 id="everyone-heading">{ t(Key::ForEveryone) }</h3>
                <ul>{ for outcome.everyone.iter().chain(&outcome.everyone_part).filter_map(|n| catalogue.item(*n)).map(|item| html! {
                    <li data-everyone-item={item.item.to_string()}>
                        { icon(item.programme) }
                        <span><strong>{ lang.text(&item.title) }</strong>{ lang.pick(("：", ": ")) }{ lang.text(&item.summary) }</span>
                    </li>
                }) }</ul>
            </section>
        </section>
    }
}

/// The title of a measure: its own where an item has several, else the item's.
pub fn measure_title(lang: Lang, catalogue: &Catalogue, item: u8, measure: &str) -> String {
    let Some(it) = catalogue.item(item) else {
        return item.to_string();
    };
    match it
        .measures
        .iter()
        .find(|m| m.id == measure)
        .and_then(|m| m.title.as_ref())
    {
        Some(title) => format!("{} · {}", lang.text(&it.title), lang.text(title)),
        None => lang.text(&it.title).to_owned(),
    }
}

/// One measure as a card.
fn card(lang: Lang, catalogue: &Catalogue, e: &Entry<'_>) -> Html {
    let t = |k: Key| lang.pick(k.pair());
    let Some(item): Option<&Item> = catalogue.item(e.item) else {
        return Html::default();
    };
    let title = measure_title(lang, catalogue, e.item, e.measure);
    let certainty = match e.certainty {
        Certainty::Eligible => html! { <p class="badge eligible">{ "✓ " }{ t(Key::Eligible) }</p> },
        Certainty::Check => html! {
            <p class="badge likely">{ "? " }{ t(Key::CheckWith) }
                { for e.check.map(|w| html! { <span class="why-check">{ lang.pick(i18n::check_why(w)) }</span> }) }
            </p>
        },
    };
    let reasons: Vec<String> = e.reasons.iter().map(|r| i18n::reason(lang, r)).collect();
    html! {
        <article class="card" data-item={e.item.to_string()} data-measure={e.measure.to_owned()}>
            <div class="card-head">
                { icon(item.programme) }
                <h4>{ title }</h4>
            </div>
            <p class="summary">{ lang.text(&item.summary) }</p>
            if !e.money.is_empty() {
                <ul class="money">{ for e.money.iter().map(|m| html! { <li>{ i18n::money(lang, m) }</li> }) }</ul>
            }
            if !e.ratios.is_empty() {
                <ul class="money">{ for e.ratios.iter().map(|r| html! {
                    <li>{ match lang {
                        Lang::Zh => format!("{}级医院{}：{} → {}", if r.hospital_level == 1 { "一" } else { "二" }, t(Key::Reimbursement), i18n::percent(r.before), i18n::percent(r.after)),
                        Lang::En => format!("Level-{} hospitals, {}: {} → {}", r.hospital_level, t(Key::Reimbursement), i18n::percent(r.before), i18n::percent(r.after)),
                    } }</li>
                }) }</ul>
            }
            if e.free { <p class="free">{ t(Key::Free) }</p> }
            if e.unstated.is_some() { <p class="unstated">{ t(Key::AmountNotStated) }</p> }
            { certainty }
            <p class="why"><strong>{ t(Key::Why) }{ lang.pick(("：", ": ")) }</strong>{ reasons.join(lang.pick(("；", "; "))) }</p>
            <p class="dept"><strong>{ t(Key::Departments) }{ lang.pick(("：", ": ")) }</strong>
                { t(Key::Lead) }{ " " }{ e.lead.join("、") }
                if !e.partners.is_empty() { { lang.pick(("；", "; ")) }{ t(Key::Partners) }{ " " }{ e.partners.join("、") } }
                { for item.shares_cells_with.map(|n| html! { <span class="note">{ i18n::shared_cells(lang, n) }</span> }) }
            </p>
            <p class="deadline"><strong>{ t(Key::Deadline) }{ lang.pick(("：", ": ")) }</strong>{ i18n::deadline(lang, catalogue.year, e.deadline) }</p>
            <details>
                <summary>{ t(Key::Source) }</summary>
                <blockquote lang="zh-CN">{ format!("{}、{}", e.item, e.source) }</blockquote>
            </details>
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct ReadAloudProps {
    lang: Lang,
    text: AttrValue,
}

/// Reads the results aloud with the browser's speech synthesis.
#[component]
fn ReadAloud(props: &ReadAloudProps) -> Html {
    let speaking = use_state(|| false);
    let onclick = {
        let (speaking, lang, text) = (speaking.clone(), props.lang, props.text.clone());
        Callback::from(move |_| {
            if *speaking {
                summary::stop_speaking();
                speaking.set(false);
            } else {
                speaking.set(summary::speak(lang, &text));
            }
        })
    };
    let lang = props.lang;
    html! {
        <button type="button" id="read-aloud" aria-pressed={ speaking.to_string() } {onclick}>
            { if *speaking { lang.pick(Key::StopReading.pair()) } else { lang.pick(Key::ReadAloud.pair()) } }
        </button>
    }
}
