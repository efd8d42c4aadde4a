//! Evaluation: a catalogue and a profile in, every applicable measure out.
//!
//! Evaluating a decoded profile cannot fail: every branch below is total. The result is data
//! (conditions met, answers that met them, enum values); words belong to the page's i18n layer.

use crate::model::catalogue::{
    Catalogue, CheckWhy, Condition, Everyone, Item, Measure, Money, MoneyKind, Period, Place,
    Ratio, Scope, Text,
};
use crate::model::choice::{
    Area, Disability, HouseholdKind, HousingFlag, Insurance, MemberFlag, Residency, Sex, Work,
};
use crate::model::profile::{Member, Profile, MAX_AGE};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// How many years ahead an age threshold may lie and still be worth telling about.
pub const NEAR_YEARS: u8 = 5;

/// An age threshold further ahead than this is counted among a page's why-nots, not listed:
/// what is listed is what one could act on.
pub const FAR_YEARS: u8 = 10;

/// Everything a profile is told.
///
/// The result types are declared here once; `codec::json_out` writes each (CONTRACT section 2)
/// by taking it apart field by field, so a field added here does not compile until it is
/// written there.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome<'a> {
    /// The catalogue's id.
    pub catalogue: &'a str,
    /// False when the household neither lives nor is registered in the district.
    pub covered: bool,
    /// Per member, in the profile's order: the measures that apply, in item order.
    pub members: Vec<Vec<Entry<'a>>>,
    /// The measures the household holds as a whole.
    pub household: Vec<Entry<'a>>,
    /// The items that serve everyone.
    pub everyone: Vec<u8>,
    /// Items part of which serves everyone, beside measures only some hold.
    pub everyone_part: Vec<u8>,
    /// The household's cash: all members' `cash` money.
    pub cash: Cash,
    /// Per member: that member's cash.
    pub member_cash: Vec<Cash>,
    /// Per member: what changing one answer would add or raise.
    pub near_misses: Vec<Vec<NearMiss<'a>>>,
    /// Per member: every measure the catalogue gives to a person that does not apply to
    /// them, with the conditions not met.
    pub not_applicable: Vec<Vec<NotApplicable<'a>>>,
    /// Every household measure that does not apply to the household, with the conditions
    /// not met.
    pub household_not_applicable: Vec<NotApplicable<'a>>,
}

impl<'a> Outcome<'a> {
    /// Every entry: each member's, then the household's.
    pub fn entries(&self) -> impl Iterator<Item = &Entry<'a>> {
        self.members.iter().flatten().chain(&self.household)
    }

    /// How many of the list's items help the household, each counted once though several
    /// members get it (a couple's 18 lines are 11 measures): any item number a list may use.
    pub fn items_found(&self) -> usize {
        // A bit for each item number (0 to 255).
        let mut seen = [0u64; 4];
        for e in self.entries() {
            seen[usize::from(e.item >> 6)] |= 1 << (e.item & 63);
        }
        seen.iter().map(|w| w.count_ones() as usize).sum()
    }
}

/// A measure that does not apply, and why: the conditions that were not met, in the
/// catalogue's own encoding (`{"age": {"min": 80}}`), so a page can say them in words.
#[derive(Clone, Debug, PartialEq)]
pub struct NotApplicable<'a> {
    pub item: u8,
    pub measure: &'a str,
    pub unmet: Vec<Cow<'a, Condition>>,
}

/// Cash per month and per year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cash {
    pub month: Decimal,
    /// 12 × the monthly cash, plus any yearly cash.
    pub year: Decimal,
}

/// How sure a result is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Certainty {
    /// The answers settle it.
    Eligible,
    /// Likely; the department confirms.
    Check,
}

