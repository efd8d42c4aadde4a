//! The JSON the page writes — the result (CONTRACT section 2) and the profile (links and the
//! tab's saved answers) — written by hand rather than by serde's serialiser, which costs the
//! Wasm more than this file (see docs/SIZE-LOG.md).
//!
//! The profile and the result types are declared once, in `model::profile` and `engine`; each
//! writer here takes its value apart field by field, so a field added there does not compile
//! until it is written here. The catalogue's own types keep serde's derive: the native reader
//! and the reviewers' dump use it, and the conditions and amounts a result carries are held
//! byte-equal to serde_json's writing of them (`tests/properties.rs`).

use crate::engine::{
    Answer, Cash, Certainty, Change, Entry, Gain, NearMiss, NotApplicable, Outcome, Reason,
};
use crate::model::catalogue::{
    CheckWhy, Condition, Everyone, Money, MoneyKind, Payer, Period, Place, Ratio, Scope,
};
use crate::model::choice::{
    Area, Choice, Disability, HouseholdKind, HousingFlag, Insurance, MemberFlag, Residency, Sex,
    Work, Yes,
};
use crate::model::profile::{Member, Profile};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// A value that writes itself as compact JSON, as serde_json would.
pub trait ToJson {
    fn write_json(&self, out: &mut String);

    /// The value as a JSON text.
    fn to_json_string(&self) -> String {
        let mut out = String::with_capacity(256);
        self.write_json(&mut out);
        out
    }
}

/// A JSON string, escaped as serde_json escapes it. Runs that need no escape are copied whole.
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    if !s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        out.push_str(s);
        out.push('"');
        return;
    }
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        from = i + 1;
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&s[from..]);
    out.push('"');
}

/// An object being written: `field` adds a member, `end` closes it.
pub struct Object<'o> {
    out: &'o mut String,
    first: bool,
}

impl<'o> Object<'o> {
    pub fn new(out: &'o mut String) -> Self {
        out.push('{');
        Object { out, first: true }
    }

    /// A member. The value is a trait object: one copy of this for every type written (a
    /// copy for each, as a generic, cost the Wasm about 2 KB).
    pub fn field(&mut self, key: &str, value: &dyn ToJson) -> &mut Self {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        string(self.out, key);
        self.out.push(':');
        value.write_json(self.out);
        self
    }

    /// A member written only when `keep` (serde's `skip_serializing_if`, inverted).
    pub fn field_if(&mut self, keep: bool, key: &str, value: &dyn ToJson) -> &mut Self {
        if keep {
            self.field(key, value);
        }
        self
    }

    /// A member written only where it differs from `default` (a link's short form).
    pub fn field_unless<T: ToJson + PartialEq>(
        &mut self,
        key: &str,
        value: &T,
        default: &T,
    ) -> &mut Self {
        self.field_if(value != default, key, value)
    }

    /// Every answer of a yes/no kind, by its name, in the kind's order.
    pub fn answers<F: Choice>(&mut self, yes: Yes<F>) -> &mut Self {
        for (flag, name) in F::ALL.iter().zip(F::NAMES) {
            self.field(name, &yes.has(*flag));
        }
        self
    }

    /// The answers of a yes/no kind that are yes (a link's short form: no is the default).
    pub fn answers_yes<F: Choice>(&mut self, yes: Yes<F>) -> &mut Self {
        for f in yes.iter() {
            self.field(F::NAMES[f.index()], &true);
        }
        self
    }

    pub fn end(&mut self) {
        self.out.push('}');
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        string(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        string(out, self);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! whole_numbers {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                // Digits by hand: no formatting machinery for a number.
                let mut digits = [0u8; 20];
                let mut n = *self as u64;
                let mut i = digits.len();
                loop {
                    i -= 1;
                    digits[i] = b'0' + (n % 10) as u8;
                    n /= 10;
                    if n == 0 {
                        break;
                    }
                }
                for &d in &digits[i..] {
                    out.push(d as char);
                }
            }
        }
    )*};
}
whole_numbers!(u8, u16, usize);

