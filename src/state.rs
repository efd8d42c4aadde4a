//! The page's state and the actions that change it.
//!
//! The form holds what the person typed, not only what the engine can read: an age box may be
//! empty or hold "13x" while they correct it. Results are computed only from answers that are
//! all valid (`State::answers`), so no result on screen ever comes from a value the screen no
//! longer shows.

use crate::codec::fragment;
use crate::codec::saved::{self, Saved, SavedError};
use crate::model::age::{read_age, Age, Waiting};
use crate::model::catalogue::Catalogue;
use crate::model::choice::{
    Area, Disability, HouseholdKind, HousingFlag, Insurance, MemberFlag, Residency, Sex, Work,
};
use crate::model::profile::{Member, Profile, MAX_MEMBERS, WORK_AGE};
use crate::words::Lang;
use std::rc::Rc;

/// Everything the page shows is derived from this.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The household's answers; its `members` list is unused (see `people`).
    pub household: Profile,
    /// The members, each with a stable id and the age as typed.
    pub people: Vec<Person>,
    /// The id the next added member gets; ids are never reused within a page's life.
    pub next_id: u32,
    pub lang: Lang,
    pub size: TextSize,
    /// Service-desk mode: nothing is ever stored, and "next resident" clears everything.
    pub desk: bool,
    /// The resident asked to remember the answers on this device (never in desk mode).
    pub remember: bool,
    /// Something is kept in this device's long-term storage (answers this version may not
    /// read among them), so "forget" is offered.
    pub stored: bool,
    /// Input that could not be used, shown until dismissed.
    pub notice: Option<Notice>,
    /// Desk mode: the question a button opened in place, waiting for a yes or a no.
    pub asking: Option<Question>,
    /// Reading the results aloud.
    pub reading: Reading,
    /// The answers were committed (a box left, a choice made) and not changed since: only then
    /// does the screen reader hear the results, not on each keystroke ("8" before "85").
    pub settled: bool,
    /// Counts "next resident" clearings; the page's content is keyed on it, so nothing a
    /// component kept for the last resident (an open share panel, a copy status) survives.
    pub resident: u32,
}

impl Default for State {
    /// A fresh form: one member, nothing answered about them yet.
    fn default() -> Self {
        State {
            household: Profile::EMPTY,
            people: vec![Person::new(0)],
            next_id: 1,
            lang: Lang::default(),
            size: TextSize::Normal,
            desk: false,
            remember: false,
            stored: false,
            notice: None,
            asking: None,
            reading: Reading::Idle,
            settled: false,
            resident: 0,
        }
    }
}

/// The page's text size: large text makes every size a third larger.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextSize {
    #[default]
    Normal,
    Large,
}

/// What reading aloud is doing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Reading {
    #[default]
    Idle,
    Speaking,
    /// The device spoke nothing: it has no voice for the language.
    NoVoice,
}

/// A desk's question before an act that cannot be undone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    /// "Next resident" over answers: clear them, for good? With the id of the button that
    /// asked, where the focus goes back if the answer is no.
    Next(&'static str),
    /// Leave desk mode?
    Leave,
}

/// A member nobody has answered for: as the contract's defaults, but with the insurance "not
/// sure" (不清楚) until answered, never "none": a skipped answer must not cost the measures
/// for the insured.
pub const FRESH: Member = Member {
    insurance: Insurance::Unsure,
    ..Member::DEFAULT
};

/// The member as the form asks them, at `age` in a household in `area`: a child under
/// `WORK_AGE` is not asked about work, and a work answer the area does not offer is none. What
/// the screen does not show is never evaluated, stored or shared.
fn as_asked(member: &Member, age: u8, area: Area) -> Member {
    let asked = age >= WORK_AGE && Work::offered(area).contains(&member.work);
    Member {
        age,
        work: if asked { member.work } else { Work::None },
        ..member.clone()
    }
}

/// One member as the form holds them.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// Stable for the member's life in the page: components and keys follow it, not the
    /// position, so nothing typed for one person can attach to another.
    pub id: u32,
    /// The age box's text, exactly as typed.
    pub age: String,
    /// The other answers; `member.age` is ignored (the age box is the truth).
    pub member: Member,
    /// Whether the sex was chosen (or came with the answers), not the form's starting value.
    pub sex_chosen: bool,
}

impl Person {
    /// A member nobody has described yet: the age box is empty.
    pub fn new(id: u32) -> Self {
        Person {
            id,
            age: String::new(),
            member: FRESH,
            sex_chosen: false,
        }
    }

