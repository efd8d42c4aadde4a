//! What serde cannot check: uniqueness, order, references, sums and scopes.

use super::{Catalogue, Scale, Scope, ICONS};
use crate::model::fault::Fault;
use rust_decimal::Decimal;
use std::collections::BTreeSet;

impl Catalogue {
    /// Checks what serde cannot: uniqueness, order, references, sums and scopes.
    pub fn validate(&self) -> Result<(), Fault> {
        let top = |field: &str, problem: String| Fault {
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
            if !ICONS.contains(&p.icon.as_str()) {
                return Err(top(
                    &format!("programmes[{i}].icon"),
                    format!(
                        "must be one of the pictures the page draws: {}",
                        ICONS.join(", ")
                    ),
                ));
            }
        }
        // The streets and estates: each key once, each estate on a listed street.
        let mut keys = BTreeSet::new();
        for (i, s) in self.streets.iter().enumerate() {
            if s.key.trim().is_empty() || !keys.insert(s.key.as_str()) {
                return Err(top(
                    &format!("streets[{i}].key"),
                    format!("`{}` must be a key of its own", s.key),
                ));
            }
        }
        let mut estates = BTreeSet::new();
        for (i, e) in self.estates.iter().enumerate() {
            if e.key.trim().is_empty() || !estates.insert(e.key.as_str()) {
                return Err(top(
                    &format!("estates[{i}].key"),
                    format!("`{}` must be a key of its own", e.key),
                ));
            }
            if !keys.contains(e.street.as_str()) {
                return Err(top(
                    &format!("estates[{i}].street"),
                    format!("names street `{}`, which is not listed", e.street),
                ));
            }
        }
        let mut numbers = BTreeSet::new();
        let mut ids = BTreeSet::new();
        let mut last = 0u8;
        for (i, item) in self.items.iter().enumerate() {
            let at = |field: &str, problem: String| Fault {
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
                for (k, likely) in measure.likely.iter().enumerate() {
                    if measure.scope == Scope::Household && likely.when.is_about_member() {
                        return Err(at(
                            &format!("likely[{k}].when"),
                            "a household measure cannot ask about a member".into(),
                        ));
                    }
                    if measure.scope == Scope::Household
                        && likely.unless.as_ref().is_some_and(|c| c.is_about_member())
                    {
                        return Err(at(
                            &format!("likely[{k}].unless"),
                            "a household measure cannot ask about a member".into(),
                        ));
                    }
                    if measure.check == Some(likely.why) {
                        return Err(at(
                            &format!("likely[{k}].why"),
                            "is the measure's own check already".into(),
                        ));
                    }
                }
                // Alternatives: another measure of the same item and scope, which names this
                // one back (one or the other is so both ways).
                for (k, other) in measure.instead_of.iter().enumerate() {
                    let found = item.measures.iter().find(|o| &o.id == other);
                    let problem = match found {
                        _ if other == &measure.id => Some("names the measure itself".to_owned()),
                        None => Some(format!("names `{other}`, not a measure of this item")),
                        Some(o) if o.scope != measure.scope => {
                            Some(format!("`{other}` is held by another scope"))
                        }
                        Some(o) if !o.instead_of.contains(&measure.id) => {
                            Some(format!("`{other}` does not name `{}` back", measure.id))
                        }
                        Some(_) => None,
                    };
                    if let Some(problem) = problem {
                        return Err(at(&format!("instead_of[{k}]"), problem));
                    }
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