/// Amounts are strings, exactly as the catalogue writes them (`rust_decimal::serde::str`).
impl ToJson for Decimal {
    fn write_json(&self, out: &mut String) {
        string(out, &self.to_string());
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            v.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<T: ToJson + Clone> ToJson for Cow<'_, T> {
    fn write_json(&self, out: &mut String) {
        self.as_ref().write_json(out);
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

/// A closed set writes its wire name.
macro_rules! choice_to_json {
    ($($name:ty),+) => {$(
        impl ToJson for $name {
            fn write_json(&self, out: &mut String) {
                string(out, self.as_str());
            }
        }
    )+};
}

choice_to_json!(
    Residency,
    Area,
    HouseholdKind,
    Sex,
    Insurance,
    Disability,
    Work,
    HousingFlag,
    MemberFlag,
    Everyone,
    Scope,
    CheckWhy,
    Period,
    Payer,
    MoneyKind
);

impl ToJson for Profile {
    fn write_json(&self, out: &mut String) {
        // Every field by name: a field added to `Profile` does not compile until it is written.
        let Profile {
            residency,
            street,
            area,
            kind,
            community,
            home,
            members,
        } = self;
        Object::new(out)
            .field("residency", residency)
            .field("street", street)
            .field("area", area)
            .field("kind", kind)
            .field("community", community)
            .answers(*home)
            .field("members", members)
            .end();
    }
}

impl ToJson for Member {
    fn write_json(&self, out: &mut String) {
        let Member {
            age,
            sex,
            insurance,
            disability,
            yes,
            work,
        } = self;
        Object::new(out)
            .field("age", age)
            .field("sex", sex)
            .field("insurance", insurance)
            .field("disability", disability)
            .answers(*yes)
            .field("work", work)
            .end();
    }
}

impl ToJson for Outcome<'_> {
    fn write_json(&self, out: &mut String) {
        let Outcome {
            catalogue,
            covered,
            members,
            household,
            everyone,
            everyone_part,
            cash,
            member_cash,
            near_misses,
            not_applicable,
            household_not_applicable,
        } = self;
        Object::new(out)
            .field("catalogue", catalogue)
            .field("covered", covered)
            .field("members", members)
            .field("household", household)
            .field("everyone", everyone)
            .field("everyone_part", everyone_part)
            .field("cash", cash)
            .field("member_cash", member_cash)
            .field("near_misses", near_misses)
            .field("not_applicable", not_applicable)
            .field("household_not_applicable", household_not_applicable)
            .end();
    }
}

impl ToJson for Entry<'_> {
    fn write_json(&self, out: &mut String) {
        let Entry {
            item,
            measure,
            certainty,
            check,
            also,
            money,
            ratios,
            unstated,
            free,
            instead_of,
            reasons,
            lead,
            partners,
            deadline,
        } = self;
        // What is absent is left out (CONTRACT section 2: `instead_of` "absent when none").
        Object::new(out)
            .field("item", item)
            .field("measure", measure)
            .field("certainty", certainty)
            .field_if(check.is_some(), "check", check)
            .field_if(also.is_some(), "check_also", also)
            .field_if(!money.is_empty(), "money", money)
            .field_if(!ratios.is_empty(), "ratios", ratios)
            .field_if(unstated.is_some(), "unstated", unstated)
            .field_if(*free, "free", free)
            .field_if(!instead_of.is_empty(), "instead_of", instead_of)
            .field("reasons", reasons)
            .field("lead", lead)
            .field("partners", partners)
            .field("deadline", deadline)
            .end();
    }
}

impl ToJson for Certainty {
    fn write_json(&self, out: &mut String) {
        string(
            out,
            match self {
                Certainty::Eligible => "eligible",
                Certainty::Check => "check",
            },
        );
    }
}

impl ToJson for Cash {
    fn write_json(&self, out: &mut String) {
        let Cash { month, year } = self;
        Object::new(out)
            .field("month", month)
            .field("year", year)
            .end();
    }
}

impl ToJson for Reason<'_> {
    fn write_json(&self, out: &mut String) {
        let Reason {
            met,
            answer,
            member,
        } = self;
        Object::new(out)
            .field("met", met)
            .field("answer", answer)
            .field_if(member.is_some(), "member", member)
            .end();
    }
}

/// A street or estate of the list, as a condition or a result names it: by its key.
impl ToJson for Place {
    fn write_json(&self, out: &mut String) {
        string(out, &self.key);
    }
}

