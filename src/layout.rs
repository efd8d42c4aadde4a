//! The results laid out, below the page: one structure ([`Laid`]) that the page, its printout,
//! the copied and read-aloud text and `evaluate --text` all render. It says what is shown and in
//! what order — the notes above the lines (where to ask, what "likely" means), the lines several
//! members get alike said once, each member's own with the shared ones named, the household's —
//! and each line with its members, what each gets, where to ask it and what to check. The
//! renderers only choose the words' dress (markup or lines of text). Native, so it is tested
//! with `cargo test`.

use crate::engine::{Answer, Certainty, Entry, Named, Outcome};
use crate::model::catalogue::Catalogue;
use crate::model::catalogue::Text;
use crate::model::choice::{Disability, HousingFlag, MemberFlag, Work};
use crate::model::office::Office;
use crate::model::profile::{Member, Profile};
use crate::words::{self, Key, Lang};

/// A measure several members get alike: the same measure, giving each the same, as sure, and
/// likely for the same reasons (`same`). The page says it once, naming them, where it would otherwise repeat it under each.
#[derive(Debug)]
pub struct Alike<'e, 'a> {
    /// The members who get it, in the profile's order: two or more.
    pub members: Vec<usize>,
    /// Each one's entry, in the same order (their reasons are their own).
    pub entries: Vec<&'e Entry<'a>>,
}

/// Whether two members' entries are one measure held alike: everything a line shows is alike
/// but the reasons, which are each member's own and said by name. Every field is named here, so
/// a field added to `Entry` does not compile until it is placed: none can be merged away (an
/// old couple's 高龄补贴 at 85 and 92 is ¥50 and ¥100, two lines, not one).
fn same(a: &Entry<'_>, b: &Entry<'_>) -> bool {
    // What an entry borrows from the catalogue is the same only as the same place in it: one
    // measure's bracket, one item's departments (a comparison of addresses, not contents).
    fn at<T: ?Sized>(a: &T, b: &T) -> bool {
        std::ptr::eq(a, b)
    }
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
        reasons: _,
        lead,
        partners,
        deadline,
    } = a;
    *item == b.item
        && at(*measure, b.measure)
        && *certainty == b.certainty
        && *check == b.check
        && *also == b.also
        && at(*money, b.money)
        && at(*ratios, b.ratios)
        && *unstated == b.unstated
        && *free == b.free
        && instead_of.len() == b.instead_of.len()
        && instead_of
            .iter()
            .zip(&b.instead_of)
            .all(|(x, y)| at(*x, *y))
        && at(*lead, b.lead)
        && at(*partners, b.partners)
        && at(*deadline, b.deadline)
}

impl<'e, 'a> Alike<'e, 'a> {
    /// One entry: a member's own (`members` is that one), or the household's (none).
    pub fn one(entry: &'e Entry<'a>, members: Vec<usize>) -> Self {
        Alike {
            members,
            entries: vec![entry],
        }
    }

    /// The measure (every entry is the same measure).
    pub fn entry(&self) -> Option<&'e Entry<'a>> {
        self.entries.first().copied()
    }

    /// Why it applies: for one member or the household, its reasons; said for several, each
    /// member's under their name with an age by its bracket (`words::reasons_shared`), and once
    /// where they read alike ("65周岁及以上": the heading says whom it is for).
    pub fn why(&self, lang: Lang, members: &[Member], open: &[bool]) -> String {
        match self.entries.as_slice() {
            [e] => words::reasons(lang, &e.reasons, members, open),
            several => {
                let said: Vec<(usize, String)> = self
                    .members
                    .iter()
                    .zip(several)
                    .map(|(&i, e)| (i, words::reasons_shared(lang, &e.reasons, members, open)))
                    .collect();
                words::each_said(lang, &said, members, open)
            }
        }
    }

