//! Embeds the catalogue without its indentation: the same JSON, 30 % fewer bytes. The page's
//! copy also leaves out each measure's `reading` (how the source was read: for reviewers, never
//! shown). The native tests validate the full copy and prove the page's is it minus readings.

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

/// Drops every `"reading":[…]` member (and the comma before it) from minified JSON.
fn without_readings(json: &str) -> String {
    const KEY: &str = ",\"reading\":[";
    let mut out = String::with_capacity(json.len());
    let mut rest = json;
    while let Some(at) = rest.find(KEY) {
        out.push_str(&rest[..at]);
        // Skip to the array's closing bracket, minding strings.
        let tail = &rest[at + KEY.len()..];
        let (mut in_string, mut escaped, mut end) = (false, false, tail.len());
        for (i, c) in tail.char_indices() {
            match (in_string, escaped, c) {
                (true, true, _) => escaped = false,
                (true, false, '\\') => escaped = true,
                (true, false, '"') => in_string = false,
                (false, _, '"') => in_string = true,
                (false, _, ']') => {
                    end = i + 1;
                    break;
                }
                _ => {}
            }
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

fn main() {
    println!("cargo:rerun-if-changed={CATALOGUE}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = fs::read_to_string(CATALOGUE).unwrap_or_else(|e| panic!("{CATALOGUE}: {e}"));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalogue.json");
    let minified = minify(&text);
    fs::write(&out, &minified).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    let page = out.with_file_name("catalogue-page.json");
    fs::write(&page, without_readings(&minified))
        .unwrap_or_else(|e| panic!("{}: {e}", page.display()));
}
