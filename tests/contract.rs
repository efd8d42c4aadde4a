//! The public contract ships in this repository (`docs/CONTRACT.md`), and its examples hold:
//! the profile it shows is read as it says, and its result excerpt is what the engine gives.
#![cfg(not(target_arch = "wasm32"))]

use minsheng::codec::evaluate_json;
use minsheng::model::catalogue::Catalogue;
use serde_json::Value;

const CONTRACT: &str = include_str!("../docs/CONTRACT.md");

/// The contract's ```json blocks, in order.
fn json_blocks() -> Vec<&'static str> {
    CONTRACT
        .split("```json\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect()
}

/// Whether `part` is in `whole`: every key of an object with a value that holds, every element
/// of a list in order somewhere in the other list.
fn holds(part: &Value, whole: &Value) -> bool {
    match (part, whole) {
        (Value::Object(p), Value::Object(w)) => {
            p.iter().all(|(k, v)| w.get(k).is_some_and(|x| holds(v, x)))
        }
        (Value::Array(p), Value::Array(w)) => {
            let mut rest = w.iter();
            p.iter().all(|v| rest.any(|x| holds(v, x)))
        }
        _ => part == whole,
    }
}

#[test]
fn the_contracts_profile_gives_the_contracts_result() {
    let blocks = json_blocks();
    assert!(
        blocks.len() >= 3,
        "the profile, the result and the catalogue examples"
    );
    let profile = blocks[0];
    let want: Value = serde_json::from_str(blocks[1]).expect("the result example is JSON");
    let got: Value =
        serde_json::from_str(&evaluate_json(Catalogue::builtin().unwrap(), profile).unwrap())
            .unwrap();
    assert!(
        holds(&want, &got),
        "the contract's result excerpt is not what the engine says:\n{got:#}"
    );
}

#[test]
fn the_check_sees_a_result_that_differs() {
    let got = serde_json::json!({"members": [[{"item": 10, "certainty": "eligible"}]]});
    assert!(holds(
        &serde_json::json!({"members": [[{"item": 10}]]}),
        &got
    ));
    assert!(!holds(
        &serde_json::json!({"members": [[{"item": 10, "certainty": "check"}]]}),
        &got
    ));
}

#[test]
fn every_default_the_contract_lists_is_the_decoders() {
    // The defaults table: a profile that leaves every optional field out reads as one that
    // writes each at the default the contract gives.
    let bare = r#"{"members":[{"age":40,"sex":"male"}]}"#;
    let full = r#"{"residency":"hukou","street":null,"area":"urban","kind":"ordinary","community":null,
        "old_community":false,"piped_gas":false,"lift":false,"car":false,
        "members":[{"age":40,"sex":"male","insurance":"none","disability":"none","severe_disability":false,
        "self_care_lost":false,"child_in_difficulty":false,"cerebral_palsy":false,"work":"none"}]}"#;
    let read = |t| minsheng::codec::profile::decode(t).unwrap();
    assert_eq!(read(bare), read(full));
    // The full form the page writes (saved answers, the result's echo) is the contract's:
    // every field, in its order, the yes/no answers by their names among them.
    let compact: String = full.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(read(full).to_json(), compact);
    for (field, default) in [
        ("residency", "`hukou`"),
        ("area", "`urban`"),
        ("kind", "`ordinary`"),
        ("members[].insurance", "`none`"),
        ("members[].disability", "`none`"),
        ("members[].work", "`none`"),
    ] {
        let row = CONTRACT
            .lines()
            .find(|l| l.starts_with(&format!("| {field} |")))
            .unwrap_or_else(|| panic!("the contract lists {field}"));
        assert!(row.trim_end().ends_with(&format!("| {default} |")), "{row}");
    }
}

