//! The words and the reading of typed ages, tested natively: they use no browser API, so
//! every sentence the page, the printout and the copied text say can be checked here.
#![cfg(not(target_arch = "wasm32"))]

use minsheng::model::catalogue::Catalogue;

#[test]
fn words_read_plainly_in_both_languages() {
    use minsheng::words::{deadline, percent, yearly, yuan, Lang};
    use rust_decimal::Decimal;
    assert_eq!(yuan(Decimal::new(500, 1)), "¥50");
    assert_eq!(percent(Decimal::new(85, 2)), "85%");
    assert_eq!(percent(Decimal::new(8, 1)), "80%");
    assert_eq!(percent(Decimal::new(1, 0)), "100%");
    assert_eq!(percent(Decimal::new(855, 3)), "85.5%");
    assert_eq!(percent(Decimal::new(7500, 4)), "75%");
    assert_eq!(yearly(Lang::Zh, Decimal::from(1200)), "每年 ¥1200");
    assert_eq!(yearly(Lang::En, Decimal::from(1200)), "¥1200 a year");
    assert_eq!(deadline(Lang::Zh, 2022, "年底"), "2022年年底");
    assert_eq!(deadline(Lang::En, 2022, "年底"), "by the end of 2022");
    assert_eq!(deadline(Lang::En, 2022, "9月"), "by September 2022");
}

/// A near miss says each period as itself: ¥10 a year (tests/next-year.json's allowance from 75)
/// is never "¥10 a month", and monthly and yearly cash are not added together.
#[test]
fn a_near_miss_says_a_yearly_amount_is_yearly() {
    use minsheng::engine::{Certainty, Change, Gain, NearMiss};
    use minsheng::model::catalogue::{Money, MoneyKind, Payer, Period};
    use minsheng::words::{near_miss, Lang};
    let cash = |amount: &str, period| Money {
        amount: amount.parse().unwrap(),
        period,
        payer: Payer::District,
        kind: MoneyKind::Cash,
    };
    let yearly = [cash("10", Period::Year)];
    let n = NearMiss {
        change: Change::Age { at: 75 },
        item: 34,
        measure: "allowance",
        gain: Gain::New,
        certainty: Certainty::Eligible,
        check: None,
        money: &yearly,
        instead_of: &[],
    };
    assert_eq!(
        near_miss(Lang::En, &n, "Allowance"),
        "At 75: Allowance, ¥10 a year."
    );
    assert_eq!(
        near_miss(Lang::Zh, &n, "补贴"),
        "满75周岁时，可享受“补贴”，每年¥10。"
    );
    let both = [cash("50", Period::Month), cash("10", Period::Year)];
    let n = NearMiss { money: &both, ..n };
    assert_eq!(
        near_miss(Lang::En, &n, "Allowance"),
        "At 75: Allowance, ¥50 a month and ¥10 a year."
    );
}

#[test]
fn an_age_is_read_only_as_a_whole_number_from_0_to_130() {
    use minsheng::model::age::{read_age, Age, Wrong};
    assert_eq!(read_age(""), Age::Empty);
    assert_eq!(read_age("  "), Age::Empty);
    assert_eq!(read_age("78"), Age::Valid(78));
    assert_eq!(read_age(" 0 "), Age::Valid(0));
    assert_eq!(read_age("78岁"), Age::Valid(78), "as people write it");
    assert_eq!(read_age("78 周岁"), Age::Valid(78));
    assert_eq!(
        read_age("１３０"),
        Age::Valid(130),
        "full-width digits, as Chinese keyboards type"
    );
    assert_eq!(read_age("岁"), Age::Empty, "a unit alone is no answer yet");
    for bad in ["1e2", "7.5", "-1", "78岁半"] {
        assert_eq!(read_age(bad), Age::Invalid(Wrong::NotNumber), "{bad}");
    }
    for bad in ["131", "255", "788", "6078", "99999999999999999999"] {
        assert_eq!(read_age(bad), Age::Invalid(Wrong::TooOld), "{bad}");
    }
    assert_eq!(read_age("1944"), Age::Invalid(Wrong::BirthYear));
    // A space among the figures is the fault to name, not the figures.
    for spaced in ["3 5", "7 8", "３ ５", "1 2 3"] {
        assert_eq!(read_age(spaced), Age::Invalid(Wrong::Space), "{spaced}");
    }
    assert_eq!(read_age("3 5岁"), Age::Invalid(Wrong::Space));
}