/// One measure that applies.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry<'a> {
    pub item: u8,
    /// The measure's id (an item may have several).
    pub measure: &'a str,
    pub certainty: Certainty,
    /// Why it is only likely, for `check`.
    pub check: Option<CheckWhy>,
    /// A second reason it is only likely, from the answers (the measure's `likely`), where the
    /// measure is likely anyway: a 脱贫/监测户 household for item 13's quota (`check_also`).
    pub also: Option<CheckWhy>,
    pub money: &'a [Money],
    pub ratios: &'a [Ratio],
    /// Money of this kind is given, but the source states no amount.
    pub unstated: Option<MoneyKind>,
    pub free: bool,
    /// The measures this one is an alternative to that the same member (or the household) is
    /// given too: one or the other, never both, never added (item 31's two, for a woman of a
    /// 低保边缘 household).
    pub instead_of: Vec<&'a str>,
    /// Which answers met which conditions.
    pub reasons: Vec<Reason<'a>>,
    pub lead: &'a [String],
    pub partners: &'a [String],
    pub deadline: &'a str,
}

/// One condition met, and the answer that met it.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason<'a> {
    pub met: Cow<'a, Condition>,
    pub answer: Answer<'a>,
    /// Whose answer it is, from 0, in a household measure that some member qualifies for.
    pub member: Option<usize>,
}

/// An answer of the profile, as a reason cites it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer<'a> {
    Age(u8),
    Sex(Sex),
    Kind(HouseholdKind),
    Residency(Residency),
    Insurance(Insurance),
    Disability(Disability),
    Member(MemberFlag),
    Work(Work),
    Area(Area),
    /// The list's street (a result gives its key).
    Street(Named<'a>),
    /// The list's estate (a result gives its key).
    Community(Named<'a>),
    Housing(HousingFlag),
}

/// A street or estate of the list as an answer cites it: by its key in a result, by its name
/// in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Named<'a> {
    pub key: &'a str,
    pub name: &'a Text,
}

impl<'a> Named<'a> {
    pub fn of(key: &'a str, name: &'a Text) -> Self {
        Named { key, name }
    }
}

impl<'a> From<&'a Place> for Named<'a> {
    fn from(p: &'a Place) -> Named<'a> {
        Named::of(&p.key, &p.name)
    }
}

/// A measure one changed answer away.
#[derive(Clone, Debug, PartialEq)]
pub struct NearMiss<'a> {
    pub change: Change,
    pub item: u8,
    pub measure: &'a str,
    pub gain: Gain,
    /// As sure as the measure would then be: a near miss promises no more than the measure.
    pub certainty: Certainty,
    /// Why it would then be only likely.
    pub check: Option<CheckWhy>,
    /// What the measure would then give.
    pub money: &'a [Money],
    /// The measures it would be an alternative to (one or the other).
    pub instead_of: &'a [String],
}

/// The one answer that would change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// On reaching this age.
    Age { at: u8 },
    /// On joining this medical insurance.
    Insurance { to: Insurance },
}

/// What a near miss would bring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gain {
    /// A measure not held now.
    New,
    /// More money from a measure held now.
    More,
}

/// Evaluates a profile against a catalogue.
pub fn evaluate<'a>(catalogue: &'a Catalogue, profile: &Profile) -> Outcome<'a> {
    let covered = profile.residency != Residency::None;
    let mut outcome = Outcome {
        catalogue: &catalogue.id,
        covered,
        members: Vec::with_capacity(profile.members.len()),
        household: Vec::new(),
        everyone: Vec::new(),
        everyone_part: Vec::new(),
        cash: Cash::default(),
        member_cash: Vec::with_capacity(profile.members.len()),
        near_misses: Vec::with_capacity(profile.members.len()),
        not_applicable: Vec::with_capacity(profile.members.len()),
        household_not_applicable: Vec::new(),
    };
    if !covered {
        // Nothing applies to a household that neither lives nor is registered here: every
        // measure is unmet on residency alone.
        let outside = |scope: Scope| -> Vec<NotApplicable<'a>> {
            measures(catalogue, scope)
                .map(|(item, measure)| NotApplicable {
                    item: item.item,
                    measure: &measure.id,
                    unmet: vec![Cow::Owned(Condition::Residency {
                        any_of: vec![Residency::Hukou, Residency::Resident],
                    })],
                })
                .collect()
        };
        outcome.members = vec![Vec::new(); profile.members.len()];
        outcome.member_cash = vec![Cash::default(); profile.members.len()];
        outcome.near_misses = vec![Vec::new(); profile.members.len()];
        outcome.not_applicable = vec![outside(Scope::Member); profile.members.len()];
        outcome.household_not_applicable = outside(Scope::Household);
        return outcome;
    }
    for item in &catalogue.items {
        match item.everyone {
            Some(Everyone::Whole) => outcome.everyone.push(item.item),
            Some(Everyone::Part) => outcome.everyone_part.push(item.item),
            None => {}
        }
    }
    let mut scratch = Vec::new();
    (outcome.household, outcome.household_not_applicable) =
        sort_out(catalogue, profile, None, &mut scratch);
    let thresholds = age_thresholds(catalogue);
    for member in &profile.members {
        let (held, not) = sort_out(catalogue, profile, Some(member), &mut scratch);
        outcome.not_applicable.push(not);
        let cash = cash_of(&held);
        outcome.cash.month += cash.month;
        outcome.cash.year += cash.year;
        outcome
            .near_misses
            .push(near_misses(catalogue, profile, member, &held, &thresholds));
        outcome.member_cash.push(cash);
        outcome.members.push(held);
    }
    outcome
}

