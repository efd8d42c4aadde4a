//! Reading parsed JSON by hand, field by field, so that every fault is one message naming its
//! path (`members[0].age`) in the contract's words. The profile's decoder and the kept answers
//! use it, in the page and natively alike. Our own code, because it pays: serde's generated
//! deserializers and serde_json's reader cost the Wasm 8.1 KB brotli more (docs/SIZE-LOG.md).
//! The catalogue file, read only natively, uses serde's derive (`codec::catalogue`).

use crate::model::choice::{join_or, Choice, Yes};
use crate::model::fault::Fault;

/// A parsed JSON value, as the decoders read it. (serde_json's `Value` would bring its ordered
/// map, a B-tree, into the Wasm; an object here is a short list kept in key order.)
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number: whole and exact within `i64`/`u64`, or anything else (a fraction, an
/// exponent, `-0`, or out of range), which every decoder refuses by its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Number {
    Whole(i128),
    Other,
}

/// A JSON object: its fields in key order, each key once. The reader refuses a key given twice
/// (serde_json would let the last one win, silently).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    /// Sets `key`, replacing an earlier value; false if the key was there already.
    pub fn insert(&mut self, key: String, value: Value) -> bool {
        match self.0.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
            Ok(at) => {
                self.0[at].1 = value;
                false
            }
            Err(at) => {
                self.0.insert(at, (key, value));
                true
            }
        }
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        let at = self.0.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        Some(&self.0[at].1)
    }

    /// The fields in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// serde_json's reading of the same text, as ours: for the tests, which hold the two equal, and
/// for test cases written in serde-deserialised files. (Not in the Wasm.)
#[cfg(not(target_arch = "wasm32"))]
impl From<&serde_json::Value> for Value {
    fn from(v: &serde_json::Value) -> Self {
        use serde_json::Value as S;
        match v {
            S::Null => Value::Null,
            S::Bool(b) => Value::Bool(*b),
            S::Number(n) => Value::Number(
                n.as_u64()
                    .map(i128::from)
                    .or_else(|| n.as_i64().map(i128::from))
                    .map_or(Number::Other, Number::Whole),
            ),
            S::String(s) => Value::String(s.clone()),
            S::Array(xs) => Value::Array(xs.iter().map(Value::from).collect()),
            S::Object(m) => {
                let mut map = Map::default();
                for (k, v) in m {
                    map.insert(k.clone(), v.into());
                }
                Value::Object(map)
            }
        }
    }
}

impl Value {
    /// A whole number from 0 up.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(Number::Whole(n)) => u64::try_from(*n).ok(),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// An object's field.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(map) => map.get(key),
            _ => None,
        }
    }
}

/// The first fault met while reading a document. The decoders read on past a fault, each value
/// that cannot be read taking its default, and refuse the document at the end with the first
/// fault, the one an early return would have given: an early return at each field made the Wasm
/// drop every half-built value on a path of its own.
#[derive(Default)]
pub struct Faults(std::cell::RefCell<Option<Fault>>);

impl Faults {
    /// Keeps `fault` if it is the first.
    pub fn note(&self, fault: Fault) {
        self.0.borrow_mut().get_or_insert(fault);
    }

    /// `value`, or the first fault.
    pub fn finish<T>(self, value: T) -> Result<T, Fault> {
        match self.0.into_inner() {
            Some(fault) => Err(fault),
            None => Ok(value),
        }
    }
}

/// A JSON object being read, with the path its fields are reported under, and where its faults
/// are kept. A value that is no object reads as an empty one, its fault kept.
pub struct Obj<'a> {
    map: Option<&'a Map>,
    prefix: String,
    faults: &'a Faults,
}

impl<'a> Obj<'a> {
    /// The object at `path` (empty for the document itself, reported as `whole`).
    pub fn new(value: &'a Value, path: &str, whole: &str, faults: &'a Faults) -> Self {
        let map = match value {
            Value::Object(map) => Some(map),
            _ => {
                faults.note(Fault::at(
                    if path.is_empty() { whole } else { path },
                    "must be a JSON object",
                ));
                None
            }
        };
        Obj {
            map,
            prefix: path.to_owned(),
            faults,
        }
    }

    /// Keeps a fault of this document.
    pub fn fault(&self, fault: Fault) {
        self.faults.note(fault);
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
        self.map?.get(key)
    }

    /// Refuses any key in neither `known` nor `also`, so a typo never silently means
    /// "default".
    pub fn only(&self, known: &[&str], also: &[&str]) {
        if let Some(k) = self.map.and_then(|map| {
            map.keys()
                .find(|k| !known.contains(&k.as_str()) && !also.contains(&k.as_str()))
        }) {
            self.fault(Fault::at(self.path(&quoted(k)), "is not a known field"));
        }
    }

