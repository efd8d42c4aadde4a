//! The command line of CONTRACT section 3 as a deployer runs it: `evaluate --text`, `--lang`,
//! `--catalogue-file`, and what it refuses. Each expectation is read from the source table or
//! the contract, not from the program's output.
#![cfg(not(target_arch = "wasm32"))]

use minsheng::codec::profile;
use minsheng::engine;
use minsheng::layout;
use minsheng::model::catalogue::Catalogue;
use minsheng::words::{self, Lang};
use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `evaluate` with `args`, the profile on standard input: (exit code, stdout, stderr).
fn evaluate(args: &[&str], profile: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_evaluate"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("evaluate runs");
    // A refusal may come before the profile is read: a closed pipe is no failure.
    let _ = child.stdin.take().unwrap().write_all(profile.as_bytes());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The lines under a member's heading, up to the next heading (a line ending in a colon).
fn section<'t>(text: &'t str, heading: &str) -> Vec<&'t str> {
    text.lines()
        .skip_while(|l| *l != heading)
        .skip(1)
        .take_while(|l| l.starts_with("- "))
        .collect()
}

const COUPLE: &str = r#"{"street":"guanghe","members":[{"age":92,"sex":"female","insurance":"resident"},{"age":85,"sex":"male","insurance":"resident"}]}"#;

#[test]
fn text_gives_each_of_an_old_couple_their_own_allowance() {
    // 10、…80-89周岁老年人每人每月发放50元（区补助）；90-99周岁每人每月发放100元…
    let (code, text, _) = evaluate(&["--text", "-"], COUPLE);
    assert_eq!(code, 0);
    assert_eq!(text.lines().next(), Some("济宁高新区2022年“民生实事”项目"));
    assert!(text.contains("全家每月可领现金：¥150"), "{text}");
    let her = section(&text, "92岁女性：");
    let him = section(&text, "85岁男性：");
    assert!(
        her.iter().any(|l| l.starts_with("- 高龄补贴，每月¥100")),
        "{her:?}"
    );
    assert!(
        him.iter().any(|l| l.starts_with("- 高龄补贴，每月¥50")),
        "{him:?}"
    );
    // 5、免费为全区符合条件的65岁以上老年人提供有线电视服务: both, said once above and named under each.
    for s in [&her, &him] {
        assert!(
            s.iter()
                .any(|l| l.starts_with("- 也适用上面列出的：") && l.contains("免费有线电视")),
            "{s:?}"
        );
    }
}

#[test]
fn text_in_english() {
    let (code, text, _) = evaluate(&["--text", "--lang", "en", "-"], COUPLE);
    assert_eq!(code, 0);
    assert_eq!(
        text.lines().next(),
        Some("Jining High-tech Zone livelihood measures, 2022")
    );
    assert!(text.contains("¥150"), "{text}");
}

#[test]
fn text_is_the_layout_the_page_copies() {
    // The page's copied text is layout::plain_text with the browser's year; the command line
    // gives it the system clock's.
    let catalogue = Catalogue::builtin().unwrap();
    let p = profile::decode(COUPLE).unwrap();
    let outcome = engine::evaluate(catalogue, &p);
    let year = layout::year_of_day(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs()
            / 86_400,
    );
    let page = layout::plain_text(
        Lang::Zh,
        catalogue,
        &p,
        &outcome,
        &[false, false],
        &[],
        year,
    );
    let (_, text, _) = evaluate(&["--text", "-"], COUPLE);
    assert_eq!(text, format!("{page}\n"));
}

#[test]
fn the_year_of_a_day() {
    assert_eq!(layout::year_of_day(0), 1970);
    // 2024-02-29 is day 19,782; 2024-12-31 day 20,088; 2025-01-01 day 20,089.
    assert_eq!(layout::year_of_day(19_782), 2024);
    assert_eq!(layout::year_of_day(20_088), 2024);
    assert_eq!(layout::year_of_day(20_089), 2025);
}

#[test]
fn nothing_applies_where_the_list_does_not_reach() {
    // The list serves those who live in or are registered in the district.
    let (code, text, _) = evaluate(
        &["--text", "-"],
        r#"{"residency":"none","members":[{"age":40,"sex":"male"}]}"#,
    );
    assert_eq!(code, 0);
    assert!(text.contains(words::Key::NotCovered.pair().0), "{text}");
}

