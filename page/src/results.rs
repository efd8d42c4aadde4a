//! The results: the household's cash first, then each member's measures one line each (what,
//! how much, sure or likely), every detail one tap away in a native `<details>`.

use super::desk;
use super::platform;
use super::share::{share_tools, Share};
use super::state::State;
use crate::engine::{Certainty, Entry, NotApplicable, Outcome, FAR_YEARS};
use crate::layout::{self, Alike, Laid, Whose};
use crate::model::age::Waiting;
use crate::model::catalogue::Catalogue;
use crate::model::office;
use crate::model::profile::Member;
use crate::model::profile::Profile;
use crate::words::{self, Key, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// What the results are drawn from.
pub struct ResultsProps<'s> {
    pub state: Rc<State>,
    pub dispatch: super::app::Dispatch,
    /// The answers the results come from, or the age still missing or wrong.
    pub answers: Result<Profile, Waiting>,
    pub outcome: Option<Rc<Outcome<'static>>>,
    /// The results as plain text, for the clipboard.
    pub text: super::summary::PlainText,
    /// The share tools' state, held by the page.
    pub share: &'s Share,
}

/// The results column.
/// A function, not a component, as `form::form`: it follows the whole state. (As a component,
/// its props' derived comparison went through every measure's conditions on each render.)
pub fn results(props: &ResultsProps<'_>) -> Html {
    let lang = props.state.lang;
    let t = |k: Key| lang.pick(k.pair());
    let Ok(catalogue) = Catalogue::builtin() else {
        return Html::default();
    };
    let ResultsProps {
        state,
        dispatch,
        answers,
        outcome,
        text,
        share,
    } = props;
    // Whose sex is not yet chosen: nobody is called 女性 on the form's first guess.
    let open: Rc<[bool]> = state.sex_open().into();
    // The layout every rendering shares (`layout::lay_out`), for answers the list covers.
    let directory = platform::offices();
    let laid = match (answers, outcome) {
        (Ok(p), Some(o)) if o.covered => {
            Some((p, o, layout::lay_out(lang, catalogue, p, o, &directory)))
        }
        _ => None,
    };
    // No cash: the measures come first, and the box that says so (with the note on time) after
    // them, so a household without cash sees what it gets on the first screen.
    // (One call of `cash`, placed in one of two places: a second call compiled it apart.)
    let (head, after) = match (answers, outcome, &laid) {
        (_, _, Some((p, o, l))) => {
            let total = cash(lang, catalogue, o, p, l, &open);
            if o.cash.month.is_zero() {
                (Html::default(), total)
            } else {
                (total, Html::default())
            }
        }
        (Ok(_), Some(_), None) => (
            html! { <div class="cash" data-cash-month="0"><p>{ t(Key::NotCovered) }</p></div> },
            Html::default(),
        ),
        (Err(w), _, _) => (waiting(lang, *w, state.people.len()), Html::default()),
        (Ok(_), None, None) => (Html::default(), Html::default()),
    };
    html! {
        <section class="results" aria-labelledby="results-heading">
            <h2 id="results-heading" tabindex="-1">{ t(Key::Results) }</h2>
            <p class="print-only">{ lang.text(&catalogue.name) }{ " · " }{ t(Key::PrintedOn) }{ " " }{ platform::today() }</p>
            { head }
            { share_tools(lang, share, text, laid.as_ref().and(state.people.first()).map(|first| format!("m{}-age", first.id))) }
            if let Some((profile, o, laid)) = &laid {
                // On paper, the answers the results were worked out from: a clerk checks them.
                <div class="print-only answers">
                    <p>{ t(Key::Answered) }</p>
                    { for layout::answers(lang, catalogue, profile, &open).into_iter().map(|a| html! { <p>{ a }</p> }) }
                </div>
                { measures(lang, catalogue, state, profile, o, laid, &open) }
                { after }
            }
            { everyone(lang, catalogue, outcome.as_deref()) }
            if state.desk {
                // Where the clerk finishes, after showing or printing the results (on a tablet
                // the results column scrolls on its own): no scrolling back up to the header.
                <div class="next-resident">{ desk::next_button("next-resident-foot", &desk::props(state, dispatch)) }</div>
            }
        </section>
    }
}