    /// An optional boolean, false when absent.
    pub fn flag(&self, key: &str) -> bool {
        match self.get(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                self.fault(Fault::at(self.path(key), "must be true or false"));
                false
            }
        }
    }

    /// The yes/no answers of a kind, each an optional boolean by its name, no when absent.
    pub fn answers<F: Choice>(&self) -> Yes<F> {
        let mut yes = Yes::NONE;
        for (flag, name) in F::ALL.iter().zip(F::NAMES) {
            yes.set(*flag, self.flag(name));
        }
        yes
    }

    /// An optional value of a closed set.
    pub fn choice<T: Choice>(&self, key: &str) -> Option<T> {
        self.position(key, T::NAMES, "must be one of")
            .map(|i| T::ALL[i])
    }

    /// Where the field's name stands in `names`, if the field is present (a name outside them
    /// is a fault, said with `lead`).
    pub fn position(&self, key: &str, names: &[&str], lead: &str) -> Option<usize> {
        let found = position(self.get(key)?, &self.path(key), names, lead);
        found.map_err(|f| self.fault(f)).ok()
    }
}

/// A value of a closed set.
pub fn choice<T: Choice>(value: &Value, path: &str) -> Result<T, Fault> {
    position(value, path, T::NAMES, "must be one of").map(|i| T::ALL[i])
}

/// Where a string value stands in `names`; otherwise a fault naming the field, saying `lead`
/// ("must be one of") and listing the names. One function for every closed set.
pub fn position(value: &Value, path: &str, names: &[&str], lead: &str) -> Result<usize, Fault> {
    value
        .as_str()
        .and_then(|s| names.iter().position(|n| *n == s))
        .ok_or_else(|| Fault::at(path, format!("{lead} {}", join_or(names))))
}

/// Parses JSON text (RFC 8259) into a value: the JSON reader of the profile and the
/// stored answers. serde_json's own deserializer would add its number parsing and generic
/// machinery to the Wasm; this reader is what the decoders need. Numbers: a whole number is
/// exact (`as_u64`, `as_i64`); one with a fraction or an exponent, or too large, is kept as a
/// non-whole placeholder — every decoder reads whole numbers only, and refuses it by its field.
pub fn parse(text: &str) -> Result<Value, String> {
    // A UTF-8 byte-order mark, as Windows Notepad writes one, is not part of the JSON (skipped,
    // so a fault's byte still counts from the file's start).
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut p = Parser { text, i: bom };
    p.space();
    let value = p.value(0)?;
    p.space();
    if p.i < text.len() {
        return Err(p.fault("unexpected characters after the value"));
    }
    Ok(value)
}

/// What a message quotes of a key or a value: at most 40 characters, so a 100,000-character
/// key is not echoed whole, and every character that would not show as itself written as an
/// escape (`\n`, `\u200b`, `\u202e`, `\u001b`; a backslash as `\\`), so a message is one line
/// and no key reads as another (`se\u200bx` is not `sex`).
pub fn quoted(text: &str) -> String {
    const MOST: usize = 40;
    let mut out = String::new();
    for (n, c) in text.chars().enumerate() {
        if n == MOST {
            out.push('…');
            break;
        }
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if unseen(c) => escape(&mut out, u32::from(c)),
            c => out.push(c),
        }
    }
    out
}

/// `\u200b` (four hex digits), or `\u{e0041}` beyond them; written by hand, since the
/// formatter's hexadecimal is more code in the page.
fn escape(out: &mut String, n: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let wide = n > 0xffff;
    out.push_str(if wide { "\\u{" } else { "\\u" });
    let digits = if wide {
        5 + usize::from(n > 0xfffff)
    } else {
        4
    };
    for i in (0..digits).rev() {
        out.push(char::from(HEX[(n >> (4 * i)) as usize & 15]));
    }
    if wide {
        out.push('}');
    }
}

/// Whether a character does not show as itself in a message: controls, the Latin-1 space and
/// soft hyphen, the general punctuation block's spaces, zero-widths, joiners, direction marks
/// and overrides (U+2000–U+206F, escaped whole), the ideographic space, variation selectors,
/// the byte-order mark, specials and tags.
fn unseen(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{a0}'
                | '\u{ad}'
                | '\u{2000}'..='\u{206f}'
                | '\u{3000}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{fff0}'..='\u{ffff}'
                | '\u{e0000}'..='\u{e0fff}'
        )
}

/// How deeply arrays and objects may nest before the text is refused (no stack overflow).
const MAX_DEPTH: u32 = 128;

struct Parser<'t> {
    text: &'t str,
    i: usize,
}