/// Every value the contract's profile table lists is one the decoder takes, and no other:
/// `unsure` among the insurance answers.
#[test]
fn every_value_the_contract_lists_is_the_decoders() {
    use minsheng::model::choice::{Choice, Insurance, Work};
    fn listed(field: &str) -> Vec<String> {
        let row = CONTRACT
            .lines()
            .find(|l| l.starts_with(&format!("| {field} |")))
            .unwrap_or_else(|| panic!("the contract lists {field}"));
        // The values, each in backticks; a note in brackets is not one.
        let mut values = String::new();
        let mut depth = 0;
        for c in row.split('|').nth(2).unwrap().chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                c if depth == 0 => values.push(c),
                _ => {}
            }
        }
        values
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    }
    fn names<T: Choice>() -> Vec<String> {
        T::NAMES.iter().map(|n| (*n).to_owned()).collect()
    }
    assert_eq!(listed("members[].insurance"), names::<Insurance>());
    assert_eq!(listed("members[].work"), names::<Work>());
}

/// `instead_of`, as section 2 says it: on each of two alternatives a member is given, naming
/// the other (31a and 31b for a woman of a 低保边缘 household); absent where there is none.
#[test]
fn instead_of_names_the_alternative_on_each_entry() {
    assert!(CONTRACT.contains("- `instead_of` (on an entry, absent when none)"));
    let result = |profile: &str| -> Value {
        serde_json::from_str(&evaluate_json(Catalogue::builtin().unwrap(), profile).unwrap())
            .unwrap()
    };
    let both = result(r#"{"kind":"low_income","members":[{"age":40,"sex":"female"}]}"#);
    let entry = |r: &Value, id: &str| {
        r["members"][0]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["measure"] == id)
            .cloned()
            .unwrap()
    };
    assert_eq!(
        entry(&both, "31a")["instead_of"],
        serde_json::json!(["31b"])
    );
    assert_eq!(
        entry(&both, "31b")["instead_of"],
        serde_json::json!(["31a"])
    );
    let one = result(r#"{"members":[{"age":40,"sex":"female"}]}"#);
    assert!(entry(&one, "31b").get("instead_of").is_none());
    // `unsure`: the measures for the insured are `check`.
    let unsure = result(r#"{"members":[{"age":40,"sex":"male","insurance":"unsure"}]}"#);
    assert_eq!(entry(&unsure, "20")["certainty"], "check");
}

/// The contract's yes/no rows name exactly the answers of each kind, in their order: a yes/no
/// answer added to `MemberFlag` or `HousingFlag` is one the contract lists, and the reverse.
#[test]
fn every_yes_no_answer_the_contract_lists_is_the_decoders() {
    use minsheng::model::choice::{Choice, HousingFlag, MemberFlag};
    let row = |lead: &str| -> Vec<String> {
        let line = CONTRACT
            .lines()
            .find(|l| l.starts_with("| ") && l.contains("| booleans |") && l.contains(lead))
            .unwrap_or_else(|| panic!("the contract's boolean row for {lead}"));
        line[2..line.find(" | booleans").unwrap()]
            .split(", ")
            .map(|n| n.trim_start_matches("members[].").to_owned())
            .collect()
    };
    assert_eq!(row("old_community"), <HousingFlag as Choice>::NAMES);
    assert_eq!(row("members[]."), <MemberFlag as Choice>::NAMES);
    // Each is read, and a value not true or false is refused by its name.
    for name in <MemberFlag as Choice>::NAMES {
        let text = format!(r#"{{"members":[{{"age":40,"sex":"male","{name}":1}}]}}"#);
        assert_eq!(
            minsheng::codec::profile::decode(&text)
                .unwrap_err()
                .to_string(),
            format!("members[0].{name}: must be true or false")
        );
    }
    for name in <HousingFlag as Choice>::NAMES {
        let text = format!(r#"{{"{name}":"yes","members":[{{"age":40,"sex":"male"}}]}}"#);
        assert_eq!(
            minsheng::codec::profile::decode(&text)
                .unwrap_err()
                .to_string(),
            format!("{name}: must be true or false")
        );
    }
}