    /// A member whose answers are known, as from a link or stored answers.
    pub fn from_member(id: u32, member: Member) -> Self {
        Person {
            id,
            age: member.age.to_string(),
            member,
            sex_chosen: true,
        }
    }

    /// What the age box holds.
    pub fn age(&self) -> Age {
        read_age(&self.age)
    }
}

impl State {
    /// Per member: whether the sex is still not chosen (the form's first option is no answer,
    /// and the results name nobody by it).
    pub fn sex_open(&self) -> Vec<bool> {
        self.people.iter().map(|p| !p.sex_chosen).collect()
    }

    /// A state holding these answers.
    pub fn with_profile(profile: Profile) -> Self {
        let people: Vec<Person> = profile
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| Person::from_member(i as u32, m.clone()))
            .collect();
        State {
            next_id: people.len() as u32,
            people,
            household: Profile {
                members: Vec::new(),
                ..profile
            },
            ..State::default()
        }
    }

    /// The same answers in desk mode.
    pub fn with_desk(self) -> Self {
        State { desk: true, ..self }
    }

    /// Whether anything has been answered (at the desk, something of a resident to clear).
    pub fn has_answers(&self) -> bool {
        let fresh = State::default();
        self.household != fresh.household
            || self.people.len() != 1
            || self
                .people
                .iter()
                .any(|p| !p.age.trim().is_empty() || p.member != FRESH)
    }

    /// A state holding stored answers, each age box as it was typed.
    pub fn from_saved(saved: Saved) -> Self {
        let mut state = State::with_profile(saved.profile);
        for ((p, age), chosen) in state
            .people
            .iter_mut()
            .zip(saved.ages)
            .zip(saved.sex_chosen)
        {
            p.age = age;
            p.sex_chosen = chosen;
        }
        state
    }

    /// The answers to store: every age box as typed.
    pub fn to_saved(&self) -> Saved {
        Saved {
            profile: Profile {
                members: self
                    .people
                    .iter()
                    .map(|p| {
                        let age = match p.age() {
                            Age::Valid(a) => a,
                            Age::Empty | Age::Invalid(_) => 0,
                        };
                        as_asked(&p.member, age, self.household.area)
                    })
                    .collect(),
                ..self.household.clone()
            },
            ages: self.people.iter().map(|p| p.age.clone()).collect(),
            sex_chosen: self.people.iter().map(|p| p.sex_chosen).collect(),
        }
    }

    /// The answers as a profile the engine reads, or the first age that is missing or wrong.
    pub fn answers(&self) -> Result<Profile, Waiting> {
        let mut members = Vec::with_capacity(self.people.len());
        for (index, p) in self.people.iter().enumerate() {
            match p.age() {
                Age::Valid(age) => members.push(as_asked(&p.member, age, self.household.area)),
                Age::Empty => {
                    return Err(Waiting {
                        index,
                        id: p.id,
                        wrong: None,
                    })
                }
                Age::Invalid(wrong) => {
                    return Err(Waiting {
                        index,
                        id: p.id,
                        wrong: Some(wrong),
                    })
                }
            }
        }
        Ok(Profile {
            members,
            ..self.household.clone()
        })
    }
}

/// Why some input was ignored, and the decoder's message naming the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A `#profile=` link that does not decode.
    BadLink(String),
    /// Stored answers that are corrupt and were removed.
    BadSaved(String),
    /// Stored answers written by a newer version of the page: kept, not read.
    NewerSaved(String),
    /// The page opened on a link while other answers are stored on this device.
    OtherSaved,
    /// Desk mode: the page cleared itself after the idle minutes (a clerk coming back finds
    /// why the form is empty).
    IdleCleared,
    /// The calculator faulted and the page restarted on the JavaScript build, with the answers
    /// that were on screen (boot.js).
    Restarted,
}

/// One change to the household's answers.
#[derive(Clone, Debug, PartialEq)]
pub enum HouseholdEdit {
    Residency(Residency),
    /// A street of the list, by its key.
    Street(Option<String>),
    Area(Area),
    Kind(HouseholdKind),
    /// An estate of the list, by its key.
    Community(Option<String>),
    Flag(HousingFlag, bool),
}

/// One change to a member's answers.
#[derive(Clone, Debug, PartialEq)]
pub enum MemberEdit {
    /// The age box's new text, as typed.
    Age(String),
    Sex(Sex),
    Insurance(Insurance),
    Disability(Disability),
    Work(Work),
    Flag(MemberFlag, bool),
}

