//! The closed sets of answers a profile is made of. (The district's streets and estates are
//! the list's data: `model::catalogue::{Street, Estate}`.)
//!
//! Each set is a plain enum with its wire names listed once, so decoding, encoding, the
//! catalogue's conditions and the form's choices all read the same table.

/// Declares a closed set of answers: the enum, its serde names and the `ALL` table.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $wire)] $variant),+
        }

        impl $name {
            /// Every value, in the order the form offers them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value's name in JSON, the URL fragment and the catalogue.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }
        }

        impl crate::model::choice::Choice for $name {
            const ALL: &'static [Self] = $name::ALL;
            const NAMES: &'static [&'static str] = &[$($wire),+];
            fn index(self) -> usize {
                self as usize
            }
        }
    };
}

pub(crate) use choice;

/// A closed set, as the JSON readers see it: its values and their wire names, in the same
/// order. The readers find a name's position in one plain function and take the value at it,
/// so each set adds a lookup, not a reader of its own, to the Wasm.
pub trait Choice: Copy + 'static {
    const ALL: &'static [Self];
    const NAMES: &'static [&'static str];
    /// Where the value stands in `ALL` (and its name in `NAMES`).
    fn index(self) -> usize;
}

/// The yes/no answers of one kind (`MemberFlag`, `HousingFlag`) that were answered yes.
///
/// The answers are kept as a set keyed by their kind, not as a field each, so the profile's
/// reader, its writers, the form and the reducer go through `F::ALL` and `F::NAMES`: a new
/// yes/no answer is one more value of its kind, with its words, and nothing else to wire.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Yes<F>(u16, core::marker::PhantomData<F>);

impl<F: Choice> Yes<F> {
    /// Every answer no: the contract's default.
    pub const NONE: Self = Yes(0, core::marker::PhantomData);

    /// Whether `flag` was answered yes.
    pub fn has(self, flag: F) -> bool {
        self.0 >> flag.index() & 1 == 1
    }

    /// Answers `flag` with `on`.
    pub fn set(&mut self, flag: F, on: bool) {
        let bit = 1 << flag.index();
        if on {
            self.0 |= bit;
        } else {
            self.0 &= !bit;
        }
    }

    /// The set with `flag` answered yes too.
    pub fn with(mut self, flag: F) -> Self {
        self.set(flag, true);
        self
    }

    /// The answers that are yes, in `F::ALL`'s order.
    pub fn iter(self) -> impl Iterator<Item = F> {
        F::ALL.iter().copied().filter(move |f| self.has(*f))
    }
}

impl<F: Choice> Default for Yes<F> {
    fn default() -> Self {
        Self::NONE
    }
}

impl<F: Choice + core::fmt::Debug> core::fmt::Debug for Yes<F> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<F: Choice> FromIterator<F> for Yes<F> {
    fn from_iter<I: IntoIterator<Item = F>>(flags: I) -> Self {
        flags.into_iter().fold(Self::NONE, Yes::with)
    }
}

/// Joins names as `a, b or c` for messages.
pub(crate) fn join_or(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => format!("`{one}`"),
        [init @ .., last] => {
            let head: Vec<String> = init.iter().map(|n| format!("`{n}`")).collect();
            format!("{} or `{last}`", head.join(", "))
        }
    }
}

choice!(
    /// Whether the household is registered in, or lives in, the district.
    Residency { Hukou = "hukou", Resident = "resident", None = "none" }
);
choice!(
    /// Whether the home is in a town or a village.
    Area { Urban = "urban", Rural = "rural" }
);
choice!(
    /// The household's standing in social assistance.
    HouseholdKind {
        Ordinary = "ordinary",
        /// 低保边缘
        LowIncome = "low_income",
        /// 低保
        MinimumLiving = "minimum_living",
        /// 分散供养特困
        ExtremePovertyDispersed = "extreme_poverty_dispersed",
        /// 集中供养特困
        ExtremePovertyCentralized = "extreme_poverty_centralized",
        /// 脱贫户 / 监测户
        PovertyMonitored = "poverty_monitored",
    }
);
choice!(
    /// A member's sex.
    Sex { Female = "female", Male = "male" }
);
choice!(
    /// A member's basic medical insurance.
    Insurance {
        /// 居民医保
        Resident = "resident",
        /// 居民医保, contribution waived (免缴费特殊群体)
        ResidentExempt = "resident_exempt",
        /// 职工医保
        Employee = "employee",
        None = "none",
        /// Not sure (不清楚): the measures for the insured are then only likely.
        Unsure = "unsure",
    }
);
choice!(
    /// A member's disability, if any.
    Disability {
        None = "none", Physical = "physical", Intellectual = "intellectual", Mental = "mental",
        Visual = "visual", Hearing = "hearing", Speech = "speech", Multiple = "multiple",
    }
);
choice!(
    /// A member's work situation, as far as the list's job measures ask.
    Work {
        None = "none", Construction = "construction", Agriculture = "agriculture",
        RuralSurplusLabour = "rural_surplus_labour", LongTermUnemployed = "long_term_unemployed",
    }
);
choice!(
    /// The yes/no facts about the home.
    HousingFlag { OldCommunity = "old_community", PipedGas = "piped_gas", Lift = "lift", Car = "car" }
);
choice!(
    /// The yes/no facts about a member.
    MemberFlag {
        SevereDisability = "severe_disability", SelfCareLost = "self_care_lost",
        ChildInDifficulty = "child_in_difficulty", CerebralPalsy = "cerebral_palsy",
    }
);

// A `Yes` set holds up to sixteen answers of a kind.
const _: () = assert!(HousingFlag::ALL.len() <= 16 && MemberFlag::ALL.len() <= 16);

impl Work {
    /// The answers a household in `area` is offered, in the form's order: a job seeker in a
    /// village is 农村富余劳动力, one in a town 城镇长期失业人员 (item 28's "农村剩余劳动力和城镇长期
    /// 失业人员"), so each sees the one that can be theirs.
    pub fn offered(area: Area) -> &'static [Work] {
        match area {
            Area::Urban => &[
                Work::None,
                Work::Construction,
                Work::Agriculture,
                Work::LongTermUnemployed,
            ],
            Area::Rural => &[
                Work::None,
                Work::Construction,
                Work::Agriculture,
                Work::RuralSurplusLabour,
            ],
        }
    }

    /// The same answer for a household in `area`: a job seeker stays a job seeker when the
    /// home moves between town and village.
    pub fn in_area(self, area: Area) -> Work {
        match (self, area) {
            (Work::RuralSurplusLabour, Area::Urban) => Work::LongTermUnemployed,
            (Work::LongTermUnemployed, Area::Rural) => Work::RuralSurplusLabour,
            (w, _) => w,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Area, Work};

    /// The answers a form offers in an area are exactly those that stay themselves there: the
    /// job-seeker pairing is written in `offered` and `in_area`, and the two must agree.
    #[test]
    fn the_work_offered_in_an_area_is_what_stays_itself_there() {
        for area in Area::ALL.iter().copied() {
            let stays: Vec<Work> = Work::ALL
                .iter()
                .copied()
                .filter(|w| w.in_area(area) == *w)
                .collect();
            assert_eq!(Work::offered(area), stays.as_slice(), "{area:?}");
            for w in Work::ALL {
                assert!(
                    Work::offered(area).contains(&w.in_area(area)),
                    "{w:?} in {area:?}"
                );
            }
        }
    }
}
