//! The catalogue file read (natively: the JSON, with item and field in every error) and the
//! page's packed copy (`pack.rs`); `source.rs` checks a catalogue against its source table.

use crate::codec::json::Value;
use crate::model::catalogue::{Catalogue, CatalogueError};
use std::sync::OnceLock;

pub mod pack;
mod read;
mod source;

/// The catalogue compiled into the command line: the 2022 list.
pub const BUILTIN_JSON: &str = include_str!("../../../seeds/jining-hitech-2022.json");
/// The page's copy: the same list packed, without the reviewers' `reading` notes (`pack.rs`).
pub const BUILTIN_PAGE: &[u8] = include_bytes!("page.bin");

impl Catalogue {
    /// The catalogue compiled in, read once. Natively the file is read and validated; the page
    /// unpacks its packed copy, which the native tests hold equal to the validated file
    /// (`the_page_copy_is_the_catalogue_packed`): the reader and the validator stay out of the
    /// Wasm.
    pub fn builtin() -> Result<&'static Catalogue, &'static CatalogueError> {
        static BUILTIN: OnceLock<Result<Catalogue, CatalogueError>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                #[cfg(target_arch = "wasm32")]
                return pack::unpack(BUILTIN_PAGE).ok_or_else(|| CatalogueError {
                    item: None,
                    field: "catalogue".into(),
                    problem: "the page's packed copy cannot be read: run `make catalogue`".into(),
                });
                #[cfg(not(target_arch = "wasm32"))]
                return Catalogue::from_json(BUILTIN_JSON);
            })
            .as_ref()
    }

    /// Reads and validates a catalogue file.
    pub fn from_json(text: &str) -> Result<Catalogue, CatalogueError> {
        let catalogue = Catalogue::read(text)?;
        catalogue.validate()?;
        Ok(catalogue)
    }

    /// Reads a catalogue file without validating it.
    fn read(text: &str) -> Result<Catalogue, CatalogueError> {
        let value: Value = crate::codec::json::parse(text).map_err(|e| CatalogueError {
            item: None,
            field: "catalogue".into(),
            problem: format!("not valid JSON ({e})"),
        })?;
        let catalogue = read::read_catalogue(&value).map_err(|f| CatalogueError {
            item: read::item_at(&value, &f.path),
            field: f.path,
            problem: f.problem,
        })?;
        Ok(catalogue)
    }
}