#[test]
fn another_list_from_a_file() {
    // The made-up next year pays 60 a month from 80 (tests/next-year.json).
    let root = env!("CARGO_MANIFEST_DIR");
    let list = format!("{root}/tests/next-year.json");
    let one = r#"{"members":[{"age":82,"sex":"male"}]}"#;
    let (code, json, _) = evaluate(&["--catalogue-file", &list, "-"], one);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["catalogue"], "made-up-next-year");
    assert_eq!(v["cash"]["month"], "60");
    let (_, text, _) = evaluate(&["--catalogue-file", &list, "--text", "-"], one);
    assert!(text.starts_with("虚构的下一年清单（测试用）\n"), "{text}");
    // Its footer names its own district and year, from the file: nothing of 2022's is in the code.
    assert!(
        text.contains("本工具依据虚构区2023年“民生实事”项目清单整理"),
        "{text}"
    );
    assert!(!text.contains("高新区") && !text.contains("2022"), "{text}");
    let (_, none, _) = evaluate(
        &["--catalogue-file", &list, "--text", "-"],
        r#"{"members":[{"age":40,"sex":"male"}]}"#,
    );
    let items = serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(&list).unwrap())
        .unwrap()["items"]
        .as_array()
        .unwrap()
        .len();
    assert!(
        none.contains(&format!(
            "虚构区2023年民生实事清单的{items}项里，没有按月发给您的现金。"
        )),
        "{none}"
    );
    let (_, en, _) = evaluate(
        &["--catalogue-file", &list, "--text", "--lang", "en", "-"],
        one,
    );
    assert!(
        en.contains("This tool follows Made-up District's 2023 list"),
        "{en}"
    );
    let (_, review, _) = evaluate(&["--catalogue-file", &list, "--catalogue"], "");
    assert!(review.contains("\"made-up-next-year\""));
    // Its streets and estates are its own: a profile's places are the list's. 新苑街道 is the
    // made-up list's street, not 2022's.
    let placed = r#"{"street":"xinyuan","community":"xugou","members":[{"age":82,"sex":"male"}]}"#;
    let (code, _, _) = evaluate(&["--catalogue-file", &list, "-"], placed);
    assert_eq!(code, 0);
    let (_, text, _) = evaluate(&["--catalogue-file", &list, "--text", "-"], placed);
    assert!(text.contains("先到新苑街道办事处咨询"), "{text}");
    let (code, _, err) = evaluate(&["-"], placed);
    assert_ne!(code, 0);
    assert!(
        err.contains("street: must be null or one of `guanghe`, `huangtun`, `liuhang`, `wangyin` or `jiezhuang`"),
        "{err}"
    );
}

#[test]
fn refused_with_a_message_naming_what() {
    let (code, _, err) = evaluate(&["--text", "--lang", "fr", "-"], COUPLE);
    assert_eq!((code, err.trim()), (2, "--lang: must be `zh` or `en`"));
    let (code, _, err) = evaluate(&["--lang", "en", "-"], COUPLE);
    assert_eq!((code, err.trim()), (2, "--lang: goes with --text"));
    let (code, _, err) = evaluate(&["--catalogue-file", "/no/such/list.json", "-"], COUPLE);
    assert_eq!(code, 2);
    assert!(err.contains("/no/such/list.json"), "{err}");
    // A list that is not a catalogue is refused by the validator, naming the file.
    let bad = std::env::temp_dir().join(format!("minsheng-bad-{}.json", std::process::id()));
    std::fs::write(&bad, r#"{"id":"x"}"#).unwrap();
    let (code, _, err) = evaluate(&["--catalogue-file", bad.to_str().unwrap(), "-"], COUPLE);
    std::fs::remove_file(&bad).ok();
    assert_eq!(code, 2);
    assert!(err.starts_with(bad.to_str().unwrap()), "{err}");
    // A bad profile under --text: the same message as without it.
    let (code, _, err) = evaluate(
        &["--text", "-"],
        r#"{"members":[{"age":200,"sex":"male"}]}"#,
    );
    assert_eq!(code, 2);
    assert!(err.starts_with("members[0].age"), "{err}");
}

#[test]
fn each_member_of_a_family_of_six_finds_every_measure_under_their_name() {
    // CONTRACT §4: a line several members get may be said once, and each member's section still
    // names it. Here the text: every entry of members[i] is named in i's section, on a line of its
    // own or among "also theirs, listed above".
    let six = include_str!("../benches/household.json");
    let catalogue = Catalogue::builtin().unwrap();
    let p = profile::decode(six).unwrap();
    let outcome = engine::evaluate(catalogue, &p);
    let open = vec![false; p.members.len()];
    for lang in [Lang::Zh, Lang::En] {
        let (code, text, _) = evaluate(&["--text", "--lang", lang.pick(("zh", "en")), "-"], six);
        assert_eq!(code, 0);
        let colon = lang.pick(("：", ": "));
        for (i, entries) in outcome.members.iter().enumerate() {
            let heading = format!("{}{colon}", words::member_name(lang, i, &p.members, &open));
            let mine = section(&text, &heading);
            assert!(!mine.is_empty(), "{heading} has lines");
            for e in entries {
                let title = words::measure_title(lang, catalogue, e.item, e.measure);
                assert!(
                    mine.iter()
                        .any(|l| l.starts_with(&format!("- {title}")) || l.contains(&title)),
                    "{heading} names {title}: {mine:?}"
                );
            }
        }
    }
}
