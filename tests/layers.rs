//! The core crate's layers are imported only downward: model → engine → words → codecs and
//! layout → the page's state. (The page itself is another crate, `page/`: the compiler keeps the
//! core from reaching it.) Read from the source files themselves, so a new `use` that reaches up
//! a layer, or closes a circle of modules inside one, fails here rather than in review.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A layer's rank: a module may use its own layer and those of lower rank.
fn rank(top: &str) -> Option<u8> {
    Some(match top {
        "model" => 0,
        "engine" => 1,
        "words" => 2,
        "codec" | "layout" => 3,
        "state" => 4,
        _ => return None,
    })
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The module a file is, as a path of names: `src/model/catalogue/mod.rs` → `model::catalogue`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// Every `crate::a::b` path a file names, as its first two names (`["codec", "json"]`). Tests
/// inside the file (after `#[cfg(test)]`) are left out: they may reach anything.
fn crate_paths(text: &str) -> Vec<Vec<String>> {
    let text = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut out = Vec::new();
    for (at, _) in text.match_indices("crate::") {
        let rest = &text[at + "crate::".len()..];
        let names: Vec<String> = rest
            .split("::")
            .take(2)
            .map(|n| {
                n.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect()
            })
            .take_while(|n: &String| !n.is_empty())
            .collect();
        out.push(names);
    }
    out
}

#[test]
fn every_layer_imports_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut wrong = Vec::new();
    // Module → the modules of its own layer it uses (first two names), for the circle check.
    let mut uses: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for file in &all {
        let module = module_of(&src, file);
        let Some(own) = module.first().and_then(|m| rank(m)) else {
            continue; // lib.rs, main.rs, bin/: the top, which may use everything.
        };
        let text = std::fs::read_to_string(file).unwrap();
        for path in crate_paths(&text) {
            let Some(used) = path.first().and_then(|m| rank(m)) else {
                continue;
            };
            if used > own {
                wrong.push(format!(
                    "{} uses crate::{}",
                    file.display(),
                    path.join("::")
                ));
            }
            if used == own {
                let from: Vec<String> = module.iter().take(2).cloned().collect();
                if path != from && path.len() == 2 && module.len() >= 2 {
                    uses.entry(from).or_default().insert(path);
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports up a layer:\n{}",
        wrong.join("\n")
    );
    assert!(all.len() > 20, "read {} files", all.len());

    // No circle of modules inside a layer (the page aside).
    fn visit(
        m: &Vec<String>,
        uses: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        stack: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) {
        if done.contains(m) {
            return;
        }
        if let Some(at) = stack.iter().position(|s| s == m) {
            let circle: Vec<String> = stack[at..].iter().map(|s| s.join("::")).collect();
            panic!(
                "an import circle: {} → {}",
                circle.join(" → "),
                m.join("::")
            );
        }
        stack.push(m.clone());
        for next in uses.get(m).into_iter().flatten() {
            visit(next, uses, stack, done);
        }
        stack.pop();
        done.insert(m.clone());
    }
    let mut done = BTreeSet::new();
    for m in uses.keys() {
        visit(m, &uses, &mut Vec::new(), &mut done);
    }
}

#[test]
fn the_check_sees_an_import_up_a_layer() {
    // The reader itself can fail: a path it cannot see would pass every file.
    let paths = crate_paths("use crate::codec::json::Value;\nfn f() { crate::words::yuan(x) }");
    assert_eq!(paths, vec![vec!["codec", "json"], vec!["words", "yuan"]]);
    assert!(rank("codec") > rank("engine"));
}

/// Every `match` over a catalogue condition names each kind: no `_ =>` arm, through which a new
/// kind of condition would slip unplaced (it must fail to compile until each match decides).
/// Read from the source: a match whose arms at its own depth name `Condition::` and one of
/// which is `_`.
#[test]
fn no_match_over_a_condition_has_a_wildcard_arm() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    files(&root.join("src"), &mut all);
    files(&root.join("page/src"), &mut all);
    let mut wrong = Vec::new();
    for file in &all {
        let text = std::fs::read_to_string(file).unwrap();
        let bytes = text.as_bytes();
        for (at, _) in text.match_indices("match ") {
            // The match's block: from its first `{` to the brace that closes it.
            let Some(open) = text[at..].find('{').map(|o| at + o) else {
                continue;
            };
            let (mut depth, mut end) = (0usize, open);
            for (i, b) in bytes.iter().enumerate().skip(open) {
                match b {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            // The arms' patterns at the block's own depth: each line's text before `=>`.
            let (mut depth, mut conditions, mut wildcard) = (0usize, false, false);
            for line in text[open + 1..end].lines() {
                if depth == 0 || (depth == 1 && line.trim_start().starts_with('|')) {
                    let pattern = line.split("=>").next().unwrap_or("");
                    conditions |= pattern.contains("Condition::");
                    wildcard |= line.contains("=>") && pattern.trim() == "_";
                }
                depth += line.matches(['{', '(', '[']).count();
                depth = depth.saturating_sub(line.matches(['}', ')', ']']).count());
            }
            if conditions && wildcard {
                let line = text[..at].lines().count() + 1;
                wrong.push(format!("{}:{line}", file.display()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "a match over Condition with a `_` arm: {wrong:?}"
    );
}

/// A yes/no answer is one value of its kind (`MemberFlag`, `HousingFlag`) with its words: the
/// profile's reader and writers, the link, the stored answers, the form, the reducer and the
/// layout go through the kind, never through one answer by name. So adding one touches
/// `src/model/choice.rs`, `src/words.rs`, `docs/CONTRACT.md` and a test (CONTRIBUTING). An
/// answer that carries a rule of its own is named where that rule is, and only there: listed
/// here, so a new name anywhere else fails.
#[test]
fn a_yes_no_answer_is_named_only_where_it_means_something_of_its_own() {
    use minsheng::model::choice::{Choice, HousingFlag, MemberFlag};
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    files(&root.join("src"), &mut all);
    files(&root.join("page/src"), &mut all);
    // (Rust name, wire name) of every yes/no answer.
    let mut names: Vec<(String, &str)> = Vec::new();
    for (f, wire) in MemberFlag::ALL.iter().zip(<MemberFlag as Choice>::NAMES) {
        names.push((format!("MemberFlag::{f:?}"), wire));
    }
    for (f, wire) in HousingFlag::ALL.iter().zip(<HousingFlag as Choice>::NAMES) {
        names.push((format!("HousingFlag::{f:?}"), wire));
    }
    let mut found = BTreeSet::new();
    for file in &all {
        let rel = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if rel == "src/model/choice.rs" || rel == "src/words.rs" {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        // Tests inside the file may name anything; so may comments.
        let code: String = text
            .split("#[cfg(test)]")
            .next()
            .unwrap_or(&text)
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for (rust, wire) in &names {
            if code.contains(rust.as_str()) || code.contains(&format!("\"{wire}\"")) {
                found.insert(format!("{rel}: {rust}"));
            }
        }
    }
    let expected: BTreeSet<String> = [
        // A severe disability is a disability of a kind left unstated: it meets a condition
        // that takes any kind (the engine's reading of a `disability` condition).
        "src/engine.rs: MemberFlag::SevereDisability",
        // A compound the list names is an old compound: the form shows it ticked and fixed.
        "page/src/form.rs: HousingFlag::OldCommunity",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(found, expected);
}