    /// What to check about it: why it is only likely (said in its fold and on paper; what it is
    /// one or the other with, `words::either_of`, only in the fold: its title says "二选一").
    pub fn checks(&self, lang: Lang) -> Vec<&'static str> {
        self.entry().map_or(Vec::new(), |e| {
            e.check
                .into_iter()
                .chain(e.also)
                .map(|w| lang.pick(words::check_why(w)))
                .collect()
        })
    }
}

/// The members' measures, with those several members get alike taken out: the shared ones (the
/// largest group first, then by its members, in item order within), and what is left to each
/// member alone.
pub fn alike<'e, 'a>(
    members: &'e [Vec<Entry<'a>>],
) -> (Vec<Alike<'e, 'a>>, Vec<Vec<Alike<'e, 'a>>>) {
    let mut shared: Vec<Alike<'e, 'a>> = Vec::new();
    let mut own: Vec<Vec<Alike<'e, 'a>>> = Vec::with_capacity(members.len());
    for (i, entries) in members.iter().enumerate() {
        let mut mine = Vec::new();
        for e in entries {
            // Already said with an earlier member's.
            if shared
                .iter()
                .any(|a| a.members.contains(&i) && a.entry().is_some_and(|f| same(f, e)))
            {
                continue;
            }
            let mut group = Alike::one(e, vec![i]);
            for (j, others) in members.iter().enumerate().skip(i + 1) {
                if let Some(o) = others.iter().find(|o| same(o, e)) {
                    group.members.push(j);
                    group.entries.push(o);
                }
            }
            if group.members.len() > 1 {
                // An insertion sort, stable: the library's would add its code to the Wasm.
                let at = shared
                    .iter()
                    .position(|s| {
                        s.members.len() < group.members.len()
                            || (s.members.len() == group.members.len() && s.members > group.members)
                    })
                    .unwrap_or(shared.len());
                shared.insert(at, group);
            } else {
                mine.push(group);
            }
        }
        own.push(mine);
    }
    (shared, own)
}

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

/// Whose a section of the results is.
#[derive(Debug, PartialEq)]
pub enum Whose {
    /// Several members (two or more, in the profile's order): the lines they get alike.
    Several(Vec<usize>),
    /// One member, by position: their own lines, and the shared ones named.
    Member(usize),
    /// The household as a whole.
    Household,
}

/// A section of the results: a heading (whose), its lines.
#[derive(Debug)]
pub struct Section<'e, 'a> {
    pub whose: Whose,
    /// Its lines: each a measure, with the members it is said for (each with their reasons).
    pub lines: Vec<Alike<'e, 'a>>,
    /// A member's section: the measures said above with others that this member also gets, in
    /// the order they were said, so each member's measures are all found under their name.
    pub above: Vec<&'e Entry<'a>>,
    /// A member's section: nothing at all applies to this member.
    pub none: bool,
}

/// The results laid out, in the order they are shown (for a household the list covers).
#[derive(Debug)]
pub struct Laid<'e, 'a, 'd> {
    lang: Lang,
    /// The name of the household's street, where given.
    street: Option<&'a Text>,
    /// Each cash measure with whose it is (member position), in the members' order.
    pub cash_from: Vec<(usize, &'e Entry<'a>)>,
    /// On 低保 or 特困 support: their allowance is not in this list's total.
    pub only_this_list: bool,
    /// Where to ask about every line that does not name its own place.
    pub common_ask: Option<String>,
    /// What the district's directory gives of the offices named.
    pub offices: Vec<&'d Office>,
    /// What "likely" means, where a line is only likely.
    pub likely: Option<String>,
    /// The lines several members get alike (largest group first), each member's own, then the
    /// household's (always last, even with no line: the page folds its "why not" there).
    pub sections: Vec<Section<'e, 'a>>,
}

