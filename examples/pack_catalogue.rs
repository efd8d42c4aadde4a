//! Packs a list for the page. `make catalogue` packs the list compiled in into
//! `src/codec/catalogue/page.bin`, which the native tests hold equal to the file;
//! `pack_catalogue LIST.json OUT.bin` packs another list, validated, for `scripts/build
//! --catalogue LIST.json`. See `src/codec/catalogue/pack.rs`.

/// A native tool: the file reader is not in the Wasm build.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use minsheng::codec::catalogue::pack;
    use minsheng::model::catalogue::Catalogue;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (catalogue, path) = match args.as_slice() {
        [] => (
            Catalogue::builtin()
                .cloned()
                .map_err(|e| format!("catalogue: {e}")),
            concat!(env!("CARGO_MANIFEST_DIR"), "/src/codec/catalogue/page.bin").to_owned(),
        ),
        [list, out] => (
            std::fs::read_to_string(list)
                .map_err(|e| format!("{list}: {e}"))
                .and_then(|text| Catalogue::from_json(&text).map_err(|e| format!("{list}: {e}"))),
            out.clone(),
        ),
        _ => (
            Err("usage: pack_catalogue [LIST.json OUT.bin]".to_owned()),
            String::new(),
        ),
    };
    let catalogue = match catalogue {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let bytes = pack::pack(&catalogue);
    if let Err(e) = std::fs::write(&path, &bytes) {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    }
    println!("{path}: {} bytes", bytes.len());
}
