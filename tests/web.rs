//! Browser tests, run by wasm-bindgen-test in headless Chromium: the JavaScript API, and the
//! page mounted, read and changed through its real DOM.
#![cfg(target_arch = "wasm32")]

use minsheng::catalogue::Catalogue;
use minsheng::web::{app, initial_state, install_api, Kept};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

const NINETY_TWO: &str =
    r#"{"street":"guanghe","members":[{"age":92,"sex":"female","insurance":"resident"}]}"#;

fn api_evaluate(arg: &JsValue) -> Result<JsValue, JsValue> {
    install_api();
    let window = web_sys::window().unwrap();
    let api = js_sys::Reflect::get(&window, &"minsheng".into()).unwrap();
    let f: js_sys::Function = js_sys::Reflect::get(&api, &"evaluate".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    f.call1(&JsValue::NULL, arg)
}

#[wasm_bindgen_test]
fn the_js_api_returns_the_contracts_result() {
    // What CONTRACT section 2 says a 92-year-old woman in resident insurance is told.
    let got = api_evaluate(&NINETY_TWO.into())
        .unwrap()
        .as_string()
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&got).expect("JSON");
    assert_eq!(v["catalogue"], "jining-hitech-2022");
    assert_eq!(
        v["cash"],
        serde_json::json!({"month": "100", "year": "1200"})
    );
    let allowance = v["members"][0]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["item"] == 10)
        .expect("item 10");
    assert_eq!(allowance["certainty"], "eligible");
    assert_eq!(
        allowance["money"],
        serde_json::json!([
            {"amount": "50", "period": "month", "payer": "upper", "kind": "cash"},
            {"amount": "50", "period": "month", "payer": "district", "kind": "cash"}
        ])
    );
    assert_eq!(v["everyone"], serde_json::json!([1, 3, 4, 23, 25, 30, 33]));
    let not = v["not_applicable"][0]
        .as_array()
        .expect("not_applicable per member");
    assert!(not
        .iter()
        .any(|n| n["item"] == 6 && n["unmet"][0]["age"]["max"] == 5));
    assert!(v["household_not_applicable"].is_array());
}

#[wasm_bindgen_test]
fn the_js_api_throws_an_error_naming_the_field() {
    let err = api_evaluate(&r#"{"members":[{"age":131,"sex":"female"}]}"#.into()).unwrap_err();
    let err: js_sys::Error = err.dyn_into().expect("an Error object");
    assert_eq!(
        String::from(err.message()),
        "members[0].age: must be a whole number from 0 to 130"
    );
    let err: js_sys::Error = api_evaluate(&JsValue::from(5))
        .unwrap_err()
        .dyn_into()
        .unwrap();
    assert_eq!(
        String::from(err.message()),
        "profile: must be a JSON string"
    );
}

fn mount(hash: &str) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let props = app::AppProps {
        initial: initial_state(hash, "", &Kept::default()),
    };
    yew::Renderer::<app::App>::with_root_and_props(root.clone(), props).render();
    root
}

fn age_input(root: &Element) -> HtmlInputElement {
    root.query_selector("#m0-age")
        .unwrap()
        .expect("the first member's age")
        .dyn_into()
        .unwrap()
}

fn cash_month(root: &Element) -> String {
    root.query_selector("[data-cash-month]")
        .unwrap()
        .expect("a cash total")
        .get_attribute("data-cash-month")
        .unwrap()
}

#[wasm_bindgen_test]
async fn a_profile_link_opens_with_its_results_and_the_page_reacts_to_the_age() {
    let profile = minsheng::profile::decode(NINETY_TWO).unwrap();
    let root = mount(&minsheng::fragment::encode(&profile));
    yew::scheduler::flush().await;
    assert_eq!(cash_month(&root), "100");
    assert!(root
        .query_selector("[data-member=\"0\"] [data-item=\"10\"]")
        .unwrap()
        .is_some());
    assert!(root
        .query_selector("[data-scope=\"household\"] [data-item=\"22\"]")
        .unwrap()
        .is_some());

    let age = age_input(&root);
    age.set_value("85");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    age.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(cash_month(&root), "50");

    age.set_value("300");
    age.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert!(
        root.query_selector("[data-cash-month]").unwrap().is_none(),
        "no result is shown for an age other than the one typed"
    );
    assert!(
        root.query_selector("[data-member]").unwrap().is_none(),
        "no member's results either"
    );
    assert!(
        root.query_selector(".field-error").unwrap().is_some(),
        "and it says why"
    );
    assert!(root.query_selector("#waiting").unwrap().is_some());
    root.remove();
}

#[wasm_bindgen_test]
async fn a_broken_link_shows_a_message_and_the_empty_form() {
    let root = mount("#profile=not-a-profile");
    yew::scheduler::flush().await;
    let notice = root.query_selector("#notice").unwrap().expect("a message");
    assert!(
        notice.text_content().unwrap().contains("fragment")
            || notice.text_content().unwrap().contains("profile")
    );
    assert!(
        root.query_selector("[data-cash-month]").unwrap().is_none(),
        "nobody is invented: no result until an age is given"
    );
    let age = age_input(&root);
    assert_eq!(age.value(), "", "the empty form");
    root.remove();
}