impl ToJson for Answer<'_> {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        match *self {
            Answer::Age(v) => o.field("field", &"age").field("value", &v),
            Answer::Sex(v) => o.field("field", &"sex").field("value", &v),
            Answer::Kind(v) => o.field("field", &"kind").field("value", &v),
            Answer::Residency(v) => o.field("field", &"residency").field("value", &v),
            Answer::Insurance(v) => o.field("field", &"insurance").field("value", &v),
            Answer::Disability(v) => o.field("field", &"disability").field("value", &v),
            Answer::Member(v) => o.field("field", &"member").field("value", &v),
            Answer::Work(v) => o.field("field", &"work").field("value", &v),
            Answer::Area(v) => o.field("field", &"area").field("value", &v),
            Answer::Street(p) => o.field("field", &"street").field("value", &p.key),
            Answer::Community(p) => o.field("field", &"community").field("value", &p.key),
            Answer::Housing(v) => o.field("field", &"housing").field("value", &v),
        }
        .end();
    }
}

impl ToJson for NearMiss<'_> {
    fn write_json(&self, out: &mut String) {
        let NearMiss {
            change,
            item,
            measure,
            gain,
            certainty,
            check,
            money,
            instead_of,
        } = self;
        Object::new(out)
            .field("change", change)
            .field("item", item)
            .field("measure", measure)
            .field("gain", gain)
            .field("certainty", certainty)
            .field_if(check.is_some(), "check", check)
            .field_if(!money.is_empty(), "money", money)
            .field_if(!instead_of.is_empty(), "instead_of", instead_of)
            .end();
    }
}

impl ToJson for Change {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        match *self {
            Change::Age { at } => o.field("answer", &"age").field("at", &at),
            Change::Insurance { to } => o.field("answer", &"insurance").field("to", &to),
        }
        .end();
    }
}

impl ToJson for Gain {
    fn write_json(&self, out: &mut String) {
        string(
            out,
            match self {
                Gain::New => "new",
                Gain::More => "more",
            },
        );
    }
}

impl ToJson for NotApplicable<'_> {
    fn write_json(&self, out: &mut String) {
        let NotApplicable {
            item,
            measure,
            unmet,
        } = self;
        Object::new(out)
            .field("item", item)
            .field("measure", measure)
            .field("unmet", unmet)
            .end();
    }
}

impl ToJson for Money {
    fn write_json(&self, out: &mut String) {
        let Money {
            amount,
            period,
            payer,
            kind,
        } = self;
        Object::new(out)
            .field("amount", amount)
            .field("period", period)
            .field("payer", payer)
            .field("kind", kind)
            .end();
    }
}

impl ToJson for Ratio {
    fn write_json(&self, out: &mut String) {
        let Ratio {
            hospital_level,
            before,
            after,
        } = self;
        Object::new(out)
            .field("hospital_level", hospital_level)
            .field("before", before)
            .field("after", after)
            .end();
    }
}

/// Externally tagged, as the catalogue writes conditions: `{"age":{"min":80}}`.
impl ToJson for Condition {
    fn write_json(&self, out: &mut String) {
        let mut o = Object::new(out);
        match self {
            Condition::Age { min, max } => o.field("age", &AgeRange(*min, *max)),
            Condition::Sex { is } => o.field("sex", &One("is", is)),
            Condition::Household { any_of } => o.field("household", &One("any_of", any_of)),
            Condition::Residency { any_of } => o.field("residency", &One("any_of", any_of)),
            Condition::Insurance { any_of } => o.field("insurance", &One("any_of", any_of)),
            Condition::Disability { any_of } => o.field("disability", &One("any_of", any_of)),
            Condition::Member { flag } => o.field("member", &One("flag", flag)),
            Condition::Work { any_of } => o.field("work", &One("any_of", any_of)),
            Condition::Area { is } => o.field("area", &One("is", is)),
            Condition::Street { any_of } => o.field("street", &One("any_of", any_of)),
            Condition::Community { any_of } => o.field("community", &One("any_of", any_of)),
            Condition::Housing { flag } => o.field("housing", &One("flag", flag)),
            Condition::AllOf(of) => o.field("all_of", of),
            Condition::AnyOf(of) => o.field("any_of", of),
            Condition::AnyMember(c) => o.field("any_member", c),
        }
        .end();
    }
}

/// An object of one member.
struct One<'v, T: ?Sized>(&'static str, &'v T);

impl<T: ToJson + ?Sized> ToJson for One<'_, T> {
    fn write_json(&self, out: &mut String) {
        Object::new(out).field(self.0, &self.1).end();
    }
}

/// An age condition's bounds, each written only where set.
struct AgeRange(Option<u8>, Option<u8>);

impl ToJson for AgeRange {
    fn write_json(&self, out: &mut String) {
        Object::new(out)
            .field_if(self.0.is_some(), "min", &self.0)
            .field_if(self.1.is_some(), "max", &self.1)
            .end();
    }
}
