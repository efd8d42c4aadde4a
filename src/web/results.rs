//! The results: the household's cash first, then each member's measures one line each (what,
//! how much, sure or likely), every detail one tap away in a native `<details>`.

use super::app::use_lang;
use super::i18n::{self, Key, Lang};
use super::icons::icon;
use super::markup::Markup;
use super::platform;
use super::share::ShareTools;
use super::state::{State, Waiting};
use crate::catalogue::{Catalogue, Condition};
use crate::engine::{Certainty, Entry, NotApplicable, Outcome};
use crate::profile::Member;
use crate::profile::Profile;
use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub state: Rc<State>,
    /// The answers the results come from, or the age still missing or wrong.
    pub answers: Result<Profile, Waiting>,
    pub outcome: Option<Rc<Outcome<'static>>>,
    /// The results as plain text, for the clipboard.
    pub text: Option<AttrValue>,
}

/// A member's or the household's measures, those that pay cash first (the most first), then
/// the rest in item order.
pub fn cash_first<'e, 'a>(entries: &'e [Entry<'a>]) -> Vec<&'e Entry<'a>> {
    // An insertion sort, stable (item order among equals); a list is a dozen entries, and the
    // library's merge sort would add its code to the Wasm for nothing.
    let mut sorted: Vec<&Entry<'a>> = Vec::with_capacity(entries.len());
    for e in entries {
        let cash = i18n::yearly_cash(e);
        let at = sorted
            .iter()
            .position(|s| i18n::yearly_cash(s) < cash)
            .unwrap_or(sorted.len());
        sorted.insert(at, e);
    }
    sorted
}

/// The results column. What is only read (each member's lines, their folded details, the
/// measures for everyone) is written as markup ([`Markup`]); the live cash total, the share
/// tools and the way back to a missing answer stay components.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let lang = use_lang();
    let section = use_node_ref();
    {
        let section = section.clone();
        use_effect_with((), move |_| {
            // `toggle` does not bubble: heard on the way down, for every fold in the results.
            let listener = section.cast::<web_sys::Element>().map(|el| {
                EventListener::new_with_options(
                    &el,
                    "toggle",
                    EventListenerOptions::run_in_capture_phase(),
                    unfold,
                )
            });
            move || drop(listener)
        });
    }
    let t = |k: Key| lang.pick(k.pair());
    let Ok(catalogue) = Catalogue::builtin() else {
        return Html::default();
    };
    let ResultsProps {
        state,
        answers,
        outcome,
        text,
    } = props;
    let head = match (answers, outcome) {
        (Ok(_), Some(o)) if !o.covered => html! {
            <div class="cash" data-cash-month="0"><p>{ t(Key::NotCovered) }</p></div>
        },
        // The total's box stays in the page while its figures change, so a screen reader
        // announces the new total.
        (Ok(p), Some(o)) => html! {
            <div class="cash" data-cash-month={o.cash.month.normalize().to_string()} aria-live="polite">
                { cash(lang, catalogue, o, p).into_html() }
            </div>
        },
        (Err(w), _) => waiting(lang, *w, state.people.len()),
        (Ok(_), None) => Html::default(),
    };
    let shown = match (answers, outcome) {
        (Ok(p), Some(o)) if o.covered => groups(lang, catalogue, state, p, o),
        _ => Html::default(),
    };
    html! {
        <section class="results" aria-labelledby="results-heading" ref={section}>
            <h2 id="results-heading" tabindex="-1">{ t(Key::Results) }</h2>
            <p class="print-only">{ lang.text(&catalogue.name) }{ " · " }{ t(Key::PrintedOn) }{ " " }{ platform::today() }</p>
            { head }
            <ShareTools key="share" profile={answers.clone().ok()} desk={state.desk} text={text.clone()} />
            { shown }
            { everyone(lang, catalogue, outcome.as_deref()).into_html() }
        </section>
    }
}