#[wasm_bindgen_test]
fn words_read_plainly_in_both_languages() {
    use minsheng::web::i18n::{deadline, percent, yearly, yuan, Lang};
    use rust_decimal::Decimal;
    assert_eq!(yuan(Decimal::new(500, 1)), "¥50");
    assert_eq!(percent(Decimal::new(85, 2)), "85%");
    assert_eq!(yearly(Lang::Zh, Decimal::from(1200)), "每年 ¥1200");
    assert_eq!(yearly(Lang::En, Decimal::from(1200)), "¥1200 a year");
    assert_eq!(deadline(Lang::Zh, 2022, "年底"), "2022年年底");
    assert_eq!(deadline(Lang::En, 2022, "年底"), "by the end of 2022");
    assert_eq!(deadline(Lang::En, 2022, "9月"), "by September 2022");
}

/// A near miss says each period as itself: ¥10 a year (tests/next-year.json's allowance from 75)
/// is never "¥10 a month", and monthly and yearly cash are not added together.
#[wasm_bindgen_test]
fn a_near_miss_says_a_yearly_amount_is_yearly() {
    use minsheng::catalogue::{Money, MoneyKind, Payer, Period};
    use minsheng::engine::{Change, Gain, NearMiss};
    use minsheng::web::i18n::{near_miss, Lang};
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
        money: &yearly,
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

#[wasm_bindgen_test]
fn an_age_is_read_only_as_a_whole_number_from_0_to_130() {
    use minsheng::web::state::{read_age, Age, Wrong};
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
    for bad in ["1e2", "7.5", "-1", "78岁半", "七十八"] {
        assert_eq!(read_age(bad), Age::Invalid(Wrong::NotNumber), "{bad}");
    }
    for bad in ["131", "255", "788", "6078", "99999999999999999999"] {
        assert_eq!(read_age(bad), Age::Invalid(Wrong::TooOld), "{bad}");
    }
    assert_eq!(read_age("1944"), Age::Invalid(Wrong::BirthYear));
}

#[wasm_bindgen_test]
fn reasons_name_each_answer_once_and_the_narrowest_age_band() {
    use minsheng::web::i18n::{reasons, Lang};
    let profile = minsheng::profile::decode(r#"{"members":[{"age":84,"sex":"female"}]}"#).unwrap();
    let outcome = minsheng::engine::evaluate(Catalogue::builtin().unwrap(), &profile);
    let allowance = outcome.members[0]
        .iter()
        .find(|e| e.item == 10)
        .expect("item 10 at 84");
    let m = &profile.members;
    assert_eq!(
        reasons(Lang::Zh, &allowance.reasons, m),
        "84周岁（80至89周岁）"
    );
    assert_eq!(
        reasons(Lang::En, &allowance.reasons, m),
        "aged 84 (80 to 89)"
    );
}

#[wasm_bindgen_test]
fn a_household_measure_names_the_members_who_qualify_it() {
    use minsheng::web::i18n::{reasons, Lang};
    // Item 13: one adaptation per home; both elders qualify it, and both are named.
    let profile = minsheng::profile::decode(
        r#"{"kind":"minimum_living","members":[{"age":84,"sex":"female"},{"age":66,"sex":"male","self_care_lost":true},{"age":40,"sex":"male"}]}"#,
    )
    .unwrap();
    let outcome = minsheng::engine::evaluate(Catalogue::builtin().unwrap(), &profile);
    let adaptation = outcome
        .household
        .iter()
        .find(|e| e.item == 13)
        .expect("item 13 for the household");
    let said = reasons(Lang::Zh, &adaptation.reasons, &profile.members);
    assert!(said.starts_with("低保家庭"), "{said}");
    assert!(said.contains("84岁女性：84周岁（80周岁及以上）"), "{said}");
    assert!(
        said.contains("66岁男性：66周岁（60周岁及以上）；失能（生活不能自理）"),
        "{said}"
    );
    assert!(!said.contains("40岁"), "{said}");
}

#[wasm_bindgen_test]
fn why_not_reads_the_unmet_conditions_in_words() {
    use minsheng::web::i18n::{measure_title, why_not, Lang};
    let catalogue = Catalogue::builtin().unwrap();
    let profile = minsheng::profile::decode(r#"{"members":[{"age":78,"sex":"male"}]}"#).unwrap();
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

#[wasm_bindgen_test]
fn where_to_ask_names_the_residents_own_street_office_from_the_source() {
    use minsheng::choice::Street;
    use minsheng::web::i18n::{where_to_ask, Lang};
    let lead = vec!["发展软环境保障局".to_owned()];
    let partners = vec!["财政金融局".to_owned(), "各街道".to_owned()];
    assert_eq!(
        where_to_ask(Lang::Zh, &lead, &partners, Some(Street::Guanghe)),
        "先到洸河街道办事处咨询；负责部门：发展软环境保障局"
    );
    assert!(where_to_ask(Lang::Zh, &lead, &partners, None).starts_with("先到您所在的街道办事处"));
    // Item 14 names four streets, not 黄屯: a 黄屯 resident asks the lead department.
    let four: Vec<String> = ["洸河街道", "柳行街道", "王因街道", "接庄街道"]
        .map(String::from)
        .to_vec();
    assert_eq!(
        where_to_ask(Lang::Zh, &lead, &four, Some(Street::Huangtun)),
        "负责部门：发展软环境保障局"
    );
    assert_eq!(
        where_to_ask(Lang::Zh, &lead, &four, Some(Street::Wangyin)),
        "先到王因街道办事处咨询；负责部门：发展软环境保障局"
    );
}
