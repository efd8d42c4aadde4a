//! The one layout the page, its printout, the copied text and `evaluate --text` render
//! (`layout::lay_out`), tested natively: a person, an old couple whose allowances differ, a
//! family of six, and a household nothing applies to. Each expectation is read from the source
//! table (`seeds/000_287702023e222ac5.txt`) or the contract, not from the program's output.
#![cfg(not(target_arch = "wasm32"))]

use minsheng::codec::profile;
use minsheng::engine::{self, Certainty, Outcome};
use minsheng::layout::{self, Alike, Laid, Whose};
use minsheng::model::catalogue::Catalogue;
use minsheng::model::profile::Profile;
use minsheng::words::Lang;
use rust_decimal::Decimal;
use std::str::FromStr;

fn outcome(json: &str) -> (Profile, Outcome<'static>) {
    let p = profile::decode(json).unwrap();
    let o = engine::evaluate(Catalogue::builtin().unwrap(), &p);
    (p, o)
}

fn laid<'e>(lang: Lang, p: &Profile, o: &'e Outcome<'static>) -> Laid<'e, 'static, 'static> {
    layout::lay_out(lang, Catalogue::builtin().unwrap(), p, o, &[])
}

/// Every (item, measure) said on lines of member `i`'s own section or named under it.
fn under_member(l: &Laid<'_, '_, '_>, i: usize) -> Vec<(u8, String)> {
    let s = l
        .sections
        .iter()
        .find(|s| s.whose == Whose::Member(i))
        .expect("every member has a section");
    s.lines
        .iter()
        .filter_map(Alike::entry)
        .chain(s.above.iter().copied())
        .map(|e| (e.item, e.measure.to_owned()))
        .collect()
}

