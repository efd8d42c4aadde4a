//! Why input was refused — a profile, kept answers, a link, a catalogue — in one type: the
//! field's path and what is wrong with it, and for a catalogue the item it is inside.

use std::fmt;

/// `members[0].age: must be a whole number from 0 to 130`;
/// `item 10, items[9].measures[0]: missing field `scope``.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// The catalogue item's 序号, where the fault is inside one.
    pub item: Option<u8>,
    /// The field's path, e.g. `members[0].age`, `items[9].measures[0].when`; `profile` or
    /// `catalogue` for the whole document.
    pub field: String,
    /// What is wrong, lowercase, no trailing period.
    pub problem: String,
}

impl Fault {
    /// A fault of the field at `field`, inside no catalogue item.
    pub fn at(field: impl Into<String>, problem: impl Into<String>) -> Fault {
        Fault {
            item: None,
            field: field.into(),
            problem: problem.into(),
        }
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(n) = self.item {
            write!(f, "item {n}, ")?;
        }
        write!(f, "{}: {}", self.field, self.problem)
    }
}

impl std::error::Error for Fault {}

impl From<&Fault> for Fault {
    /// The compiled-in list's fault, where a decoder needs the list and it cannot be read.
    fn from(fault: &Fault) -> Fault {
        fault.clone()
    }
}
