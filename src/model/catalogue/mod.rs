//! A year's list of measures as data: items, their source text, and the rules that say who
//! holds each measure and what it gives.
//!
//! The *kinds* of condition are a closed enum here; every threshold, amount and set of values
//! lives in the catalogue file. The engine reads nothing else, so a new year's list is a new
//! file, not new code.

use crate::model::choice::choice;
use crate::model::choice::{
    Area, Disability, HouseholdKind, HousingFlag, Insurance, MemberFlag, Residency, Sex, Work,
};
use crate::model::fault::Fault;
use crate::model::profile::Member;
use rust_decimal::Decimal;
use serde::Serialize;

mod validate;

/// A year's list of livelihood measures.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Deserialize),
    serde(deny_unknown_fields)
)]
pub struct Catalogue {
    /// A stable name such as `jining-hitech-2022`, echoed in every result.
    pub id: String,
    /// The year the list is for.
    pub year: u16,
    /// The list's own name, in both languages.
    pub name: Text,
    /// The district the list is for, as the page names it ("济宁高新区"): the page's title,
    /// greeting and disclaimer say it, never the code.
    pub district: Text,
    /// The file in `seeds/` this catalogue was read from.
    pub source: String,
    /// The district's streets (街道): the profile's `street` is one of their keys.
    pub streets: Vec<Street>,
    /// The housing estates the list names: the profile's `community` is one of their keys.
    pub estates: Vec<Estate>,
    /// The programme headings (一 … 十五) the items sit under.
    pub programmes: Vec<Programme>,
    /// The items, in the source's order.
    pub items: Vec<Item>,
}

/// A text in Chinese and English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Deserialize),
    serde(deny_unknown_fields)
)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

/// A street (街道) of the district.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Deserialize),
    serde(deny_unknown_fields)
)]
pub struct Street {
    /// Its name in a profile, a link and a condition (`guanghe`).
    pub key: String,
    /// Its name as the page says it: `洸河街道`, `Guanghe`.
    pub name: Text,
}

/// A housing estate (小区) the list names, and the street it lies in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Deserialize),
    serde(deny_unknown_fields)
)]
pub struct Estate {
    /// Its name in a profile, a link and a condition (`keyuan`).
    pub key: String,
    pub name: Text,
    /// The key of the street it lies in: a profile giving another street is refused.
    pub street: String,
    /// An old estate (老旧小区) by the source's own words: the form shows the home's "old
    /// estate" answer ticked for it instead of asking twice (a test holds it to the list's
    /// conditions).
    pub old: bool,
}

/// A street or estate as a condition names it: its key in the list, and its name, filled in
/// from the list's `streets` or `estates` once the list is read (`Catalogue::name_places`), so
/// a reason and a "why not" say it without the list at hand. In the file and in a result it is
/// its key alone (`"wangyin"`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub key: String,
    pub name: Text,
}

impl Serialize for Place {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.key)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl<'de> serde::Deserialize<'de> for Place {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(|key| Place {
            key,
            name: Text::default(),
        })
    }
}

/// A programme heading of the source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Deserialize),
    serde(deny_unknown_fields)
)]
pub struct Programme {
    /// 1 for 一, 15 for 十五.
    pub number: u8,
    /// The heading as the source writes it, verbatim.
    pub title: String,
    /// The heading in plain English.
    pub en: String,
    /// The picture its items are shown with, by name: one of `ICONS`.
    pub icon: String,
}

/// The pictures a programme may be shown with, by name: the page's stylesheet draws each
/// (`[data-icon="home"]::before`, checked by a test), so a list picks its programmes' pictures
/// as data. `dot` is a plain mark, for a programme no picture fits.
pub const ICONS: &[&str] = &[
    "dot",
    "home",
    "shield",
    "globe",
    "book",
    "heart",
    "cross",
    "card",
    "umbrella",
    "bin",
    "briefcase",
    "vehicle",
    "pill",
    "women",
    "flame",
    "tree",
];

/// One numbered item (序号) of the source.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Deserialize),
    serde(deny_unknown_fields)
)]
pub struct Item {
    /// The source's 序号.
    pub item: u8,
    /// The number of the programme heading it sits under.
    pub programme: u8,
    /// A short title.
    pub title: Text,
    /// What it means for a resident, in words a 75-year-old understands.
    pub summary: Text,
    /// The item's passage, copied verbatim from the source (without its `N、` number). The
    /// page's packed copy leaves it out, with the deadline and departments, for an item with no
    /// measures: the page shows such an item by its title and summary alone.
    pub text: String,
    /// 完成期限, as the source writes it.
    pub deadline: String,
    /// 主办单位, split on 、.
    pub lead: Vec<String>,
    /// 协办单位, split on 、.
    pub partners: Vec<String>,
    /// Set where the source leaves this item's department cells merged with an earlier item's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shares_cells_with: Option<u8>,
    /// Whether the item serves every resident (wholly or in part).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub everyone: Option<Everyone>,
    /// The measures a person or household can hold under this item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
}

