//! The page's copy of the catalogue, packed: the same values as the catalogue file, with no
//! names and no punctuation, read back without a parser or messages. The file stays the
//! reviewed source; `make catalogue` packs it (`page.bin`, beside this module), and the native
//! tests hold the packed copy equal to the file, readings aside. The reader that names every
//! field, and the JSON it reads, stay out of the Wasm (18.8 KB brotli, measured).
//!
//! Each type's fields are listed once, in [`packed!`], for both directions.
//!
//! The format: a byte for `u8`, `bool` and a closed set's position in its `ALL`; a length
//! (LEB128) then the items for a list or a string; a 0 or 1 before an optional value; an
//! amount as its mantissa (zigzag LEB128) and scale, so `50` and `50.0` stay what they were.

use crate::model::catalogue::*;
use crate::model::choice::{
    Area, Disability, HouseholdKind, HousingFlag, Insurance, MemberFlag, Residency, Sex, Work,
};
use rust_decimal::Decimal;

/// A value that writes itself to, and reads itself from, the packed form.
///
/// Reading never stops half-way: a value that cannot be read marks the reader bad and reads
/// as a plain default, and `unpack` refuses the whole copy at the end. (An early return at
/// each field made the Wasm drop every half-built value on its own path: the reader was
/// twice its size.)
pub trait Pack: Sized {
    fn pack(&self, out: &mut Vec<u8>);
    fn unpack(r: &mut Reader<'_>) -> Self;
}

/// The packed bytes, read from the front; `bad` once anything could not be read.
pub struct Reader<'a> {
    rest: &'a [u8],
    bad: bool,
}

impl Reader<'_> {
    /// Marks the copy as not whole, and gives `value` to go on with.
    fn fail<T>(&mut self, value: T) -> T {
        self.bad = true;
        value
    }

    fn byte(&mut self) -> u8 {
        match self.rest.split_first() {
            Some((first, rest)) => {
                self.rest = rest;
                *first
            }
            None => self.fail(0),
        }
    }

    fn number(&mut self) -> u64 {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return n;
            }
        }
        self.fail(0)
    }

    /// A list's or a string's length: at most the bytes left (each item takes one at least).
    fn length(&mut self) -> usize {
        let n = self.number();
        match usize::try_from(n) {
            Ok(n) if n <= self.rest.len() => n,
            _ => self.fail(0),
        }
    }
}

fn number(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

impl Pack for u8 {
    fn pack(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        r.byte()
    }
}

impl Pack for u16 {
    fn pack(&self, out: &mut Vec<u8>) {
        number(out, u64::from(*self));
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        let n = r.number();
        u16::try_from(n).unwrap_or_else(|_| r.fail(0))
    }
}

impl Pack for bool {
    fn pack(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        match r.byte() {
            0 => false,
            1 => true,
            _ => r.fail(false),
        }
    }
}

impl Pack for String {
    fn pack(&self, out: &mut Vec<u8>) {
        number(out, self.len() as u64);
        out.extend_from_slice(self.as_bytes());
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        let len = r.length();
        let (bytes, rest) = r.rest.split_at(len);
        r.rest = rest;
        match core::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => r.fail(String::new()),
        }
    }
}

impl Pack for Decimal {
    fn pack(&self, out: &mut Vec<u8>) {
        // Amounts are copied from the source: a handful of digits, well inside an i64.
        let m = i64::try_from(self.mantissa()).expect("an amount of at most 18 digits");
        number(out, ((m << 1) ^ (m >> 63)) as u64);
        out.push(self.scale() as u8);
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        let z = r.number();
        let m = (z >> 1) as i64 ^ -((z & 1) as i64);
        let scale = u32::from(r.byte());
        Decimal::try_new(m, scale).unwrap_or_else(|_| r.fail(Decimal::ZERO))
    }
}

impl<T: Pack> Pack for Option<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.pack(out);
            }
        }
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        match r.byte() {
            0 => None,
            1 => Some(T::unpack(r)),
            _ => r.fail(None),
        }
    }
}

impl<T: Pack> Pack for Vec<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        number(out, self.len() as u64);
        self.iter().for_each(|v| v.pack(out));
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        let n = r.length();
        let mut list = Vec::with_capacity(n);
        for _ in 0..n {
            list.push(T::unpack(r));
        }
        list
    }
}

impl<T: Pack> Pack for Box<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        (**self).pack(out);
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        Box::new(T::unpack(r))
    }
}

/// A closed set packs as its position in `ALL`.
macro_rules! packed_choice {
    ($($name:ty),+) => {$(
        impl Pack for $name {
            fn pack(&self, out: &mut Vec<u8>) {
                out.push(Self::ALL.iter().position(|v| v == self).unwrap_or(0) as u8);
            }
            fn unpack(r: &mut Reader<'_>) -> Self {
                let at = usize::from(r.byte());
                match Self::ALL.get(at) {
                    Some(v) => *v,
                    None => r.fail(Self::ALL[0]),
                }
            }
        }
    )+};
}

packed_choice!(
    Everyone,
    Scope,
    CheckWhy,
    Period,
    Payer,
    MoneyKind,
    Sex,
    HouseholdKind,
    Residency,
    Insurance,
    Disability,
    MemberFlag,
    Work,
    Area,
    HousingFlag
);

/// A struct packs as its fields in the order listed; the fields after `left` are not packed
/// and read back as their default.
macro_rules! packed {
    ($name:ident { $($field:ident),+ } $(left { $($left:ident),+ })?) => {
        impl Pack for $name {
            fn pack(&self, out: &mut Vec<u8>) {
                $(self.$field.pack(out);)+
            }
            fn unpack(r: &mut Reader<'_>) -> Self {
                $name { $($field: Pack::unpack(r),)+ $($($left: Default::default(),)+)? }
            }
        }
    };
}

