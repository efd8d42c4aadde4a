//! The catalogue file read (natively, by serde's derive, with item and path in every error) and the
//! page's packed copy (`pack.rs`); `source.rs` checks a catalogue against its source table.

use crate::model::catalogue::Catalogue;
use crate::model::fault::Fault;
use std::sync::OnceLock;

pub mod pack;
mod source;

/// The catalogue compiled into the command line: the 2022 list.
pub const BUILTIN_JSON: &str = include_str!("../../../seeds/jining-hitech-2022.json");
/// The page's copy: the same list packed, without the reviewers' `reading` notes (`pack.rs`).
pub const BUILTIN_PAGE: &[u8] = include_bytes!(env!("MINSHENG_PAGE_BIN"));

impl Catalogue {
    /// The catalogue compiled in, read once. Natively the file is read and validated; the page
    /// unpacks its packed copy, which the native tests hold equal to the validated file
    /// (`the_page_copy_is_the_catalogue_packed`): the reader and the validator stay out of the
    /// Wasm.
    pub fn builtin() -> Result<&'static Catalogue, &'static Fault> {
        static BUILTIN: OnceLock<Result<Catalogue, Fault>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| {
                #[cfg(target_arch = "wasm32")]
                return pack::unpack(BUILTIN_PAGE).ok_or_else(|| Fault {
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
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Catalogue, Fault> {
        let mut catalogue = Catalogue::read(text)?;
        catalogue.validate()?;
        catalogue.name_places()?;
        Ok(catalogue)
    }

    /// Reads a catalogue file without validating it: serde's derive, the path of every fault
    /// kept (`items[9].measures[0].when`), and the item it is in named.
    #[cfg(not(target_arch = "wasm32"))]
    fn read(text: &str) -> Result<Catalogue, Fault> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| Fault {
            item: None,
            field: "catalogue".into(),
            problem: format!("not valid JSON ({e})"),
        })?;
        serde_path_to_error::deserialize(&value).map_err(|e| {
            let field = e.path().to_string();
            Fault {
                item: item_at(&value, &field),
                field,
                problem: e.into_inner().to_string(),
            }
        })
    }
}

/// The 序号 of the item a path such as `items[9].title` points into.
#[cfg(not(target_arch = "wasm32"))]
fn item_at(value: &serde_json::Value, path: &str) -> Option<u8> {
    let rest = path.strip_prefix("items[")?;
    let index: usize = rest[..rest.find(']')?].parse().ok()?;
    let number = value.get("items")?.get(index)?.get("item")?.as_u64()?;
    u8::try_from(number).ok()
}