#[test]
fn an_age_in_chinese_numerals_is_read_as_it_is_said() {
    use minsheng::model::age::{in_chinese, read_age, Age, Wrong};
    // As voice input writes an age.
    for (said, age) in [
        ("七十", 70),
        ("七十五", 75),
        ("七十八岁", 78),
        ("八十五周岁", 85),
        ("九十九", 99),
        ("十五", 15),
        ("十", 10),
        ("两岁", 2),
        ("七", 7),
        ("一百", 100),
        ("一百零五", 105),
        ("一百二十", 120),
        ("一百三十", 130),
        ("零岁", 0),
    ] {
        assert_eq!(read_age(said), Age::Valid(age), "{said}");
        assert!(in_chinese(said), "{said} is said back");
    }
    assert!(!in_chinese("78岁"), "figures are not said back");
    // Not read, never guessed: a plain message instead.
    for unread in [
        "八十有五",
        "七五",
        "一百二",
        "十十",
        "十百",
        "7十",
        "七十年",
    ] {
        assert_eq!(read_age(unread), Age::Invalid(Wrong::NotNumber), "{unread}");
    }
    assert_eq!(read_age("一百四十"), Age::Invalid(Wrong::TooOld));
    assert_eq!(read_age("三百"), Age::Invalid(Wrong::TooOld));
}