choice!(
    /// How much of an item serves every resident.
    Everyone {
        /// The whole item (parks, toilets…).
        Whole = "whole",
        /// A part of it, beside measures that only some hold.
        Part = "part",
    }
);

choice!(
    /// Whether a measure is held by a member or by the household.
    Scope {
        Member = "member",
        Household = "household",
    }
);

choice!(
    /// Why an answer that meets the conditions is still only "likely".
    CheckWhy {
        /// The source says 符合条件 without listing the conditions.
        Conditions = "conditions",
        /// The source names a quota or a number of places.
        Quota = "quota",
        /// The measure is applied for, and the department decides.
        Application = "application",
        /// The source promises it to some (406 classrooms, 7 canteens), not to everyone of
        /// that age.
        Part = "part",
        /// The source leaves a word undefined (经济困难, 贫困家庭), and the answers may or may
        /// not fall under it: the department decides.
        Open = "open",
        /// The person is registered elsewhere, and the source states no residency rule for a
        /// benefit ordinarily given where one is registered or insured.
        Elsewhere = "elsewhere",
        /// For a household facing a sudden hardship, on application (急难救助).
        Hardship = "hardship",
        /// The resident answered "not sure" to what the measure asks (不清楚: is this member
        /// insured?): it holds if the answer is yes.
        Unsure = "unsure",
    }
);

/// One thing a member or household can hold under an item.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Deserialize),
    serde(deny_unknown_fields)
)]
pub struct Measure {
    /// Unique in the catalogue: the item number, with a letter where an item has several.
    pub id: String,
    /// Held per member or per household.
    pub scope: Scope,
    /// A title for this part, where the item has several measures. It stands alone on the
    /// measure's line (the item's title is in its details), so it says what it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// Who holds it.
    pub when: Condition,
    /// Absent: the answers settle it. Present: likely, the department confirms, and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<CheckWhy>,
    /// Answers under which the measure, where it applies, is only likely, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub likely: Vec<Likely>,
    /// Fixed amounts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub money: Vec<Money>,
    /// Amounts that depend on age, bracket by bracket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
    /// Reimbursement ratios.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ratios: Vec<Ratio>,
    /// Money of this kind is given, but the source states no amount.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unstated: Option<MoneyKind>,
    /// The source says the service is free.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub free: bool,
    /// The measures of the same item this one is an alternative to: one or the other, never
    /// both ("其他…的": item 31's full premium for women of poor households, ¥20 for other
    /// women). A page says so and never adds them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instead_of: Vec<String>,
    /// How each open term of the source was read, citing the rule of reading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reading: Vec<String>,
}

/// Answers under which a measure that applies is only likely: `{"when": {"residency":
/// {"any_of": ["resident"]}}, "why": "elsewhere"}`, unless `unless` holds as well.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Deserialize),
    serde(deny_unknown_fields)
)]
pub struct Likely {
    pub when: Condition,
    /// Not where this holds too (the answer already settles it: a child marked as an orphan
    /// or child in difficulty is 孤困儿童 by her own answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unless: Option<Condition>,
    pub why: CheckWhy,
}

/// An amount of money, who pays it and how often.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Deserialize),
    serde(deny_unknown_fields)
)]
pub struct Money {
    #[serde(with = "rust_decimal::serde::str")]
    pub amount: Decimal,
    pub period: Period,
    pub payer: Payer,
    pub kind: MoneyKind,
}

choice!(
    /// How often an amount is paid.
    Period {
        Month = "month",
        Year = "year",
        Once = "once",
    }
);

choice!(
    /// Who pays.
    Payer {
        /// 上级: the city, province or state.
        Upper = "upper",
        /// 区级: the district.
        District = "district",
        /// The government, level not stated.
        Government = "government",
    }
);

choice!(
    /// What the money is.
    MoneyKind {
        /// Paid to the person.
        Cash = "cash",
        /// An insurance premium paid for them.
        Premium = "premium",
        /// Paid towards something they buy.
        Subsidy = "subsidy",
    }
);

/// Amounts by age bracket: each bracket from its inclusive lower threshold up to the next's,
/// nothing below the first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Deserialize),
    serde(deny_unknown_fields)
)]
pub struct Scale {
    pub brackets: Vec<Bracket>,
}