/// The next step, then the sections of the layout (`layout::lay_out`, which the copied text and
/// the printout render too): the lines several members get said once for them all, then each
/// member's own with the shared ones named, then the household's.
fn measures(
    lang: Lang,
    catalogue: &'static Catalogue,
    state: &State,
    profile: &Profile,
    o: &Rc<Outcome<'static>>,
    laid: &Laid<'_, 'static, '_>,
    open: &Rc<[bool]>,
) -> Html {
    let t = |k: Key| lang.pick(k.pair());
    let list = |lines: &[Alike<'_, 'static>]| {
        html! {
            <ul class="measures">{ for lines.iter().map(|l| measure(lang, catalogue, l, l.entry().and_then(|e| laid.own_ask(e)), profile, open)) }</ul>
        }
    };
    let and = lang.pick(("、", ", "));
    html! {
        <>
        // Where to ask and what "likely" means, in view: not inside every line's fold.
        <div class="next">
            if let Some(ask) = &laid.common_ask {
                <p class="ask-all">{ marked(lang, words::ask_all(lang, ask)) }</p>
            }
            { for laid.offices.iter().map(|of| html! { <p class="office">{ marked(lang, words::office(lang, of)) }</p> }) }
            if let Some(likely) = &laid.likely {
                <p class="legend">
                    <span class="badge eligible"><span aria-hidden="true">{ "✓ " }</span>{ t(Key::Eligible) }</span>{ "　" }
                    <span class="badge likely" aria-hidden="true">{ "? " }</span>{ likely.clone() }
                </p>
            }
            <p class="hint">{ t(Key::Details) }</p>
        </div>
        { for laid.sections.iter().map(|section| match &section.whose {
            Whose::Several(members) => {
                let heading = words::each_of(lang, members, &profile.members, open);
                html! {
                    <section class="group" aria-label={heading.clone()} key={format!("s{}", members.iter().map(ToString::to_string).collect::<Vec<_>>().join("-"))}>
                        <h3>{ heading }</h3>
                        { list(&section.lines) }
                    </section>
                }
            }
            Whose::Member(i) => {
                let i = *i;
                let name = words::member_name(lang, i, &profile.members, open);
                // Whose the fold of why not is, for a screen reader (two folds may say the same).
                let whose = format!("{name}{}", lang.pick(("：", ": ")));
                let misses = o.near_misses.get(i).map(Vec::as_slice).unwrap_or_default();
                let above = &section.above;
                html! {
                    <section class="group" data-member={i.to_string()} aria-label={name.clone()} key={format!("m{}", state.people.get(i).map_or(0, |p| p.id))}>
                        // On paper, what this member also gets of the lines above, beside the name.
                        <h3>{ name }<span class="print-only also-print">{ laid.above_said(catalogue, i, true) }</span></h3>
                        if section.none { <p class="empty">{ t(Key::NothingApplies) }</p> }
                        if !section.lines.is_empty() {
                            { list(&section.lines) }
                        }
                        // What this member gets among the lines said once above, after their own: a
                        // count, the titles one tap away (each by its item, so that
                        // `[data-member] [data-item]` finds every entry of the member's); on paper,
                        // said in a sentence (`Laid::above_said`).
                        if !above.is_empty() {
                            <details class="also">
                                <summary>{ words::fill(t(Key::AlsoAboveCount), &[("{}", &above.len().to_string())]) }</summary>
                                <p>{ for above.iter().enumerate().map(|(k, e)| html! {
                                    <>{ if k > 0 { and } else { "" } }<span data-item={e.item.to_string()} data-measure={e.measure}>{ words::measure_title(lang, catalogue, e.item, e.measure) }</span></>
                                }) }</p>
                            </details>
                        }
                        if !misses.is_empty() {
                            <div class="near">
                                <h4>{ t(Key::NearMisses) }</h4>
                                <ul>{ for words::near_misses(lang, &misses.iter().map(|n| (n, words::measure_title(lang, catalogue, n.item, n.measure))).collect::<Vec<_>>()).into_iter().map(|(items, said)| {
                                    let items = items.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ");
                                    html! { <li data-near-item={items}>{ said }</li> }
                                }) }</ul>
                            </div>
                        }
                        { why_not(lang, catalogue, Key::WhyNot, o, WhyNotOf::Member(i), profile.members.get(i), &whose) }
                    </section>
                }
            }
            // The household's fold of why not, in its section or alone ("全家" says whose in
            // Chinese).
            Whose::Household => {
                let why_not = why_not(lang, catalogue, Key::HouseholdWhyNot, o, WhyNotOf::Household, None, lang.pick(("", "For the household: ")));
                if section.lines.is_empty() {
                    html! {
                        <section class="group" aria-label={t(Key::ForHousehold)} key="household-none">
                            { why_not }
                        </section>
                    }
                } else {
                    html! {
                        <section class="group" data-scope="household" aria-labelledby="household-heading" key="household">
                            <h3 id="household-heading">{ t(Key::ForHousehold) }</h3>
                            { list(&section.lines) }
                            { why_not }
                        </section>
                    }
                }
            }
        }) }
        </>
    }
}