/// What the page can be asked to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Household(HouseholdEdit),
    /// A change to the member with this id.
    Member(u32, MemberEdit),
    AddMember,
    /// Removes the member with this id.
    RemoveMember(u32),
    Lang(Lang),
    Size(TextSize),
    Remember(bool),
    /// Replaces every answer (stored answers the person chose over a link's).
    Load(Saved),
    /// Everything kept on the device was removed.
    Forgotten,
    /// Desk mode: clear every answer for the next resident; `true` when the idle timer did.
    NextResident(bool),
    /// Desk mode: open a question (or close it, with `None`).
    Ask(Option<Question>),
    /// Reading aloud started, ended, or found no voice.
    Reading(Reading),
    DismissNotice,
    /// The form's answers were committed (its `change` event).
    Settled,
}

impl State {
    /// The state after `action`: the same `Rc` where nothing changed (the page then draws
    /// nothing). The page's reducer is this (`minsheng_page::Page`), so it is tested natively.
    pub fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.settled = matches!(action, Action::Settled);
        match action {
            Action::Household(edit) => {
                apply_household(&mut next.household, edit);
                // A job seeker stays one when the home moves between town and village.
                for p in &mut next.people {
                    p.member.work = p.member.work.in_area(next.household.area);
                }
            }
            Action::Member(id, edit) => match next.people.iter_mut().find(|p| p.id == id) {
                Some(person) => apply_member(person, edit),
                None => return self,
            },
            Action::AddMember if next.people.len() < MAX_MEMBERS => {
                next.people.push(Person::new(next.next_id));
                next.next_id = next.next_id.wrapping_add(1);
            }
            Action::AddMember => return self,
            Action::RemoveMember(id) if next.people.len() > 1 => {
                next.people.retain(|p| p.id != id);
            }
            Action::RemoveMember(_) => return self,
            Action::Lang(lang) => {
                next.lang = lang;
                // The header stops the speech: the button turns back.
                next.reading = Reading::Idle;
            }
            Action::Size(size) => next.size = size,
            Action::Remember(on) => {
                next.remember = on && !next.desk;
                next.stored |= next.remember;
            }
            Action::Forgotten => {
                next.remember = false;
                next.stored = false;
                if matches!(
                    next.notice,
                    Some(Notice::OtherSaved | Notice::NewerSaved(_))
                ) {
                    next.notice = None;
                }
            }
            Action::Load(saved) => {
                let loaded = State::from_saved(saved);
                next.household = loaded.household;
                // Fresh ids, above every id used so far.
                next.people = loaded
                    .people
                    .into_iter()
                    .enumerate()
                    .map(|(i, p)| Person {
                        id: self.next_id.wrapping_add(i as u32),
                        ..p
                    })
                    .collect();
                next.next_id = self.next_id.wrapping_add(next.people.len() as u32);
                next.notice = None;
            }
            Action::NextResident(idle) => {
                // The next resident starts afresh: their own language and text size too.
                next = State {
                    desk: next.desk,
                    resident: next.resident.wrapping_add(1),
                    next_id: next.next_id.wrapping_add(1),
                    people: vec![Person::new(next.next_id)],
                    notice: idle.then_some(Notice::IdleCleared),
                    ..State::default()
                };
            }
            Action::DismissNotice => next.notice = None,
            Action::Ask(question) => next.asking = question,
            Action::Reading(reading) => next.reading = reading,
            Action::Settled => {}
        }
        // Why the form was empty is past once the next resident's answers begin.
        if next.notice == Some(Notice::IdleCleared) && next.has_answers() {
            next.notice = None;
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

fn apply_household(p: &mut Profile, edit: HouseholdEdit) {
    match edit {
        HouseholdEdit::Residency(v) => p.residency = v,
        HouseholdEdit::Street(v) => {
            // An estate on another street is no longer an answer the form offers (the page's
            // list: the one compiled in).
            let offered = Catalogue::builtin().is_ok_and(|list| {
                list.estates_on(v.as_deref())
                    .any(|e| p.community.as_deref() == Some(e.key.as_str()))
            });
            if !offered {
                p.community = None;
            }
            p.street = v;
        }
        HouseholdEdit::Area(v) => p.area = v,
        HouseholdEdit::Kind(v) => p.kind = v,
        HouseholdEdit::Community(v) => {
            // An estate lies in one street: chosen while the street is not, it says the street.
            if p.street.is_none() {
                p.street = v
                    .as_deref()
                    .and_then(|k| Catalogue::builtin().ok()?.estate(k))
                    .map(|e| e.street.clone());
            }
            p.community = v;
        }
        HouseholdEdit::Flag(flag, v) => p.home.set(flag, v),
    }
}

fn apply_member(p: &mut Person, edit: MemberEdit) {
    let m = &mut p.member;
    match edit {
        MemberEdit::Age(text) => p.age = text,
        MemberEdit::Sex(v) => {
            m.sex = v;
            p.sex_chosen = true;
        }
        MemberEdit::Insurance(v) => m.insurance = v,
        MemberEdit::Disability(v) => m.disability = v,
        MemberEdit::Work(v) => m.work = v,
        MemberEdit::Flag(flag, v) => m.yes.set(flag, v),
    }
}

/// Whether the page was opened in desk mode (`#desk` or `?desk`).
pub fn desk_requested(hash: &str, search: &str) -> bool {
    let has = |s: &str| {
        s.trim_start_matches(['#', '?'])
            .split('&')
            .any(|p| p == "desk" || p.starts_with("desk="))
    };
    has(hash) || has(search)
}

/// What the device holds when the page opens: the tab's answers, the device's remembered
/// answers, and the preferences (English, large text).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Kept {
    pub tab: Option<String>,
    pub device: Option<String>,
    pub prefs: (Lang, TextSize),
}

/// The state the page opens in, from its address and what the device keeps. In order: a
/// `#profile=` link's answers (saying so when the device remembers other answers); else the
/// tab's latest answers (a reload); else the answers remembered on the device; else the
/// empty form. Desk mode reads nothing kept. A link or stored answers that do not decode leave
/// a message; stored answers from a newer version are kept, not read. After a fault in the
/// calculator (`?restart`, boot.js), the answers that were on screen come first, with the
/// page's language and text size, and the page says it restarted.
pub fn initial_state(hash: &str, search: &str, kept: &Kept) -> State {
    let restarted = search
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == "restart");
    // The answers on screen at the fault, read as the tab's latest are (at the desk too).
    let on_screen = hash
        .strip_prefix("#restart=")
        .filter(|_| restarted)
        .and_then(fragment::base64url_decode)
        .and_then(|bytes| String::from_utf8(bytes).ok());
    // (One call of `first_state`, whatever it is handed: a second compiled it apart.)
    let (hash, kept) = match on_screen {
        Some(text) => (
            "",
            Kept {
                tab: Some(text),
                ..kept.clone()
            },
        ),
        None => (hash, kept.clone()),
    };
    let mut state = first_state(hash, search, &kept);
    if restarted {
        state.notice = state.notice.or(Some(Notice::Restarted));
    }
    state
}

