//! A year's list of measures as data: items, their source text, and the rules that say who
//! holds each measure and what it gives.
//!
//! The *kinds* of condition are a closed enum here; every threshold, amount and set of values
//! lives in the catalogue file. The engine reads nothing else, so a new year's list is a new
//! file, not new code.

use crate::choice::choice;
use crate::choice::{
    Area, Community, Disability, HouseholdKind, HousingFlag, Insurance, MemberFlag, Residency, Sex,
    Street, Work,
};
use crate::json::{self, fault, Fault, Obj};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;
use std::sync::OnceLock;

/// The catalogue compiled into the app and the command line: the 2022 list.
pub const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.json"));

/// A year's list of livelihood measures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Catalogue {
    /// A stable name such as `jining-hitech-2022`, echoed in every result.
    pub id: String,
    /// The year the list is for.
    pub year: u16,
    /// The list's own name, in both languages.
    pub name: Text,
    /// The file in `seeds/` this catalogue was read from.
    pub source: String,
    /// The programme headings (一 … 十五) the items sit under.
    pub programmes: Vec<Programme>,
    /// The items, in the source's order.
    pub items: Vec<Item>,
}

/// A text in Chinese and English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

/// A programme heading of the source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Programme {
    /// 1 for 一, 15 for 十五.
    pub number: u8,
    /// The heading as the source writes it, verbatim.
    pub title: String,
    /// The heading in plain English.
    pub en: String,
}

/// One numbered item (序号) of the source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Item {
    /// The source's 序号.
    pub item: u8,
    /// The number of the programme heading it sits under.
    pub programme: u8,
    /// A short title.
    pub title: Text,
    /// What it means for a resident, in words a 75-year-old understands.
    pub summary: Text,
    /// The item's passage, copied verbatim from the source (without its `N、` number).
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
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
    }
);

/// One thing a member or household can hold under an item.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Measure {
    /// Unique in the catalogue: the item number, with a letter where an item has several.
    pub id: String,
    /// Held per member or per household.
    pub scope: Scope,
    /// A title for this part, where the item has several measures.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// Who holds it.
    pub when: Condition,
    /// Absent: the answers settle it. Present: likely, the department confirms, and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check: Option<CheckWhy>,
    /// Fixed amounts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub money: Vec<Money>,
    /// Amounts that depend on age, bracket by bracket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
    /// Reimbursement ratios.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ratios: Vec<Ratio>,
    /// Money of this kind is given, but the source states no amount.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unstated: Option<MoneyKind>,
    /// The source says the service is free.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub free: bool,
    /// How each open term of the source was read, citing the rule of reading.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reading: Vec<String>,
}

/// An amount of money, who pays it and how often.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
pub struct Scale {
    pub brackets: Vec<Bracket>,
}

/// One age bracket of a scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
pub struct Ratio {
    pub hospital_level: u8,
    #[serde(with = "rust_decimal::serde::str")]
    pub before: Decimal,
    #[serde(with = "rust_decimal::serde::str")]
    pub after: Decimal,
}

/// Who holds a measure: a closed set of condition kinds, their values as data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
    /// The household is in one of these streets.
    Street { any_of: Vec<Street> },
    /// The household is in one of these compounds.
    Community { any_of: Vec<Community> },
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

    /// Every age at which the condition's answer can change: each `min`, and each `max + 1`.
    pub fn age_thresholds(&self, out: &mut BTreeSet<u8>) {
        match self {
            Condition::Age { min, max } => {
                out.extend(*min);
                out.extend(max.and_then(|m| m.checked_add(1)));
            }
            Condition::AllOf(of) | Condition::AnyOf(of) => {
                of.iter().for_each(|c| c.age_thresholds(out))
            }
            _ => {}
        }
    }
}

/// Why a catalogue was refused: the item (where known), the field, and the fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogueError {
    /// The item's 序号, where the fault is inside one.
    pub item: Option<u8>,
    /// The field's path in the file, e.g. `items[9].measures[0].scale.brackets[1].total`.
    pub field: String,
    /// What is wrong, lowercase, no trailing period.
    pub problem: String,
}