/// A fold's details are written into a `<template>` at its end and put into the page the first
/// time it opens: folded details cost no nodes until someone wants them (a six-member
/// household has hundreds), and keyboards and screen readers use each fold as any `<details>`.
fn unfold(event: &Event) {
    let Some(fold) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    if !fold.has_attribute("open") {
        return;
    }
    if let Some(template) = fold
        .last_element_child()
        .and_then(|c| c.dyn_into::<web_sys::HtmlTemplateElement>().ok())
    {
        let _ = fold.replace_child(&template.content(), &template);
    }
}

/// A `<details>` with its summary, and its body held back until it first opens ([`unfold`]).
fn fold(
    m: &mut Markup,
    class: &str,
    summary: impl FnOnce(&mut Markup),
    body: impl FnOnce(&mut Markup),
) {
    if class.is_empty() {
        m.open("details", &[]);
    } else {
        m.open("details", &[("class", class)]);
    }
    m.open("summary", &[]);
    summary(m);
    m.close("summary").open("template", &[]);
    body(m);
    m.close("template").close("details");
}

/// Each member's measures, then the household's, with the hints above them.
fn groups(
    lang: Lang,
    catalogue: &Catalogue,
    state: &State,
    profile: &Profile,
    o: &Outcome<'_>,
) -> Html {
    let t = |k: Key| lang.pick(k.pair());
    let common = common_ask(lang, o, profile);
    let mut top = Markup::default();
    top.el("p", "hint", t(Key::Details));
    if lang == Lang::En {
        top.el("p", "hint", t(Key::DeptNamesChinese));
    }
    if let Some(ask) = &common {
        top.open("p", &[("class", "print-only ask-all")]);
        marked(&mut top, lang, &i18n::ask_all(lang, ask));
        top.close("p");
    }
    top.open("p", &[("class", "print-only legend")])
        .open("span", &[("class", "badge eligible")])
        .text("✓ ")
        .text(t(Key::Eligible))
        .close("span")
        .text("　")
        .open("span", &[("class", "badge likely")])
        .text("? ")
        .text(t(Key::Likely))
        .close("span")
        .close("p");
    let common = common.as_deref();
    let members = o.members.iter().enumerate().map(|(i, entries)| {
        let name = i18n::member_name(lang, i, &profile.members);
        let misses = o.near_misses.get(i).map(Vec::as_slice).unwrap_or_default();
        let mut m = Markup::default();
        m.el("h3", "", &name);
        // The form starts at 女: say so until the sex is chosen.
        if state.people.get(i).is_some_and(|p| !p.sex_chosen) {
            m.el("p", "hint sex-note", t(Key::SexAssumed));
        }
        if entries.is_empty() {
            m.el("p", "empty", t(Key::NothingApplies));
        }
        m.open("ul", &[("class", "measures")]);
        for e in cash_first(entries) {
            measure(&mut m, lang, catalogue, e, profile, common);
        }
        m.close("ul");
        if !misses.is_empty() {
            m.open("div", &[("class", "near")]).el("h4", "", t(Key::NearMisses)).open("ul", &[]);
            for n in misses {
                let title = i18n::measure_title(lang, catalogue, n.item, n.measure);
                m.open("li", &[("data-near-item", &n.item.to_string())])
                    .text(&i18n::near_miss(lang, n, &title))
                    .close("li");
            }
            m.close("ul").close("div");
        }
        let not = o.not_applicable.get(i).map(Vec::as_slice).unwrap_or_default();
        why_not(&mut m, lang, catalogue, Key::WhyNot, not, profile.members.get(i));
        // Keyed on the person, so a member's open details stay open while another's answers
        // change.
        html! {
            <section class="group" data-member={i.to_string()} aria-label={name} key={format!("m{}", state.people.get(i).map_or(0, |p| p.id))}>
                { m.into_html() }
            </section>
        }
    });
    let mut household = Markup::default();
    let whole = if o.household.is_empty() {
        why_not(
            &mut household,
            lang,
            catalogue,
            Key::HouseholdWhyNot,
            &o.household_not_applicable,
            None,
        );
        html! {
            <section class="group" aria-label={t(Key::ForHousehold)} key="household-none">{ household.into_html() }</section>
        }
    } else {
        household
            .open("h3", &[("id", "household-heading")])
            .text(t(Key::ForHousehold))
            .close("h3");
        household.open("ul", &[("class", "measures")]);
        for e in cash_first(&o.household) {
            measure(&mut household, lang, catalogue, e, profile, common);
        }
        household.close("ul");
        why_not(
            &mut household,
            lang,
            catalogue,
            Key::HouseholdWhyNot,
            &o.household_not_applicable,
            None,
        );
        html! {
            <section class="group" data-scope="household" aria-labelledby="household-heading" key="household">{ household.into_html() }</section>
        }
    };
    html! { <>{ top.into_html() }{ for members }{ whole }</> }
}

