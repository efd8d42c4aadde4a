//! The resident's answers (CONTRACT section 1): the household, its members, and the
//! contract's defaults. Reading and writing them as JSON is `codec::profile`'s.

use crate::model::choice::{
    Area, Disability, HouseholdKind, HousingFlag, Insurance, MemberFlag, Residency, Sex, Work, Yes,
};

/// The oldest age a profile may give.
pub const MAX_AGE: u8 = 130;
/// The most members a household may list.
pub const MAX_MEMBERS: usize = 20;
/// The youngest age the work answers are asked of (the legal working age, 16): a younger
/// member's work is `none`; a profile that says otherwise is refused, naming the field.
pub const WORK_AGE: u8 = 16;

/// One household's answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub residency: Residency,
    /// The key of one of the list's streets (`Catalogue::streets`), where given.
    pub street: Option<String>,
    pub area: Area,
    pub kind: HouseholdKind,
    /// The key of one of the list's estates (`Catalogue::estates`), where given.
    pub community: Option<String>,
    /// The yes/no answers about the home (`old_community`, `piped_gas`, … on the wire).
    pub home: Yes<HousingFlag>,
    pub members: Vec<Member>,
}

/// One member's answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub age: u8,
    pub sex: Sex,
    pub insurance: Insurance,
    pub disability: Disability,
    /// The yes/no answers about the member (`severe_disability`, … on the wire).
    pub yes: Yes<MemberFlag>,
    pub work: Work,
}

impl Member {
    /// The contract's defaults (CONTRACT section 1), written once: what a profile leaves out
    /// reads as this. The age and sex are required there; here they are a fresh form's start.
    pub const DEFAULT: Member = Member {
        age: 60,
        sex: Sex::Female,
        insurance: Insurance::None,
        disability: Disability::None,
        yes: Yes::NONE,
        work: Work::None,
    };
}

impl Default for Member {
    /// A fresh form's member: an adult woman with no special circumstances.
    fn default() -> Self {
        Member::DEFAULT
    }
}

impl Profile {
    /// The household's answers at the contract's defaults, with no member yet: what a profile
    /// leaves out reads as this.
    pub const EMPTY: Profile = Profile {
        residency: Residency::Hukou,
        street: None,
        area: Area::Urban,
        kind: HouseholdKind::Ordinary,
        community: None,
        home: Yes::NONE,
        members: Vec::new(),
    };
}

impl Default for Profile {
    /// A fresh form: one member, every household answer at the contract's default.
    fn default() -> Self {
        Profile {
            members: vec![Member::DEFAULT],
            ..Profile::EMPTY
        }
    }
}

impl Profile {
    /// Reads a yes/no fact about the home.
    pub fn housing(&self, flag: HousingFlag) -> bool {
        self.home.has(flag)
    }
}

impl Member {
    /// Reads a yes/no fact about the member.
    pub fn flag(&self, flag: MemberFlag) -> bool {
        self.yes.has(flag)
    }
}
