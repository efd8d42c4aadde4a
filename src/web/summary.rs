//! The results as plain text — read aloud now, copied into a chat later — and the browser's
//! speech synthesis, where it has one.

use super::app::measure_title;
use super::i18n::{self, Key, Lang};
use crate::catalogue::Catalogue;
use crate::engine::{Certainty, Outcome};
use crate::profile::Profile;
use wasm_bindgen::JsValue;

/// The results in plain sentences, in the page's language.
pub fn plain_text(
    lang: Lang,
    catalogue: &Catalogue,
    profile: &Profile,
    outcome: &Outcome<'_>,
) -> String {
    let t = |k: Key| lang.pick(k.pair());
    let sep = lang.pick(("：", ": "));
    let mut out = Vec::new();
    out.push(lang.text(&catalogue.name).to_owned());
    if !outcome.covered {
        out.push(t(Key::NotCovered).to_owned());
        return out.join("\n");
    }
    let comma = lang.pick(("，", ", "));
    if outcome.cash.month.is_zero() {
        out.push(t(Key::NoCash).to_owned());
    } else {
        out.push(format!(
            "{}{sep}{}{comma}{}",
            t(Key::CashTotal),
            i18n::yuan(outcome.cash.month),
            i18n::yearly(lang, outcome.cash.year)
        ));
    }
    for (i, entries) in outcome.members.iter().enumerate() {
        let Some(m) = profile.members.get(i) else {
            continue;
        };
        out.push(i18n::member_heading(lang, i, m));
        for e in entries {
            let mut line = format!("- {}", measure_title(lang, catalogue, e.item, e.measure));
            for m in e.money {
                line.push_str(&format!("{comma}{}", i18n::money(lang, m)));
            }
            let certainty = match e.certainty {
                Certainty::Eligible => t(Key::Eligible),
                Certainty::Check => t(Key::CheckWith),
            };
            line.push_str(&format!("{comma}{certainty}"));
            out.push(line);
        }
    }
    if !outcome.household.is_empty() {
        out.push(format!("{}{sep}", t(Key::ForHousehold)));
        for e in &outcome.household {
            out.push(format!(
                "- {}",
                measure_title(lang, catalogue, e.item, e.measure)
            ));
        }
    }
    out.push(t(Key::Disclaimer).to_owned());
    out.join("\n")
}

fn synth() -> Option<web_sys::SpeechSynthesis> {
    gloo::utils::window().speech_synthesis().ok()
}

/// Whether this browser can read aloud.
pub fn speech_available() -> bool {
    let has = js_sys::Reflect::has(
        &gloo::utils::window(),
        &JsValue::from_str("speechSynthesis"),
    )
    .unwrap_or(false);
    has && synth().is_some()
}

/// Starts reading `text`; false where the browser cannot.
pub fn speak(lang: Lang, text: &str) -> bool {
    let (Some(synth), Ok(utterance)) = (
        synth(),
        web_sys::SpeechSynthesisUtterance::new_with_text(text),
    ) else {
        return false;
    };
    synth.cancel();
    utterance.set_lang(lang.code());
    utterance.set_rate(0.9);
    synth.speak(&utterance);
    true
}

/// Stops reading.
pub fn stop_speaking() {
    if let Some(synth) = synth() {
        synth.cancel();
    }
}
