//! Embeds the catalogue without its indentation: the same JSON, 30 % fewer bytes. (The page
//! embeds a packed copy instead: `src/catalogue/pack.rs`.)

use std::{env, fs, path::Path};

const CATALOGUE: &str = "seeds/jining-hitech-2022.json";

/// Drops whitespace outside JSON strings; strings, escapes included, are copied as they are.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

fn main() {
    println!("cargo:rerun-if-changed={CATALOGUE}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = fs::read_to_string(CATALOGUE).unwrap_or_else(|e| panic!("{CATALOGUE}: {e}"));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogue.json");
    let minified = minify(&text);
    fs::write(&out, &minified).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
