//! Properties that hold for every profile, and a decoder that never panics on any input.
//! `PROPTEST_CASES` raises the case count for a longer fuzzing run.
#![cfg(not(target_arch = "wasm32"))]

use minsheng::codec::profile::decode;
use minsheng::engine::evaluate;
use minsheng::model::catalogue::{Catalogue, Scope};
use minsheng::model::choice::*;
use minsheng::model::profile::{Member, Profile, WORK_AGE};
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;

fn member() -> impl Strategy<Value = Member> {
    (
        (
            0u8..=130,
            select(Sex::ALL),
            select(Insurance::ALL),
            select(Disability::ALL),
            select(Work::ALL),
        ),
        proptest::sample::subsequence(MemberFlag::ALL, 0..=MemberFlag::ALL.len()),
    )
        .prop_map(|((age, sex, insurance, disability, work), yes)| Member {
            age,
            sex,
            insurance,
            disability,
            // A valid profile: a child's work is none (the decoder refuses any other).
            work: if age < WORK_AGE { Work::None } else { work },
            yes: yes.into_iter().collect(),
        })
}

/// The list's streets' or estates' keys: a profile's places are the list's.
fn keys(of: fn(&Catalogue) -> Vec<&String>) -> Vec<String> {
    of(Catalogue::builtin().unwrap())
        .into_iter()
        .cloned()
        .collect()
}

fn profile() -> impl Strategy<Value = Profile> {
    (
        (
            select(Residency::ALL),
            proptest::option::of(select(keys(|c| c.streets.iter().map(|s| &s.key).collect()))),
            select(Area::ALL),
            select(HouseholdKind::ALL),
            proptest::option::of(select(keys(|c| c.estates.iter().map(|e| &e.key).collect()))),
        ),
        proptest::sample::subsequence(HousingFlag::ALL, 0..=HousingFlag::ALL.len()),
        proptest::collection::vec(member(), 1..=20),
    )
        .prop_map(
            |((residency, street, area, kind, community), h, members)| Profile {
                residency,
                // A valid profile: an estate lies in the street, when both are given.
                community: community.filter(|c| {
                    let list = Catalogue::builtin().unwrap();
                    list.estates_on(street.as_deref()).any(|e| e.key == *c)
                }),
                street,
                area,
                kind,
                home: h.into_iter().collect(),
                members,
            },
        )
}