impl fmt::Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.item {
            Some(n) => write!(f, "item {n}, {}: {}", self.field, self.problem),
            None => write!(f, "{}: {}", self.field, self.problem),
        }
    }
}

impl std::error::Error for CatalogueError {}

impl Catalogue {
    /// The catalogue compiled in, read once. Its validity is proven by the native tests.
    pub fn builtin() -> Result<&'static Catalogue, &'static CatalogueError> {
        static BUILTIN: OnceLock<Result<Catalogue, CatalogueError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Catalogue::from_json(BUILTIN_JSON))
            .as_ref()
    }

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

    /// Reads and validates a catalogue file.
    pub fn from_json(text: &str) -> Result<Catalogue, CatalogueError> {
        let value: Value = serde_json::from_str(text).map_err(|e| CatalogueError {
            item: None,
            field: "catalogue".into(),
            problem: format!("not valid JSON ({e})"),
        })?;
        let catalogue = read_catalogue(&value).map_err(|f| CatalogueError {
            item: item_at(&value, &f.path),
            field: f.path,
            problem: f.problem,
        })?;
        catalogue.validate()?;
        Ok(catalogue)
    }

    /// The item with this 序号.
    pub fn item(&self, number: u8) -> Option<&Item> {
        self.items.iter().find(|i| i.item == number)
    }

    /// The programme heading with this number.
    pub fn programme(&self, number: u8) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.number == number)
    }

    /// Checks what serde cannot: uniqueness, order, references, sums and scopes.
    pub fn validate(&self) -> Result<(), CatalogueError> {
        let top = |field: &str, problem: String| CatalogueError {
            item: None,
            field: field.into(),
            problem,
        };
        if self.id.trim().is_empty() {
            return Err(top("id", "must not be empty".into()));
        }
        let mut programmes = BTreeSet::new();
        for (i, p) in self.programmes.iter().enumerate() {
            if !programmes.insert(p.number) {
                return Err(top(
                    &format!("programmes[{i}].number"),
                    format!("programme {} is listed twice", p.number),
                ));
            }
        }
        let mut numbers = BTreeSet::new();
        let mut ids = BTreeSet::new();
        let mut last = 0u8;
        for (i, item) in self.items.iter().enumerate() {
            let at = |field: &str, problem: String| CatalogueError {
                item: Some(item.item),
                field: format!("items[{i}].{field}"),
                problem,
            };
            if !numbers.insert(item.item) {
                return Err(at("item", "is listed twice".into()));
            }
            if item.item <= last {
                return Err(at("item", format!("must come after item {last}")));
            }
            last = item.item;
            if !programmes.contains(&item.programme) {
                return Err(at(
                    "programme",
                    format!("names programme {}, which is not listed", item.programme),
                ));
            }
            for (name, text) in [("title", &item.title), ("summary", &item.summary)] {
                if text.zh.trim().is_empty() {
                    return Err(at(&format!("{name}.zh"), "must not be empty".into()));
                }
                if text.en.trim().is_empty() {
                    return Err(at(&format!("{name}.en"), "must not be empty".into()));
                }
            }
            for (name, value) in [("text", &item.text), ("deadline", &item.deadline)] {
                if value.trim().is_empty() {
                    return Err(at(name, "must not be empty".into()));
                }
            }
            if item
                .lead
                .iter()
                .chain(&item.partners)
                .any(|d| d.trim().is_empty())
            {
                return Err(at("lead", "department names must not be empty".into()));
            }
            if item.everyone.is_none() && item.measures.is_empty() {
                return Err(at(
                    "measures",
                    "an item must serve everyone or list measures".into(),
                ));
            }
            for (m, measure) in item.measures.iter().enumerate() {
                let at =
                    |field: &str, problem: String| at(&format!("measures[{m}].{field}"), problem);
                if !ids.insert(measure.id.as_str()) {
                    return Err(at(
                        "id",
                        format!("measure `{}` is listed twice", measure.id),
                    ));
                }
                if !measure.id.starts_with(&item.item.to_string()) {
                    return Err(at(
                        "id",
                        format!("must start with the item number {}", item.item),
                    ));
                }
                if measure.reading.iter().all(|r| r.trim().is_empty()) {
                    return Err(at("reading", "must say how the source was read".into()));
                }
                if measure.scope == Scope::Household && measure.when.is_about_member() {
                    return Err(at(
                        "when",
                        "a household measure cannot ask about a member".into(),
                    ));
                }
                for (k, money) in measure.money.iter().enumerate() {
                    if money.amount <= Decimal::ZERO {
                        return Err(at(
                            &format!("money[{k}].amount"),
                            "must be more than 0".into(),
                        ));
                    }
                }
                if let Some(scale) = &measure.scale {
                    validate_scale(scale)
                        .map_err(|(field, problem)| at(&format!("scale.{field}"), problem))?;
                }
            }
        }
        Ok(())
    }
}

