//! Expectations written from the source's sentences, not from the engine's output: each
//! entry of `tests/readings/sentences.json` quotes an item's sentence and states, partially and
//! in the sentence's own terms, what it gives and to whom ("at 80, ¥50 a month from the
//! district"; "nothing at 79"). A misreading of the source fails here; the whole-output
//! snapshots (`tests/snapshots/`) only pin what the engine does today.
#![cfg(not(target_arch = "wasm32"))]

use minsheng::engine::{self, Certainty, Entry, Outcome};
use minsheng::model::catalogue::{Catalogue, Scope};
use minsheng::words::{self, Lang};
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeSet;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Reading {
    item: u8,
    source: String,
    checks: Vec<Check>,
}

/// One partial expectation. Without `member`, `has`/`lacks` are the household's measures.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Check {
    profile: Value,
    member: Option<usize>,
    has: Option<String>,
    lacks: Option<String>,
    /// `eligible` or `check` (likely).
    certainty: Option<String>,
    /// Each as `amount period payer kind`, e.g. `50 month district cash`, in any order.
    money: Option<Vec<String>>,
    /// Each as `level before after`, e.g. `1 0.80 0.85`.
    ratios: Option<Vec<String>>,
    /// How many times the measure is held in that scope.
    count: Option<usize>,
    free: Option<bool>,
    /// The source names money but no amount.
    unstated: Option<bool>,
    /// The household's monthly cash.
    cash_month: Option<String>,
    /// Why it is only likely, as the catalogue names it (`part`, `open`, `elsewhere`…): the
    /// entry's `check` or its `check_also`.
    check_why: Option<String>,
    /// A phrase the why says (in Chinese: the reasons and why it is only likely).
    why: Option<String>,
    /// A phrase the why-not says (in Chinese), for `lacks` in a member's scope.
    why_not: Option<String>,
    /// The item serves everyone (wholly / in part).
    everyone: Option<u8>,
    everyone_part: Option<u8>,
    /// The measure `has` names is said to be one or the other with this one (`instead_of`).
    instead_of: Option<String>,
    /// The measure `has` names is no alternative to anything this member is given.
    instead_of_none: Option<bool>,
    /// A near miss of the member, as `measure@age` or `measure@insurance`.
    near: Option<String>,
    /// How sure that near miss is: `eligible` or `check`.
    near_certainty: Option<String>,
    /// That near miss is offered as one choice with this measure.
    near_instead_of: Option<String>,
    /// The profile cannot be true: the decoder refuses it, naming this field first.
    refused: Option<String>,
}

fn certainty(c: Certainty) -> &'static str {
    match c {
        Certainty::Eligible => "eligible",
        Certainty::Check => "check",
    }
}

fn readings() -> Vec<Reading> {
    serde_json::from_str(include_str!("readings/sentences.json")).expect("sentences.json reads")
}

fn scope<'o, 'a>(o: &'o Outcome<'a>, member: Option<usize>) -> &'o [Entry<'a>] {
    match member {
        Some(i) => &o.members[i],
        None => &o.household,
    }
}