proptest! {
    #[test]
    fn any_valid_profile_evaluates_and_both_link_forms_read_back(p in profile()) {
        let c = Catalogue::builtin().unwrap();
        let o = evaluate(c, &p);
        prop_assert_eq!(o.members.len(), p.members.len());
        prop_assert_eq!(decode(&p.to_json()).unwrap(), p.clone());
        // The short form a link carries leaves defaults out; the same strict decoder reads
        // it back to the same answers.
        prop_assert_eq!(decode(&p.to_link_json()).unwrap(), p.clone());
        prop_assert!(p.to_link_json().len() <= p.to_json().len());
    }

    #[test]
    fn the_cash_is_the_old_age_allowance_of_the_source(p in profile()) {
        // From item 10's sentence, independently of the engine: 80-89 ¥50, 90-99 ¥100,
        // 100 and over ¥500 a month, and no other cash in the list.
        let o = evaluate(Catalogue::builtin().unwrap(), &p);
        let covered = p.residency != Residency::None;
        let month: Decimal = p
            .members
            .iter()
            .map(|m| match m.age {
                _ if !covered => 0,
                80..=89 => 50,
                90..=99 => 100,
                100.. => 500,
                _ => 0,
            })
            .map(Decimal::from)
            .sum();
        prop_assert_eq!(o.cash.month, month);
        prop_assert_eq!(o.cash.year, month * Decimal::from(12));
    }

    #[test]
    fn every_measure_either_applies_or_says_why_not(p in profile()) {
        let c = Catalogue::builtin().unwrap();
        let o = evaluate(c, &p);
        let ids = |scope: Scope| -> Vec<String> {
            let mut v: Vec<String> = c.items.iter().flat_map(|i| &i.measures).filter(|m| m.scope == scope).map(|m| m.id.clone()).collect();
            v.sort();
            v
        };
        for (held, not) in o.members.iter().zip(&o.not_applicable) {
            let mut all: Vec<String> = held.iter().map(|e| e.measure.to_owned()).chain(not.iter().map(|n| n.measure.to_owned())).collect();
            all.sort();
            prop_assert_eq!(all, ids(Scope::Member));
            prop_assert!(not.iter().all(|n| !n.unmet.is_empty()));
        }
        let mut all: Vec<String> = o.household.iter().map(|e| e.measure.to_owned()).chain(o.household_not_applicable.iter().map(|n| n.measure.to_owned())).collect();
        all.sort();
        prop_assert_eq!(all, ids(Scope::Household));
    }

    #[test]
    fn a_members_result_does_not_depend_on_the_others_order(p in profile(), seed in any::<u64>()) {
        let c = Catalogue::builtin().unwrap();
        let mut order: Vec<usize> = (0..p.members.len()).collect();
        // A deterministic shuffle from the seed.
        let mut s = seed;
        for i in (1..order.len()).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            order.swap(i, (s >> 33) as usize % (i + 1));
        }
        let shuffled = Profile { members: order.iter().map(|&i| p.members[i].clone()).collect(), ..p.clone() };
        let a = evaluate(c, &p);
        let b = evaluate(c, &shuffled);
        for (new, &old) in order.iter().enumerate() {
            prop_assert_eq!(&b.members[new], &a.members[old]);
            prop_assert_eq!(&b.near_misses[new], &a.near_misses[old]);
            prop_assert_eq!(&b.not_applicable[new], &a.not_applicable[old]);
        }
        // The household's measures are the same; only who is named in a reason moves.
        let ids = |o: &minsheng::engine::Outcome<'_>| o.household.iter().map(|e| (e.measure.to_owned(), e.certainty)).collect::<Vec<_>>();
        prop_assert_eq!(ids(&a), ids(&b));
        prop_assert_eq!(&a.household_not_applicable, &b.household_not_applicable);
        prop_assert_eq!(a.cash, b.cash);
    }

    #[test]
    fn the_decoder_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        match decode(&text) {
            Ok(p) => prop_assert!(!p.members.is_empty()),
            Err(e) => prop_assert!(!e.field.is_empty() && !e.problem.is_empty()),
        }
        let _ = minsheng::codec::fragment::decode(&text);
    }

    #[test]
    fn the_decoder_never_panics_on_near_misses_of_valid_json(p in profile(), cut in any::<prop::sample::Index>(), junk in "[\\[\\]{}\",:0-9a-z_ -]{0,8}") {
        let json = p.to_json();
        let at = cut.index(json.len() + 1);
        let mangled = format!("{}{}{}", &json[..at], junk, &json[at..]);
        match decode(&mangled) {
            Ok(q) => prop_assert!(!q.members.is_empty() && q.members.len() <= 20),
            Err(e) => prop_assert!(e.to_string().contains(": ")),
        }
    }
}

