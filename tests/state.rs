//! The page's reducer, natively: what a person does on the form (type an age a key at a time,
//! correct it, add and remove members, commit an answer) and the desk's next resident, each as
//! the page dispatches it. (The page crate only hands these actions to Yew.)
#![cfg(not(target_arch = "wasm32"))]

use minsheng::model::age::Wrong;
use minsheng::model::choice::{Insurance, Sex};
use minsheng::state::{initial_state, Action, Kept, MemberEdit, State};
use std::rc::Rc;

fn after(state: Rc<State>, actions: impl IntoIterator<Item = Action>) -> Rc<State> {
    actions.into_iter().fold(state, State::reduce)
}

fn typed(id: u32, text: &str) -> Action {
    Action::Member(id, MemberEdit::Age(text.to_owned()))
}

#[test]
fn typing_an_age_a_key_at_a_time_reads_only_what_the_box_shows() {
    let fresh = Rc::new(State::default());
    let id = fresh.people[0].id;
    assert!(fresh.answers().is_err(), "no result before an age");
    let eight = after(fresh.clone(), [typed(id, "8")]);
    assert_eq!(eight.answers().unwrap().members[0].age, 8);
    let wrong = after(eight.clone(), [typed(id, "8x")]);
    assert_eq!(
        wrong.answers().unwrap_err().wrong,
        Some(Wrong::NotNumber),
        "no result for a value no longer in the box"
    );
    let corrected = after(wrong, [typed(id, "8"), typed(id, "85")]);
    assert_eq!(corrected.answers().unwrap().members[0].age, 85);
    assert_eq!(corrected.people[0].age, "85", "kept as typed");
    // In words, as voice input writes it.
    let said = after(corrected, [typed(id, "七十五")]);
    assert_eq!(said.answers().unwrap().members[0].age, 75);
}

#[test]
fn nothing_changed_is_the_same_state() {
    let fresh = Rc::new(State::default());
    let id = fresh.people[0].id;
    let once = after(fresh, [typed(id, "70")]);
    let again = State::reduce(once.clone(), typed(id, "70"));
    assert!(Rc::ptr_eq(&once, &again), "the page draws nothing for it");
    // An action for a member who is gone changes nothing.
    let gone = State::reduce(once.clone(), typed(id + 99, "5"));
    assert!(Rc::ptr_eq(&once, &gone));
}

#[test]
fn adding_and_removing_members_keeps_each_ones_answers_with_them() {
    let fresh = Rc::new(State::default());
    let first = fresh.people[0].id;
    let two = after(fresh, [typed(first, "85"), Action::AddMember]);
    assert_eq!(two.people.len(), 2);
    let second = two.people[1].id;
    assert_ne!(first, second);
    let two = after(
        two,
        [
            typed(second, "92"),
            Action::Member(second, MemberEdit::Sex(Sex::Male)),
        ],
    );
    let ages: Vec<u8> = two
        .answers()
        .unwrap()
        .members
        .iter()
        .map(|m| m.age)
        .collect();
    assert_eq!(ages, [85, 92]);
    // Removing the first: the second keeps its own age and sex.
    let one = after(two, [Action::RemoveMember(first)]);
    assert_eq!(one.people.len(), 1);
    let left = &one.answers().unwrap().members[0];
    assert_eq!((left.age, left.sex), (92, Sex::Male));
    // The last member stays: a household has one member at least.
    let still = State::reduce(one.clone(), Action::RemoveMember(second));
    assert!(Rc::ptr_eq(&one, &still));
    // A new member's ids are never reused.
    let again = after(still, [Action::AddMember]);
    assert!(again.people[1].id != first && again.people[1].id != second);
}

#[test]
fn a_new_member_starts_unsure_of_their_insurance() {
    let fresh = Rc::new(State::default());
    let two = after(fresh, [Action::AddMember]);
    assert_eq!(two.people[1].member.insurance, Insurance::Unsure);
}

#[test]
fn an_answer_is_heard_once_it_is_committed_not_on_each_key() {
    let fresh = Rc::new(State::default());
    let id = fresh.people[0].id;
    let typing = after(fresh, [typed(id, "8"), typed(id, "85")]);
    assert!(!typing.settled);
    let left = State::reduce(typing, Action::Settled);
    assert!(left.settled);
    assert!(!State::reduce(left, typed(id, "8")).settled);
}

#[test]
fn the_desk_next_resident_starts_from_nothing_and_stays_a_desk() {
    let desk = Rc::new(initial_state("", "?desk", &Kept::default()));
    assert!(desk.desk);
    let id = desk.people[0].id;
    let served = after(
        desk,
        [
            typed(id, "92"),
            Action::AddMember,
            Action::Lang(minsheng::words::Lang::En),
        ],
    );
    let next = State::reduce(served.clone(), Action::NextResident(false));
    assert!(next.desk, "still a desk");
    assert_eq!(next.people.len(), 1);
    assert_eq!(next.people[0].age, "", "nothing of the last resident's");
    assert!(next.answers().is_err());
    assert_eq!(
        next.lang,
        minsheng::words::Lang::default(),
        "their own language"
    );
    assert_ne!(
        next.resident, served.resident,
        "everything drawn for the last one is rebuilt"
    );
    assert!(served.people.iter().all(|p| p.id != next.people[0].id));
}

/// An estate lies in one street (the list: 云创小镇社区 in 黄屯街道): chosen while no street is,
/// it says the street; a street it does not lie in takes it away again; chosen on its own
/// street, it keeps the street as it was.
#[test]
fn an_estate_says_its_street_and_another_street_takes_it_away() {
    use minsheng::state::HouseholdEdit;
    let home = |edit| Action::Household(edit);
    let chosen = after(
        Rc::new(State::default()),
        [home(HouseholdEdit::Community(Some("yunchuang".into())))],
    );
    assert_eq!(chosen.household.street.as_deref(), Some("huangtun"));
    assert_eq!(chosen.household.community.as_deref(), Some("yunchuang"));
    let moved = after(
        chosen.clone(),
        [home(HouseholdEdit::Street(Some("guanghe".into())))],
    );
    assert_eq!(moved.household.community, None);
    let unsure = after(chosen, [home(HouseholdEdit::Community(None))]);
    assert_eq!(unsure.household.street.as_deref(), Some("huangtun"));
    assert_eq!(unsure.household.community, None);
}