/// English text with Chinese names in it (departments, subdistrict offices): each Chinese run is
/// marked `lang="zh-CN"`, so a screen reader reads it in Chinese, not letter by letter. Chinese
/// text is written as it is.
fn marked(m: &mut Markup, lang: Lang, text: &str) {
    if lang == Lang::Zh || text.is_ascii() {
        m.text(text);
        return;
    }
    let chinese = |c: char| matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}');
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let zh = chinese(c);
        let end = rest.find(|c| chinese(c) != zh).unwrap_or(rest.len());
        let (run, after) = rest.split_at(end);
        if zh {
            m.open("span", &[("lang", "zh-CN")]).text(run).close("span");
        } else {
            m.text(run);
        }
        rest = after;
    }
}

/// Where most measures say to ask, for the printed page to say once; a measure that says
/// otherwise names its own.
fn common_ask(lang: Lang, o: &Outcome<'_>, profile: &Profile) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for e in o.members.iter().flatten().chain(&o.household) {
        let ask = i18n::ask_short(lang, e.lead, e.partners, profile.street);
        match counts.iter_mut().find(|(a, _)| *a == ask) {
            Some((_, n)) => *n += 1,
            None => counts.push((ask, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 1)
        .map(|(a, _)| a)
}

/// What is inside the household's cash box: the total, where it comes from, and the one note
/// on time.
fn cash(lang: Lang, catalogue: &Catalogue, o: &Outcome<'_>, profile: &Profile) -> Markup {
    let t = |k: Key| lang.pick(k.pair());
    let month = o.cash.month;
    let mut m = Markup::default();
    if month.is_zero() {
        m.el("p", "cash-none", t(Key::NoCash));
    } else {
        m.el("p", "cash-label", t(Key::CashTotal))
            .open("p", &[("class", "cash-figure")])
            .el("strong", "", &i18n::yuan(month))
            .el("span", "", &format!(" {}", t(Key::PerMonth)))
            .close("p")
            .el("p", "cash-year", &i18n::yearly(lang, o.cash.year))
            .open("ul", &[("class", "cash-from")]);
        // Each cash measure with whose it is: `84岁男性 · 高龄补贴 每月¥50`.
        for (i, entries) in o.members.iter().enumerate() {
            for e in entries.iter().filter(|e| !i18n::yearly_cash(e).is_zero()) {
                let line = format!(
                    "{} · {} {}",
                    i18n::member_name(lang, i, &profile.members),
                    i18n::measure_title(lang, catalogue, e.item, e.measure),
                    i18n::amount_short(lang, e).unwrap_or_default()
                );
                m.el("li", "", &line);
            }
        }
        m.close("ul");
    }
    m.el(
        "p",
        "dated",
        &i18n::dated(lang, catalogue.year, platform::this_year()),
    );
    m
}

/// What to answer before any result is shown, with a way to the question.
fn waiting(lang: Lang, w: Waiting, people: usize) -> Html {
    let target = format!("m{}-age", w.id);
    let onclick = Callback::from(move |_| platform::focus(&target));
    html! {
        <div class="waiting" role="status" id="waiting">
            <p>{ i18n::waiting(lang, w, people) }</p>
            <button type="button" class="secondary" {onclick}>{ lang.pick(Key::FillIn.pair()) }</button>
        </div>
    }
}

/// The measures that serve everyone: always shown, also before any answer.
fn everyone(lang: Lang, catalogue: &Catalogue, outcome: Option<&Outcome<'_>>) -> Markup {
    let items: Vec<u8> = match outcome {
        Some(o) => o.everyone.iter().chain(&o.everyone_part).copied().collect(),
        None => catalogue.everyone_items(),
    };
    let mut m = Markup::default();
    m.open(
        "section",
        &[
            ("class", "group everyone"),
            ("data-scope", "everyone"),
            ("aria-labelledby", "everyone-heading"),
        ],
    )
    .open("h3", &[("id", "everyone-heading")])
    .text(lang.pick(Key::ForEveryone.pair()))
    .close("h3")
    .open("ul", &[]);
    for item in items.iter().filter_map(|n| catalogue.item(*n)) {
        m.open("li", &[("data-everyone-item", &item.item.to_string())]);
        icon(&mut m, item.programme);
        m.open("span", &[])
            .el("strong", "", lang.text(&item.title))
            .text(lang.pick(("：", ": ")))
            .text(lang.text(&item.summary))
            .close("span")
            .close("li");
    }
    m.close("ul").close("section");
    m
}

/// One measure as one line; why, where to ask, when, and the source open with a tap.
fn measure(
    m: &mut Markup,
    lang: Lang,
    catalogue: &Catalogue,
    e: &Entry<'_>,
    profile: &Profile,
    common_ask: Option<&str>,
) {
    let street = profile.street;
    let ask = i18n::ask_short(lang, e.lead, e.partners, street);
    let own_ask = (common_ask != Some(ask.as_str())).then_some(ask);
    let t = |k: Key| lang.pick(k.pair());
    let colon = lang.pick(("：", ": "));
    let Some(item) = catalogue.item(e.item) else {
        return;
    };
    let title = i18n::measure_title(lang, catalogue, e.item, e.measure);
    let why = i18n::reasons(lang, &e.reasons, &profile.members);
    // A label and what follows it: `<p class="why"><strong>为什么：</strong>…`.
    let labelled = |m: &mut Markup, class: &str, label: Key| {
        m.open("p", &[("class", class)])
            .open("strong", &[])
            .text(t(label))
            .text(colon)
            .close("strong");
    };
    m.open(
        "li",
        &[
            ("class", "measure"),
            ("data-item", &e.item.to_string()),
            ("data-measure", e.measure),
        ],
    );
    fold(
        m,
        "",
        |m| {
            m.open("span", &[("class", "m-head")]);
            icon(m, item.programme);
            m.el("span", "m-title", &title)
                .close("span")
                .open("span", &[("class", "m-rest")])
                .open("span", &[("class", "m-facts")]);
            if let Some(amount) = i18n::amount_short(lang, e) {
                // "Amount not stated" is not money: not in money's green.
                let unstated = e.money.is_empty() && e.ratios.is_empty() && !e.free;
                m.el(
                    "span",
                    if unstated {
                        "m-amount m-unstated"
                    } else {
                        "m-amount"
                    },
                    &amount,
                );
            }
            let (class, mark, words) = match e.certainty {
                Certainty::Eligible => ("badge eligible", "✓ ", Key::Eligible),
                Certainty::Check => ("badge likely", "? ", Key::Likely),
            };
            m.open("span", &[("class", class)])
                .text(mark)
                .el("span", "badge-words", t(words))
                .close("span")
                .close("span")
                .open("span", &[("class", "print-only m-print")])
                .text(t(Key::Why))
                .text(colon)
                .text(&why);
            if let Some(ask) = &own_ask {
                m.text(lang.pick(("；", "; ")))
                    .text(t(Key::WhereToAsk))
                    .text(colon);
                marked(m, lang, ask);
            }
            m.close("span").close("span");
        },
        |m| {
            m.open("div", &[("class", "m-detail")])
                .el("p", "summary", lang.text(&item.summary));
            if !e.money.is_empty() {
                m.open("ul", &[("class", "money")]);
                for line in i18n::money_lines(lang, e.money) {
                    m.el("li", "", &line);
                }
                m.close("ul");
            }
            if !e.ratios.is_empty() {
                m.open("ul", &[("class", "money")]);
                for r in e.ratios {
                    m.el("li", "", &i18n::ratio(lang, r));
                }
                m.close("ul");
            }
            if e.unstated.is_some() {
                m.el("p", "unstated", t(Key::AmountNotStated));
            }
            labelled(m, "why", Key::Why);
            m.text(&why).close("p");
            if let Some(w) = e.check {
                m.el("p", "why-check", lang.pick(i18n::check_why(w)));
            }
            labelled(m, "dept", Key::WhereToAsk);
            marked(
                m,
                lang,
                &i18n::where_to_ask(lang, e.lead, e.partners, street),
            );
            m.close("p");
            if !e.partners.is_empty() {
                labelled(m, "partners", Key::Partners);
                let names: Vec<String> = e
                    .partners
                    .iter()
                    .map(|d| i18n::department(lang, d))
                    .collect();
                marked(m, lang, &names.join(lang.pick(("、", ", "))));
                m.close("p");
            }
            labelled(m, "deadline", Key::Deadline);
            m.text(&i18n::deadline(lang, catalogue.year, e.deadline))
                .close("p")
                .open("details", &[("class", "source")])
                .el("summary", "", t(Key::Source))
                .open("blockquote", &[("lang", "zh-CN")])
                .text(&format!("{}、{}", e.item, e.source))
                .close("blockquote")
                .close("details")
                .close("div");
        },
    );
    m.close("li");
}

/// Why the other measures do not apply, folded under the ones that do: each measure with the
/// conditions not met, in words.
fn why_not(
    m: &mut Markup,
    lang: Lang,
    catalogue: &Catalogue,
    heading: Key,
    list: &[NotApplicable<'_>],
    member: Option<&Member>,
) {
    // What a person can never meet (an age band they have outgrown, the other sex) is counted,
    // not listed: the lines worth reading are not buried under kindergartens for a grandfather.
    let outgrown = |na: &&NotApplicable<'_>| {
        member.is_some_and(|m| {
            na.unmet.iter().any(|c| match c.as_ref() {
                Condition::Age { max: Some(b), .. } => m.age > *b,
                Condition::Sex { is } => m.sex != *is,
                _ => false,
            })
        })
    };
    let shown: Vec<&NotApplicable<'_>> = list.iter().filter(|na| !outgrown(na)).collect();
    let hidden = list.len() - shown.len();
    if list.is_empty() {
        return;
    }
    let count = match lang {
        Lang::Zh => format!("（{}项）", shown.len()),
        Lang::En => format!(" ({})", shown.len()),
    };
    fold(
        m,
        "why-not",
        |m| {
            m.text(lang.pick(heading.pair())).text(&count);
        },
        |m| {
            m.open("ul", &[]);
            for na in &shown {
                let title = i18n::measure_title(lang, catalogue, na.item, na.measure);
                m.open(
                    "li",
                    &[
                        ("data-not-item", &na.item.to_string()),
                        ("data-not-measure", na.measure),
                    ],
                )
                .text(&i18n::why_not(lang, &title, na, member))
                .close("li");
            }
            m.close("ul");
            if hidden > 0 {
                m.el(
                    "p",
                    "hint",
                    &lang
                        .pick(Key::OutgrownNote.pair())
                        .replace("{}", &hidden.to_string()),
                );
            }
        },
    );
}
