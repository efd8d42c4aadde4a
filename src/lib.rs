//! minsheng: which of a district's yearly livelihood measures (民生实事) apply to a household.
//! The core crate: no browser dependency, tested natively. The page (`page/`, the
//! `minsheng-page` crate) holds only its components and browser calls.
//!
//! Six layers, each importing only the ones above it in this list:
//!
//! - [`model`]: the closed sets of answers, the profile, an age as typed, the catalogue's types;
//! - [`engine`]: a [`Catalogue`](model::catalogue::Catalogue) and a
//!   [`Profile`](model::profile::Profile) in, an [`Outcome`](engine::Outcome) out; it reads no
//!   clock and holds no user-facing words;
//! - [`words`]: every sentence the page, the printout and the copied text say, in Chinese and
//!   English, in plain Rust;
//! - [`layout`]: the results laid out in groups and lines, and as plain text (the page's copied
//!   text, `evaluate --text`);
//! - [`codec`]: JSON in and out, the catalogue file and its packed copy, the link, the answers
//!   kept on the device;
//! - [`state`]: the page's state (the answers as typed) and its reducer, and the state the page
//!   opens in; and `bin/evaluate`: the command line.
//!
//! ```
//! use minsheng::{codec::profile, engine, model::catalogue::Catalogue};
//! let catalogue = Catalogue::builtin().unwrap();
//! let profile = profile::decode(r#"{"members":[{"age":92,"sex":"female"}]}"#).unwrap();
//! let outcome = engine::evaluate(catalogue, &profile);
//! assert_eq!(outcome.cash.month.to_string(), "100");
//! ```
#![forbid(unsafe_code)]

pub mod codec;
pub mod engine;
pub mod layout;
pub mod model;
pub mod words;

pub mod state;
