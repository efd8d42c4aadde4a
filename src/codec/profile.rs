//! A profile as JSON (CONTRACT section 1): the strict decoder, and the short form links and
//! QR codes carry.
//!
//! Decoding walks the JSON by hand rather than through `#[derive(Deserialize)]` so that every
//! fault is reported as exactly one message naming the field, in the contract's words:
//! `members[0].age: must be a whole number from 0 to 130`.

use crate::codec::json::Value;
use crate::codec::json::{Faults, Obj};
use crate::codec::json_out::{Object, ToJson};
use crate::model::catalogue::Catalogue;
use crate::model::choice::{join_or, Choice, HousingFlag, MemberFlag, Sex, Work};
use crate::model::fault::Fault;
use crate::model::profile::{Member, Profile, MAX_AGE, MAX_MEMBERS, WORK_AGE};

impl Profile {
    /// The profile as compact JSON, every field written.
    pub fn to_json(&self) -> String {
        self.to_json_string()
    }

    /// The profile as JSON without the fields that equal their defaults, so a link (and its
    /// QR code) stays short; `decode` reads it back to the same profile. Keys in the full
    /// form's order (the contract's): a reader takes them in any order, so links written when
    /// they were alphabetical read the same.
    pub fn to_link_json(&self) -> String {
        // Every field by name, as the full form writes them (`json_out`).
        let Profile {
            residency,
            street,
            area,
            kind,
            community,
            home,
            members,
        } = self;
        let d = Profile::EMPTY;
        let mut out = String::new();
        Object::new(&mut out)
            .field_unless("residency", residency, &d.residency)
            .field_unless("street", street, &d.street)
            .field_unless("area", area, &d.area)
            .field_unless("kind", kind, &d.kind)
            .field_unless("community", community, &d.community)
            .answers_yes(*home)
            .field(
                "members",
                &members.iter().map(LinkMember).collect::<Vec<_>>(),
            )
            .end();
        out
    }
}

/// A member in a link: age and sex always, the rest only where not the default.
struct LinkMember<'m>(&'m Member);

impl ToJson for LinkMember<'_> {
    fn write_json(&self, out: &mut String) {
        let Member {
            age,
            sex,
            insurance,
            disability,
            yes,
            work,
        } = self.0;
        let d = &Member::DEFAULT;
        Object::new(out)
            .field("age", age)
            .field("sex", sex)
            .field_unless("insurance", insurance, &d.insurance)
            .field_unless("disability", disability, &d.disability)
            .answers_yes(*yes)
            .field_unless("work", work, &d.work)
            .end();
    }
}

/// Decodes a profile from JSON text, refusing anything the contract does not allow; its
/// street and estate are the compiled-in list's (the page's list).
pub fn decode(text: &str) -> Result<Profile, Fault> {
    decode_for(text, Catalogue::builtin()?)
}

/// Decodes a profile from JSON text for `list`: its street and estate are that list's.
pub fn decode_for(text: &str, list: &Catalogue) -> Result<Profile, Fault> {
    let value: Value = crate::codec::json::parse(text)
        .map_err(|e| Fault::at("profile", format!("not valid JSON ({e})")))?;
    from_value(&value, list)
}

/// Decodes a profile from parsed JSON, for `list`. It reads on past a fault and refuses the
/// profile at the end with the first one (`json::Faults`).
pub fn from_value(value: &Value, list: &Catalogue) -> Result<Profile, Fault> {
    let faults = Faults::default();
    let obj = Obj::new(value, "", "profile", &faults);
    obj.only(
        &[
            "residency",
            "street",
            "area",
            "kind",
            "community",
            "members",
        ],
        <HousingFlag as Choice>::NAMES,
    );
    // A plain loop: `collect` into a `Result<Vec<_>, _>` compiles to its own adapter.
    let mut members = Vec::new();
    match obj.get("members") {
        None => obj.fault(Fault::at("members", "is required: list 1 to 20 members")),
        Some(Value::Array(list)) if list.is_empty() => {
            obj.fault(Fault::at("members", "must list at least 1 member"))
        }
        Some(Value::Array(list)) if list.len() > MAX_MEMBERS => obj.fault(Fault::at(
            "members",
            format!("must list at most {MAX_MEMBERS} members"),
        )),
        Some(Value::Array(list)) => {
            for (i, m) in list.iter().enumerate() {
                members.push(member(m, &format!("members[{i}]"), &faults));
            }
        }
        Some(_) => obj.fault(Fault::at("members", "must be a list of 1 to 20 members")),
    }
    let street = place(&obj, "street", list.streets.iter().map(|s| s.key.as_str()));
    let community = place(
        &obj,
        "community",
        list.estates.iter().map(|e| e.key.as_str()),
    );
    // A pair that cannot exist is refused, never evaluated as if both held.
    if let (Some(s), Some(estate)) = (&street, community.as_deref().and_then(|c| list.estate(c))) {
        if estate.street != *s {
            obj.fault(Fault::at(
                "community",
                format!(
                    "`{}` lies in street `{}`, not in the given street `{s}`",
                    estate.key, estate.street
                ),
            ));
        }
    }
    // What is left out is the contract's default, written once.
    let d = Profile::EMPTY;
    let profile = Profile {
        residency: obj.choice("residency").unwrap_or(d.residency),
        street,
        area: obj.choice("area").unwrap_or(d.area),
        kind: obj.choice("kind").unwrap_or(d.kind),
        community,
        home: obj.answers(),
        members,
    };
    faults.finish(profile)
}