/// Lays the results out in `lang`: what every rendering of them shows, in order.
pub fn lay_out<'e, 'a, 'd>(
    lang: Lang,
    catalogue: &'a Catalogue,
    profile: &Profile,
    outcome: &'e Outcome<'a>,
    directory: &'d [Office],
) -> Laid<'e, 'a, 'd> {
    let all = || outcome.entries();
    let street = profile
        .street
        .as_deref()
        .and_then(|k| catalogue.street(k))
        .map(|s| &s.name);
    let (shared, own) = alike(&outcome.members);
    let groups = by_members(shared);
    let mut members: Vec<Section<'e, 'a>> = Vec::new();
    for (i, lines) in own.into_iter().enumerate() {
        members.push(Section {
            whose: Whose::Member(i),
            above: shared_with(&groups, i).filter_map(Alike::entry).collect(),
            none: outcome.members.get(i).is_none_or(Vec::is_empty),
            lines: cash_first(lines),
        });
    }
    let mut sections: Vec<Section<'e, 'a>> = Vec::new();
    for (members, lines) in groups {
        sections.push(Section {
            whose: Whose::Several(members),
            lines,
            above: Vec::new(),
            none: false,
        });
    }
    sections.extend(members);
    sections.push(Section {
        whose: Whose::Household,
        lines: household_lines(outcome),
        above: Vec::new(),
        none: false,
    });
    Laid {
        cash_from: outcome
            .members
            .iter()
            .enumerate()
            .flat_map(|(i, entries)| entries.iter().map(move |e| (i, e)))
            .filter(|(_, e)| !words::yearly_cash(e).is_zero())
            .collect(),
        only_this_list: words::only_this_list(outcome.cash.month, profile.kind),
        offices: words::offices_named(all(), street, directory),
        likely: all()
            .any(|e| e.certainty == Certainty::Check)
            .then(|| words::likely_means(lang, all())),
        common_ask: words::common_ask(lang, all(), street),
        sections,
        lang,
        street,
    }
}

impl Laid<'_, '_, '_> {
    /// What member `i` also gets among the lines said above with others, in a sentence, each
    /// line by its title — or, `short` (the paper, one A4 page), the whole household's group by
    /// its count ("全家都适用的7项": its heading is above). `None` where there are none. The
    /// copied text and the paper say it under the member's name; the screen lists each title in
    /// a fold.
    pub fn above_said(&self, catalogue: &Catalogue, i: usize, short: bool) -> Option<String> {
        let lang = self.lang;
        let everyone = self
            .sections
            .iter()
            .filter(|s| matches!(s.whose, Whose::Member(_)))
            .count();
        let mut said: Vec<String> = Vec::new();
        for section in &self.sections {
            match &section.whose {
                Whose::Several(members) if members.contains(&i) => {
                    if short && members.len() == everyone {
                        // As the group's heading says it ("全家3人都适用").
                        let all = if everyone == 2 {
                            Key::AllCountBoth
                        } else {
                            Key::AllCount
                        };
                        said.push(words::fill(
                            lang.pick(all.pair()),
                            &[
                                ("{m}", &everyone.to_string()),
                                ("{n}", &section.lines.len().to_string()),
                            ],
                        ));
                    } else {
                        said.extend(
                            section
                                .lines
                                .iter()
                                .filter_map(Alike::entry)
                                .map(|e| words::measure_title(lang, catalogue, e.item, e.measure)),
                        );
                    }
                }
                _ => {}
            }
        }
        (!said.is_empty()).then(|| {
            format!(
                "{}{}",
                lang.pick(Key::AlsoAbove.pair()),
                // Titles may hold a comma ("Women's cover, paid in full"): a semicolon between.
                said.join(lang.pick(("、", "; ")))
            )
        })
    }

    /// Where to ask about `e`, where that is not where the rest are asked ([`Laid::common_ask`]).
    pub fn own_ask(&self, e: &Entry<'_>) -> Option<String> {
        let ask = words::ask_short(self.lang, e.lead, e.partners, self.street);
        (self.common_ask.as_ref() != Some(&ask)).then_some(ask)
    }
}

