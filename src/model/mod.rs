//! The model: the closed sets of answers, a household's answers (the profile), an age as
//! typed, and a year's list of measures as data (the catalogue). It imports nothing of the
//! layers above it: the engine, the words, the codecs and the page.

pub mod age;
pub mod catalogue;
pub mod choice;
pub mod fault;
pub mod office;
pub mod profile;