/// Every measure of one scope, in item order.
fn measures<'a>(
    catalogue: &'a Catalogue,
    scope: Scope,
) -> impl Iterator<Item = (&'a Item, &'a Measure)> + 'a {
    catalogue.items.iter().flat_map(move |item| {
        item.measures
            .iter()
            .filter(move |m| m.scope == scope)
            .map(move |m| (item, m))
    })
}

fn scope_of(member: Option<&Member>) -> Scope {
    if member.is_some() {
        Scope::Member
    } else {
        Scope::Household
    }
}

/// The measures of one scope — the household's (`member` None) or one member's — in one pass:
/// those that apply, and those that do not with the conditions not met.
fn sort_out<'a>(
    catalogue: &'a Catalogue,
    profile: &Profile,
    member: Option<&Member>,
    scratch: &mut Vec<Reason<'a>>,
) -> (Vec<Entry<'a>>, Vec<NotApplicable<'a>>) {
    let (mut held, mut not) = (Vec::new(), Vec::new());
    for (item, measure) in measures(catalogue, scope_of(member)) {
        match entry(item, measure, profile, member) {
            Some(e) => held.push(e),
            None => not.push(NotApplicable {
                item: item.item,
                measure: &measure.id,
                unmet: unmet(measure, profile, member, scratch),
            }),
        }
    }
    // An alternative is said only where both are given: "one or the other" of a measure one
    // does not hold would read as a choice one does not have.
    let ids: Vec<&str> = held.iter().map(|e| e.measure).collect();
    for e in &mut held {
        e.instead_of.retain(|id| ids.contains(id));
    }
    (held, not)
}

/// Why a measure that does not apply does not: its unmet conditions, or, where they all hold,
/// the first bracket of its age scale (the member is below it).
fn unmet<'a>(
    measure: &'a Measure,
    profile: &Profile,
    member: Option<&Member>,
    scratch: &mut Vec<Reason<'a>>,
) -> Vec<Cow<'a, Condition>> {
    let mut out = Vec::new();
    unmet_of(&measure.when, profile, member, scratch, &mut out);
    if out.is_empty() {
        out.push(Cow::Owned(Condition::Age {
            min: measure
                .scale
                .as_ref()
                .and_then(|s| s.brackets.first())
                .map(|b| b.from),
            max: None,
        }));
    }
    out
}

/// The conditions of `condition` that do not hold: the failing leaves of an `all_of`, an
/// `any_of` whole when none of its branches holds.
fn unmet_of<'a>(
    condition: &'a Condition,
    profile: &Profile,
    member: Option<&Member>,
    scratch: &mut Vec<Reason<'a>>,
    out: &mut Vec<Cow<'a, Condition>>,
) {
    match condition {
        Condition::AllOf(of) => {
            for c in of {
                unmet_of(c, profile, member, scratch, out);
            }
        }
        // Every other kind by name, so a new one is placed here, not slipped past.
        Condition::AnyOf(_)
        | Condition::AnyMember(_)
        | Condition::Age { .. }
        | Condition::Sex { .. }
        | Condition::Household { .. }
        | Condition::Residency { .. }
        | Condition::Insurance { .. }
        | Condition::Disability { .. }
        | Condition::Member { .. }
        | Condition::Work { .. }
        | Condition::Area { .. }
        | Condition::Street { .. }
        | Condition::Community { .. }
        | Condition::Housing { .. } => {
            scratch.clear();
            if !met(condition, profile, member, scratch) {
                out.push(Cow::Borrowed(condition));
            }
        }
    }
}

