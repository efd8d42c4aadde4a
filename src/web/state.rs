//! The page's state and the actions that change it.

use super::i18n::Lang;
use crate::choice::{
    Area, Community, Disability, HouseholdKind, HousingFlag, Insurance, MemberFlag, Residency, Sex,
    Street, Work,
};
use crate::profile::{Member, Profile, MAX_MEMBERS};
use std::rc::Rc;
use yew::Reducible;

/// Everything the page shows is derived from this.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    pub profile: Profile,
    pub lang: Lang,
    pub large: bool,
    /// Service-desk mode: nothing is ever stored, and "next resident" clears everything.
    pub desk: bool,
    /// The resident asked to remember the answers on this device (never in desk mode).
    pub remember: bool,
    /// Input that could not be used, shown until dismissed.
    pub notice: Option<Notice>,
    /// Counts "next resident" clearings; the page's content is keyed on it, so nothing a
    /// component kept for the last resident (a half-typed age, an open share panel) survives.
    pub resident: u32,
}

/// Why some input was ignored, and the decoder's message naming the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A `#profile=` link that does not decode.
    BadLink(String),
    /// Stored answers that are corrupt or from another version.
    BadSaved(String),
}

/// One change to the household's answers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum HouseholdEdit {
    Residency(Residency),
    Street(Option<Street>),
    Area(Area),
    Kind(HouseholdKind),
    Community(Option<Community>),
    Flag(HousingFlag, bool),
}

/// One change to a member's answers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MemberEdit {
    Age(u8),
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
    Member(usize, MemberEdit),
    AddMember,
    RemoveMember(usize),
    Lang(Lang),
    Large(bool),
    Remember(bool),
    /// Desk mode: clear every answer for the next resident.
    NextResident,
    DismissNotice,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Household(edit) => apply_household(&mut next.profile, edit),
            Action::Member(i, edit) => match next.profile.members.get_mut(i) {
                Some(member) => apply_member(member, edit),
                None => return self,
            },
            Action::AddMember if next.profile.members.len() < MAX_MEMBERS => {
                next.profile.members.push(Member {
                    age: 30,
                    ..Member::default()
                })
            }
            Action::AddMember => return self,
            Action::RemoveMember(i)
                if next.profile.members.len() > 1 && i < next.profile.members.len() =>
            {
                next.profile.members.remove(i);
            }
            Action::RemoveMember(_) => return self,
            Action::Lang(lang) => next.lang = lang,
            Action::Large(large) => next.large = large,
            Action::Remember(on) => next.remember = on && !next.desk,
            Action::NextResident => {
                next.profile = Profile::default();
                next.notice = None;
                next.remember = false;
                next.resident = next.resident.wrapping_add(1);
            }
            Action::DismissNotice => next.notice = None,
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
        HouseholdEdit::Street(v) => p.street = v,
        HouseholdEdit::Area(v) => p.area = v,
        HouseholdEdit::Kind(v) => p.kind = v,
        HouseholdEdit::Community(v) => p.community = v,
        HouseholdEdit::Flag(HousingFlag::OldCommunity, v) => p.old_community = v,
        HouseholdEdit::Flag(HousingFlag::PipedGas, v) => p.piped_gas = v,
        HouseholdEdit::Flag(HousingFlag::Lift, v) => p.lift = v,
        HouseholdEdit::Flag(HousingFlag::Car, v) => p.car = v,
    }
}

fn apply_member(m: &mut Member, edit: MemberEdit) {
    match edit {
        MemberEdit::Age(v) => m.age = v,
        MemberEdit::Sex(v) => m.sex = v,
        MemberEdit::Insurance(v) => m.insurance = v,
        MemberEdit::Disability(v) => m.disability = v,
        MemberEdit::Work(v) => m.work = v,
        MemberEdit::Flag(MemberFlag::SevereDisability, v) => m.severe_disability = v,
        MemberEdit::Flag(MemberFlag::SelfCareLost, v) => m.self_care_lost = v,
        MemberEdit::Flag(MemberFlag::ChildInDifficulty, v) => m.child_in_difficulty = v,
        MemberEdit::Flag(MemberFlag::CerebralPalsy, v) => m.cerebral_palsy = v,
    }
}