fn yuan(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn a_person_of_92_gets_her_allowance_under_her_name_and_in_the_cash_box() {
    // 10、…90-99周岁每人每月发放100元（上级补助50元，区级补助50元）
    let (p, o) = outcome(
        r#"{"street":"guanghe","members":[{"age":92,"sex":"female","insurance":"resident"}]}"#,
    );
    let l = laid(Lang::Zh, &p, &o);
    // One member, one section of her own, and the household's last: no shared section.
    assert!(matches!(
        l.sections.first().map(|s| &s.whose),
        Some(Whose::Member(0))
    ));
    assert_eq!(l.sections.last().map(|s| &s.whose), Some(&Whose::Household));
    assert!(!l
        .sections
        .iter()
        .any(|s| matches!(s.whose, Whose::Several(_))));
    let mine = &l.sections[0];
    assert!(!mine.none);
    assert!(mine.above.is_empty(), "nothing said above for one member");
    // The cash first in her section: the allowance, ¥100 a month.
    let first = mine.lines[0].entry().unwrap();
    assert_eq!(first.item, 10);
    assert_eq!(words_cash(first), yuan("1200"));
    assert_eq!(
        l.cash_from
            .iter()
            .map(|(i, e)| (*i, e.item))
            .collect::<Vec<_>>(),
        vec![(0, 10)]
    );
    // Everything for Guanghe is asked at its office: said once, no line names its own place.
    assert!(
        l.common_ask
            .as_deref()
            .is_some_and(|a| a.contains("洸河街道")),
        "{:?}",
        l.common_ask
    );
    assert!(mine
        .lines
        .iter()
        .filter_map(Alike::entry)
        .all(|e| l.own_ask(e).is_none()));
}

fn words_cash(e: &engine::Entry<'_>) -> Decimal {
    minsheng::words::yearly_cash(e)
}

#[test]
fn an_old_couple_at_85_and_92_each_get_their_own_allowance_line() {
    // 10、80-89周岁老年人每人每月发放50元（区补助）；90-99周岁每人每月发放100元: not one line
    // for both, with the 85-year-old's ¥50.
    let (p, o) = outcome(
        r#"{"street":"guanghe","members":[{"age":92,"sex":"female","insurance":"resident"},{"age":85,"sex":"male","insurance":"resident"}]}"#,
    );
    let l = laid(Lang::Zh, &p, &o);
    for s in &l.sections {
        if let Whose::Several(_) = s.whose {
            assert!(
                s.lines.iter().all(|l| l.entry().unwrap().item != 10),
                "the allowance is not shared"
            );
        }
    }
    let own_allowance = |i: usize| {
        let s = l
            .sections
            .iter()
            .find(|s| s.whose == Whose::Member(i))
            .unwrap();
        s.lines
            .iter()
            .filter_map(Alike::entry)
            .find(|e| e.item == 10)
            .map(words_cash)
    };
    assert_eq!(own_allowance(0), Some(yuan("1200")), "92: ¥100 a month");
    assert_eq!(own_allowance(1), Some(yuan("600")), "85: ¥50 a month");
    // 5、免费为…65岁以上老年人提供有线电视服务: both get it alike, said once for the two, and named
    // under each.
    let both = l
        .sections
        .iter()
        .find(|s| s.whose == Whose::Several(vec![0, 1]))
        .expect("a section for the two");
    assert!(both.lines.iter().any(|l| l.entry().unwrap().item == 5));
    for i in 0..2 {
        assert!(
            under_member(&l, i).iter().any(|(item, _)| *item == 5),
            "member {i}"
        );
    }
    // Said once for the two, with each one's reasons.
    let tv = both
        .lines
        .iter()
        .find(|l| l.entry().unwrap().item == 5)
        .unwrap();
    assert_eq!(tv.members, vec![0, 1]);
    assert_eq!(tv.entries.len(), 2);
}

#[test]
fn a_family_of_six_finds_every_entry_of_each_member_under_their_name() {
    // CONTRACT §4: `[data-member="i"] [data-item="X"]` finds every entry of result.members[i]:
    // the layout names each one in the member's own section, as a line or as said above.
    let (p, o) = outcome(
        r#"{"street":"wangyin","area":"rural","kind":"minimum_living","members":[
            {"age":91,"sex":"female","insurance":"resident_exempt"},
            {"age":83,"sex":"male","insurance":"resident_exempt","disability":"physical","severe_disability":true},
            {"age":60,"sex":"female","insurance":"resident_exempt"},
            {"age":58,"sex":"male","insurance":"resident_exempt","work":"agriculture"},
            {"age":4,"sex":"female","insurance":"resident_exempt"},
            {"age":1,"sex":"male","insurance":"resident_exempt","cerebral_palsy":true}]}"#,
    );
    for lang in [Lang::Zh, Lang::En] {
        let l = laid(lang, &p, &o);
        for (i, entries) in o.members.iter().enumerate() {
            let mut want: Vec<(u8, String)> = entries
                .iter()
                .map(|e| (e.item, e.measure.to_owned()))
                .collect();
            let mut got = under_member(&l, i);
            want.sort();
            got.sort();
            assert_eq!(got, want, "member {i}: each entry under their name, once");
        }
        // Every line is said once in all: the shared lines and each member's own together are
        // the entries, no more.
        let said: usize = l
            .sections
            .iter()
            .filter(|s| s.whose != Whose::Household)
            .flat_map(|s| &s.lines)
            .map(|l| l.members.len())
            .sum();
        assert_eq!(said, o.members.iter().map(Vec::len).sum::<usize>());
        // Sections in order: shared groups, then each member, then the household, last.
        let order: Vec<u8> = l
            .sections
            .iter()
            .map(|s| match s.whose {
                Whose::Several(_) => 0,
                Whose::Member(_) => 1,
                Whose::Household => 2,
            })
            .collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
        assert_eq!(order.iter().filter(|k| **k == 1).count(), 6);
        assert_eq!(order.last(), Some(&2));
        // A likely line says what it turns on; and "likely" is explained once above.
        for line in l.sections.iter().flat_map(|s| &s.lines) {
            let e = line.entry().unwrap();
            if e.certainty == Certainty::Check {
                assert!(
                    !line.checks(lang).is_empty(),
                    "item {}: a likely line says why",
                    e.item
                );
                assert!(l.likely.is_some());
            }
        }
        // The cash lines first in each section, the most first.
        for s in &l.sections {
            let cash: Vec<Decimal> = s
                .lines
                .iter()
                .map(|l| words_cash(l.entry().unwrap()))
                .collect();
            assert!(cash.windows(2).all(|w| w[0] >= w[1]), "{cash:?}");
        }
    }
}

