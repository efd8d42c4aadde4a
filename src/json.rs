//! Reading parsed JSON by hand, field by field, so that every fault is one message naming its
//! path (`members[0].age`, `items[9].measures[0].when`). The profile and the catalogue decoders
//! share it; it also keeps serde's generated deserializers, large in Wasm, out of the build.

use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::str::FromStr;

/// A fault: the path of the field and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    pub path: String,
    pub problem: String,
}

/// The fault at `path`.
pub fn fault(path: impl Into<String>, problem: impl Into<String>) -> Fault {
    Fault {
        path: path.into(),
        problem: problem.into(),
    }
}

/// A JSON object being read, with the path its fields are reported under.
pub struct Obj<'a> {
    map: &'a Map<String, Value>,
    prefix: String,
}

impl<'a> Obj<'a> {
    /// The object at `path` (empty for the document itself, reported as `whole`).
    pub fn new(value: &'a Value, path: &str, whole: &str) -> Result<Self, Fault> {
        match value {
            Value::Object(map) => Ok(Obj {
                map,
                prefix: path.to_owned(),
            }),
            _ => Err(fault(
                if path.is_empty() { whole } else { path },
                "must be a JSON object",
            )),
        }
    }

    /// The path of one of its fields.
    pub fn path(&self, key: &str) -> String {
        if self.prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.prefix)
        }
    }

    /// The field, if present.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key)
    }

    /// The only key of a one-key object, as an externally tagged value is written.
    pub fn single(&self) -> Option<(&'a str, &'a Value)> {
        let mut it = self.map.iter();
        match (it.next(), it.next()) {
            (Some((k, v)), None) => Some((k.as_str(), v)),
            _ => None,
        }
    }

    /// Refuses any key not in `known`, so a typo never silently means "default".
    pub fn only(&self, known: &[&str]) -> Result<(), Fault> {
        match self.map.keys().find(|k| !known.contains(&k.as_str())) {
            Some(k) => Err(fault(self.path(k), "is not a known field")),
            None => Ok(()),
        }
    }

    /// A required field.
    pub fn required(&self, key: &str) -> Result<&'a Value, Fault> {
        self.get(key)
            .ok_or_else(|| fault(self.path(key), "is required"))
    }

    /// A required string.
    pub fn string(&self, key: &str) -> Result<String, Fault> {
        match self.required(key)? {
            Value::String(s) => Ok(s.clone()),
            _ => Err(fault(self.path(key), "must be a string")),
        }
    }

    /// A required whole number from 0 to 255.
    pub fn small(&self, key: &str) -> Result<u8, Fault> {
        small(self.required(key)?, &self.path(key))
    }

    /// An optional whole number from 0 to 255 (absent or null: none).
    pub fn opt_small(&self, key: &str) -> Result<Option<u8>, Fault> {
        match self.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => small(v, &self.path(key)).map(Some),
        }
    }

    /// An optional boolean, false when absent.
    pub fn flag(&self, key: &str) -> Result<bool, Fault> {
        match self.get(key) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(_) => Err(fault(self.path(key), "must be true or false")),
        }
    }

    /// An optional value of a closed set, read by `read`; `expected` lists the names.
    pub fn choice<T>(
        &self,
        key: &str,
        read: fn(&str) -> Option<T>,
        expected: fn() -> String,
    ) -> Result<Option<T>, Fault> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => choice(v, &self.path(key), read, expected).map(Some),
        }
    }

    /// A required amount, written as a decimal string (never a JSON number, never a float).
    pub fn decimal(&self, key: &str) -> Result<Decimal, Fault> {
        match self.required(key)? {
            Value::String(s) => Decimal::from_str(s)
                .map_err(|_| fault(self.path(key), format!("`{s}` is not a decimal number"))),
            _ => Err(fault(
                self.path(key),
                "must be a decimal number written as a string, e.g. \"50\"",
            )),
        }
    }

    /// A list, each element read by `item` with its own path; absent means empty unless
    /// `required`.
    pub fn list<T>(
        &self,
        key: &str,
        required: bool,
        item: impl Fn(&'a Value, &str) -> Result<T, Fault>,
    ) -> Result<Vec<T>, Fault> {
        match self.get(key) {
            None if !required => Ok(Vec::new()),
            None => Err(fault(self.path(key), "is required")),
            Some(Value::Array(xs)) => {
                let path = self.path(key);
                xs.iter()
                    .enumerate()
                    .map(|(i, v)| item(v, &format!("{path}[{i}]")))
                    .collect()
            }
            Some(_) => Err(fault(self.path(key), "must be a list")),
        }
    }
}

/// A whole number from 0 to 255.
pub fn small(value: &Value, path: &str) -> Result<u8, Fault> {
    value
        .as_u64()
        .and_then(|n| u8::try_from(n).ok())
        .ok_or_else(|| fault(path, "must be a whole number from 0 to 255"))
}

/// A value of a closed set.
pub fn choice<T>(
    value: &Value,
    path: &str,
    read: fn(&str) -> Option<T>,
    expected: fn() -> String,
) -> Result<T, Fault> {
    value
        .as_str()
        .and_then(read)
        .ok_or_else(|| fault(path, format!("must be one of {}", expected())))
}

/// A string element of a list.
pub fn string(value: &Value, path: &str) -> Result<String, Fault> {
    value
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| fault(path, "must be a string"))
}