/// English text with Chinese names in it (departments, subdistrict offices): each Chinese run is
/// marked `lang="zh-CN"`, so a screen reader reads it in Chinese, not letter by letter. Chinese
/// text is returned as it is.
fn marked(lang: Lang, text: String) -> Html {
    if lang == Lang::Zh || text.is_ascii() {
        return text.into();
    }
    let parts = words::chinese_runs(&text).into_iter().map(|(zh, run)| {
        if zh {
            html! { <span lang="zh-CN">{ run.to_owned() }</span> }
        } else {
            Html::from(run.to_owned())
        }
    });
    html! { <>{ for parts }</> }
}

/// The household's cash, where it comes from, and the one note on time.
fn cash(
    lang: Lang,
    catalogue: &Catalogue,
    o: &Outcome<'_>,
    profile: &Profile,
    laid: &Laid<'_, '_, '_>,
    open: &[bool],
) -> Html {
    let t = |k: Key| lang.pick(k.pair());
    let month = o.cash.month;
    // Each cash measure with whose it is: `84岁男性 · 高龄补贴 每月¥50`.
    let from: Vec<String> = laid
        .cash_from
        .iter()
        .map(|&(i, e)| {
            format!(
                "{} · {} {}",
                words::member_name(lang, i, &profile.members, open),
                words::measure_title(lang, catalogue, e.item, e.measure),
                words::amount_short(lang, e).unwrap_or_default()
            )
        })
        .collect();
    let figure = if month.is_zero() {
        html! { <p class="cash-none">{ words::of_list(lang, Key::NoCash, catalogue) }</p> }
    } else {
        html! {
            <>
            <p class="cash-label">{ t(Key::CashTotal) }</p>
            <p class="cash-figure"><strong>{ words::yuan(month) }</strong><span>{ " " }{ t(Key::PerMonth) }</span></p>
            <p class="cash-year">{ words::yearly(lang, o.cash.year) }</p>
            </>
        }
    };
    html! {
        <div class="cash" data-cash-month={month.normalize().to_string()}>
            { figure }
            if !month.is_zero() {
                <ul class="cash-from">{ for from.into_iter().map(|line| html! { <li>{ line }</li> }) }</ul>
            }
            // A household on 低保 or 特困 support is told its allowance is not in the total.
            if laid.only_this_list {
                <p class="cash-note">{ t(Key::OnlyThisList) }</p>
            }
            <p class="dated">{ words::dated(lang, catalogue.year, platform::this_year()) }</p>
        </div>
    }
}

/// What to answer before any result is shown, with a way to the question.
fn waiting(lang: Lang, w: Waiting, people: usize) -> Html {
    let target = format!("m{}-age", w.id);
    let onclick = Callback::from(move |_| platform::focus(&target));
    html! {
        <div class="waiting" role="status" id="waiting">
            <p>{ words::waiting(lang, w, people) }</p>
            <button type="button" class="secondary" {onclick}>{ lang.pick(Key::FillIn.pair()) }</button>
        </div>
    }
}