fn check(r: &Reading, c: &Check) {
    let at = format!("item {} «{}» with {}", r.item, r.source, c.profile);
    let decoded = minsheng::codec::profile::from_value(
        &(&c.profile).into(),
        minsheng::model::catalogue::Catalogue::builtin().unwrap(),
    );
    if let Some(field) = &c.refused {
        let e = decoded.expect_err(&format!("{at}: must be refused"));
        assert!(
            e.to_string().starts_with(&format!("{field}: ")),
            "{at}: refused naming {field}, not «{e}»"
        );
        return;
    }
    let profile = decoded.unwrap_or_else(|e| panic!("{at}: {e}"));
    let o = engine::evaluate(Catalogue::builtin().unwrap(), &profile);
    let held = scope(&o, c.member);
    if let Some(id) = &c.lacks {
        assert!(
            held.iter().all(|e| e.measure != id),
            "{at}: must not have {id}"
        );
        let wanted = if c.member.is_some() {
            Scope::Member
        } else {
            Scope::Household
        };
        let in_scope = Catalogue::builtin()
            .unwrap()
            .items
            .iter()
            .flat_map(|i| &i.measures)
            .any(|m| &m.id == id && m.scope == wanted);
        if in_scope {
            let why_not = c
                .member
                .map_or(&o.household_not_applicable, |i| &o.not_applicable[i]);
            let n = why_not.iter().find(|n| n.measure == id);
            assert!(
                n.is_some_and(|n| !n.unmet.is_empty()),
                "{at}: {id} is said not to apply, with the unmet conditions"
            );
            if let (Some(want), Some(n)) = (&c.why_not, n) {
                let catalogue = Catalogue::builtin().unwrap();
                let title = words::measure_title(Lang::Zh, catalogue, n.item, n.measure);
                let member = c.member.and_then(|i| profile.members.get(i));
                let said = words::why_not(Lang::Zh, &title, n, member);
                assert!(
                    said.contains(want.as_str()),
                    "{at}: why not «{said}» says «{want}»"
                );
            }
        }
    }
    if let Some(id) = &c.has {
        let found: Vec<&Entry<'_>> = held.iter().filter(|e| e.measure == id).collect();
        assert!(!found.is_empty(), "{at}: must have {id}");
        assert_eq!(
            found.len(),
            c.count.unwrap_or(1),
            "{at}: {id} held this many times"
        );
        let e = found[0];
        if let Some(want) = &c.certainty {
            assert_eq!(certainty(e.certainty), want, "{at}: certainty of {id}");
        }
        if let Some(other) = &c.instead_of {
            assert!(
                e.instead_of.contains(&other.as_str()),
                "{at}: {id} is one or the other with {other}, not {:?}",
                e.instead_of
            );
        }
        if c.instead_of_none == Some(true) {
            assert!(e.instead_of.is_empty(), "{at}: {id} is no alternative here");
        }
        if let Some(want) = &c.money {
            let mut got: Vec<String> = e
                .money
                .iter()
                .map(|m| {
                    format!(
                        "{} {} {} {}",
                        m.amount.normalize(),
                        m.period.as_str(),
                        m.payer.as_str(),
                        m.kind.as_str()
                    )
                })
                .collect();
            let mut want = want.clone();
            got.sort();
            want.sort();
            assert_eq!(got, want, "{at}: money of {id}");
        }
        if let Some(want) = &c.ratios {
            let got: Vec<String> = e
                .ratios
                .iter()
                .map(|r| format!("{} {:.2} {:.2}", r.hospital_level, r.before, r.after))
                .collect();
            assert_eq!(&got, want, "{at}: ratios of {id}");
        }
        if let Some(want) = &c.check_why {
            let got: Vec<&str> = e.check.iter().chain(&e.also).map(|w| w.as_str()).collect();
            assert!(
                got.contains(&want.as_str()),
                "{at}: {id} is likely for {want}, not {got:?}"
            );
        }
        if let Some(want) = &c.why {
            let mut said = words::reasons(Lang::Zh, &e.reasons, &profile.members, &[]);
            for w in e.check.iter().chain(&e.also) {
                said.push_str(words::check_why(*w).0);
            }
            assert!(
                said.contains(want.as_str()),
                "{at}: why «{said}» says «{want}»"
            );
        }
        if let Some(want) = c.free {
            assert_eq!(e.free, want, "{at}: {id} is free");
        }
        if let Some(want) = c.unstated {
            assert_eq!(e.unstated.is_some(), want, "{at}: {id} states no amount");
        }
    }
    if let Some(near) = &c.near {
        let i = c.member.expect("a near miss is a member's");
        let said = |n: &engine::NearMiss<'_>| match n.change {
            engine::Change::Age { at } => format!("{}@{at}", n.measure),
            engine::Change::Insurance { to } => format!("{}@{}", n.measure, to.as_str()),
        };
        let n = o.near_misses[i]
            .iter()
            .find(|n| &said(n) == near)
            .unwrap_or_else(|| panic!("{at}: near miss {near}"));
        if let Some(want) = &c.near_certainty {
            assert_eq!(certainty(n.certainty), want, "{at}: near miss {near}");
        }
        if let Some(other) = &c.near_instead_of {
            assert!(
                n.instead_of.iter().any(|id| id == other),
                "{at}: near miss {near} is one choice with {other}"
            );
            let catalogue = Catalogue::builtin().unwrap();
            let misses: Vec<_> = o.near_misses[i]
                .iter()
                .map(|n| {
                    (
                        n,
                        words::measure_title(Lang::Zh, catalogue, n.item, n.measure),
                    )
                })
                .collect();
            let text: Vec<String> = words::near_misses(Lang::Zh, &misses)
                .into_iter()
                .map(|(_, s)| s)
                .collect();
            assert!(
                text.iter().any(|s| s.contains("二选一")),
                "{at}: near misses say one or the other: {text:?}"
            );
        }
    }
    if let Some(want) = &c.cash_month {
        assert_eq!(
            &o.cash.month.normalize().to_string(),
            want,
            "{at}: monthly cash"
        );
    }
    if let Some(item) = c.everyone {
        assert!(
            o.everyone.contains(&item),
            "{at}: item {item} serves everyone"
        );
    }
    if let Some(item) = c.everyone_part {
        assert!(
            o.everyone_part.contains(&item),
            "{at}: part of item {item} serves everyone"
        );
    }
}