/// One member, read on past a fault (kept in `faults`).
fn member(value: &Value, path: &str, faults: &Faults) -> Member {
    let obj = Obj::new(value, path, path, faults);
    obj.only(
        &["age", "sex", "insurance", "disability", "work"],
        <MemberFlag as Choice>::NAMES,
    );
    let age_field = obj.path("age");
    let age = match obj.get("age") {
        None => {
            obj.fault(Fault::at(
                age_field,
                "is required: a whole number from 0 to 130",
            ));
            0
        }
        Some(v) => match v
            .as_u64()
            .filter(|a| *a <= u64::from(MAX_AGE))
            .and_then(|a| u8::try_from(a).ok())
        {
            Some(age) => age,
            None => {
                obj.fault(Fault::at(age_field, "must be a whole number from 0 to 130"));
                0
            }
        },
    };
    let d = Member::DEFAULT;
    let sex = match obj.get("sex") {
        None => {
            obj.fault(Fault::at(
                obj.path("sex"),
                format!("is required: {}", join_or(<Sex as Choice>::NAMES)),
            ));
            d.sex
        }
        Some(_) => obj.choice("sex").unwrap_or(d.sex),
    };
    let work = obj.choice("work").unwrap_or(d.work);
    // An answer that cannot be true is refused, never evaluated: a child does not work.
    if age < WORK_AGE && work != Work::None {
        obj.fault(Fault::at(
            obj.path("work"),
            format!("must be `none` for a member under {WORK_AGE} (age {age})"),
        ));
    }
    Member {
        age,
        sex,
        insurance: obj.choice("insurance").unwrap_or(d.insurance),
        disability: obj.choice("disability").unwrap_or(d.disability),
        yes: obj.answers(),
        work,
    }
}