/// The measures that serve everyone: folded under one line once there are results (they are
/// the same for every household), open before any answer.
fn everyone(lang: Lang, catalogue: &Catalogue, outcome: Option<&Outcome<'_>>) -> Html {
    let items: Vec<u8> = match outcome {
        Some(o) => o.everyone.iter().chain(&o.everyone_part).copied().collect(),
        None => catalogue.everyone_items(),
    };
    let count = match lang {
        // A word joiner keeps the count and 项 on one line ("（8" and "项）" were split).
        Lang::Zh => format!("（{}\u{2060}项）", items.len()),
        Lang::En => format!(" ({})", items.len()),
    };
    html! {
        <details class="group everyone" data-scope="everyone" open={outcome.is_none()} key="everyone">
            <summary><h3 id="everyone-heading">{ lang.pick(Key::ForEveryone.pair()) }{ count }</h3></summary>
            <ul>{ for items.iter().filter_map(|n| catalogue.item(*n)).map(|item| html! {
                <li data-everyone-item={item.item.to_string()} data-icon={catalogue.icon(item.programme).to_owned()}>
                    // The summary comes with the texts (boot.js, `data-text`), when the list shows.
                    <span><strong>{ lang.text(&item.title) }</strong>{ lang.pick(("：", ": ")) }{ fetched(item.item, lang.pick(("zh", "en"))) }</span>
                </li>
            }) }</ul>
        </details>
    }
}