/// The answers the results were worked out from, short, for the printout a clerk checks: the
/// household's (street, estate, household type, residency, town or village, the home's ticks),
/// then each member's (age and sex, insurance, and what else was answered or ticked), each said
/// as the reasons say it.
pub fn answers(lang: Lang, catalogue: &Catalogue, profile: &Profile, open: &[bool]) -> Vec<String> {
    let said = |list: Vec<Answer>| {
        list.into_iter()
            .map(|a| words::answer_words(lang, a))
            .collect::<Vec<_>>()
            .join(lang.pick(("；", "; ")))
    };
    let mut home: Vec<Answer> = Vec::new();
    if let Some(s) = profile.street.as_deref().and_then(|k| catalogue.street(k)) {
        home.push(Answer::Street(Named::of(&s.key, &s.name)));
    }
    if let Some(e) = profile
        .community
        .as_deref()
        .and_then(|k| catalogue.estate(k))
    {
        home.push(Answer::Community(Named::of(&e.key, &e.name)));
    }
    home.extend([
        Answer::Kind(profile.kind),
        Answer::Residency(profile.residency),
        Answer::Area(profile.area),
    ]);
    home.extend(
        HousingFlag::ALL
            .iter()
            .filter(|f| profile.housing(**f))
            .map(|f| Answer::Housing(*f)),
    );
    let mut out = vec![said(home)];
    for (i, m) in profile.members.iter().enumerate() {
        let mut list = vec![Answer::Insurance(m.insurance)];
        if m.disability != Disability::None {
            list.push(Answer::Disability(m.disability));
        }
        if m.work != Work::None {
            list.push(Answer::Work(m.work));
        }
        list.extend(
            MemberFlag::ALL
                .iter()
                .filter(|f| m.flag(**f))
                .map(|f| Answer::Member(*f)),
        );
        out.push(format!(
            "{}{}{}",
            words::member_name(lang, i, &profile.members, open),
            lang.pick(("：", ": ")),
            said(list)
        ));
    }
    out
}

/// The results in plain sentences, in the page's language, rendered from [`lay_out`]: the
/// total, the notes, then each section's lines one a line (what, how much, sure or likely — and
/// where to ask where a line is asked elsewhere), and the note on time. The page's copied text
/// and read-aloud text, and `evaluate --text`.
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
        out.push(words::of_list(lang, Key::NoCash, catalogue));
    } else {
        out.push(format!(
            "{}{sep}{}{comma}{}",
            t(Key::CashTotal),
            words::yuan(outcome.cash.month),
            words::yearly(lang, outcome.cash.year)
        ));
    }
    let laid = lay_out(lang, catalogue, profile, outcome, directory);
    if laid.only_this_list {
        out.push(t(Key::OnlyThisList).to_owned());
    }
    if let Some(ask) = &laid.common_ask {
        out.push(words::ask_all(lang, ask));
    }
    out.extend(laid.offices.iter().map(|o| words::office(lang, o)));
    out.extend(laid.likely.clone());
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
        if let Some(ask) = laid.own_ask(e) {
            line.push_str(&format!("{comma}{}{sep}{ask}", t(Key::WhereToAsk)));
        }
        line
    };
    for section in &laid.sections {
        match &section.whose {
            // "…：每人都适用" already ends its sentence; "For each of …" is followed by a colon.
            Whose::Several(members) => {
                let each = words::each_of(lang, members, &profile.members, open);
                out.push(match lang {
                    Lang::Zh => each,
                    Lang::En => format!("{each}{sep}"),
                });
            }
            Whose::Member(i) => {
                out.push(format!(
                    "{}{sep}",
                    words::member_name(lang, *i, &profile.members, open)
                ));
                if section.none {
                    out.push(format!("- {}", t(Key::NothingApplies)));
                }
            }
            Whose::Household if section.lines.is_empty() => continue,
            Whose::Household => out.push(format!("{}{sep}", t(Key::ForHousehold))),
        }
        out.extend(section.lines.iter().map(line));
        // The lines above this member is among, named after their own.
        if let Whose::Member(i) = section.whose {
            out.extend(
                laid.above_said(catalogue, i, false)
                    .map(|a| format!("- {a}")),
            );
        }
    }
    out.push(words::dated(lang, catalogue.year, this_year));
    out.push(words::of_list(lang, Key::Disclaimer, catalogue));
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
