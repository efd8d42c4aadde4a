//! The 2022 catalogue against its source, and a corrupted copy refused in every way it can be
//! wrong, each with a message naming the item and the field.
#![cfg(not(target_arch = "wasm32"))]

use minsheng::codec::catalogue::BUILTIN_JSON;
use minsheng::model::catalogue::{Catalogue, Condition, Everyone};
use serde_json::{json, Value};

const SOURCE: &str = include_str!("../seeds/000_287702023e222ac5.txt");

fn builtin() -> &'static Catalogue {
    Catalogue::builtin().expect("the built-in catalogue loads")
}

#[test]
fn the_project_keeps_the_source_byte_for_byte() {
    use sha2::{Digest, Sha256};
    // The checksum kept in the repository, so the check runs on any checkout.
    let kept = include_str!("../seeds/SHA256SUMS");
    let (sum, name) = kept.trim().split_once("  ").expect("`SUM  NAME`");
    assert_eq!(name, "000_287702023e222ac5.txt");
    let digest: String = Sha256::digest(SOURCE.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(digest, sum, "seeds/{name} differs from the source");
    assert_eq!(builtin().source, format!("seeds/{name}"));
}

#[test]
fn items_1_to_33_each_exactly_once() {
    let numbers: Vec<u8> = builtin().items.iter().map(|i| i.item).collect();
    assert_eq!(numbers, (1..=33).collect::<Vec<u8>>());
}

#[test]
fn every_item_matches_the_source_text_deadline_and_departments() {
    builtin().check_source(SOURCE).unwrap();
}

#[test]
fn deadlines_are_year_end_except_items_22_and_29() {
    for item in &builtin().items {
        let want = match item.item {
            22 => "9月",
            29 => "6月",
            _ => "年底",
        };
        assert_eq!(item.deadline, want, "item {}", item.item);
    }
}

#[test]
fn items_7_and_8_share_item_6s_departments() {
    let c = builtin();
    for n in [7, 8] {
        let item = c.item(n).unwrap();
        assert_eq!(item.shares_cells_with, Some(6));
        assert_eq!(item.lead, c.item(6).unwrap().lead);
        assert_eq!(item.partners, c.item(6).unwrap().partners);
    }
}

#[test]
fn every_item_has_titles_and_summaries_in_both_languages() {
    for item in &builtin().items {
        for t in [&item.title, &item.summary] {
            assert!(
                !t.zh.trim().is_empty() && !t.en.trim().is_empty(),
                "item {}",
                item.item
            );
        }
    }
}

/// The English says what the source's words say: a term of the source, wherever an item uses
/// it, is rendered the same way, never as something narrower or wider.
#[test]
fn the_english_renders_the_sources_terms_as_they_are() {
    // (term in the source, what the English summary must say, what it must never say)
    let glossary: [(&str, &str, &str); 3] = [
        (
            "大病补充医疗保险",
            "supplementary medical insurance for serious illness",
            "critical-illness",
        ),
        // 业务骨干 are key staff of the health centres, not only doctors.
        ("业务骨干", "key staff", "doctors"),
        ("集体配餐单位", "collective catering", "cameras"),
    ];
    for (term, says, never) in glossary {
        let items: Vec<_> = builtin()
            .items
            .iter()
            .filter(|i| i.text.contains(term))
            .collect();
        assert!(!items.is_empty(), "{term} is in the source");
        for item in items {
            let en = &item.summary.en;
            assert!(
                en.contains(says),
                "item {} ({term}): «{en}» says «{says}»",
                item.item
            );
            assert!(
                !en.contains(never),
                "item {} ({term}): «{en}» says «{never}»",
                item.item
            );
        }
    }
    // 人次 counts visits or places, not people: where the English gives the count, it is
    // "400 places", never "400 construction workers".
    let mut counted = 0;
    for item in &builtin().items {
        for (at, _) in item.text.match_indices("人次") {
            let digits: String = item.text[..at]
                .chars()
                .rev()
                .take_while(char::is_ascii_digit)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let en = &item.summary.en;
            if !digits.is_empty() && en.contains(&digits) {
                counted += 1;
                assert!(
                    en.contains(&format!("{digits} places")),
                    "item {}: {digits}人次 «{en}» are places, not people",
                    item.item
                );
            }
        }
    }
    assert_eq!(counted, 2, "items 26 and 27 give their 人次 in English");
    // What serves everyone is not said to serve only the housing estates' residents: item 1
    // serves the villages too.
    for item in builtin()
        .items
        .iter()
        .filter(|i| i.everyone == Some(Everyone::Whole))
    {
        let (zh, en) = (&item.summary.zh, &item.summary.en);
        assert!(
            !zh.contains("小区居民") && !en.contains("residents of housing estates"),
            "item {}: «{zh}» «{en}»",
            item.item
        );
    }
}

#[test]
fn items_for_everyone_are_the_seven_the_brief_names_plus_part_of_18() {
    use minsheng::model::catalogue::Everyone;
    let c = builtin();
    let whole: Vec<u8> = c
        .items
        .iter()
        .filter(|i| i.everyone == Some(Everyone::Whole))
        .map(|i| i.item)
        .collect();
    assert_eq!(whole, vec![1, 3, 4, 23, 25, 30, 33]);
    assert_eq!(c.item(18).unwrap().everyone, Some(Everyone::Part));
}

#[test]
fn item_10_is_a_bracket_scale_split_by_payer() {
    let scale = builtin().item(10).unwrap().measures[0]
        .scale
        .as_ref()
        .unwrap();
    type Parts = Vec<(String, String)>;
    let got: Vec<(u8, String, Parts)> = scale
        .brackets
        .iter()
        .map(|b| {
            let parts = b
                .money
                .iter()
                .map(|m| {
                    (
                        serde_json::to_value(m.payer)
                            .unwrap()
                            .as_str()
                            .unwrap()
                            .to_owned(),
                        m.amount.to_string(),
                    )
                })
                .collect();
            (b.from, b.total.to_string(), parts)
        })
        .collect();
    let p = |payer: &str, a: &str| (payer.to_owned(), a.to_owned());
    assert_eq!(
        got,
        vec![
            (80, "50".into(), vec![p("district", "50")]),
            (
                90,
                "100".into(),
                vec![p("upper", "50"), p("district", "50")]
            ),
            (
                100,
                "500".into(),
                vec![p("upper", "300"), p("district", "200")]
            ),
        ]
    );
}

#[test]
fn a_measure_without_its_reading_is_refused() {
    check(
        |v| v["items"][9]["measures"][0]["reading"] = json!([]),
        "item 10, items[9].measures[0].reading: must say how the source was read",
    );
}

/// Applies one corruption to a copy of the built-in catalogue and returns the message.
fn refused(corrupt: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(BUILTIN_JSON).unwrap();
    corrupt(&mut v);
    let text = v.to_string();
    match Catalogue::from_json(&text).and_then(|c| c.check_source(SOURCE).map(|_| c)) {
        Ok(_) => panic!("a corrupted catalogue was accepted"),
        Err(e) => e.to_string(),
    }
}

fn check(corrupt: impl FnOnce(&mut Value), expected: &str) {
    let message = refused(corrupt);
    println!("{message}");
    assert!(
        message.starts_with(expected),
        "got `{message}`, want it to start with `{expected}`"
    );
}

#[test]
fn corrupted_copies_are_refused_naming_item_and_field() {
    check(
        |v| v["items"][1]["item"] = json!(1),
        "item 1, items[1].item: is listed twice",
    );
    check(
        |v| {
            v["items"].as_array_mut().unwrap().remove(4);
        },
        "item 5, items: the source lists item 5 but the catalogue does not",
    );
    check(
        |v| v["items"][9]["colour"] = json!("red"),
        "item 10, items[9].colour: unknown field `colour`",
    );
    check(
        |v| v["items"][9]["measures"][0]["when"] = json!({"income": {"min": 1}}),
        "item 10, items[9].measures[0].when",
    );
    check(
        |v| v["items"][9]["measures"][0]["when"]["age"]["maximum"] = json!(3),
        "item 10, items[9].measures[0].when",
    );
    check(
        |v| {
            v["items"][9]["measures"][0]["scale"]["brackets"][1]["money"][0]["amount"] = json!("60")
        },
        "item 10, items[9].measures[0].scale.brackets[1].total: is 100 but the parts add up to 110",
    );
    check(
        |v| v["items"][9]["measures"][0]["scale"]["brackets"][1]["from"] = json!(80),
        "item 10, items[9].measures[0].scale.brackets[1].from: overlaps the bracket from 80",
    );
    check(
        |v| v["items"][9]["measures"][0]["scale"]["brackets"][2]["total"] = json!("400"),
        "item 10, items[9].measures[0].scale.brackets[2].total: is 400 but the parts add up to 500",
    );
    check(
        |v| v["items"][9]["measures"][0]["scale"]["brackets"][0]["money"][0]["amount"] = json!(50),
        "item 10, items[9].measures[0].scale.brackets[0].money[0].amount",
    );
    check(
        |v| {
            v["items"][9]["title"].as_object_mut().unwrap().remove("en");
        },
        "item 10, items[9].title: missing field `en`",
    );
    check(
        |v| v["items"][9]["title"]["zh"] = json!(" "),
        "item 10, items[9].title.zh: must not be empty",
    );
    check(
        |v| {
            v["items"][9]["text"] = json!("提高老年人高龄补贴标准。80-89周岁老年人每人每月发放60元")
        },
        "item 10, items[9].text: is not a verbatim passage",
    );
    check(
        |v| v["items"][21]["deadline"] = json!("年底"),
        "item 22, items[21].deadline: is `年底` but the source gives `9月",
    );
    check(
        |v| v["items"][9]["lead"] = json!(["民政局"]),
        "item 10, items[9].lead: does not match",
    );
    check(
        |v| v["items"][9]["partners"] = json!(["财政金融局"]),
        "item 10, items[9].partners: does not match",
    );
    check(
        |v| v["items"][7]["partners"] = json!([]),
        "item 8, items[7].lead: must equal item 6's",
    );
    check(
        |v| v["items"][23]["measures"][0]["when"] = json!({"age": {"min": 60}}),
        "item 24, items[23].measures[0].when: a household measure cannot ask about a member",
    );
    check(
        |v| v["items"][12]["measures"][0]["likely"][0]["when"] = json!({"age": {"min": 60}}),
        "item 13, items[12].measures[0].likely[0].when: a household measure cannot ask about a member",
    );
    check(
        |v| v["items"][9]["measures"][0]["likely"][0]["why"] = json!("sometimes"),
        "item 10, items[9].measures[0].likely[0].why: unknown variant `sometimes`, expected one of `conditions`, `quota`, `application`, `part`, `open`, `elsewhere`, `hardship`",
    );
    check(
        |v| v["items"][1]["measures"][0]["when"]["community"]["any_of"][0] = json!("downtown"),
        "item 2, items[1].measures[0].when: names estate `downtown`, which is not listed",
    );
    check(
        |v| v["estates"][4]["street"] = json!("riverside"),
        "estates[4].street: names street `riverside`, which is not listed",
    );
    check(
        |v| v["streets"][1]["key"] = json!("guanghe"),
        "streets[1].key: `guanghe` must be a key of its own",
    );
    check(
        |v| v["programmes"][10]["icon"] = json!("motorbike"),
        "programmes[10].icon: must be one of the pictures the page draws: dot, home,",
    );
    check(
        |v| v["items"][9]["programme"] = json!(16),
        "item 10, items[9].programme: names programme 16",
    );
    check(
        |v| v["items"][10]["measures"][0]["id"] = json!("10"),
        "item 11, items[10].measures[0].id: measure `10` is listed twice",
    );
    check(
        |v| {
            v["items"][9]["measures"][0]["when"] =
                json!({"age": {"min": 80}, "sex": {"is": "male"}})
        },
        "item 10, items[9].measures[0].when: invalid value: map, expected map with a single key",
    );
    check(
        |v| {
            v["items"][9]["measures"][0]
                .as_object_mut()
                .unwrap()
                .remove("scope");
        },
        "item 10, items[9].measures[0]: missing field `scope`",
    );
    check(|v| v["items"][12]["measures"][0]["when"]["all_of"][0]["household"]["any_of"][0] = json!("rich"), "item 13, items[12].measures[0].when.all_of[0].household.any_of[0]: unknown variant `rich`, expected one of `ordinary`");
    check(
        |v| {
            v["items"][12]["measures"][0]["when"]["all_of"][1]["any_member"] =
                json!({"agee": {"min": 60}})
        },
        "item 13, items[12].measures[0].when.all_of[1].any_member: unknown variant `agee`, expected one of `age`",
    );
}

#[test]
fn a_new_year_is_a_new_file_through_the_same_code() {
    let next =
        Catalogue::from_json(include_str!("next-year.json")).expect("the made-up next year loads");
    assert_eq!(next.id, "made-up-next-year");
    assert!(next.item(33).is_none(), "item 33 was dropped");
    assert!(next.item(34).is_some(), "item 34 was added");
    let profile =
        minsheng::codec::profile::decode(r#"{"members":[{"age":85,"sex":"male"}]}"#).unwrap();
    let outcome = minsheng::engine::evaluate(&next, &profile);
    assert_eq!(outcome.catalogue, "made-up-next-year");
    assert_eq!(outcome.cash.month.to_string(), "60", "the changed amount");
    assert!(
        outcome.members[0].iter().any(|e| e.item == 34),
        "the new item applies"
    );
    assert!(!outcome.everyone.contains(&33));
}

/// A near miss that would pay a yearly amount is summed as a yearly amount: the made-up next
/// year pays ¥10 a year from 75, so a 72-year-old's "at 75" is ¥10 a year, never "a month".
#[test]
fn a_near_miss_sums_its_cash_period_by_period() {
    use minsheng::engine::CashSum;
    use minsheng::model::catalogue::Period;
    let next = Catalogue::from_json(include_str!("next-year.json")).unwrap();
    let profile =
        minsheng::codec::profile::decode(r#"{"members":[{"age":72,"sex":"male"}]}"#).unwrap();
    let outcome = minsheng::engine::evaluate(&next, &profile);
    let at75 = outcome.near_misses[0]
        .iter()
        .find(|n| n.money.iter().any(|m| m.period == Period::Year))
        .expect("a near miss paying a yearly amount");
    let sum = CashSum::of(at75.money);
    assert_eq!(sum.year.to_string(), "10");
    assert!(sum.month.is_zero(), "nothing of it is a month's");
    assert_eq!(sum.yearly().to_string(), "10");
}

#[test]
fn the_old_compounds_the_form_implies_are_item_2s_and_item_29_reads_them() {
    use minsheng::model::catalogue::Condition;
    let c = Catalogue::builtin().unwrap();
    let renovated: Vec<&str> = match &c.item(2).unwrap().measures[0].when {
        Condition::Community { any_of } => any_of.iter().map(|p| p.key.as_str()).collect(),
        other => panic!("item 2 names compounds, got {other:?}"),
    };
    let old: Vec<&str> = c
        .estates
        .iter()
        .filter(|e| e.old)
        .map(|e| e.key.as_str())
        .collect();
    assert_eq!(renovated, old, "老旧小区改造 names exactly these compounds");
    // From the sentence "完成洸河街道科苑小区、西闸小区、银都小区、电业局宿舍4个小区……的老旧小区改造"
    // and "黄屯街道云创小镇社区": each estate lies in the street the source places it in.
    for (estate, street) in [
        ("keyuan", "guanghe"),
        ("xizha", "guanghe"),
        ("yindu", "guanghe"),
        ("dianyeju", "guanghe"),
        ("yunchuang", "huangtun"),
    ] {
        assert_eq!(c.estate(estate).map(|e| e.street.as_str()), Some(street));
        let name = &c.estate(estate).unwrap().name.zh;
        assert!(
            c.items.iter().any(|i| i.text.contains(name.as_str())),
            "{name} is the source's"
        );
    }
    for s in &c.streets {
        assert!(
            c.items.iter().any(|i| i.text.contains(s.name.zh.as_str())
                || i.partners.iter().chain(&i.lead).any(|d| *d == s.name.zh)),
            "{} is a street the source names",
            s.name.zh
        );
    }
    // From the sentence: 科苑小区 is an old compound, so a household there with a car is served
    // by item 29's night parking without ticking "old compound" as well.
    let p = minsheng::codec::profile::decode(
        r#"{"community":"keyuan","car":true,"members":[{"age":40,"sex":"male"}]}"#,
    )
    .unwrap();
    let o = minsheng::engine::evaluate(c, &p);
    assert!(
        o.household.iter().any(|e| e.item == 29),
        "item 29 for 科苑小区 with a car"
    );
}

#[test]
fn the_page_copy_is_the_catalogue_packed() {
    use minsheng::codec::catalogue::{pack, BUILTIN_PAGE};
    let full = Catalogue::builtin().expect("the catalogue file is valid");
    assert!(
        pack::pack(full) == BUILTIN_PAGE,
        "src/catalogue/page.bin is not the catalogue file packed: run `make catalogue`"
    );
    let mut expected = full.clone();
    // What the page does not show is not packed.
    expected.source.clear();
    for p in expected.programmes.iter_mut() {
        p.title.clear();
        p.en.clear();
    }
    for item in expected.items.iter_mut() {
        item.text.clear();
        item.summary = Default::default();
    }
    for item in expected.items.iter_mut().filter(|i| i.measures.is_empty()) {
        item.deadline.clear();
        item.lead.clear();
        item.partners.clear();
    }
    for m in expected.items.iter_mut().flat_map(|i| &mut i.measures) {
        m.reading.clear();
    }
    let page = pack::unpack(BUILTIN_PAGE).expect("the packed copy reads back whole");
    assert_eq!(page, expected);
    // Compared as JSON too: a Decimal's == ignores its scale (50 == 50.0); its text does not.
    assert_eq!(
        serde_json::to_string(&page).unwrap(),
        serde_json::to_string(&expected).unwrap()
    );
}

#[test]
fn a_damaged_packed_copy_is_refused_never_misread() {
    use minsheng::codec::catalogue::{pack, BUILTIN_PAGE};
    // Cut short anywhere, or with bytes after its end, it is not a catalogue.
    for len in (0..BUILTIN_PAGE.len()).step_by(97) {
        assert_eq!(pack::unpack(&BUILTIN_PAGE[..len]), None, "cut at {len}");
    }
    let mut longer = BUILTIN_PAGE.to_vec();
    longer.push(0);
    assert_eq!(pack::unpack(&longer), None);
    // A byte changed anywhere: read back as something or refused, without a panic.
    for at in (0..BUILTIN_PAGE.len()).step_by(89) {
        let mut bytes = BUILTIN_PAGE.to_vec();
        bytes[at] ^= 0xa5;
        let _ = pack::unpack(&bytes);
    }
}

#[test]
fn out_of_reach_is_what_no_answer_can_change_item_15() {
    // 为全区集中供养特困人员和孤困儿童购买人身综合保险: people in centralised extreme-poverty care,
    // and orphans or children in difficulty (儿童: under 18).
    let c = Catalogue::builtin().unwrap();
    let when = &c.item(15).unwrap().measures[0].when;
    let Condition::AnyOf(branches) = when else {
        panic!("item 15's insurance is for either group: {when:?}")
    };
    let person = |age: u8| minsheng::model::profile::Member {
        age,
        ..minsheng::model::profile::Member::default()
    };
    // An 80-year-old can still be in centralised care: the measure is within reach…
    assert!(!when.out_of_reach(&person(80)));
    // …but never again a child: that branch is not.
    let child = branches
        .iter()
        .find(|b| matches!(b, Condition::AllOf(_)))
        .unwrap();
    assert!(child.out_of_reach(&person(80)));
    assert!(child.out_of_reach(&person(18)));
    assert!(!child.out_of_reach(&person(17)));
    // An age band and a sex: outgrown, or the other sex, in an "and" and in an "or".
    let over = Condition::Age {
        min: None,
        max: Some(5),
    };
    let woman = Condition::Sex {
        is: minsheng::model::choice::Sex::Female,
    };
    let man = |age: u8| minsheng::model::profile::Member {
        sex: minsheng::model::choice::Sex::Male,
        ..person(age)
    };
    let both = Condition::AllOf(vec![over.clone(), woman.clone()]);
    let either = Condition::AnyOf(vec![over, woman]);
    assert!(both.out_of_reach(&man(3)), "a boy of 3 is not a woman");
    assert!(
        !both.out_of_reach(&person(3)),
        "a girl of 3 is within reach"
    );
    assert!(either.out_of_reach(&man(40)), "a man of 40 is neither");
    assert!(
        !either.out_of_reach(&person(40)),
        "a woman of 40 is one of them"
    );
}

/// Every picture a list may name for a programme is one the page's stylesheet draws, and every
/// picture drawn is one a list may name: the list picks, the stylesheet draws (`ICONS`).
#[test]
fn every_programme_picture_is_drawn_by_the_stylesheet() {
    use minsheng::model::catalogue::ICONS;
    let css = include_str!("../style.css");
    let mut drawn: Vec<&str> = css
        .match_indices("[data-icon=\"")
        .map(|(at, m)| {
            let rest = &css[at + m.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect();
    drawn.sort_unstable();
    let mut named = ICONS.to_vec();
    named.sort_unstable();
    assert_eq!(drawn, named);
    // The list's pictures: each programme its own, as the list names it.
    let c = Catalogue::builtin().unwrap();
    assert_eq!(c.icon(1), "home");
    assert_eq!(c.icon(15), "tree");
    assert_eq!(c.icon(99), "dot");
}