/// One of the list's places by its key (`keys`), or null (absent: null).
fn place<'k>(obj: &Obj<'_>, key: &str, keys: impl Iterator<Item = &'k str>) -> Option<String> {
    match obj.get(key) {
        None | Some(Value::Null) => None,
        Some(_) => {
            let keys: Vec<&str> = keys.collect();
            let at = obj.position(key, &keys, "must be null or one of")?;
            Some(keys[at].to_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        match decode(input) {
            Ok(p) => panic!("accepted {input}: {p:?}"),
            Err(e) => assert_eq!(e.to_string(), expected),
        }
    }

    #[test]
    fn defaults_fill_what_is_left_out() {
        let p = decode(r#"{"members":[{"age":70,"sex":"male"}]}"#).unwrap();
        let want = Profile {
            members: vec![Member {
                age: 70,
                sex: Sex::Male,
                ..Member::default()
            }],
            ..Profile::default()
        };
        assert_eq!(p, want);
    }

    #[test]
    fn each_fault_names_its_field() {
        check(
            r#"{"members":[{"age":131,"sex":"male"}]}"#,
            "members[0].age: must be a whole number from 0 to 130",
        );
        check(
            r#"{"members":[{"age":-1,"sex":"male"}]}"#,
            "members[0].age: must be a whole number from 0 to 130",
        );
        check(
            r#"{"members":[{"age":7.5,"sex":"male"}]}"#,
            "members[0].age: must be a whole number from 0 to 130",
        );
        check(
            r#"{"members":[{"age":"7","sex":"male"}]}"#,
            "members[0].age: must be a whole number from 0 to 130",
        );
        check(
            r#"{"members":[{"sex":"male"}]}"#,
            "members[0].age: is required: a whole number from 0 to 130",
        );
        check(r#"{"members":[]}"#, "members: must list at least 1 member");
        check(r#"{}"#, "members: is required: list 1 to 20 members");
        check(
            r#"{"members":[{"age":1,"sex":"x"}]}"#,
            "members[0].sex: must be one of `female` or `male`",
        );
        check(r#"{"membres":[]}"#, "membres: is not a known field");
        check(
            r#"{"members":[{"age":1,"sex":"male"},{"age":1,"sex":"male","agee":2}]}"#,
            "members[1].agee: is not a known field",
        );
        check(
            r#"{"lift":"yes","members":[{"age":1,"sex":"male"}]}"#,
            "lift: must be true or false",
        );
        check(r#"{"street":"main","members":[{"age":1,"sex":"male"}]}"#, "street: must be null or one of `guanghe`, `huangtun`, `liuhang`, `wangyin` or `jiezhuang`");
        check(r#"[1]"#, "profile: must be a JSON object");
        check(r#"{"members":[3]}"#, "members[0]: must be a JSON object");
        assert!(decode("{")
            .unwrap_err()
            .to_string()
            .starts_with("profile: not valid JSON"));
    }

    /// CONTRACT §1: "A key given twice (in any spelling JSON allows, such as `"se\u0078"` for
    /// `"sex"`) is refused, naming it: the last one never silently wins."
    #[test]
    fn a_key_given_twice_is_refused_naming_it() {
        let twice =
            decode(r#"{"members":[{"age":1,"sex":"male"}],"members":[{"age":2,"sex":"female"}]}"#)
                .unwrap_err()
                .to_string();
        assert!(
            twice.starts_with(
                "profile: not valid JSON (the key \"members\" is given twice at byte "
            ),
            "{twice}"
        );
        let spelt = decode(r#"{"members":[{"age":1,"sex":"female","se\u0078":"male"}]}"#)
            .unwrap_err()
            .to_string();
        assert!(spelt.contains(r#"the key "sex" is given twice"#), "{spelt}");
    }

    /// CONTRACT §1: "A UTF-8 byte-order mark before the JSON is ignored."
    #[test]
    fn a_byte_order_mark_is_read_past() {
        let plain = r#"{"members":[{"age":80,"sex":"female"}]}"#;
        assert_eq!(
            decode(&format!("\u{feff}{plain}")).unwrap(),
            decode(plain).unwrap()
        );
        // Counted from the file's start: the BOM's three bytes, then `{`, then the fault.
        let bad = decode("\u{feff}{x").unwrap_err().to_string();
        assert!(bad.ends_with("expected a key at byte 4)"), "{bad}");
    }

    /// CONTRACT §1: "A message quotes what it refuses at most about 40 characters long."
    #[test]
    fn a_long_key_is_quoted_short() {
        let key = "k".repeat(100_000);
        let text = format!(r#"{{"{key}":1,"members":[{{"age":1,"sex":"male"}}]}}"#);
        let message = decode(&text).unwrap_err().to_string();
        assert_eq!(
            message,
            format!("{}…: is not a known field", "k".repeat(40))
        );
        let twice = decode(&format!(r#"{{"{key}":1,"{key}":2}}"#))
            .unwrap_err()
            .to_string();
        assert!(
            twice.len() < 120,
            "{} bytes: {}",
            twice.len(),
            &twice[..120.min(twice.len())]
        );
    }

    /// CONTRACT §1 and the source: 科苑, 西闸, 银都 and 电业局宿舍 are in 洸河街道, 云创小镇社区 in
    /// 黄屯街道 ("完成洸河街道科苑小区……", "黄屯街道云创小镇社区"). A pair that cannot exist is
    /// refused, naming both fields.
    #[test]
    fn a_community_outside_the_street_is_refused() {
        let member = r#""members":[{"age":70,"sex":"male"}]"#;
        check(
            &format!(r#"{{"street":"jiezhuang","community":"keyuan",{member}}}"#),
            "community: `keyuan` lies in street `guanghe`, not in the given street `jiezhuang`",
        );
        check(
            &format!(r#"{{"street":"guanghe","community":"yunchuang",{member}}}"#),
            "community: `yunchuang` lies in street `huangtun`, not in the given street `guanghe`",
        );
        for ok in [
            r#""street":"guanghe","community":"keyuan""#,
            r#""street":"huangtun","community":"yunchuang""#,
            r#""community":"dianyeju""#,
            r#""street":"liuhang""#,
        ] {
            assert!(decode(&format!("{{{ok},{member}}}")).is_ok(), "{ok}");
        }
    }

    #[test]
    fn twenty_members_at_most() {
        let one = r#"{"age":1,"sex":"male"}"#;
        let list = |n: usize| format!(r#"{{"members":[{}]}}"#, vec![one; n].join(","));
        assert!(decode(&list(20)).is_ok());
        check(&list(21), "members: must list at most 20 members");
    }

    #[test]
    fn link_json_leaves_out_defaults_and_round_trips() {
        let p = decode(r#"{"lift":true,"members":[{"age":9,"sex":"female"},{"age":70,"sex":"male","insurance":"resident"}]}"#).unwrap();
        assert_eq!(
            p.to_link_json(),
            r#"{"lift":true,"members":[{"age":9,"sex":"female"},{"age":70,"sex":"male","insurance":"resident"}]}"#
        );
        assert_eq!(decode(&p.to_link_json()).unwrap(), p);
        // A link written when keys were alphabetical reads the same.
        let old = r#"{"lift":true,"members":[{"age":9,"sex":"female"},{"age":70,"insurance":"resident","sex":"male"}]}"#;
        assert_eq!(decode(old).unwrap(), p);
    }

    #[test]
    fn encoding_round_trips() {
        let p = decode(r#"{"street":"wangyin","kind":"low_income","members":[{"age":9,"sex":"female","work":"none","insurance":"resident_exempt"}]}"#).unwrap();
        assert_eq!(decode(&p.to_json()).unwrap(), p);
    }
}