/// One age bracket of a scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Deserialize),
    serde(deny_unknown_fields)
)]
pub struct Bracket {
    /// The youngest age in the bracket (inclusive).
    pub from: u8,
    /// The total the source states for the bracket; the parts must add up to it.
    #[serde(with = "rust_decimal::serde::str")]
    pub total: Decimal,
    /// The parts, by payer.
    pub money: Vec<Money>,
}

/// A reimbursement ratio before and after the measure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Deserialize),
    serde(deny_unknown_fields)
)]
pub struct Ratio {
    pub hospital_level: u8,
    #[serde(with = "rust_decimal::serde::str")]
    pub before: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub after: Decimal,
}

/// Who holds a measure: a closed set of condition kinds, their values as data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(serde::Deserialize),
    serde(deny_unknown_fields)
)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// The member's age is within `min..=max` (either end open).
    Age {
        #[serde(skip_serializing_if = "Option::is_none")]
        min: Option<u8>,
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<u8>,
    },
    /// The member's sex.
    Sex { is: Sex },
    /// The household's standing in social assistance is one of these.
    Household { any_of: Vec<HouseholdKind> },
    /// The household's residency is one of these.
    Residency { any_of: Vec<Residency> },
    /// The member's medical insurance is one of these.
    Insurance { any_of: Vec<Insurance> },
    /// The member's disability is one of these.
    Disability { any_of: Vec<Disability> },
    /// A yes/no fact about the member is yes.
    Member { flag: MemberFlag },
    /// The member's work is one of these.
    Work { any_of: Vec<Work> },
    /// The household is in a town or a village.
    Area { is: Area },
    /// The household is in one of these streets (by the list's keys).
    Street { any_of: Vec<Place> },
    /// The household is in one of these estates (by the list's keys).
    Community { any_of: Vec<Place> },
    /// A yes/no fact about the home is yes.
    Housing { flag: HousingFlag },
    /// Every one of these holds.
    AllOf(Vec<Condition>),
    /// At least one of these holds.
    AnyOf(Vec<Condition>),
    /// Some member of the household meets this (in a household measure: one home, one
    /// adaptation, whoever in it qualifies).
    AnyMember(Box<Condition>),
}

impl Condition {
    /// Whether the condition asks about a member (and so cannot stand in a household measure).
    pub fn is_about_member(&self) -> bool {
        match self {
            Condition::Age { .. }
            | Condition::Sex { .. }
            | Condition::Insurance { .. }
            | Condition::Disability { .. }
            | Condition::Member { .. }
            | Condition::Work { .. } => true,
            Condition::Household { .. }
            | Condition::Residency { .. }
            | Condition::Area { .. }
            | Condition::Street { .. }
            | Condition::Community { .. }
            | Condition::Housing { .. }
            | Condition::AnyMember(_) => false,
            Condition::AllOf(of) | Condition::AnyOf(of) => {
                of.iter().any(Condition::is_about_member)
            }
        }
    }

    /// Whether the member can never meet this (an age band outgrown — ages only grow — or the
    /// other sex), or not within `years` (an age band further ahead: a pension-age measure for
    /// a 4-year-old) — through "and" (one such part is enough) and "or" (every branch must be
    /// such).
    pub fn beyond(&self, member: &Member, years: u8) -> bool {
        match self {
            Condition::Age { min, max } => {
                max.is_some_and(|b| member.age > b)
                    || min.is_some_and(|a| a > member.age.saturating_add(years))
            }
            Condition::Sex { is } => member.sex != *is,
            Condition::AllOf(of) => of.iter().any(|c| c.beyond(member, years)),
            Condition::AnyOf(of) => of.iter().all(|c| c.beyond(member, years)),
            // Answers that can change at any age; another member's.
            Condition::AnyMember(_)
            | Condition::Household { .. }
            | Condition::Residency { .. }
            | Condition::Insurance { .. }
            | Condition::Disability { .. }
            | Condition::Member { .. }
            | Condition::Work { .. }
            | Condition::Area { .. }
            | Condition::Street { .. }
            | Condition::Community { .. }
            | Condition::Housing { .. } => false,
        }
    }

    /// Whether no change of answers can bring this member to meet the condition.
    pub fn out_of_reach(&self, member: &Member) -> bool {
        self.beyond(member, u8::MAX)
    }

    /// Marks every age at which the condition's answer can change: each `min`, and each
    /// `max + 1` (a table indexed by age: a few ages, no set needed).
    pub fn age_thresholds(&self, out: &mut [bool; 256]) {
        match self {
            Condition::Age { min, max } => {
                for age in min.iter().chain(&max.and_then(|m| m.checked_add(1))) {
                    out[usize::from(*age)] = true;
                }
            }
            Condition::AllOf(of) | Condition::AnyOf(of) => {
                of.iter().for_each(|c| c.age_thresholds(out))
            }
            // No age in these; `any_member` stands only in household measures (`validate`), which
            // are nobody's near misses.
            Condition::AnyMember(_)
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
            | Condition::Housing { .. } => {}
        }
    }
}

