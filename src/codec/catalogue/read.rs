//! Reading a catalogue file: the JSON walked by hand, so every fault names its field.

use crate::codec::json::Value;
use crate::codec::json::{self, fault, Fault, Obj};
use crate::model::catalogue::*;
use crate::model::choice::{join_or, Choice};
use crate::model::choice::{
    Area, Community, Disability, HouseholdKind, HousingFlag, Insurance, MemberFlag, Residency, Sex,
    Street, Work,
};

/// The 序号 of the item a serde path such as `items[9].title` points into.
pub(super) fn item_at(value: &Value, path: &str) -> Option<u8> {
    let rest = path.strip_prefix("items[")?;
    let index: usize = rest[..rest.find(']')?].parse().ok()?;
    let Some(Value::Array(items)) = value.get("items") else {
        return None;
    };
    items
        .get(index)?
        .get("item")?
        .as_u64()
        .and_then(|n| u8::try_from(n).ok())
}

/// A required value of a closed set.
fn required_choice<T: Choice>(o: &Obj<'_>, key: &str) -> Result<T, Fault> {
    o.choice(key)?.ok_or_else(|| {
        fault(
            o.path(key),
            format!("is required: one of {}", join_or(T::NAMES)),
        )
    })
}

pub(super) fn read_catalogue(v: &Value) -> Result<Catalogue, Fault> {
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
        everyone: o.choice::<Everyone>("everyone")?,
        measures: o.list("measures", false, read_measure)?,
    })
}

fn read_measure(v: &Value, path: &str) -> Result<Measure, Fault> {
    let o = Obj::new(v, path, path)?;
    o.only(&[
        "id", "scope", "title", "when", "check", "likely", "money", "scale", "ratios", "unstated",
        "free", "reading",
    ])?;
    Ok(Measure {
        id: o.string("id")?,
        scope: required_choice::<Scope>(&o, "scope")?,
        title: o
            .get("title")
            .map(|t| read_text(t, &o.path("title")))
            .transpose()?,
        when: read_condition(o.required("when")?, &o.path("when"))?,
        check: o.choice::<CheckWhy>("check")?,
        likely: o.list("likely", false, read_likely)?,
        money: o.list("money", false, read_money)?,
        scale: o
            .get("scale")
            .map(|s| read_scale(s, &o.path("scale")))
            .transpose()?,
        ratios: o.list("ratios", false, read_ratio)?,
        unstated: o.choice::<MoneyKind>("unstated")?,
        free: o.flag("free")?,
        reading: o.list("reading", false, json::string)?,
    })
}

fn read_likely(v: &Value, path: &str) -> Result<Likely, Fault> {
    let o = Obj::new(v, path, path)?;
    o.only(&["when", "why"])?;
    Ok(Likely {
        when: read_condition(o.required("when")?, &o.path("when"))?,
        why: required_choice::<CheckWhy>(&o, "why")?,
    })
}

fn read_money(v: &Value, path: &str) -> Result<Money, Fault> {
    let o = Obj::new(v, path, path)?;
    o.only(&["amount", "period", "payer", "kind"])?;
    Ok(Money {
        amount: o.decimal("amount")?,
        period: required_choice::<Period>(&o, "period")?,
        payer: required_choice::<Payer>(&o, "payer")?,
        kind: required_choice::<MoneyKind>(&o, "kind")?,
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
                any_of: c.list("any_of", true, |v, p| json::choice::<$ty>(v, p))?,
            }
        }};
    }
    // Kinds with one field holding one value: `{"sex": {"is": "female"}}`.
    macro_rules! one {
        ($key:literal, $variant:ident, $field:ident, $ty:ty) => {{
            c.only(&[$key])?;
            Condition::$variant {
                $field: required_choice::<$ty>(&c, $key)?,
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
                    crate::model::choice::join_or(CONDITION_KINDS)
                ),
            ))
        }
    })
}
