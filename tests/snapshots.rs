//! Snapshots: `tests/snapshots/*.json`, each case's `expect` the engine's whole output as it
//! was when the case was written (every measure id, every near miss). They pin behaviour, so a
//! change shows up in review; they cannot tell a misreading from a reading — the expectations
//! written from the source's sentences (`tests/readings.rs`) do that.
//!
//! Each case: a sentence for a name, a profile and
//! what the result must say, all run through one `check` helper.
#![cfg(not(target_arch = "wasm32"))]

use minsheng::engine::{self, Certainty, Change, Outcome};
use minsheng::model::catalogue::Catalogue;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    profile: Value,
    expect: Expect,
}

/// What a case expects: measure ids per member and for the household, the cash, which
/// measures are only "likely", and the near misses as `measure@age` or `measure@insurance`.
#[derive(Deserialize, Serialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Expect {
    members: Vec<Vec<String>>,
    household: Vec<String>,
    cash: Cash,
    check: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    near: Option<Vec<Vec<String>>>,
}

#[derive(Deserialize, Serialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Cash {
    month: String,
    year: String,
}

fn summarise(o: &Outcome<'_>) -> Expect {
    let ids =
        |es: &[engine::Entry<'_>]| es.iter().map(|e| e.measure.to_owned()).collect::<Vec<_>>();
    let mut check: Vec<(u8, String)> = o
        .members
        .iter()
        .flatten()
        .chain(&o.household)
        .filter(|e| e.certainty == Certainty::Check)
        .map(|e| (e.item, e.measure.to_owned()))
        .collect();
    check.sort();
    check.dedup();
    let near: Vec<Vec<String>> = o
        .near_misses
        .iter()
        .map(|ns| {
            ns.iter()
                .map(|n| match n.change {
                    Change::Age { at } => format!("{}@{at}", n.measure),
                    Change::Insurance { to } => format!("{}@{}", n.measure, to.as_str()),
                })
                .collect()
        })
        .collect();
    Expect {
        members: o.members.iter().map(|m| ids(m)).collect(),
        household: ids(&o.household),
        cash: Cash {
            month: o.cash.month.to_string(),
            year: o.cash.year.to_string(),
        },
        check: check.into_iter().map(|(_, id)| id).collect(),
        near: near.iter().any(|n| !n.is_empty()).then_some(near),
    }
}

fn check(case: &Case) {
    let catalogue = Catalogue::builtin().unwrap();
    let profile = minsheng::codec::profile::from_value(&(&case.profile).into(), catalogue)
        .unwrap_or_else(|e| panic!("{}: {e}", case.name));
    let got = summarise(&engine::evaluate(catalogue, &profile));
    assert_eq!(got, case.expect, "case: {}", case.name);
}

fn all_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let mut files: Vec<_> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut list: Vec<Case> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        cases.append(&mut list);
    }
    cases
}

/// JSON on one line as the snapshot files write it: `{"a": 1, "b": [2, 3]}`.
struct Spaced;

impl serde_json::ser::Formatter for Spaced {
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        w.write_all(if first { b"" } else { b", " })
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        w.write_all(if first { b"" } else { b", " })
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
}

