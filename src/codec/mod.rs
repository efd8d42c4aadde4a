//! The codecs: JSON in (`json`: a parser and a field reader naming every fault's path) and out
//! (`json_out`), the profile's JSON and link forms, the catalogue file and its packed copy, the
//! URL fragment, the answers kept on the device, and a link as a QR code.

pub mod catalogue;
pub mod fragment;
pub mod json;
pub mod json_out;
pub mod profile;
pub mod qr;
pub mod saved;

use crate::engine;
use crate::model::catalogue::Catalogue;

/// The command line's and the JavaScript API's whole job: a profile's JSON in, the result's
/// JSON out, or the one message naming the field.
pub fn evaluate_json(catalogue: &Catalogue, profile_json: &str) -> Result<String, String> {
    let profile = profile::decode_for(profile_json, catalogue).map_err(|e| e.to_string())?;
    let outcome = engine::evaluate(catalogue, &profile);
    Ok(json_out::ToJson::to_json_string(&outcome))
}