fn validate_scale(scale: &Scale) -> Result<(), (String, String)> {
    if scale.brackets.is_empty() {
        return Err(("brackets".into(), "must list at least one bracket".into()));
    }
    let mut previous: Option<u8> = None;
    for (b, bracket) in scale.brackets.iter().enumerate() {
        if let Some(p) = previous {
            if bracket.from <= p {
                return Err((
                    format!("brackets[{b}].from"),
                    format!("overlaps the bracket from {p}: thresholds must rise"),
                ));
            }
        }
        previous = Some(bracket.from);
        if bracket.money.is_empty() {
            return Err((
                format!("brackets[{b}].money"),
                "must list at least one part".into(),
            ));
        }
        let sum: Decimal = bracket.money.iter().map(|m| m.amount).sum();
        if sum != bracket.total {
            return Err((
                format!("brackets[{b}].total"),
                format!("is {} but the parts add up to {sum}", bracket.total),
            ));
        }
        if let Some((k, _)) = bracket
            .money
            .iter()
            .enumerate()
            .find(|(_, m)| m.amount <= Decimal::ZERO)
        {
            return Err((
                format!("brackets[{b}].money[{k}].amount"),
                "must be more than 0".into(),
            ));
        }
    }
    Ok(())
}

/// The 序号 of the item a serde path such as `items[9].title` points into.
fn item_at(value: &Value, path: &str) -> Option<u8> {
    let rest = path.strip_prefix("items[")?;
    let index: usize = rest[..rest.find(']')?].parse().ok()?;
    value
        .get("items")?
        .get(index)?
        .get("item")?
        .as_u64()
        .and_then(|n| u8::try_from(n).ok())
}

impl Scale {
    /// The bracket an age falls in, with the next bracket's threshold (its exclusive end).
    pub fn bracket(&self, age: u8) -> Option<(&Bracket, Option<u8>)> {
        let i = self.brackets.iter().rposition(|b| age >= b.from)?;
        Some((&self.brackets[i], self.brackets.get(i + 1).map(|b| b.from)))
    }
}

/// One item as `evaluate --catalogue` prints it for review against the source.
#[derive(Serialize)]
struct ReviewItem<'a> {
    item: u8,
    programme: &'a str,
    programme_number: u8,
    title: &'a Text,
    summary: &'a Text,
    text: &'a str,
    deadline: &'a str,
    lead: &'a [String],
    partners: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    shares_cells_with: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    everyone: Option<Everyone>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    measures: &'a [Measure],
}