// The page shows neither the programme headings (only their pictures) nor the file's path.
packed!(Catalogue { id, year, name, district, streets, estates, programmes, items } left { source });
packed!(Street { key, name });
packed!(Estate {
    key,
    name,
    street,
    old
});
// A condition's place with its name (as the list's street or estate gives it), so the page
// needs no pass to name them.
packed!(Place { key, name });
packed!(Text { zh, en });
packed!(Programme { number, icon } left { title, en });
// No item's source text or summary is packed: the page shows them inside folds (the list of
// what serves everyone is one, open before any answer), and fetches them when a fold first shows
// one (the build writes them beside the page, `scripts/dist/texts.mjs`), so the page a resident
// waits for does not carry about 6 KB of text. An item with no measures (it serves everyone
// wholly: parks, toilets…) is shown by its title and summary alone: its deadline and
// departments are for the command line and the reviewers, and are not packed either.
impl Pack for Item {
    fn pack(&self, out: &mut Vec<u8>) {
        self.item.pack(out);
        self.programme.pack(out);
        self.title.pack(out);
        self.shares_cells_with.pack(out);
        self.everyone.pack(out);
        self.measures.pack(out);
        if !self.measures.is_empty() {
            self.deadline.pack(out);
            self.lead.pack(out);
            self.partners.pack(out);
        }
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        let mut item = Item {
            item: Pack::unpack(r),
            programme: Pack::unpack(r),
            title: Pack::unpack(r),
            shares_cells_with: Pack::unpack(r),
            everyone: Pack::unpack(r),
            measures: Pack::unpack(r),
            summary: Text::default(),
            text: String::new(),
            deadline: String::new(),
            lead: Vec::new(),
            partners: Vec::new(),
        };
        if !item.measures.is_empty() {
            item.deadline = Pack::unpack(r);
            item.lead = Pack::unpack(r);
            item.partners = Pack::unpack(r);
        }
        item
    }
}
// How each open term was read is for reviewers: the page never shows it.
packed!(Measure { id, scope, title, when, check, likely, money, scale, ratios, unstated, free, instead_of } left { reading });
packed!(Likely { when, unless, why });
packed!(Money {
    amount,
    period,
    payer,
    kind
});
packed!(Scale { brackets });
packed!(Bracket { from, total, money });
packed!(Ratio {
    hospital_level,
    before,
    after
});

impl Pack for Condition {
    fn pack(&self, out: &mut Vec<u8>) {
        match self {
            Condition::Age { min, max } => {
                out.push(0);
                min.pack(out);
                max.pack(out);
            }
            Condition::Sex { is } => tagged(out, 1, is),
            Condition::Household { any_of } => tagged(out, 2, any_of),
            Condition::Residency { any_of } => tagged(out, 3, any_of),
            Condition::Insurance { any_of } => tagged(out, 4, any_of),
            Condition::Disability { any_of } => tagged(out, 5, any_of),
            Condition::Member { flag } => tagged(out, 6, flag),
            Condition::Work { any_of } => tagged(out, 7, any_of),
            Condition::Area { is } => tagged(out, 8, is),
            Condition::Street { any_of } => tagged(out, 9, any_of),
            Condition::Community { any_of } => tagged(out, 10, any_of),
            Condition::Housing { flag } => tagged(out, 11, flag),
            Condition::AllOf(of) => tagged(out, 12, of),
            Condition::AnyOf(of) => tagged(out, 13, of),
            Condition::AnyMember(c) => tagged(out, 14, c),
        }
    }
    fn unpack(r: &mut Reader<'_>) -> Self {
        fn v<T: Pack>(r: &mut Reader<'_>) -> T {
            T::unpack(r)
        }
        match r.byte() {
            0 => Condition::Age {
                min: v(r),
                max: v(r),
            },
            1 => Condition::Sex { is: v(r) },
            2 => Condition::Household { any_of: v(r) },
            3 => Condition::Residency { any_of: v(r) },
            4 => Condition::Insurance { any_of: v(r) },
            5 => Condition::Disability { any_of: v(r) },
            6 => Condition::Member { flag: v(r) },
            7 => Condition::Work { any_of: v(r) },
            8 => Condition::Area { is: v(r) },
            9 => Condition::Street { any_of: v(r) },
            10 => Condition::Community { any_of: v(r) },
            11 => Condition::Housing { flag: v(r) },
            12 => Condition::AllOf(v(r)),
            13 => Condition::AnyOf(v(r)),
            14 => Condition::AnyMember(v(r)),
            _ => r.fail(Condition::AllOf(Vec::new())),
        }
    }
}

/// A condition's tag, then its one value.
fn tagged<T: Pack>(out: &mut Vec<u8>, tag: u8, value: &T) {
    out.push(tag);
    value.pack(out);
}

/// The catalogue packed for the page, readings left out.
pub fn pack(catalogue: &Catalogue) -> Vec<u8> {
    let mut out = Vec::new();
    catalogue.pack(&mut out);
    out
}

/// The catalogue read back from its packed form; `None` if the bytes are not a whole one.
pub fn unpack(bytes: &[u8]) -> Option<Catalogue> {
    let mut r = Reader {
        rest: bytes,
        bad: false,
    };
    let catalogue = Catalogue::unpack(&mut r);
    (!r.bad && r.rest.is_empty()).then_some(catalogue)
}
