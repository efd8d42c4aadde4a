//! Browser tests, run by wasm-bindgen-test in headless Chromium: the JavaScript API, and the
//! page mounted, read and changed through its real DOM.
#![cfg(target_arch = "wasm32")]

use minsheng::state::{initial_state, Kept};
use minsheng_page::{app, install_api};
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
    // Kindergarten places are read as ages 3 to 6 (the catalogue's reading of item 6).
    assert!(
        not.iter()
            .any(|n| n["item"] == 6
                && n["unmet"][0]["age"] == serde_json::json!({"min": 3, "max": 6}))
    );
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
    let profile = minsheng::codec::profile::decode(NINETY_TWO).unwrap();
    let root = mount(&minsheng::codec::fragment::encode(&profile));
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
