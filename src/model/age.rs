//! An age as a person types it, read: "78", "７８", "78岁" are 78; "1944" is a year of birth,
//! "7.5" and "788" are not ages, and each says why, so the page can say what to do.

use crate::model::profile::MAX_AGE;

/// An age box's content, read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Age {
    Empty,
    Valid(u8),
    /// Not a whole number from 0 to 130, and why.
    Invalid(Wrong),
}

/// What is wrong with a typed age, so the message can say what to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wrong {
    /// Not a whole number ("7.5", "1e2", "abc").
    NotNumber,
    /// A whole number over 130 ("788": a key pressed twice).
    TooOld,
    /// A number that reads like a year of birth ("1944").
    BirthYear,
    /// Digits with a space among them ("3 5"): the space is the fault, not the figures.
    Space,
}

/// Reads an age as a person types it: digits (full-width too, as Chinese input methods type
/// them), optionally followed by 岁 or 周岁, 0–130. "1e2", "7.5" and "255" are invalid, never
/// read as something else.
pub fn read_age(text: &str) -> Age {
    let text = text.trim();
    // "1958年" is a year of birth, said as people write it.
    let year = text.ends_with('年');
    let text = text
        .strip_suffix("周岁")
        .or_else(|| text.strip_suffix('岁'))
        .or_else(|| text.strip_suffix('年'))
        .unwrap_or(text)
        .trim_end();
    if text.is_empty() {
        return Age::Empty;
    }
    let mut value: u32 = 0;
    // "3 5": figures split by a space (a phone's keyboard puts one in easily).
    let mut spaced = false;
    for c in text.chars() {
        let digit = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            c if c.is_whitespace() => {
                spaced = true;
                continue;
            }
            _ => return Age::Invalid(Wrong::NotNumber),
        };
        value = value.saturating_mul(10).saturating_add(digit);
    }
    match value {
        _ if spaced => Age::Invalid(Wrong::Space),
        1900..=2100 => Age::Invalid(Wrong::BirthYear),
        _ if year => Age::Invalid(Wrong::NotNumber),
        // value ≤ 130 here, so it fits.
        v if v <= u32::from(MAX_AGE) => Age::Valid(v as u8),
        _ => Age::Invalid(Wrong::TooOld),
    }
}

/// Why the answers cannot be evaluated yet: the first member (by position) whose age is
/// missing or not valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Waiting {
    /// The member's position, from 0.
    pub index: usize,
    /// The member's id, for the link to their age box.
    pub id: u32,
    /// `None` for an empty box; what is wrong with one that holds something that is not an age.
    pub wrong: Option<Wrong>,
}