/// One measure as one line; why, where to ask, when, and the source open with a tap.
fn measure(
    lang: Lang,
    catalogue: &'static Catalogue,
    line: &Alike<'_, 'static>,
    own_ask: Option<String>,
    profile: &Profile,
    open: &[bool],
) -> Html {
    let Some(e) = line.entry() else {
        return Html::default();
    };
    let street = profile
        .street
        .as_deref()
        .and_then(|k| catalogue.street(k))
        .map(|s| &s.name);
    let t = |k: Key| lang.pick(k.pair());
    let colon = lang.pick(("：", ": "));
    // For one sex only, and a sex not yet chosen: said as a condition, not assumed.
    // One or the other, said on the line, so no reader adds the two: `… · 二选一`.
    let title = format!(
        "{}{}{}",
        words::sex_prefix(lang, e, &line.members, open),
        words::measure_title(lang, catalogue, e.item, e.measure),
        words::one_or_other(lang, e).map_or(String::new(), |w| format!(" · {w}"))
    );
    // Said once for several members: each one's reasons under their name.
    // Why, as the layout says it: said once for several members where they meet it alike.
    let why = line.why(lang, &profile.members, open);
    let members = (line.members.len() > 1).then(|| {
        line.members
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    });
    let badge = match e.certainty {
        Certainty::Eligible => html! {
            <span class="badge eligible"><span aria-hidden="true">{ "✓" }</span><span class="badge-words">{ t(Key::Eligible) }</span></span>
        },
        Certainty::Check => html! {
            <span class="badge likely"><span aria-hidden="true">{ "?" }</span><span class="badge-words">{ t(Key::Likely) }</span></span>
        },
    };
    // The details, written only when the fold first opens: what they need, copied out of the
    // entry (all of it borrowed from the catalogue).
    let &Entry {
        item: number,
        money,
        ratios,
        unstated,
        lead,
        partners,
        deadline,
        ..
    } = e;
    let offices = platform::offices();
    let checks = line.checks(lang);
    // On paper, what a likely line turns on, after why.
    // A note ends its sentence (`…审核。`); joined by `；`, its own full stop goes.
    let printed: String = checks
        .iter()
        .map(|n| format!("{}{}", lang.pick(("；", ". ")), n.trim_end_matches('。')))
        .collect();
    let either = words::either_of(lang, catalogue, e);
    // The item's own title first where the line says only its part: the long form. The summary
    // itself is fetched when the fold shows it (boot.js, `data-text`): it is not in the page.
    let whole = words::item_title_beside(lang, catalogue, e.item, e.measure)
        .map(|whole| format!("{whole}{}", lang.pick(("：", ": "))));
    let body = {
        let why = why.clone();
        Callback::from(move |()| {
            let t = |k: Key| lang.pick(k.pair());
            html! {
                <div class="m-detail">
                    <p class="summary">{ whole.clone() }{ fetched(number, lang.pick(("zh", "en"))) }</p>
                    if !money.is_empty() {
                        <ul class="money">{ for words::money_lines(lang, money).into_iter().map(|m| html! { <li>{ m }</li> }) }</ul>
                    }
                    if !ratios.is_empty() {
                        <ul class="money">{ for ratios.iter().map(|r| html! { <li>{ words::ratio(lang, r) }</li> }) }</ul>
                    }
                    if unstated.is_some() { <p class="unstated">{ t(Key::AmountNotStated) }</p> }
                    <p class="why"><strong>{ t(Key::Why) }{ colon }</strong>{ why.clone() }</p>
                    // Why it is only likely, and what it is one or the other with.
                    { for checks.iter().map(|c| (*c).to_owned()).chain(either.clone()).map(|note| html! {
                        <p class="why-check">{ note }</p>
                    }) }
                    <p class="dept"><strong>{ t(Key::WhereToAsk) }{ colon }</strong>{ marked(lang, words::where_to_ask(lang, lead, partners, street)) }</p>
                    { for office::named_in(&offices, &words::ask_short(Lang::Zh, lead, partners, street)).into_iter().map(|of| html! {
                        <p class="office">{ marked(lang, words::office(lang, of)) }</p>
                    }) }
                    if !partners.is_empty() {
                        <p class="partners"><strong>{ t(Key::Partners) }{ colon }</strong>{ marked(lang, partners.iter().map(|d| words::department(lang, d)).collect::<Vec<_>>().join(lang.pick(("、", ", ")))) }</p>
                    }
                    <p class="deadline"><strong>{ t(Key::Deadline) }{ colon }</strong>{ words::deadline(lang, catalogue.year, deadline) }</p>
                    // The text itself is fetched when this opens (boot.js): most never open it.
                    <details class="source">
                        <summary>{ t(Key::Source) }</summary>
                        <blockquote lang="zh-CN">{ format!("{number}、") }{ fetched(number, "text") }</blockquote>
                    </details>
                </div>
            }
        })
    };

    html! {
        <li class="measure" data-item={e.item.to_string()} data-measure={e.measure.to_owned()} data-members={members}>
            <Fold summary={html! {
                <summary>
                    // How sure, first: ✓ or ?, the words for a screen reader (the legend above
                    // says them once on screen).
                    <span class="m-head">{ badge }<span class="m-title">{ title }
                        // On an English paper, the measure's Chinese name too: it is what the
                        // office knows it by.
                        if lang == Lang::En {
                            <span class="print-only m-zh" lang="zh-CN">{ words::measure_title(Lang::Zh, catalogue, e.item, e.measure) }</span>
                        }
                    </span></span>
                    <span class="m-rest">
                        <span class="m-facts">
                            if let Some(amount) = words::amount_short(lang, e) {
                                // "Amount not stated" is not money: not in money's green.
                                // Literal classes in two branches (a computed class brings
                                // yew's Classes set into the Wasm).
                                if e.money.is_empty() && e.ratios.is_empty() && !e.free {
                                    <span class="m-amount m-unstated">{ amount }</span>
                                } else {
                                    <span class="m-amount">{ amount }</span>
                                }
                            }
                        </span>
                        // Where this one is asked, where it is not where the rest are.
                        if let Some(ask) = own_ask {
                            <span class="m-ask">{ t(Key::WhereToAsk) }{ colon }{ marked(lang, ask) }</span>
                        }
                        // On paper, why, and what a likely line turns on.
                        <span class="print-only m-print">{ t(Key::Why) }{ colon }{ why }{ printed }</span>
                    </span>
                </summary>
            }} {body} />
        </li>
    }
}

/// A text the page does not carry, filled by boot.js from `texts-<hash>.json` when its fold first
/// shows it: the item's summary (`zh`, `en`) or its source text (`text`).
fn fetched(item: u8, field: &str) -> Html {
    html! { <span data-text={format!("{item}.{field}")}></span> }
}