fn entry<'a>(
    item: &'a Item,
    measure: &'a Measure,
    profile: &Profile,
    member: Option<&Member>,
) -> Option<Entry<'a>> {
    let mut reasons = Vec::new();
    let money = applies(measure, profile, member, &mut reasons)?;
    // An answer of "not sure" that met a condition: it holds only if the answer is yes.
    let unsure = reasons
        .iter()
        .any(|r| r.answer == Answer::Insurance(Insurance::Unsure))
        .then_some(CheckWhy::Unsure);
    // What these answers leave open (a word the source does not define, a registration
    // elsewhere): the reasons of these conditions are not the measure's, so they go nowhere.
    let holds = |c: &'a Condition| met(c, profile, member, &mut Vec::new());
    let open = unsure.or_else(|| {
        measure
            .likely
            .iter()
            .find(|l| holds(&l.when) && !l.unless.as_ref().is_some_and(holds))
            .map(|l| l.why)
    });
    let check = measure.check.or(open);
    Some(Entry {
        item: item.item,
        measure: &measure.id,
        certainty: if check.is_some() {
            Certainty::Check
        } else {
            Certainty::Eligible
        },
        check,
        also: measure.check.and(open),
        money,
        ratios: &measure.ratios,
        unstated: measure.unstated,
        free: measure.free,
        instead_of: measure.instead_of.iter().map(String::as_str).collect(),
        reasons,
        lead: &item.lead,
        partners: &item.partners,
        deadline: &item.deadline,
    })
}

/// Whether a measure applies, and the money it then gives; the reasons go into `reasons`.
fn applies<'a>(
    measure: &'a Measure,
    profile: &Profile,
    member: Option<&Member>,
    reasons: &mut Vec<Reason<'a>>,
) -> Option<&'a [Money]> {
    if !met(&measure.when, profile, member, reasons) {
        return None;
    }
    match &measure.scale {
        None => Some(&measure.money),
        Some(scale) => {
            let age = member?.age;
            let (bracket, next) = scale.bracket(age)?;
            reasons.push(Reason {
                met: Cow::Owned(Condition::Age {
                    min: Some(bracket.from),
                    max: next.map(|n| n - 1),
                }),
                answer: Answer::Age(age),
                member: None,
            });
            Some(&bracket.money)
        }
    }
}

/// The place of `any_of` that the profile's answer (a key) names.
fn named<'a>(any_of: &'a [Place], given: &Option<String>) -> Option<Named<'a>> {
    let given = given.as_deref()?;
    any_of.iter().find(|p| p.key == given).map(Named::from)
}

