//! minsheng: which of a district's yearly livelihood measures (民生实事) apply to a household.
//!
//! The engine is pure: a [`Catalogue`](catalogue::Catalogue) (a year's list as data) and a
//! [`Profile`](profile::Profile) (the resident's answers) go in, an
//! [`Outcome`](engine::Outcome) comes out. It imports no web crate, reads no clock and holds no
//! user-facing words; the `web` module (Wasm only) puts a page around it.
//!
//! ```
//! use minsheng::{catalogue::Catalogue, engine, profile};
//! let catalogue = Catalogue::builtin().unwrap();
//! let profile = profile::decode(r#"{"members":[{"age":92,"sex":"female"}]}"#).unwrap();
//! let outcome = engine::evaluate(catalogue, &profile);
//! assert_eq!(outcome.cash.month.to_string(), "100");
//! ```
#![forbid(unsafe_code)]

pub mod age;
pub mod catalogue;
pub mod choice;
pub mod engine;
pub mod fragment;
pub mod json;
pub mod json_out;
pub mod profile;
pub mod qr;
pub mod saved;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod web;