/// Whose "why not" list: a member's, by position, or the household's.
#[derive(Clone, Copy)]
enum WhyNotOf {
    Member(usize),
    Household,
}

/// The measures that do not apply to `whose`, with the conditions not met.
fn not_applicable<'o>(o: &'o Outcome<'static>, whose: WhyNotOf) -> &'o [NotApplicable<'static>] {
    match whose {
        WhyNotOf::Member(i) => o
            .not_applicable
            .get(i)
            .map(Vec::as_slice)
            .unwrap_or_default(),
        WhyNotOf::Household => &o.household_not_applicable,
    }
}

/// What a person can never meet (an age band they have outgrown, the other sex), or not for
/// decades (more than `FAR_YEARS` ahead), is counted, not listed: the lines worth reading are not
/// buried under kindergartens for a grandfather, or pensions for a 4-year-old.
fn outgrown(na: &NotApplicable<'_>, member: Option<&Member>) -> bool {
    member.is_some_and(|m| na.unmet.iter().any(|c| c.beyond(m, FAR_YEARS)))
}

/// Why the other measures do not apply, folded under the ones that do: each measure with the
/// conditions not met, in words, written only when the fold first opens.
fn why_not(
    lang: Lang,
    catalogue: &'static Catalogue,
    heading: Key,
    o: &Rc<Outcome<'static>>,
    whose: WhyNotOf,
    member: Option<&Member>,
    name: &str,
) -> Html {
    let list = not_applicable(o, whose);
    if list.is_empty() {
        return Html::default();
    }
    let hidden = list.iter().filter(|na| outgrown(na, member)).count();
    let shown = list.len() - hidden;
    let body = {
        let (o, member) = (Rc::clone(o), member.cloned());
        Callback::from(move |()| {
            let member = member.as_ref();
            html! {
                <>
                <ul>{ for not_applicable(&o, whose).iter().filter(|na| !outgrown(na, member)).map(|na| {
                    let title = words::measure_title(lang, catalogue, na.item, na.measure);
                    html! { <li data-not-item={na.item.to_string()} data-not-measure={na.measure.to_owned()}>{ words::why_not(lang, &title, na, member) }</li> }
                }) }</ul>
                if hidden > 0 {
                    <p class="hint">{ words::fill(lang.pick(Key::OutgrownNote.pair()), &[("{}", &hidden.to_string())]) }</p>
                }
                </>
            }
        })
    };
    html! {
        <Fold why_not=true summary={html! { <summary><span class="sr">{ name }</span>{ words::fill(lang.pick(heading.pair()), &[("{}", &shown.to_string())]) }</summary> }} {body} />
    }
}

#[derive(Properties)]
struct FoldProps {
    /// The "why not" fold (its class), or a measure's.
    #[prop_or_default]
    why_not: bool,
    /// The `<summary>` element.
    summary: Html,
    /// Writes the body: called only while the fold is open.
    body: Callback<(), Html>,
}

/// The body is a new callback whenever the parent renders, so the props differ then however the
/// summary compares: comparing the summary's markup would only add code (yew's whole markup
/// comparison, 2 KB of Wasm).
impl PartialEq for FoldProps {
    fn eq(&self, other: &Self) -> bool {
        self.why_not == other.why_not && self.body == other.body
    }
}

/// A native `<details>` whose body is written and put into the page the first time it opens:
/// folded details cost neither DOM nor the work of their words until someone wants them (a
/// six-member household has hundreds), so the results appear sooner on a slow phone.
/// Keyboards and screen readers use it as any `<details>`.
#[component]
fn Fold(props: &FoldProps) -> Html {
    let opened = use_state(|| false);
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |_: Event| opened.set(true))
    };
    let inside = html! {
        <>
        { props.summary.clone() }
        if *opened { { props.body.emit(()) } }
        </>
    };
    // Literal classes in two branches (a computed class brings yew's Classes set).
    html! {
        if props.why_not {
            <details class="why-not" {ontoggle}>{ inside }</details>
        } else {
            <details {ontoggle}>{ inside }</details>
        }
    }
}