#[test]
fn every_reading_holds() {
    for r in readings() {
        assert!(!r.checks.is_empty(), "item {}: no check", r.item);
        for c in &r.checks {
            check(&r, c);
        }
    }
}

#[test]
fn every_sentence_is_the_sources_own_words() {
    let c = Catalogue::builtin().unwrap();
    let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    for r in readings() {
        let text = squash(
            &c.item(r.item)
                .unwrap_or_else(|| panic!("item {}", r.item))
                .text,
        );
        for part in r.source.split("……") {
            assert!(
                text.contains(&squash(part)),
                "item {}: «{part}» is not in the source",
                r.item
            );
        }
    }
}

#[test]
fn every_measure_has_a_reading_that_gives_it_and_one_that_does_not() {
    let c = Catalogue::builtin().unwrap();
    let (mut has, mut lacks, mut everyone) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    for r in readings() {
        for check in &r.checks {
            has.extend(check.has.clone());
            lacks.extend(check.lacks.clone());
            everyone.extend(check.everyone.or(check.everyone_part));
        }
    }
    for item in &c.items {
        for m in &item.measures {
            assert!(
                has.contains(&m.id),
                "measure {} ({:?}) has no reading that gives it",
                m.id,
                m.scope == Scope::Member
            );
            assert!(
                lacks.contains(&m.id),
                "measure {} has no reading that withholds it",
                m.id
            );
        }
        // Whole or in part: either way a reading must say so.
        if item.everyone.is_some() {
            assert!(
                everyone.contains(&item.item),
                "item {} serves everyone: no reading says so",
                item.item
            );
        }
    }
}

#[test]
fn a_check_with_nothing_to_check_is_refused() {
    // The harness itself can fail: a reading that asks for a measure the sentence does not
    // give is caught.
    let r = Reading {
        item: 10,
        source: String::new(),
        checks: Vec::new(),
    };
    let wrong = Check {
        profile: serde_json::json!({"members": [{"age": 79, "sex": "male"}]}),
        member: Some(0),
        has: Some("10".into()),
        ..Check::default()
    };
    assert!(std::panic::catch_unwind(|| check(&r, &wrong)).is_err());
}
