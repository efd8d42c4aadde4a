//! The results laid out, below the page: the groups of lines (shared by several members, each
//! member's own, the household's), in order, and the results as plain text. Native, so the
//! command line (`evaluate --text`) and the tests use what the page uses.

use crate::engine::{self, Alike, Certainty, Outcome};
use crate::model::catalogue::Catalogue;
use crate::model::office::Office;
use crate::model::profile::Profile;
use crate::words::{self, Key, Lang};

/// The shared lines a member is among, in the order the groups say them: what the member's own
/// section names, so each member's measures are found under their name.
pub fn shared_with<'g, 'e, 'a>(
    groups: &'g [(Vec<usize>, Vec<Alike<'e, 'a>>)],
    member: usize,
) -> impl Iterator<Item = &'g Alike<'e, 'a>> {
    groups
        .iter()
        .filter(move |(members, _)| members.contains(&member))
        .flat_map(|(_, lines)| lines)
}

/// Lines, those that pay cash first (the most first), then the rest in their order.
pub fn cash_first<'e, 'a>(lines: Vec<Alike<'e, 'a>>) -> Vec<Alike<'e, 'a>> {
    // An insertion sort, stable (item order among equals); a list is a dozen lines, and the
    // library's merge sort would add its code to the Wasm for nothing.
    let cash = |l: &Alike<'_, '_>| l.entry().map(words::yearly_cash).unwrap_or_default();
    let mut sorted: Vec<Alike<'e, 'a>> = Vec::with_capacity(lines.len());
    for line in lines {
        let c = cash(&line);
        let at = sorted
            .iter()
            .position(|s| cash(s) < c)
            .unwrap_or(sorted.len());
        sorted.insert(at, line);
    }
    sorted
}

/// The household's own measures as lines.
pub fn household_lines<'e, 'a>(o: &'e Outcome<'a>) -> Vec<Alike<'e, 'a>> {
    cash_first(
        o.household
            .iter()
            .map(|e| Alike::one(e, Vec::new()))
            .collect(),
    )
}

/// Shared lines grouped by the members they are for, in order: each group once.
pub fn by_members<'e, 'a>(shared: Vec<Alike<'e, 'a>>) -> Vec<(Vec<usize>, Vec<Alike<'e, 'a>>)> {
    let mut groups: Vec<(Vec<usize>, Vec<Alike<'e, 'a>>)> = Vec::new();
    for line in shared {
        match groups.last_mut() {
            Some((members, lines)) if *members == line.members => lines.push(line),
            _ => groups.push((line.members.clone(), vec![line])),
        }
    }
    groups
        .into_iter()
        .map(|(m, lines)| (m, cash_first(lines)))
        .collect()
}

/// The results in plain sentences, in the page's language: the total, then each member's
/// measures one a line (what, how much, sure or likely — and for a likely one, where to ask),
/// then the household's, and the note on time. The page's copied text and read-aloud text, and
/// `evaluate --text`.
pub fn plain_text(
    lang: Lang,
    catalogue: &Catalogue,
    profile: &Profile,
    outcome: &Outcome<'_>,
    open: &[bool],
    directory: &[Office],
    this_year: u16,
) -> String {
    let t = |k: Key| lang.pick(k.pair());
    let sep = lang.pick(("：", ": "));
    let comma = lang.pick(("，", ", "));
    let mut out = Vec::new();
    out.push(lang.text(&catalogue.name).to_owned());
    if !outcome.covered {
        out.push(t(Key::NotCovered).to_owned());
        return out.join("\n");
    }
    if outcome.cash.month.is_zero() {
        out.push(t(Key::NoCash).to_owned());
    } else {
        out.push(format!(
            "{}{sep}{}{comma}{}",
            t(Key::CashTotal),
            words::yuan(outcome.cash.month),
            words::yearly(lang, outcome.cash.year)
        ));
    }
    if words::only_this_list(outcome.cash.month, profile.kind) {
        out.push(t(Key::OnlyThisList).to_owned());
    }
    let all = || outcome.entries();
    // Where to ask, once, with what the district's directory gives of each office.
    let common = words::common_ask(lang, all(), profile.street);
    if let Some(ask) = &common {
        out.push(words::ask_all(lang, ask));
    }
    out.extend(
        words::offices_named(all(), profile.street, directory)
            .into_iter()
            .map(|o| words::office(lang, o)),
    );
    let line = |l: &Alike<'_, '_>| {
        let Some(e) = l.entry() else {
            return String::new();
        };
        let mut line = format!("- {}", words::sex_prefix(lang, e, &l.members, open));
        line.push_str(&words::measure_title(lang, catalogue, e.item, e.measure));
        if let Some(amount) = words::amount_short(lang, e) {
            line.push_str(&format!("{comma}{amount}"));
        }
        match e.certainty {
            Certainty::Eligible => line.push_str(&format!("{comma}{}", t(Key::Eligible))),
            Certainty::Check => line.push_str(&format!("{comma}{}", t(Key::Likely))),
        }
        if let Some(either) = words::one_or_other(lang, e) {
            line.push_str(&format!("{comma}{either}"));
        }
        let ask = words::ask_short(lang, e.lead, e.partners, profile.street);
        if common.as_ref() != Some(&ask) {
            line.push_str(&format!("{comma}{}{sep}{ask}", t(Key::WhereToAsk)));
        }
        line
    };
    if all().any(|e| e.certainty == Certainty::Check) {
        out.push(words::likely_means(lang, all()));
    }
    let (shared, own) = engine::alike(&outcome.members);
    let groups = by_members(shared);
    for (members, lines) in &groups {
        // "…：每人都适用" already ends its sentence; "For each of …" is followed by a colon.
        let each = words::each_of(lang, members, &profile.members, open);
        out.push(match lang {
            Lang::Zh => each,
            Lang::En => format!("{each}{sep}"),
        });
        out.extend(lines.iter().map(line));
    }
    for (i, lines) in own.into_iter().enumerate() {
        out.push(format!(
            "{}{sep}",
            words::member_name(lang, i, &profile.members, open)
        ));
        if outcome.members.get(i).is_none_or(Vec::is_empty) {
            out.push(format!("- {}", t(Key::NothingApplies)));
        }
        out.extend(cash_first(lines).iter().map(line));
        // The lines above this member is among, named after their own.
        let above: Vec<String> = shared_with(&groups, i)
            .filter_map(Alike::entry)
            .map(|e| words::measure_title(lang, catalogue, e.item, e.measure))
            .collect();
        if !above.is_empty() {
            out.push(format!(
                "- {}{}",
                t(Key::AlsoAbove),
                above.join(lang.pick(("、", ", ")))
            ));
        }
    }
    if !outcome.household.is_empty() {
        out.push(format!("{}{sep}", t(Key::ForHousehold)));
        out.extend(household_lines(outcome).iter().map(line));
    }
    out.push(words::dated(lang, catalogue.year, this_year));
    out.push(t(Key::Disclaimer).to_owned());
    out.join("\n")
}

/// The civil year (UTC) of a day counted from 1970-01-01: the command line's clock for
/// "this is the 2022 list (4 years ago)" (the page asks the browser's).
pub fn year_of_day(day: u64) -> u16 {
    // Howard Hinnant's civil_from_days, for days after the epoch.
    let z = day + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let year = yoe + era * 400 + u64::from(mp >= 10);
    u16::try_from(year).unwrap_or(u16::MAX)
}
