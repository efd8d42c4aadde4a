//! Answers kept on the device — for the tab (so a reload brings them back) and, when the
//! resident asks, across visits: a versioned envelope around the profile.
//!
//! Version 2 also keeps each age box exactly as typed (empty, or half-corrected), so a reload
//! shows what was on screen. Version 3 also keeps whether each member's sex was chosen: the
//! form starts at 女 and the results say so until it is chosen, after a reload too. Versions 1
//! (a profile alone) and 2 are migrated on reading, every sex taken as chosen, as they were. An envelope
//! from a newer version is refused as `Newer`, so the page keeps it for that version instead
//! of deleting it; only what is corrupt is `Corrupt`.

use crate::codec::json::{Faults, Value};
use crate::codec::profile;
use crate::model::catalogue::Catalogue;
use crate::model::fault::Fault;
use crate::model::profile::Profile;

/// The version of the stored envelope this build writes.
pub const VERSION: u64 = 3;

/// The storage key.
pub const KEY: &str = "minsheng.answers";

/// The longest age box text kept (anything longer is not an age being typed).
const MAX_AGE_TEXT: usize = 8;

/// Stored answers: the profile and the age boxes as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// The answers; a member whose age box holds no valid age has age 0 here.
    pub profile: Profile,
    /// Each member's age box, as typed, in the profile's order.
    pub ages: Vec<String>,
    /// Whether each member's sex was chosen (or came with the answers), in the same order.
    pub sex_chosen: Vec<bool>,
}

/// Why stored answers were not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SavedError {
    /// Written by a newer version of the page: keep it.
    Newer(Fault),
    /// Damaged, or not ours: remove it.
    Corrupt(Fault),
}

impl SavedError {
    /// The message naming the field.
    pub fn error(&self) -> &Fault {
        match self {
            SavedError::Newer(e) | SavedError::Corrupt(e) => e,
        }
    }
}

/// The envelope to store: `{"version":3,"profile":{…},"ages":["78",""],"sex_chosen":[true,false]}`.
pub fn encode(saved: &Saved) -> String {
    let ages = crate::codec::json_out::ToJson::to_json_string(&saved.ages);
    let chosen = crate::codec::json_out::ToJson::to_json_string(&saved.sex_chosen);
    format!(
        r#"{{"version":{VERSION},"profile":{},"ages":{ages},"sex_chosen":{chosen}}}"#,
        saved.profile.to_json()
    )
}

/// Reads a stored envelope; any fault is one message naming the field.
pub fn decode(text: &str) -> Result<Saved, SavedError> {
    let bad = |field: &str, problem: String| SavedError::Corrupt(Fault::at(field, problem));
    let value: Value = crate::codec::json::parse(text)
        .map_err(|e| bad("saved", format!("not valid JSON ({e})")))?;
    let Value::Object(map) = value else {
        return Err(bad("saved", "must be a JSON object".into()));
    };
    let version = match map.get("version").and_then(Value::as_u64) {
        Some(v @ 1..=VERSION) => v,
        Some(v) if v > VERSION => {
            return Err(SavedError::Newer(Fault::at(
                "saved.version",
                format!("is {v}; this version reads up to {VERSION}"),
            )))
        }
        Some(v) => {
            return Err(bad(
                "saved.version",
                format!("is {v}; this version reads 1 to {VERSION}"),
            ))
        }
        None => return Err(bad("saved.version", "is missing".into())),
    };
    let known: &[&str] = match version {
        1 => &["version", "profile"],
        2 => &["version", "profile", "ages"],
        _ => &["version", "profile", "ages", "sex_chosen"],
    };
    // From here it reads on past a fault and refuses the envelope with the first one at the end
    // (`json::Faults`: an early return dropped every half-built value on a path of its own).
    let faults = Faults::default();
    if let Some(k) = map.keys().find(|k| !known.contains(&k.as_str())) {
        faults.note(Fault::at(
            format!("saved.{}", crate::codec::json::quoted(k)),
            "is not a known field",
        ));
    }
    // The answers' street and estate are the page's list's.
    let profile = match (map.get("profile"), Catalogue::builtin()) {
        (None, _) => Err(Fault::at("saved.profile", "is missing")),
        (_, Err(f)) => Err(f.clone()),
        (Some(profile), Ok(list)) => profile::from_value(profile, list),
    }
    .unwrap_or_else(|f| {
        faults.note(f);
        Profile::EMPTY
    });
    let members = profile.members.len();
    let ages = match version {
        // Version 1 kept only valid answers: every age box held its age.
        1 => profile.members.iter().map(|m| m.age.to_string()).collect(),
        _ => per_member(
            &map,
            "ages",
            members,
            "one text",
            &format!("must be text of at most {MAX_AGE_TEXT} characters"),
            |v| {
                v.as_str()
                    .filter(|s| s.chars().count() <= MAX_AGE_TEXT)
                    .map(str::to_owned)
            },
            &faults,
        ),
    };
    let sex_chosen = match version {
        1 | 2 => vec![true; members],
        _ => per_member(
            &map,
            "sex_chosen",
            members,
            "true or false",
            "must be true or false",
            |v| match v {
                Value::Bool(b) => Some(*b),
                _ => None,
            },
            &faults,
        ),
    };
    faults
        .finish(Saved {
            profile,
            ages,
            sex_chosen,
        })
        .map_err(SavedError::Corrupt)
}

