//! Answers remembered on the device, when the resident asks: a versioned envelope around the
//! profile, so stored data from another version, or corrupted, is refused with a message.

use crate::profile::{self, Profile, ProfileError};
use serde_json::Value;

/// The version of the stored envelope this build writes and reads.
pub const VERSION: u64 = 1;

/// The storage key.
pub const KEY: &str = "minsheng.answers";

/// The envelope to store: `{"version":1,"profile":{…}}`.
pub fn encode(profile: &Profile) -> String {
    format!(r#"{{"version":{VERSION},"profile":{}}}"#, profile.to_json())
}

/// Reads a stored envelope; any fault is one message naming the field.
pub fn decode(text: &str) -> Result<Profile, ProfileError> {
    let bad = |field: &str, problem: String| ProfileError {
        field: field.into(),
        problem,
    };
    let value: Value =
        serde_json::from_str(text).map_err(|e| bad("saved", format!("not valid JSON ({e})")))?;
    let Value::Object(map) = value else {
        return Err(bad("saved", "must be a JSON object".into()));
    };
    match map.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(v) => {
            return Err(bad(
                "saved.version",
                format!("is {v}; this version reads {VERSION}"),
            ))
        }
        None => return Err(bad("saved.version", "is missing".into())),
    }
    if let Some(k) = map.keys().find(|k| *k != "version" && *k != "profile") {
        return Err(bad(&format!("saved.{k}"), "is not a known field".into()));
    }
    let profile = map
        .get("profile")
        .ok_or_else(|| bad("saved.profile", "is missing".into()))?;
    profile::from_value(profile)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_other_versions_and_corruption() {
        let p = Profile::default();
        assert_eq!(decode(&encode(&p)), Ok(p));
        assert_eq!(
            decode(r#"{"version":0,"profile":{}}"#)
                .unwrap_err()
                .to_string(),
            "saved.version: is 0; this version reads 1"
        );
        assert_eq!(
            decode(r#"{"profile":{}}"#).unwrap_err().to_string(),
            "saved.version: is missing"
        );
        assert!(decode("{\"version\":1,\"prof")
            .unwrap_err()
            .to_string()
            .starts_with("saved: not valid JSON"));
        assert_eq!(
            decode(r#"{"version":1,"profile":{"members":[{"age":500,"sex":"male"}]}}"#)
                .unwrap_err()
                .to_string(),
            "members[0].age: must be a whole number from 0 to 130"
        );
    }
}
