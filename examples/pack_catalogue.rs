//! Packs the catalogue file for the page (`make catalogue`): writes `src/codec/catalogue/page.bin`,
//! which the native tests hold equal to the file. See `src/codec/catalogue/pack.rs`.

use minsheng::codec::catalogue::pack;
use minsheng::model::catalogue::Catalogue;

fn main() {
    let catalogue = match Catalogue::builtin() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("catalogue: {e}");
            std::process::exit(1);
        }
    };
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/codec/catalogue/page.bin");
    let bytes = pack::pack(catalogue);
    if let Err(e) = std::fs::write(path, &bytes) {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    }
    println!("{path}: {} bytes", bytes.len());
}