/// A list in the envelope with one item for each member (`what`: an item, for the message),
/// each read by `read`; a fault names the field, and the item with its `problem`, and is kept
/// in `faults` (the list then as far as it was read).
fn per_member<T>(
    map: &crate::codec::json::Map,
    field: &str,
    members: usize,
    what: &str,
    problem: &str,
    read: fn(&Value) -> Option<T>,
    faults: &Faults,
) -> Vec<T> {
    let mut out = Vec::with_capacity(members);
    match map.get(field) {
        Some(Value::Array(items)) if items.len() == members => {
            for (i, item) in items.iter().enumerate() {
                match read(item) {
                    Some(v) => out.push(v),
                    None => faults.note(Fault::at(format!("saved.{field}[{i}]"), problem)),
                }
            }
        }
        Some(_) => faults.note(Fault::at(
            format!("saved.{field}"),
            format!("must list {what} for each member"),
        )),
        None => faults.note(Fault::at(format!("saved.{field}"), "is missing")),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> String {
        match decode(text) {
            Err(SavedError::Corrupt(e)) => e.to_string(),
            other => panic!("expected corrupt, got {other:?}"),
        }
    }

    #[test]
    fn round_trips_with_the_ages_as_typed_and_the_sex_not_chosen() {
        let saved = Saved {
            profile: Profile::default(),
            ages: vec!["13x".into()],
            sex_chosen: vec![false],
        };
        assert_eq!(decode(&encode(&saved)), Ok(saved));
    }

    #[test]
    fn version_2_is_migrated_with_every_sex_chosen() {
        let got = decode(
            r#"{"version":2,"profile":{"members":[{"age":78,"sex":"female"}]},"ages":["78"]}"#,
        )
        .unwrap();
        assert_eq!(got.sex_chosen, vec![true]);
    }

    #[test]
    fn version_1_is_migrated_with_each_age_as_its_box() {
        let got =
            decode(r#"{"version":1,"profile":{"members":[{"age":78,"sex":"male"}]}}"#).unwrap();
        assert_eq!(got.ages, vec!["78".to_owned()]);
        assert_eq!(got.profile.members[0].age, 78);
    }

    #[test]
    fn a_newer_version_is_kept_not_called_corrupt() {
        let got = decode(r#"{"version":4,"profile":{},"future":true}"#);
        assert!(matches!(got, Err(SavedError::Newer(_))), "{got:?}");
    }

    #[test]
    fn corruption_is_named() {
        assert_eq!(
            message(r#"{"version":0,"profile":{}}"#),
            "saved.version: is 0; this version reads 1 to 3"
        );
        assert_eq!(message(r#"{"profile":{}}"#), "saved.version: is missing");
        assert!(message("{\"version\":2,\"prof").starts_with("saved: not valid JSON"));
        assert_eq!(
            message(
                r#"{"version":2,"profile":{"members":[{"age":500,"sex":"male"}]},"ages":["1"]}"#
            ),
            "members[0].age: must be a whole number from 0 to 130"
        );
        assert_eq!(
            message(r#"{"version":2,"profile":{"members":[{"age":5,"sex":"male"}]},"ages":[]}"#),
            "saved.ages: must list one text for each member"
        );
        assert_eq!(
            message(r#"{"version":2,"profile":{"members":[{"age":5,"sex":"male"}]},"ages":[5]}"#),
            "saved.ages[0]: must be text of at most 8 characters"
        );
        assert_eq!(
            message(
                r#"{"version":3,"profile":{"members":[{"age":5,"sex":"male"}]},"ages":["5"],"sex_chosen":[1]}"#
            ),
            "saved.sex_chosen[0]: must be true or false"
        );
        assert_eq!(
            message(r#"{"version":3,"profile":{"members":[{"age":5,"sex":"male"}]},"ages":["5"]}"#),
            "saved.sex_chosen: is missing"
        );
    }
}