/// `MINSHENG_UPDATE_SNAPSHOTS=1 cargo test --test snapshots`: rewrites each case's `expect`
/// that no longer holds with what the engine says now, and leaves every other byte as it was.
/// Review the diff: every change must be a reading that changed, named in the commit.
fn update_snapshots() {
    let catalogue = Catalogue::builtin().unwrap();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut out = String::new();
        for line in text.split_inclusive('\n') {
            let body = line.trim_end().trim_end_matches(',');
            let (Ok(case), Some(at)) = (
                serde_json::from_str::<Case>(body.trim_start()),
                line.find(r#""expect": "#),
            ) else {
                out.push_str(line);
                continue;
            };
            let profile =
                minsheng::codec::profile::from_value(&(&case.profile).into(), catalogue).unwrap();
            let got = summarise(&engine::evaluate(catalogue, &profile));
            if got == case.expect {
                out.push_str(line);
                continue;
            }
            let mut expect = Vec::new();
            got.serialize(&mut serde_json::Serializer::with_formatter(
                &mut expect,
                Spaced,
            ))
            .unwrap();
            out.push_str(&line[..at]);
            out.push_str(r#""expect": "#);
            out.push_str(std::str::from_utf8(&expect).unwrap());
            out.push('}');
            out.push_str(&line[body.len()..]);
        }
        std::fs::write(&path, out).unwrap();
    }
}

#[test]
fn snapshots_hold() {
    if std::env::var_os("MINSHENG_UPDATE_SNAPSHOTS").is_some() {
        update_snapshots();
    }
    let cases = all_cases();
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    for case in &cases {
        check(case);
    }
    println!("{} snapshots hold", cases.len());
}

#[test]
fn the_cases_cover_every_measure_threshold_kind_and_insurance() {
    let cases = all_cases();
    let catalogue = Catalogue::builtin().unwrap();
    let held: std::collections::BTreeSet<String> = cases
        .iter()
        .flat_map(|c| {
            c.expect
                .members
                .iter()
                .flatten()
                .chain(&c.expect.household)
                .cloned()
        })
        .collect();
    for m in catalogue.items.iter().flat_map(|i| &i.measures) {
        assert!(held.contains(&m.id), "no case shows measure {}", m.id);
    }
    let ages = member_values(&cases, "age", "");
    for (below, at) in [
        (2, 3),
        (5, 6),
        (15, 16),
        (17, 18),
        (59, 60),
        (64, 65),
        (69, 70),
        (79, 80),
        (89, 90),
        (99, 100),
    ] {
        assert!(
            ages.contains(&below.to_string()) && ages.contains(&at.to_string()),
            "threshold {below}/{at}"
        );
    }
    let field = |f: &str| {
        cases
            .iter()
            .map(|c| c.profile[f].as_str().unwrap_or("ordinary").to_owned())
            .collect::<std::collections::BTreeSet<_>>()
    };
    for kind in minsheng::model::choice::HouseholdKind::ALL {
        assert!(
            field("kind").contains(kind.as_str()),
            "household kind {}",
            kind.as_str()
        );
    }
    let insurance = member_values(&cases, "insurance", "none");
    for ins in minsheng::model::choice::Insurance::ALL {
        assert!(
            insurance.contains(ins.as_str()),
            "insurance {}",
            ins.as_str()
        );
    }
}

/// Every value a member field takes across the cases (`default` where it is left out).
fn member_values(cases: &[Case], field: &str, default: &str) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    for member in cases
        .iter()
        .flat_map(|c| c.profile["members"].as_array().into_iter().flatten())
    {
        out.insert(match &member[field] {
            Value::Null => default.to_owned(),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        });
    }
    out
}

#[test]
fn the_contracts_92_year_old_gets_its_amounts_and_ratios() {
    let out = minsheng::codec::evaluate_json(
        Catalogue::builtin().unwrap(),
        r#"{"residency":"hukou","street":"guanghe","area":"urban","kind":"ordinary","community":null,"old_community":false,"piped_gas":true,"lift":false,"car":false,"members":[{"age":92,"sex":"female","insurance":"resident","disability":"none","severe_disability":false,"self_care_lost":false,"child_in_difficulty":false,"cerebral_palsy":false,"work":"none"}]}"#,
    )
    .unwrap();
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["catalogue"], "jining-hitech-2022");
    let find = |list: &Value, item: u64| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|e| e["item"] == item)
            .cloned()
            .unwrap()
    };
    let ten = find(&v["members"][0], 10);
    assert_eq!(ten["certainty"], "eligible");
    assert_eq!(
        ten["money"],
        serde_json::json!([
        { "amount": "50", "period": "month", "payer": "upper", "kind": "cash" },
        { "amount": "50", "period": "month", "payer": "district", "kind": "cash" }])
    );
    assert_eq!(
        find(&v["members"][0], 20)["ratios"],
        serde_json::json!([
        { "hospital_level": 1, "before": "0.80", "after": "0.85" },
        { "hospital_level": 2, "before": "0.70", "after": "0.75" }])
    );
    assert_eq!(
        find(&v["household"], 22)["money"],
        serde_json::json!([{ "amount": "2", "period": "year", "payer": "government", "kind": "premium" }])
    );
    assert_eq!(v["everyone"], serde_json::json!([1, 3, 4, 23, 25, 30, 33]));
    assert_eq!(
        v["cash"],
        serde_json::json!({ "month": "100", "year": "1200" })
    );
    assert!(ten["reasons"].as_array().is_some_and(|r| !r.is_empty()));
    assert_eq!(ten["deadline"], "年底");
    assert_eq!(ten["lead"], serde_json::json!(["发展软环境保障局"]));
}