fn first_state(hash: &str, search: &str, kept: &Kept) -> State {
    let desk = desk_requested(hash, search);
    let mut state = State {
        desk,
        ..State::default()
    };
    if desk {
        // A shared device: only a link's answers, nothing kept (the only answers it is handed
        // as the tab's are those on screen when it restarted after a fault).
        match fragment::decode(hash) {
            Some(Ok(profile)) => return State::with_profile(profile).with_desk(),
            Some(Err(e)) => state.notice = Some(Notice::BadLink(e.to_string())),
            None => {}
        }
        if let Some(Ok(saved)) = kept.tab.as_deref().map(saved::decode) {
            return State::from_saved(saved).with_desk();
        }
        return state;
    }
    (state.lang, state.size) = kept.prefs;
    let device = kept.device.as_deref().map(saved::decode);
    match &device {
        Some(Ok(_)) => {
            state.stored = true;
            state.remember = true;
        }
        Some(Err(SavedError::Newer(e))) => {
            state.stored = true;
            state.notice = Some(Notice::NewerSaved(e.to_string()));
        }
        Some(Err(SavedError::Corrupt(e))) => {
            state.notice = Some(Notice::BadSaved(e.to_string()));
        }
        None => {}
    }
    let with = |mut s: State, from: State| {
        s.household = from.household;
        s.people = from.people;
        s.next_id = from.next_id;
        s
    };
    match fragment::decode(hash) {
        Some(Ok(profile)) => {
            if let Some(Ok(saved)) = &device {
                if saved.profile != profile {
                    state.notice = Some(Notice::OtherSaved);
                }
            }
            return with(state, State::with_profile(profile));
        }
        Some(Err(e)) => {
            state.notice = Some(Notice::BadLink(e.to_string()));
            return state;
        }
        None => {}
    }
    if let Some(Ok(saved)) = kept.tab.as_deref().map(saved::decode) {
        return with(state, State::from_saved(saved));
    }
    match device {
        Some(Ok(saved)) => with(state, State::from_saved(saved)),
        _ => state,
    }
}