#[test]
fn reasons_name_each_answer_once_and_the_narrowest_age_band() {
    use minsheng::words::{reasons, Lang};
    let profile =
        minsheng::codec::profile::decode(r#"{"members":[{"age":84,"sex":"female"}]}"#).unwrap();
    let outcome = minsheng::engine::evaluate(Catalogue::builtin().unwrap(), &profile);
    let allowance = outcome.members[0]
        .iter()
        .find(|e| e.item == 10)
        .expect("item 10 at 84");
    let m = &profile.members;
    assert_eq!(
        reasons(Lang::Zh, &allowance.reasons, m, &[]),
        "84周岁（80至89周岁）"
    );
    assert_eq!(
        reasons(Lang::En, &allowance.reasons, m, &[]),
        "aged 84 (80 to 89)"
    );
}

#[test]
fn a_household_measure_names_the_members_who_qualify_it() {
    use minsheng::words::{reasons, Lang};
    // Item 13: one adaptation per home; both elders qualify it, and both are named.
    let profile = minsheng::codec::profile::decode(
        r#"{"kind":"minimum_living","members":[{"age":84,"sex":"female"},{"age":66,"sex":"male","self_care_lost":true},{"age":40,"sex":"male"}]}"#,
    )
    .unwrap();
    let outcome = minsheng::engine::evaluate(Catalogue::builtin().unwrap(), &profile);
    let adaptation = outcome
        .household
        .iter()
        .find(|e| e.item == 13)
        .expect("item 13 for the household");
    let said = reasons(Lang::Zh, &adaptation.reasons, &profile.members, &[]);
    assert!(said.starts_with("低保家庭"), "{said}");
    assert!(said.contains("84岁女性：84周岁（80周岁及以上）"), "{said}");
    assert!(
        said.contains("66岁男性：66周岁（60周岁及以上）；失能（生活不能自理）"),
        "{said}"
    );
    assert!(!said.contains("40岁"), "{said}");
}

/// Two members whose reasons read alike are not named one by one: "84周岁（80周岁及以上）"
/// said once is what both 84-year-olds' line means; where they differ, each is named.
#[test]
fn reasons_alike_for_several_members_are_said_once() {
    use minsheng::words::{each_said, reasons, Lang};
    let profile = minsheng::codec::profile::decode(
        r#"{"kind":"minimum_living","members":[{"age":84,"sex":"female"},{"age":84,"sex":"male"},{"age":81,"sex":"male"}]}"#,
    )
    .unwrap();
    let outcome = minsheng::engine::evaluate(Catalogue::builtin().unwrap(), &profile);
    let m = &profile.members;
    let each = |which: &[usize]| -> Vec<(usize, String)> {
        which
            .iter()
            .map(|&i| {
                let e = outcome.members[i]
                    .iter()
                    .find(|e| e.item == 10)
                    .expect("item 10");
                (i, reasons(Lang::Zh, &e.reasons, m, &[]))
            })
            .collect()
    };
    assert_eq!(
        each_said(Lang::Zh, &each(&[0, 1]), m, &[]),
        "84周岁（80至89周岁）"
    );
    assert_eq!(
        each_said(Lang::Zh, &each(&[0, 2]), m, &[]),
        "84岁女性：84周岁（80至89周岁）；81岁男性：81周岁（80至89周岁）"
    );
    // One member alone is named, as before: the household's lines say who qualifies them.
    assert_eq!(
        each_said(Lang::Zh, &each(&[2]), m, &[]),
        "81岁男性：81周岁（80至89周岁）"
    );
}

#[test]
fn why_not_reads_the_unmet_conditions_in_words() {
    use minsheng::words::{measure_title, why_not, Lang};
    let catalogue = Catalogue::builtin().unwrap();
    let profile =
        minsheng::codec::profile::decode(r#"{"members":[{"age":78,"sex":"male"}]}"#).unwrap();
    let outcome = minsheng::engine::evaluate(catalogue, &profile);
    let na = &outcome.not_applicable[0];
    let line = |item: u8, lang: Lang| {
        let n = na
            .iter()
            .find(|n| n.item == item)
            .expect("listed as not applicable");
        why_not(
            lang,
            &measure_title(lang, catalogue, n.item, n.measure),
            n,
            profile.members.first(),
        )
    };
    assert_eq!(line(10, Lang::Zh), "高龄补贴：需年满80周岁（现78周岁）");
    assert_eq!(
        line(10, Lang::En),
        "Old-age allowance: only if aged 80 or over (now 78)"
    );
    assert!(
        line(31, Lang::Zh).contains("需为女性"),
        "{}",
        line(31, Lang::Zh)
    );
}

#[test]
fn where_to_ask_names_the_residents_own_street_office_from_the_source() {
    use minsheng::words::{where_to_ask, Lang};
    let list = Catalogue::builtin().unwrap();
    let street = |key: &str| list.street(key).map(|s| &s.name);
    let lead = vec!["发展软环境保障局".to_owned()];
    let partners = vec!["财政金融局".to_owned(), "各街道".to_owned()];
    assert_eq!(
        where_to_ask(Lang::Zh, &lead, &partners, street("guanghe")),
        "先到洸河街道办事处咨询；负责部门：发展软环境保障局"
    );
    assert!(where_to_ask(Lang::Zh, &lead, &partners, None).starts_with("先到您所在的街道办事处"));
    // Item 14 names four streets, not 黄屯: a 黄屯 resident asks the lead department.
    let four: Vec<String> = ["洸河街道", "柳行街道", "王因街道", "接庄街道"]
        .map(String::from)
        .to_vec();
    assert_eq!(
        where_to_ask(Lang::Zh, &lead, &four, street("huangtun")),
        "负责部门：发展软环境保障局"
    );
    assert_eq!(
        where_to_ask(Lang::Zh, &lead, &four, street("wangyin")),
        "先到王因街道办事处咨询；负责部门：发展软环境保障局"
    );
}

#[test]
fn a_household_on_its_own_allowance_is_told_the_total_leaves_it_out() {
    use minsheng::model::choice::HouseholdKind;
    use minsheng::words::only_this_list;
    use rust_decimal::Decimal;
    let fifty = Decimal::from(50);
    assert!(only_this_list(fifty, HouseholdKind::MinimumLiving));
    assert!(only_this_list(
        fifty,
        HouseholdKind::ExtremePovertyDispersed
    ));
    assert!(!only_this_list(fifty, HouseholdKind::Ordinary));
    assert!(!only_this_list(fifty, HouseholdKind::LowIncome));
    assert!(
        only_this_list(Decimal::ZERO, HouseholdKind::Ordinary),
        "no cash: said always"
    );
}

/// Near misses that come with the same change are one sentence, each item kept: the 4-year-old's
/// two school measures at 6 (items 7 and 8 of the source) read as one line.
#[test]
fn near_misses_at_the_same_age_are_said_together() {
    use minsheng::words::{measure_title, near_misses, Lang};
    let profile =
        minsheng::codec::profile::decode(r#"{"members":[{"age":4,"sex":"male"}]}"#).unwrap();
    let catalogue = Catalogue::builtin().unwrap();
    let outcome = minsheng::engine::evaluate(catalogue, &profile);
    let said = |lang| {
        let misses: Vec<_> = outcome.near_misses[0]
            .iter()
            .map(|n| (n, measure_title(lang, catalogue, n.item, n.measure)))
            .collect();
        near_misses(lang, &misses)
    };
    let zh = said(Lang::Zh);
    let six: Vec<_> = zh
        .iter()
        .filter(|(_, s)| s.starts_with("满6周岁时"))
        .collect();
    assert_eq!(six.len(), 1, "{zh:?}");
    assert!(six[0].0.len() >= 2, "{zh:?}");
    assert!(
        // Both places are likely (items 7 and 8 name a quota and some schools): said once.
        six[0].1.starts_with("满6周岁时，可享受“") && six[0].1.ends_with("”（可能符合）。"),
        "{zh:?}"
    );
    assert!(!six[0].1[3..].contains("满6"), "the age said once: {zh:?}");
    let en = said(Lang::En);
    let six: Vec<_> = en.iter().filter(|(_, s)| s.starts_with("At 6: ")).collect();
    assert_eq!(six.len(), 1, "{en:?}");
    assert!(
        six[0].1.contains(" and ") && six[0].1.ends_with(" would apply."),
        "{en:?}"
    );
}

/// A line said once for several members is theirs only where it gives each the same: an old
/// couple of 85 and 92 reads ¥50 and ¥100, two lines (item 10: "80-89周岁…每月发放50元；90-99
/// 周岁每人每月发放100元"), while two in one bracket, and item 22's ¥2 a person, are one line.
/// Every bracket of item 10 is crossed, and 22's household measure is the household's alone.
#[test]
fn a_shared_line_is_shared_only_where_it_gives_each_the_same() {
    use minsheng::engine::evaluate;
    use minsheng::layout::alike;
    let eval = |ages: &[u8]| {
        let members: Vec<String> = ages
            .iter()
            .map(|a| format!(r#"{{"age":{a},"sex":"female"}}"#))
            .collect();
        let profile =
            minsheng::codec::profile::decode(&format!(r#"{{"members":[{}]}}"#, members.join(",")))
                .unwrap();
        evaluate(Catalogue::builtin().unwrap(), &profile)
    };
    let shared_10 = |ages: &[u8]| -> Vec<Vec<usize>> {
        let o = eval(ages);
        let (shared, own) = alike(&o.members);
        // Each one's amount is the line's amount wherever the line is said.
        for line in shared.iter().chain(own.iter().flatten()) {
            for (&i, e) in line.members.iter().zip(&line.entries) {
                assert_eq!(
                    line.entry().unwrap().money,
                    o.members[i]
                        .iter()
                        .find(|x| x.measure == e.measure)
                        .unwrap()
                        .money
                );
            }
        }
        shared
            .into_iter()
            .filter(|a| a.entry().is_some_and(|e| e.item == 10))
            .map(|a| a.members)
            .collect()
    };
    // 85 and 92: ¥50 and ¥100, never one line.
    assert!(shared_10(&[85, 92]).is_empty());
    // 92 and 101: ¥100 and ¥500; 89 and 90 at the edge of the first two brackets.
    assert!(shared_10(&[92, 101]).is_empty());
    assert!(shared_10(&[89, 90]).is_empty());
    // One bracket: one line for both.
    assert_eq!(shared_10(&[85, 86]), vec![vec![0, 1]]);
    assert_eq!(shared_10(&[90, 99]), vec![vec![0, 1]]);
    assert_eq!(shared_10(&[100, 104]), vec![vec![0, 1]]);
    // Item 22: ¥2 a person for each (one line), ¥2 for the home (the household's, once).
    let o = eval(&[40, 41, 42]);
    let (shared, _) = alike(&o.members);
    let line = shared
        .iter()
        .find(|a| a.entry().is_some_and(|e| e.measure == "22a"))
        .expect("22a said once");
    assert_eq!(line.members, vec![0, 1, 2]);
    assert_eq!(o.household.iter().filter(|e| e.measure == "22b").count(), 1);
}

/// "其他参保…的妇女": item 31's two measures are one or the other, and each line says so, where
/// a woman is given both (a 低保边缘 household); a woman given one alone is told of no choice.
#[test]
fn alternatives_are_said_one_or_the_other() {
    use minsheng::words::{either_of, one_or_other, Lang};
    let c = Catalogue::builtin().unwrap();
    let eval = |kind: &str| {
        let p = minsheng::codec::profile::decode(&format!(
            r#"{{"kind":"{kind}","members":[{{"age":40,"sex":"female"}}]}}"#
        ))
        .unwrap();
        minsheng::engine::evaluate(c, &p)
    };
    let o = eval("low_income");
    let line = |id: &str| o.members[0].iter().find(|e| e.measure == id).unwrap();
    assert_eq!(one_or_other(Lang::Zh, line("31a")), Some("二选一"));
    assert_eq!(
        one_or_other(Lang::En, line("31b")),
        Some("one or the other")
    );
    assert_eq!(
        either_of(Lang::Zh, c, line("31a")).as_deref(),
        Some("与“女性安康保险（参保补贴）”二选一，不能两项都享受。")
    );
    assert_eq!(
        either_of(Lang::Zh, c, line("31b")).as_deref(),
        Some("与“女性安康保险（全额代缴）”二选一，不能两项都享受。")
    );
    assert!(either_of(Lang::En, c, line("31a"))
        .unwrap()
        .ends_with(": not both."));
    let o = eval("ordinary");
    let b = o.members[0].iter().find(|e| e.measure == "31b").unwrap();
    assert_eq!(one_or_other(Lang::Zh, b), None);
    assert_eq!(either_of(Lang::Zh, c, b), None);
}

/// A near miss is as sure as its measure would be (item 5's "符合条件的65岁以上老年人" is only
/// likely at 65 too), and alternatives at 18 are one choice, not two to add.
#[test]
fn near_misses_say_likely_and_offer_alternatives_as_one_choice() {
    use minsheng::words::{near_misses, Lang};
    let c = Catalogue::builtin().unwrap();
    let said = |json: &str, lang: Lang| {
        let p = minsheng::codec::profile::decode(json).unwrap();
        let o = minsheng::engine::evaluate(c, &p);
        let misses: Vec<_> = o.near_misses[0]
            .iter()
            .map(|n| {
                (
                    n,
                    minsheng::words::measure_title(lang, c, n.item, n.measure),
                )
            })
            .collect();
        near_misses(lang, &misses)
            .into_iter()
            .map(|(_, s)| s)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let at_64 = said(r#"{"members":[{"age":64,"sex":"male"}]}"#, Lang::Zh);
    assert!(at_64.contains("“免费有线电视”（可能符合）"), "{at_64}");
    // A girl of 17 in a 低保边缘 household: at 18, item 31's two, as one choice.
    let girl =
        r#"{"kind":"low_income","members":[{"age":17,"sex":"female","insurance":"resident"}]}"#;
    let zh = said(girl, Lang::Zh);
    assert!(
        zh.contains("“女性安康保险（全额代缴）”（可能符合）或“女性安康保险（参保补贴）”（可能符合）（二选一）"),
        "{zh}"
    );
    let en = said(girl, Lang::En);
    assert!(
        en.contains("(likely) (one or the other) would apply"),
        "{en}"
    );
    // A 低保 member without insurance is told of the scheme such members join, fee waived.
    let tip = said(
        r#"{"kind":"minimum_living","members":[{"age":40,"sex":"male"}]}"#,
        Lang::Zh,
    );
    assert!(tip.contains("如参加居民医保（免缴费）"), "{tip}");
}

/// A message shows what it quotes, never acts on it: a newline, a zero-width space, a
/// right-to-left override and a terminal escape in a key are written as escapes, so every
/// message is one line and `se\u200bx` never reads as `sex`.
#[test]
fn messages_show_invisible_characters_as_escapes() {
    let message = |key: &str| {
        let json = format!(
            r#"{{"members":[{{"age":40,"sex":"male",{}:1}}]}}"#,
            serde_json::to_string(key).unwrap()
        );
        minsheng::codec::profile::decode(&json)
            .unwrap_err()
            .to_string()
    };
    for (key, shown) in [
        ("a\nb", r"a\nb"),
        ("se\u{200b}x", r"se\u200bx"),
        ("\u{202e}xes", r"\u202exes"),
        ("\u{1b}[31mred", r"\u001b[31mred"),
        ("tab\there", r"tab\there"),
        ("back\\slash", r"back\\slash"),
        ("tag\u{e0041}", r"tag\u{e0041}"),
    ] {
        let m = message(key);
        assert_eq!(m, format!("members[0].{shown}: is not a known field"));
        assert_eq!(m.lines().count(), 1, "{m}");
        assert!(m.chars().all(|c| !c.is_control()), "{m}");
    }
    // The quoted text is still cut at 40 characters.
    let long = message(&"k".repeat(100));
    assert!(long.contains(&format!("{}…", "k".repeat(40))), "{long}");
}

/// A child's work answers cannot be true: refused, naming the field, in one line.
#[test]
fn a_childs_work_is_refused_naming_the_field() {
    let e = minsheng::codec::profile::decode(
        r#"{"members":[{"age":40,"sex":"male"},{"age":5,"sex":"male","work":"construction"}]}"#,
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        e,
        "members[1].work: must be `none` for a member under 16 (age 5)"
    );
    assert!(minsheng::codec::profile::decode(
        r#"{"members":[{"age":16,"sex":"male","work":"construction"}]}"#
    )
    .is_ok());
}

/// Every English line a reader meets for why not, what is near and where to ask, across many
/// households: each scheme named once, an "or" said rather than bracketed, the articles in.
#[test]
fn english_lines_name_each_scheme_once_and_keep_their_articles() {
    use minsheng::words::{self, Lang};
    let catalogue = Catalogue::builtin().unwrap();
    let mut lines: Vec<String> = Vec::new();
    for kind in [
        "ordinary",
        "low_income",
        "minimum_living",
        "extreme_poverty_dispersed",
    ] {
        for insurance in ["none", "resident", "resident_exempt", "employee", "unsure"] {
            for (age, disability) in [
                (3, "none"),
                (17, "none"),
                (45, "physical"),
                (62, "none"),
                (64, "mental"),
                (79, "none"),
                (85, "visual"),
            ] {
                let json = format!(
                    r#"{{"street":"guanghe","kind":"{kind}","members":[{{"age":{age},"sex":"female","insurance":"{insurance}","disability":"{disability}"}}]}}"#
                );
                let profile = minsheng::codec::profile::decode(&json).unwrap();
                let o = minsheng::engine::evaluate(catalogue, &profile);
                let member = profile.members.first();
                for na in o
                    .not_applicable
                    .iter()
                    .flatten()
                    .chain(&o.household_not_applicable)
                {
                    let title = words::measure_title(Lang::En, catalogue, na.item, na.measure);
                    lines.push(words::why_not(Lang::En, &title, na, member));
                }
                let misses: Vec<_> = o
                    .near_misses
                    .iter()
                    .flatten()
                    .map(|n| {
                        (
                            n,
                            words::measure_title(Lang::En, catalogue, n.item, n.measure),
                        )
                    })
                    .collect();
                lines.extend(
                    words::near_misses(Lang::En, &misses)
                        .into_iter()
                        .map(|(_, l)| l),
                );
                for e in o.entries() {
                    lines.push(words::where_to_ask(
                        Lang::En,
                        e.lead,
                        e.partners,
                        profile
                            .street
                            .as_deref()
                            .and_then(|k| catalogue.street(k))
                            .map(|s| &s.name),
                    ));
                }
            }
        }
    }
    assert!(lines.len() > 1000, "{} lines read", lines.len());
    for line in &lines {
        assert!(
            line.matches("resident medical insurance").count() <= 1,
            "a scheme named twice: {line}"
        );
        assert!(
            !line.contains("contribution waived"),
            "the form's short label in a sentence: {line}"
        );
        assert!(!line.contains("there is a disability"), "{line}");
        assert!(
            !line.contains(" and ("),
            "an \"or\" bracketed inside an \"and\": {line}"
        );
        assert!(
            !line.contains("join resident") && !line.contains("join employee"),
            "an article left out: {line}"
        );
        if let Some(at) = line.find("the department in charge is ") {
            assert!(
                !line[at..].contains('、'),
                "several departments said as one: {line}"
            );
        }
    }
}

/// `fill` puts each key's value in, once, in one pass: a value that holds a key is not filled
/// again, and a brace that starts no key stays (the list's name and count, `of_list`).
#[test]
fn fill_puts_each_value_in_once() {
    use minsheng::words::fill;
    assert_eq!(
        fill(
            "{d}{y}年的{n}项",
            &[("{d}", "济宁高新区"), ("{y}", "2022"), ("{n}", "33")]
        ),
        "济宁高新区2022年的33项"
    );
    assert_eq!(fill("a {x} {d}", &[("{d}", "{d}")]), "a {x} {d}");
    assert_eq!(fill("{", &[("{d}", "1")]), "{");
    assert_eq!(fill("全家{}人", &[("{}", "3")]), "全家3人");
}

/// `fill` also speaks a copied text as sentences: list dashes and the dots between a line's
/// parts go, as `str::replace` in turn made them go.
#[test]
fn fill_replaces_in_one_pass_what_replace_did_in_turn() {
    use minsheng::words::fill;
    let text = "高龄补贴 · 每月¥50\n- 免费体检·每年";
    let keys = [("\n- ", "\n"), (" · ", "，"), ("·", "，")];
    let by_replace = text
        .replace("\n- ", "\n")
        .replace(" · ", "，")
        .replace('·', "，");
    assert_eq!(fill(text, &keys), by_replace);
}

/// A heading for lines every member shares: two are "both" in English, more are counted; in
/// Chinese the household is counted either way.
#[test]
fn two_members_are_both() {
    use minsheng::model::choice::Sex;
    use minsheng::model::profile::Member;
    use minsheng::words::{each_of, Lang};
    let m = |age| Member {
        age,
        sex: Sex::Female,
        ..Member::default()
    };
    let two = [m(85), m(92)];
    let three = [m(85), m(92), m(8)];
    assert_eq!(
        each_of(Lang::En, &[0, 1], &two, &[false, false]),
        "For both people"
    );
    assert_eq!(
        each_of(Lang::En, &[0, 1, 2], &three, &[false; 3]),
        "For all 3 people"
    );
    assert_eq!(
        each_of(Lang::Zh, &[0, 1], &two, &[false, false]),
        "全家2人都适用"
    );
}
