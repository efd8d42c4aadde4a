//! Which packed list the page compiles in: `src/codec/catalogue/page.bin` (`make catalogue`), or
//! the one `scripts/build --catalogue FILE` packed for another list (`MINSHENG_PAGE_BIN`, an
//! absolute path). No dependency: it only names the file.
fn main() {
    println!("cargo:rerun-if-env-changed=MINSHENG_PAGE_BIN");
    let path = std::env::var("MINSHENG_PAGE_BIN").unwrap_or_else(|_| {
        let root = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
        format!("{root}/src/codec/catalogue/page.bin")
    });
    println!("cargo:rerun-if-changed={path}");
    println!("cargo:rustc-env=MINSHENG_PAGE_BIN={path}");
}