impl Catalogue {
    /// The items that serve everyone — wholly, then in part — as a result lists them; what a
    /// page can show before anyone has answered.
    pub fn everyone_items(&self) -> Vec<u8> {
        let pick = |kind: Everyone| {
            self.items
                .iter()
                .filter(move |i| i.everyone == Some(kind))
                .map(|i| i.item)
        };
        pick(Everyone::Whole).chain(pick(Everyone::Part)).collect()
    }

    /// The item with this 序号.
    pub fn item(&self, number: u8) -> Option<&Item> {
        self.items.iter().find(|i| i.item == number)
    }

    /// The street with this key.
    pub fn street(&self, key: &str) -> Option<&Street> {
        self.streets.iter().find(|s| s.key == key)
    }

    /// The estate with this key.
    pub fn estate(&self, key: &str) -> Option<&Estate> {
        self.estates.iter().find(|e| e.key == key)
    }

    /// The estates a household can live in on `street`: every one while no street is chosen,
    /// none on a street where the list names none.
    pub fn estates_on<'c, 's>(
        &'c self,
        street: Option<&'s str>,
    ) -> impl Iterator<Item = &'c Estate> + use<'c, 's> {
        self.estates
            .iter()
            .filter(move |e| street.is_none_or(|s| e.street == s))
    }

    /// Gives every street and estate a condition names its name from the list, so a reason
    /// says it without the list at hand; one the list does not have is refused, naming the
    /// measure's field. (The same walk does both: what it names is what it checks.)
    pub fn name_places(&mut self) -> Result<(), Fault> {
        /// Names the places of `c`; the first one not listed, said as a problem.
        fn walk(c: &mut Condition, streets: &[Street], estates: &[Estate]) -> Result<(), String> {
            match c {
                Condition::Street { any_of } => {
                    for p in any_of {
                        let s = streets.iter().find(|s| s.key == p.key).ok_or_else(|| {
                            format!("names street `{}`, which is not listed", p.key)
                        })?;
                        p.name = s.name.clone();
                    }
                }
                Condition::Community { any_of } => {
                    for p in any_of {
                        let e = estates.iter().find(|e| e.key == p.key).ok_or_else(|| {
                            format!("names estate `{}`, which is not listed", p.key)
                        })?;
                        p.name = e.name.clone();
                    }
                }
                Condition::AllOf(of) | Condition::AnyOf(of) => {
                    for c in of {
                        walk(c, streets, estates)?;
                    }
                }
                Condition::AnyMember(c) => walk(c, streets, estates)?,
                Condition::Age { .. }
                | Condition::Sex { .. }
                | Condition::Household { .. }
                | Condition::Residency { .. }
                | Condition::Insurance { .. }
                | Condition::Disability { .. }
                | Condition::Member { .. }
                | Condition::Work { .. }
                | Condition::Area { .. }
                | Condition::Housing { .. } => {}
            }
            Ok(())
        }
        let (streets, estates) = (&self.streets, &self.estates);
        for (i, item) in self.items.iter_mut().enumerate() {
            let number = item.item;
            for (m, measure) in item.measures.iter_mut().enumerate() {
                let at = |field: &str, problem| Fault {
                    item: Some(number),
                    field: format!("items[{i}].measures[{m}].{field}"),
                    problem,
                };
                walk(&mut measure.when, streets, estates).map_err(|p| at("when", p))?;
                for (k, l) in measure.likely.iter_mut().enumerate() {
                    walk(&mut l.when, streets, estates)
                        .map_err(|p| at(&format!("likely[{k}].when"), p))?;
                    if let Some(u) = l.unless.as_mut() {
                        walk(u, streets, estates)
                            .map_err(|p| at(&format!("likely[{k}].unless"), p))?;
                    }
                }
            }
        }
        Ok(())
    }

    /// The programme heading with this number.
    pub fn programme(&self, number: u8) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.number == number)
    }

    /// The picture of the programme with this number (`dot` where none is listed).
    pub fn icon(&self, programme: u8) -> &str {
        self.programme(programme).map_or("dot", |p| p.icon.as_str())
    }
}

impl Scale {
    /// The bracket an age falls in, with the next bracket's threshold (its exclusive end).
    pub fn bracket(&self, age: u8) -> Option<(&Bracket, Option<u8>)> {
        let i = self.brackets.iter().rposition(|b| age >= b.from)?;
        Some((&self.brackets[i], self.brackets.get(i + 1).map(|b| b.from)))
    }
}