/// The catalogue as CONTRACT section 3 prints it: items with their programme's title.
pub fn review_json(catalogue: &Catalogue) -> Result<String, String> {
    #[derive(Serialize)]
    struct Review<'a> {
        id: &'a str,
        year: u16,
        name: &'a Text,
        source: &'a str,
        items: Vec<ReviewItem<'a>>,
    }
    let items = catalogue
        .items
        .iter()
        .map(|i| ReviewItem {
            item: i.item,
            programme: catalogue
                .programme(i.programme)
                .map_or("", |p| p.title.as_str()),
            programme_number: i.programme,
            title: &i.title,
            summary: &i.summary,
            text: &i.text,
            deadline: &i.deadline,
            lead: &i.lead,
            partners: &i.partners,
            shares_cells_with: i.shares_cells_with,
            everyone: i.everyone,
            measures: &i.measures,
        })
        .collect();
    let review = Review {
        id: &catalogue.id,
        year: catalogue.year,
        name: &catalogue.name,
        source: &catalogue.source,
        items,
    };
    serde_json::to_string_pretty(&review).map_err(|e| format!("catalogue: {e}"))
}

impl Catalogue {
    /// Checks each item against the source table it was made from: the text is a verbatim
    /// passage (whitespace aside) under its number, and the cells after it are its deadline,
    /// lead and partner departments — empty where it shares an earlier item's merged cells.
    pub fn check_source(&self, source: &str) -> Result<(), CatalogueError> {
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        for line in source.lines() {
            let line = line.trim_start();
            let digits: String = line.chars().take_while(char::is_ascii_digit).collect();
            let numbered = line[digits.len()..].starts_with('、');
            if let (true, Ok(n)) = (numbered, digits.parse::<u8>()) {
                if self.item(n).is_none() {
                    return Err(CatalogueError {
                        item: Some(n),
                        field: "items".into(),
                        problem: format!("the source lists item {n} but the catalogue does not"),
                    });
                }
            }
        }
        let source = squeeze(source);
        for (i, item) in self.items.iter().enumerate() {
            let at = |field: &str, problem: String| CatalogueError {
                item: Some(item.item),
                field: format!("items[{i}].{field}"),
                problem,
            };
            let start = format!("{}、{}", item.item, squeeze(&item.text));
            let Some(pos) = source.find(&start) else {
                return Err(at(
                    "text",
                    format!(
                        "is not a verbatim passage of the source under `{}、`",
                        item.item
                    ),
                ));
            };
            let rest = &source[pos + start.len()..];
            let Some(rest) = rest.strip_prefix(item.deadline.as_str()) else {
                let found: String = rest.chars().take(4).collect();
                return Err(at(
                    "deadline",
                    format!("is `{}` but the source gives `{found}…`", item.deadline),
                ));
            };
            if let Some(shared) = item.shares_cells_with {
                let Some(owner) = self.item(shared) else {
                    return Err(at(
                        "shares_cells_with",
                        format!("names item {shared}, which is not listed"),
                    ));
                };
                if owner.lead != item.lead || owner.partners != item.partners {
                    return Err(at(
                        "lead",
                        format!("must equal item {shared}'s, whose merged cells it shares"),
                    ));
                }
                continue;
            }
            let lead = item.lead.join("、");
            let Some(rest) = rest.strip_prefix(lead.as_str()) else {
                return Err(at(
                    "lead",
                    "does not match the source's 主办单位 cell".into(),
                ));
            };
            let partners = item.partners.join("、");
            let next_starts = |r: &str| {
                r.is_empty()
                    || r.starts_with(|c: char| {
                        c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
                    })
            };
            match rest.strip_prefix(partners.as_str()) {
                Some(r) if next_starts(r) => {}
                _ => {
                    return Err(at(
                        "partners",
                        "does not match the source's 协办单位 cell".into(),
                    ))
                }
            }
        }
        Ok(())
    }
}

/// A required value of a closed set.
fn required_choice<T>(
    o: &Obj<'_>,
    key: &str,
    read: fn(&str) -> Option<T>,
    expected: fn() -> String,
) -> Result<T, Fault> {
    o.choice(key, read, expected)?
        .ok_or_else(|| fault(o.path(key), format!("is required: one of {}", expected())))
}