#[test]
fn a_household_nothing_applies_to_is_told_so_and_shown_no_line() {
    // The list is for the district's residents: 22、…为全区居民购买政府灾害救助保险 reaches every
    // member of a household registered or living here, so nothing applies only to a household
    // that is neither.
    let (p, o) = outcome(
        r#"{"residency":"none","street":"huangtun","members":[{"age":40,"sex":"male"},{"age":92,"sex":"female"}]}"#,
    );
    assert!(!o.covered);
    let l = laid(Lang::Zh, &p, &o);
    for i in 0..2 {
        let s = l
            .sections
            .iter()
            .find(|s| s.whose == Whose::Member(i))
            .unwrap();
        assert!(
            s.none && s.lines.is_empty() && s.above.is_empty(),
            "member {i}"
        );
    }
    assert!(l.sections.iter().all(|s| s.lines.is_empty()));
    assert!(l.cash_from.is_empty() && l.likely.is_none());
    let text = layout::plain_text(
        Lang::Zh,
        Catalogue::builtin().unwrap(),
        &p,
        &o,
        &[false, false],
        &[],
        2022,
    );
    assert_eq!(
        text,
        "济宁高新区2022年“民生实事”项目\n这份清单只面向在本区居住或有户籍的居民。按您的回答，没有适用的项目。"
    );
    // A covered 40-year-old gets that insurance and nothing else of his own.
    let (p, o) = outcome(r#"{"street":"huangtun","members":[{"age":40,"sex":"male"}]}"#);
    let l = laid(Lang::Zh, &p, &o);
    assert_eq!(under_member(&l, 0), vec![(22, "22a".to_owned())]);
    assert!(!l.sections[0].none);
}

#[test]
fn the_printout_states_the_answers_it_was_made_from() {
    let (p, _) = outcome(
        r#"{"street":"guanghe","community":"keyuan","kind":"low_income","piped_gas":true,"members":[
            {"age":92,"sex":"female","insurance":"resident"},
            {"age":81,"sex":"female","insurance":"resident_exempt","disability":"physical","self_care_lost":true}]}"#,
    );
    let zh = layout::answers(Lang::Zh, Catalogue::builtin().unwrap(), &p, &[false, false]);
    assert_eq!(zh.len(), 3, "the household, then each member: {zh:?}");
    for said in [
        "住在洸河街道",
        "住在科苑小区",
        "低保边缘家庭",
        "户籍在本区",
        "管道天然气",
    ] {
        assert!(zh[0].contains(said), "{said} in {}", zh[0]);
    }
    assert!(zh[1].starts_with("92岁女性：居民医保"), "{}", zh[1]);
    assert!(
        zh[2].starts_with("81岁女性：居民医保（免缴费）"),
        "{}",
        zh[2]
    );
    assert!(
        zh[2].contains("肢体") && zh[2].contains("生活不能自理"),
        "{}",
        zh[2]
    );
    let en = layout::answers(Lang::En, Catalogue::builtin().unwrap(), &p, &[false, false]);
    assert!(en[0].contains("lives in Guanghe (洸河街道)"), "{}", en[0]);
    assert!(en[2].starts_with("Woman, 81: "), "{}", en[2]);
}

#[test]
fn the_measures_found_count_each_item_once_whatever_its_number() {
    // An old couple: the measures both get are one measure each on the results bar.
    let (_, o) = outcome(
        r#"{"street":"guanghe","members":[{"age":92,"sex":"female","insurance":"resident"},{"age":85,"sex":"male","insurance":"resident"}]}"#,
    );
    let mut items: Vec<u8> = o.entries().map(|e| e.item).collect();
    items.sort_unstable();
    items.dedup();
    assert!(
        o.entries().count() > items.len(),
        "some measure is both members'"
    );
    assert_eq!(o.items_found(), items.len());
    // A list may number its items past 63: item 70 is not item 6 (a 64-bit set folded them).
    let mut far = o.clone();
    let mut e = far.members[0][0].clone();
    e.item = 6;
    let mut f = e.clone();
    f.item = 70;
    far.members = vec![vec![e, f]];
    far.household.clear();
    assert_eq!(far.items_found(), 2);
}

#[test]
fn a_line_for_several_says_why_once_where_they_meet_it_alike() {
    // 5、免费为全区符合条件的65岁以上老年人提供有线电视服务: the couple at 92 and 85 both meet
    // "65 or over"; the line is under their names, so why is said once, by the bracket.
    let (p, o) = outcome(
        r#"{"street":"guanghe","members":[{"age":92,"sex":"female","insurance":"resident"},{"age":85,"sex":"male","insurance":"resident"}]}"#,
    );
    for (lang, said) in [(Lang::Zh, "65周岁及以上"), (Lang::En, "aged 65 or over")] {
        let l = laid(lang, &p, &o);
        let both = l
            .sections
            .iter()
            .find(|s| s.whose == Whose::Several(vec![0, 1]))
            .unwrap();
        let tv = both
            .lines
            .iter()
            .find(|l| l.entry().unwrap().item == 5)
            .unwrap();
        assert_eq!(tv.why(lang, &p.members, &[false, false]), said);
    }
    // One member's own line keeps her age beside the bracket: "92周岁（90至99周岁）".
    let l = laid(Lang::Zh, &p, &o);
    let her = l
        .sections
        .iter()
        .find(|s| s.whose == Whose::Member(0))
        .unwrap();
    let allowance = her
        .lines
        .iter()
        .find(|l| l.entry().unwrap().item == 10)
        .unwrap();
    assert_eq!(
        allowance.why(Lang::Zh, &p.members, &[false, false]),
        "92周岁（90至99周岁）"
    );
}