/// JSON text built from the characters that matter to a reader: structure, escapes, digits,
/// signs, exponents, whitespace, a few letters and non-ASCII.
fn jsonish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        select(vec![
            "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "D83D", "DE00", "00e9", "0", "1", "9",
            "-", "+", ".", "e", "E", " ", "\n", "\t", "true", "false", "null", "a", "中", "\u{1}",
            "\"k\"", "\"v\":", "12", "-3", "1.5", "2e3",
        ]),
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn the_json_reader_agrees_with_serde_json(text in jsonish()) {
        let ours = minsheng::codec::json::parse(&text);
        // serde_json's reading, as ours: a number that is not whole and exact is just "not whole".
        let theirs = serde_json::from_str::<serde_json::Value>(&text).map(|v| minsheng::codec::json::Value::from(&v));
        match (ours, theirs) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b, "{}", text),
            (Err(_), Err(_)) => {}
            // A number beyond f64's range: serde_json refuses the text, the page's reader keeps a
            // non-whole number, which every decoder refuses by its field.
            (Ok(_), Err(e)) if e.to_string().contains("number out of range") => {}
            // A key given twice: serde_json lets the last one win; ours refuses it (CONTRACT §1).
            (Err(e), Ok(_)) if e.contains("is given twice") => {}
            (a, b) => prop_assert!(false, "{:?}: ours {:?}, serde_json {:?}", text, a, b.map_err(|e| e.to_string())),
        }
    }

    #[test]
    fn the_json_reader_reads_back_any_value_serde_json_writes(p in profile()) {
        let text = p.to_json();
        prop_assert_eq!(minsheng::codec::json::parse(&text).unwrap(), minsheng::codec::json::Value::from(&serde_json::from_str::<serde_json::Value>(&text).unwrap()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    /// The page writes JSON by hand, and the result and the profile are declared once (their
    /// writers take each value apart by its fields). What the catalogue's own types write
    /// inside a result (the conditions unmet and met, the amounts) is held byte-equal to
    /// serde_json's writing of them from their derived `Serialize`; the result is JSON
    /// serde_json reads, with as many entries as the engine found, and nothing absent written
    /// as empty (CONTRACT section 2). The profile's full form reads back (above) and has the
    /// contract's keys in order (`tests/contract.rs`); its link's short form is that full form
    /// with the defaults removed, the same members in the same order.
    #[test]
    fn the_json_writer_writes_the_contracts_json(p in profile()) {
        use minsheng::codec::json_out::ToJson;
        use serde_json::Value;
        let catalogue = Catalogue::builtin().unwrap();
        let outcome = evaluate(catalogue, &p);
        let v: Value = serde_json::from_str(&outcome.to_json_string()).unwrap();
        for (i, list) in outcome.not_applicable.iter().enumerate() {
            for (k, na) in list.iter().enumerate() {
                prop_assert_eq!(na.unmet.to_json_string(), serde_json::to_string(&na.unmet).unwrap());
                prop_assert_eq!(&v["not_applicable"][i][k]["unmet"], &serde_json::to_value(&na.unmet).unwrap());
            }
        }
        for (i, list) in outcome.members.iter().enumerate() {
            prop_assert_eq!(v["members"][i].as_array().map(Vec::len), Some(list.len()));
            for (k, e) in list.iter().enumerate() {
                let written = &v["members"][i][k];
                prop_assert_eq!(e.money.to_json_string(), serde_json::to_string(e.money).unwrap());
                prop_assert_eq!(&written["money"], &if e.money.is_empty() { Value::Null } else { serde_json::to_value(e.money).unwrap() });
                for (r, reason) in e.reasons.iter().enumerate() {
                    prop_assert_eq!(reason.met.to_json_string(), serde_json::to_string(&reason.met).unwrap());
                    prop_assert_eq!(&written["reasons"][r]["met"], &serde_json::to_value(&reason.met).unwrap());
                }
                for key in ["check", "check_also", "money", "ratios", "unstated", "free", "instead_of"] {
                    let absent = match &written[key] { Value::Null => true, Value::Array(a) => a.is_empty(), Value::Bool(b) => !b, _ => false };
                    prop_assert!(!(absent && written.get(key).is_some()), "{} written empty: {}", key, written);
                }
            }
        }
        let month = outcome.cash.month.to_string();
        prop_assert_eq!(v["cash"]["month"].as_str(), Some(month.as_str()));
        let link = p.to_link_json();
        let json = |text: &str| serde_json::from_str::<Value>(text).unwrap();
        prop_assert_eq!(json(&link), json(&link_json_by_serde(&p)));
        prop_assert!(in_order_of(&link, &p.to_json()), "{} out of the order of {}", link, p.to_json());
    }
}

/// Whether each key of `short` comes in the order the same keys have in `full` (both written
/// by the page, so a key is a quoted name followed by a colon, in the order written).
fn in_order_of(short: &str, full: &str) -> bool {
    let keys = |text: &str| -> Vec<String> {
        text.split('"')
            .collect::<Vec<_>>()
            .windows(2)
            .filter(|w| w[1].starts_with(':'))
            .map(|w| w[0].to_owned())
            .collect()
    };
    let full = keys(full);
    // Each key's place in the full form, searched from the last key's place on: members
    // repeat their keys, so a key is looked for after the one before it.
    let mut at = 0;
    keys(short)
        .iter()
        .all(|k| match full[at..].iter().position(|f| f == k) {
            Some(i) => {
                at += i;
                true
            }
            None => false,
        })
}

/// The link's short form as serde_json's `Value`s compare it (in any key order): the full form
/// with every field at its default removed, a member's age and sex kept.
fn link_json_by_serde(p: &Profile) -> String {
    use serde_json::Value;
    let json = |text: String| serde_json::from_str::<Value>(&text).unwrap();
    let mut value = json(p.to_json());
    let defaults = json(
        Profile {
            members: Vec::new(),
            ..Profile::default()
        }
        .to_json(),
    );
    let member_defaults = json(
        Profile {
            members: vec![Member::default()],
            ..Profile::default()
        }
        .to_json(),
    )["members"][0]
        .clone();
    if let Value::Object(map) = &mut value {
        map.retain(|k, v| k == "members" || defaults.get(k) != Some(v));
        if let Some(Value::Array(members)) = map.get_mut("members") {
            for m in members.iter_mut().filter_map(Value::as_object_mut) {
                m.retain(|k, v| k == "age" || k == "sex" || member_defaults.get(k) != Some(v));
            }
        }
    }
    value.to_string()
}

proptest! {
    /// Typed text (the age boxes as typed, kept with the answers) is escaped as serde_json does.
    #[test]
    fn the_json_writer_escapes_any_text_as_serde_json_does(text in any::<String>()) {
        let mut ours = String::new();
        minsheng::codec::json_out::string(&mut ours, &text);
        prop_assert_eq!(ours, serde_json::to_string(&text).unwrap());
    }
}

#[test]
fn the_json_writer_escapes_as_serde_json_does() {
    let text: String = (0u32..0x80)
        .filter_map(char::from_u32)
        .chain("é😀\u{2028}".chars())
        .collect();
    let mut ours = String::new();
    minsheng::codec::json_out::string(&mut ours, &text);
    assert_eq!(ours, serde_json::to_string(&text).unwrap());
}

#[test]
fn the_json_reader_handles_the_edges() {
    use minsheng::codec::json::{parse, Value};
    use serde_json::json;
    assert_eq!(
        parse(r#" {"a":[1,-2,true,null,"\u00e9\ud83d\ude00\n"]} "#).unwrap(),
        Value::from(&json!({"a": [1, -2, true, null, "é😀\n"]}))
    );
    assert_eq!(
        parse("18446744073709551615").unwrap(),
        Value::from(&json!(u64::MAX))
    );
    assert!(
        parse("18446744073709551616").unwrap().as_u64().is_none(),
        "too large is not whole"
    );
    assert!(parse("7.5").unwrap().as_u64().is_none());
    assert!(
        parse("1e2").unwrap().as_u64().is_none(),
        "an exponent is not a whole number here"
    );
    for bad in [
        "",
        "{",
        "[1,]",
        "{\"a\" 1}",
        "01",
        "1.",
        "-",
        "\"\\x\"",
        "\"\\ud83d\"",
        "\"a\u{1}\"",
        "nul",
        "1 2",
        // A byte-order mark is read past only where a file starts (CONTRACT §1).
        "1\u{feff}",
        " \u{feff}1",
        // A key given twice, however spelt, never lets the last win (CONTRACT §1).
        "{\"a\":1,\"a\":2}",
        "{\"sex\":1,\"se\\u0078\":2}",
    ] {
        assert!(parse(bad).is_err(), "{bad:?} must be refused");
    }
    assert_eq!(
        parse("\u{feff}1").unwrap().as_u64(),
        Some(1),
        "a leading BOM is read past"
    );
    let deep = "[".repeat(200) + &"]".repeat(200);
    assert!(
        parse(&deep).is_err(),
        "nesting is bounded, not a stack overflow"
    );
}
