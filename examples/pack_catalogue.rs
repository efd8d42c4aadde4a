//! Packs the catalogue file for the page (`make catalogue`): writes `src/catalogue/page.bin`,
//! which the native tests hold equal to the file. See `src/catalogue/pack.rs`.

use minsheng::catalogue::{pack, Catalogue};

fn main() {
    let catalogue = match Catalogue::builtin() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("catalogue: {e}");
            std::process::exit(1);
        }
    };
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/catalogue/page.bin");
    let bytes = pack::pack(catalogue);
    if let Err(e) = std::fs::write(path, &bytes) {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    }
    println!("{path}: {} bytes", bytes.len());
}