impl Parser<'_> {
    fn fault(&self, what: &str) -> String {
        format!("{what} at byte {}", self.i)
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.i).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let hit = self.peek() == Some(byte);
        self.i += usize::from(hit);
        hit
    }

    fn value(&mut self, depth: u32) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err(self.fault("nested too deeply"));
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.fault("unexpected character")),
            None => Err(self.fault("unexpected end")),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, String> {
        if self.text[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(value)
        } else {
            Err(self.fault("unexpected word"))
        }
    }

    fn object(&mut self, depth: u32) -> Result<Value, String> {
        self.i += 1;
        let mut map = Map::default();
        self.space();
        if self.eat(b'}') {
            return Ok(Value::Object(map));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.fault("expected a key"));
            }
            let at = self.i;
            let key = self.string()?;
            self.space();
            if !self.eat(b':') {
                return Err(self.fault("expected `:`"));
            }
            self.space();
            let value = self.value(depth + 1)?;
            let key_text = quoted(&key);
            if !map.insert(key, value) {
                // In any spelling JSON allows (`"se\u0078"` is `"sex"`): the last never wins.
                self.i = at;
                return Err(self.fault(&format!("the key \"{key_text}\" is given twice")));
            }
            self.space();
            if self.eat(b'}') {
                return Ok(Value::Object(map));
            }
            if !self.eat(b',') {
                return Err(self.fault("expected `,` or `}`"));
            }
        }
    }

    fn array(&mut self, depth: u32) -> Result<Value, String> {
        self.i += 1;
        let mut items = Vec::new();
        self.space();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            self.space();
            items.push(self.value(depth + 1)?);
            self.space();
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.fault("expected `,` or `]`"));
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .text
            .get(self.i..self.i + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.fault("expected four hex digits"))?;
        self.i += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.fault("expected four hex digits"))
    }

    fn string(&mut self) -> Result<String, String> {
        self.i += 1;
        let mut out = String::new();
        loop {
            // Copy a run of plain characters at once; the delimiters are ASCII, so the slice
            // ends on a character boundary.
            let start = self.i;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(&self.text[start..self.i]);
            match self.peek() {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let high = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&high) {
                                if !self.text[self.i..].starts_with("\\u") {
                                    return Err(self.fault("expected a low surrogate"));
                                }
                                self.i += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.fault("expected a low surrogate"));
                                }
                                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                high
                            };
                            out.push(
                                char::from_u32(code)
                                    .ok_or_else(|| self.fault("not a character"))?,
                            );
                            continue;
                        }
                        _ => return Err(self.fault("unknown escape")),
                    };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.fault("control character in a string")),
                None => return Err(self.fault("unexpected end in a string")),
            }
        }
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.i;
        let negative = self.eat(b'-');
        let digits = |p: &mut Self| {
            let from = p.i;
            while matches!(p.peek(), Some(b'0'..=b'9')) {
                p.i += 1;
            }
            p.i - from
        };
        let int_start = self.i;
        let whole = digits(self);
        if whole == 0 || (whole > 1 && self.text.as_bytes()[int_start] == b'0') {
            return Err(self.fault("malformed number"));
        }
        let mut exact = true;
        if self.eat(b'.') {
            exact = false;
            if digits(self) == 0 {
                return Err(self.fault("malformed number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            exact = false;
            let _ = self.eat(b'+') || self.eat(b'-');
            if digits(self) == 0 {
                return Err(self.fault("malformed number"));
            }
        }
        let literal = &self.text[start..self.i];
        // `-0` is a float to serde_json, so it is no whole number here either.
        let exact = exact && literal != "-0";
        let whole = match (exact, negative) {
            (true, false) => literal.parse::<u64>().ok().map(i128::from),
            (true, true) => literal.parse::<i64>().ok().map(i128::from),
            (false, _) => None,
        };
        Ok(Value::Number(whole.map_or(Number::Other, Number::Whole)))
    }
}

#[cfg(test)]
mod choice_tests {
    use super::*;
    use crate::model::choice::*;

    #[test]
    fn every_closed_set_reads_its_wire_names() {
        // Every set's names stand in the order of its values, so a name's position is its value.
        macro_rules! check {
            ($($ty:ty),+) => {$(
                assert_eq!(<$ty as Choice>::ALL.len(), <$ty as Choice>::NAMES.len());
                for (v, name) in <$ty as Choice>::ALL.iter().zip(<$ty as Choice>::NAMES) {
                    assert_eq!(v.as_str(), *name);
                    let read: $ty = crate::codec::json::choice(&crate::codec::json::Value::String(name.to_string()), "x").unwrap();
                    assert_eq!(read, *v);
                }
                assert!(crate::codec::json::choice::<$ty>(&crate::codec::json::Value::String("rich".into()), "x").is_err());
            )+};
        }
        check!(
            Residency,
            Area,
            HouseholdKind,
            Sex,
            Insurance,
            Disability,
            Work,
            HousingFlag,
            MemberFlag
        );
        assert_eq!(join_or(<Sex as Choice>::NAMES), "`female` or `male`");
    }
}