fn read_catalogue(v: &Value) -> Result<Catalogue, Fault> {
    let o = Obj::new(v, "", "catalogue")?;
    o.only(&["id", "year", "name", "source", "programmes", "items"])?;
    let year = o.required("year")?;
    Ok(Catalogue {
        id: o.string("id")?,
        year: year
            .as_u64()
            .and_then(|y| u16::try_from(y).ok())
            .ok_or_else(|| fault("year", "must be a year such as 2022"))?,
        name: read_text(o.required("name")?, &o.path("name"))?,
        source: o.string("source")?,
        programmes: o.list("programmes", true, read_programme)?,
        items: o.list("items", true, read_item)?,
    })
}

fn read_text(v: &Value, path: &str) -> Result<Text, Fault> {
    let o = Obj::new(v, path, path)?;
    o.only(&["zh", "en"])?;
    Ok(Text {
        zh: o.string("zh")?,
        en: o.string("en")?,
    })
}

fn read_programme(v: &Value, path: &str) -> Result<Programme, Fault> {
    let o = Obj::new(v, path, path)?;
    o.only(&["number", "title", "en"])?;
    Ok(Programme {
        number: o.small("number")?,
        title: o.string("title")?,
        en: o.string("en")?,
    })
}

fn read_item(v: &Value, path: &str) -> Result<Item, Fault> {
    let o = Obj::new(v, path, path)?;
    o.only(&[
        "item",
        "programme",
        "title",
        "summary",
        "text",
        "deadline",
        "lead",
        "partners",
        "shares_cells_with",
        "everyone",
        "measures",
    ])?;
    Ok(Item {
        item: o.small("item")?,
        programme: o.small("programme")?,
        title: read_text(o.required("title")?, &o.path("title"))?,
        summary: read_text(o.required("summary")?, &o.path("summary"))?,
        text: o.string("text")?,
        deadline: o.string("deadline")?,
        lead: o.list("lead", true, json::string)?,
        partners: o.list("partners", true, json::string)?,
        shares_cells_with: o.opt_small("shares_cells_with")?,
        everyone: o.choice("everyone", Everyone::from_wire, Everyone::expected)?,
        measures: o.list("measures", false, read_measure)?,
    })
}

fn read_measure(v: &Value, path: &str) -> Result<Measure, Fault> {
    let o = Obj::new(v, path, path)?;
    o.only(&[
        "id", "scope", "title", "when", "check", "money", "scale", "ratios", "unstated", "free",
        "reading",
    ])?;
    Ok(Measure {
        id: o.string("id")?,
        scope: required_choice(&o, "scope", Scope::from_wire, Scope::expected)?,
        title: o
            .get("title")
            .map(|t| read_text(t, &o.path("title")))
            .transpose()?,
        when: read_condition(o.required("when")?, &o.path("when"))?,
        check: o.choice("check", CheckWhy::from_wire, CheckWhy::expected)?,
        money: o.list("money", false, read_money)?,
        scale: o
            .get("scale")
            .map(|s| read_scale(s, &o.path("scale")))
            .transpose()?,
        ratios: o.list("ratios", false, read_ratio)?,
        unstated: o.choice("unstated", MoneyKind::from_wire, MoneyKind::expected)?,
        free: o.flag("free")?,
        reading: o.list("reading", false, json::string)?,
    })
}

fn read_money(v: &Value, path: &str) -> Result<Money, Fault> {
    let o = Obj::new(v, path, path)?;
    o.only(&["amount", "period", "payer", "kind"])?;
    Ok(Money {
        amount: o.decimal("amount")?,
        period: required_choice(&o, "period", Period::from_wire, Period::expected)?,
        payer: required_choice(&o, "payer", Payer::from_wire, Payer::expected)?,
        kind: required_choice(&o, "kind", MoneyKind::from_wire, MoneyKind::expected)?,
    })
}