/// Whether a condition holds; the leaves that met it, with their answers, go into `reasons`
/// (nothing is left there from a branch that failed).
fn met<'a>(
    condition: &'a Condition,
    profile: &Profile,
    member: Option<&Member>,
    reasons: &mut Vec<Reason<'a>>,
) -> bool {
    let mut leaf = |holds: bool, answer: Answer<'a>| {
        if holds {
            reasons.push(Reason {
                met: Cow::Borrowed(condition),
                answer,
                member: None,
            });
        }
        holds
    };
    match (condition, member) {
        (Condition::Age { min, max }, Some(m)) => leaf(
            min.is_none_or(|v| m.age >= v) && max.is_none_or(|v| m.age <= v),
            Answer::Age(m.age),
        ),
        (Condition::Sex { is }, Some(m)) => leaf(m.sex == *is, Answer::Sex(m.sex)),
        (Condition::Insurance { any_of }, Some(m)) => {
            // "Not sure" meets a condition that some insurance meets; the entry is then only
            // likely (`CheckWhy::Unsure`), never refused: not sure is not "none".
            let insured = |i: &Insurance| !matches!(i, Insurance::None | Insurance::Unsure);
            leaf(
                any_of.contains(&m.insurance)
                    || (m.insurance == Insurance::Unsure && any_of.iter().any(insured)),
                Answer::Insurance(m.insurance),
            )
        }
        (Condition::Disability { any_of }, Some(m)) => {
            if any_of.contains(&m.disability) {
                leaf(true, Answer::Disability(m.disability))
            } else {
                // A severe disability is a disability, of a kind the answers leave unstated:
                // it meets a condition that takes any kind, never one that names kinds.
                let any_kind = Disability::ALL
                    .iter()
                    .filter(|d| **d != Disability::None)
                    .all(|d| any_of.contains(d));
                let unstated =
                    m.disability == Disability::None && m.flag(MemberFlag::SevereDisability);
                leaf(
                    any_kind && unstated,
                    Answer::Member(MemberFlag::SevereDisability),
                )
            }
        }
        (Condition::Member { flag }, Some(m)) => leaf(m.flag(*flag), Answer::Member(*flag)),
        (Condition::Work { any_of }, Some(m)) => {
            leaf(any_of.contains(&m.work), Answer::Work(m.work))
        }
        (
            Condition::Age { .. }
            | Condition::Sex { .. }
            | Condition::Insurance { .. }
            | Condition::Disability { .. }
            | Condition::Member { .. }
            | Condition::Work { .. },
            None,
        ) => false,
        (Condition::Household { any_of }, _) => {
            leaf(any_of.contains(&profile.kind), Answer::Kind(profile.kind))
        }
        (Condition::Residency { any_of }, _) => leaf(
            any_of.contains(&profile.residency),
            Answer::Residency(profile.residency),
        ),
        (Condition::Area { is }, _) => leaf(profile.area == *is, Answer::Area(profile.area)),
        // Met by the place the profile names; the reason cites it as the list names it.
        (Condition::Street { any_of }, _) => match named(any_of, &profile.street) {
            Some(p) => leaf(true, Answer::Street(p)),
            None => false,
        },
        (Condition::Community { any_of }, _) => match named(any_of, &profile.community) {
            Some(p) => leaf(true, Answer::Community(p)),
            None => false,
        },
        (Condition::Housing { flag }, _) => leaf(profile.housing(*flag), Answer::Housing(*flag)),
        (Condition::AllOf(of), _) => {
            let before = reasons.len();
            let all = of.iter().all(|c| met(c, profile, member, reasons));
            if !all {
                reasons.truncate(before);
            }
            all
        }
        (Condition::AnyMember(inner), _) => {
            // Every member who qualifies is named, not only the first.
            let mut any = false;
            for (i, m) in profile.members.iter().enumerate() {
                let before = reasons.len();
                if met(inner, profile, Some(m), reasons) {
                    any = true;
                    for r in &mut reasons[before..] {
                        r.member = Some(i);
                    }
                } else {
                    reasons.truncate(before);
                }
            }
            any
        }
        (Condition::AnyOf(of), _) => of.iter().any(|c| {
            let before = reasons.len();
            let holds = met(c, profile, member, reasons);
            if !holds {
                reasons.truncate(before);
            }
            holds
        }),
    }
}

/// Cash added up period by period: the one place amounts are summed, so a yearly amount is never
/// counted as a monthly one (a near miss once said "¥10 a month" of ¥10 a year).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CashSum {
    pub month: Decimal,
    pub year: Decimal,
    pub once: Decimal,
}

