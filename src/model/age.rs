//! An age as a person types it, read: "78", "７８", "78岁" are 78, and so are "七十八" and
//! "七十八岁" as voice input writes them; "1944" is a year of birth, "7.5" and "788" are not
//! ages, and each says why, so the page can say what to do.

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
    if in_chinese(text) {
        return match chinese(text) {
            Some(v) if v <= u32::from(MAX_AGE) && !year => Age::Valid(v as u8),
            Some(v) if v <= u32::from(MAX_AGE) => Age::Invalid(Wrong::NotNumber),
            Some(_) => Age::Invalid(Wrong::TooOld),
            None => Age::Invalid(Wrong::NotNumber),
        };
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

/// Whether an age is written in Chinese numerals ("七十五"): the page then says back the number
/// it read.
pub fn in_chinese(text: &str) -> bool {
    text.chars()
        .any(|c| digit(c).is_some() || c == '十' || c == '百')
}

/// A Chinese numeral's digit: 〇/零 to 九, and 两 for 2.
fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A number in Chinese numerals up to the hundreds, as it is said: 七, 十五, 七十, 七十五, 一百,
/// 一百零五, 一百二十. Anything else is not read (`None`): digits in a row without a unit
/// ("七五"), units out of order, or the spoken short form 一百二 (120, or 102?), so nothing is
/// guessed.
fn chinese(text: &str) -> Option<u32> {
    let mut total = 0;
    // The digit waiting for its unit, and the last unit used (a unit must be smaller than the one
    // before it).
    let mut pending: Option<u32> = None;
    let mut last_unit = 1000;
    // After 百: a lone last digit must follow 零 (一百零五), never stand for tens (一百二).
    let mut zero = false;
    for c in text.chars() {
        let unit = match c {
            '百' => 100,
            '十' => 10,
            c => {
                let d = digit(c)?;
                if pending.is_some() {
                    return None;
                }
                if d == 0 {
                    zero = true;
                    continue;
                }
                pending = Some(d);
                continue;
            }
        };
        if unit >= last_unit {
            return None;
        }
        total += pending.take().unwrap_or(1) * unit;
        last_unit = unit;
        zero = false;
    }
    if let Some(d) = pending {
        if last_unit == 100 && !zero {
            return None;
        }
        total += d;
    }
    Some(total)
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