fn read_scale(v: &Value, path: &str) -> Result<Scale, Fault> {
    let o = Obj::new(v, path, path)?;
    o.only(&["brackets"])?;
    let brackets = o.list("brackets", true, |v, path| {
        let b = Obj::new(v, path, path)?;
        b.only(&["from", "total", "money"])?;
        Ok(Bracket {
            from: b.small("from")?,
            total: b.decimal("total")?,
            money: b.list("money", true, read_money)?,
        })
    })?;
    Ok(Scale { brackets })
}

fn read_ratio(v: &Value, path: &str) -> Result<Ratio, Fault> {
    let o = Obj::new(v, path, path)?;
    o.only(&["hospital_level", "before", "after"])?;
    Ok(Ratio {
        hospital_level: o.small("hospital_level")?,
        before: o.decimal("before")?,
        after: o.decimal("after")?,
    })
}

/// The condition kinds, as the catalogue writes them.
const CONDITION_KINDS: &[&str] = &[
    "age",
    "sex",
    "household",
    "residency",
    "insurance",
    "disability",
    "member",
    "work",
    "area",
    "street",
    "community",
    "housing",
    "all_of",
    "any_of",
    "any_member",
];

/// A condition: an object with exactly one key, its kind, e.g. `{"age": {"min": 80}}`.
fn read_condition(v: &Value, path: &str) -> Result<Condition, Fault> {
    let o = Obj::new(v, path, path)?;
    let Some((kind, inner)) = o.single() else {
        return Err(fault(
            path,
            "must be one condition: an object with exactly one key, its kind",
        ));
    };
    let at = o.path(kind);
    let list = |inner: &Value| -> Result<Vec<Condition>, Fault> {
        match inner {
            Value::Array(xs) => xs
                .iter()
                .enumerate()
                .map(|(i, c)| read_condition(c, &format!("{at}[{i}]")))
                .collect(),
            _ => Err(fault(at.clone(), "must be a list of conditions")),
        }
    };
    if kind == "all_of" {
        return Ok(Condition::AllOf(list(inner)?));
    }
    if kind == "any_of" {
        return Ok(Condition::AnyOf(list(inner)?));
    }
    if kind == "any_member" {
        return Ok(Condition::AnyMember(Box::new(read_condition(inner, &at)?)));
    }
    let c = Obj::new(inner, &at, &at)?;
    // Each kind has exactly one shape: `is`, `flag`, `any_of`, or an age range.
    macro_rules! any_of {
        ($variant:ident, $ty:ty) => {{
            c.only(&["any_of"])?;
            Condition::$variant {
                any_of: c.list("any_of", true, |v, p| {
                    json::choice(v, p, <$ty>::from_wire, <$ty>::expected)
                })?,
            }
        }};
    }
    // Kinds with one field holding one value: `{"sex": {"is": "female"}}`.
    macro_rules! one {
        ($key:literal, $variant:ident, $field:ident, $ty:ty) => {{
            c.only(&[$key])?;
            Condition::$variant {
                $field: required_choice(&c, $key, <$ty>::from_wire, <$ty>::expected)?,
            }
        }};
    }
    Ok(match kind {
        "age" => {
            c.only(&["min", "max"])?;
            Condition::Age {
                min: c.opt_small("min")?,
                max: c.opt_small("max")?,
            }
        }
        "sex" => one!("is", Sex, is, Sex),
        "area" => one!("is", Area, is, Area),
        "member" => one!("flag", Member, flag, MemberFlag),
        "housing" => one!("flag", Housing, flag, HousingFlag),
        "household" => any_of!(Household, HouseholdKind),
        "residency" => any_of!(Residency, Residency),
        "insurance" => any_of!(Insurance, Insurance),
        "disability" => any_of!(Disability, Disability),
        "work" => any_of!(Work, Work),
        "street" => any_of!(Street, Street),
        "community" => any_of!(Community, Community),
        other => {
            return Err(fault(
                path,
                format!(
                    "unknown condition kind `{other}`: expected one of {}",
                    crate::choice::join_or(CONDITION_KINDS)
                ),
            ))
        }
    })
}