impl CashSum {
    /// The cash among `money` (premiums and subsidies are not cash in hand), by period.
    pub fn of<'m>(money: impl IntoIterator<Item = &'m Money>) -> Self {
        let mut sum = CashSum::default();
        for m in money.into_iter().filter(|m| m.kind == MoneyKind::Cash) {
            match m.period {
                Period::Month => sum.month += m.amount,
                Period::Year => sum.year += m.amount,
                Period::Once => sum.once += m.amount,
            }
        }
        sum
    }

    /// A year's cash: twelve months and the yearly amounts (one-off payments left out).
    pub fn yearly(&self) -> Decimal {
        // Twelve months added, not multiplied: `+=` is the page's one Decimal operation (each
        // of `+` and `*` is another 1.3–1.7 KB of Wasm).
        let mut year = self.year;
        for _ in 0..12 {
            year += self.month;
        }
        year
    }

    /// The cash of one period.
    pub fn of_period(&self, period: Period) -> Decimal {
        match period {
            Period::Month => self.month,
            Period::Year => self.year,
            Period::Once => self.once,
        }
    }

    /// What the cash is worth over a year, one-off payments included: for ordering measures
    /// and for telling a bracket that pays more.
    pub fn worth(&self) -> Decimal {
        let mut worth = self.yearly();
        worth += self.once;
        worth
    }
}

fn cash_of(entries: &[Entry<'_>]) -> Cash {
    let sum = CashSum::of(entries.iter().flat_map(|e| e.money));
    Cash {
        month: sum.month,
        year: sum.yearly(),
    }
}

/// Every age at which some member measure starts, stops or changes bracket, ascending.
fn age_thresholds(catalogue: &Catalogue) -> Vec<u8> {
    let mut thresholds = [false; 256];
    for measure in catalogue
        .items
        .iter()
        .flat_map(|i| &i.measures)
        .filter(|m| m.scope == Scope::Member)
    {
        measure.when.age_thresholds(&mut thresholds);
        if let Some(scale) = &measure.scale {
            for b in &scale.brackets {
                thresholds[usize::from(b.from)] = true;
            }
        }
    }
    (0..=u8::MAX)
        .filter(|a| thresholds[usize::from(*a)])
        .collect()
}

/// What one changed answer would add or raise for this member: the nearest age threshold
/// (within `NEAR_YEARS`) that brings something, and joining resident medical insurance.
fn near_misses<'a>(
    catalogue: &'a Catalogue,
    profile: &Profile,
    member: &Member,
    held: &[Entry<'a>],
    thresholds: &[u8],
) -> Vec<NearMiss<'a>> {
    let horizon = member.age.saturating_add(NEAR_YEARS).min(MAX_AGE);
    let mut out = Vec::new();
    for &at in thresholds
        .iter()
        .filter(|t| **t > member.age && **t <= horizon)
    {
        let older = Member {
            age: at,
            ..member.clone()
        };
        let gains = gains(catalogue, profile, &older, held, Change::Age { at });
        if !gains.is_empty() {
            out.extend(gains);
            break;
        }
    }
    if member.insurance == Insurance::None {
        // 特困 and 低保 members join the resident scheme with the contribution waived
        // (免缴费特殊群体): the tip names the scheme they would join.
        let to = match profile.kind {
            HouseholdKind::MinimumLiving
            | HouseholdKind::ExtremePovertyDispersed
            | HouseholdKind::ExtremePovertyCentralized => Insurance::ResidentExempt,
            _ => Insurance::Resident,
        };
        let insured = Member {
            insurance: to,
            ..member.clone()
        };
        out.extend(gains(
            catalogue,
            profile,
            &insured,
            held,
            Change::Insurance { to },
        ));
    }
    out
}

fn gains<'a>(
    catalogue: &'a Catalogue,
    profile: &Profile,
    changed: &Member,
    held: &[Entry<'a>],
    change: Change,
) -> Vec<NearMiss<'a>> {
    let mut out = Vec::new();
    for item in &catalogue.items {
        for measure in item.measures.iter().filter(|m| m.scope == Scope::Member) {
            // The whole entry the member would then hold, so the near miss is as sure as it.
            let Some(then) = entry(item, measure, profile, Some(changed)) else {
                continue;
            };
            let gain = match held.iter().find(|h| h.measure == measure.id) {
                None => Gain::New,
                Some(h) if CashSum::of(then.money).worth() > CashSum::of(h.money).worth() => {
                    Gain::More
                }
                Some(_) => continue,
            };
            out.push(NearMiss {
                change,
                item: item.item,
                measure: &measure.id,
                gain,
                certainty: then.certainty,
                check: then.check,
                money: then.money,
                instead_of: &measure.instead_of,
            });
        }
    }
    out
}
