//! `evaluate FILE|-` prints the result of a profile; `evaluate --text [--lang zh|en] FILE|-`
//! the same lines as the page's copied text; `evaluate --catalogue` prints the catalogue it
//! evaluates against; `--catalogue-file LIST.json` evaluates against another list (CONTRACT
//! section 3).

use minsheng::codec::{evaluate_json, profile};
use minsheng::engine;
use minsheng::layout;
use minsheng::model::catalogue::{Catalogue, Everyone, Measure, Text};
use minsheng::words::Lang;
use serde::Serialize;
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: evaluate [--catalogue-file LIST.json] FILE|-   (a profile as JSON; - reads standard input)
       evaluate [--catalogue-file LIST.json] --text [--lang zh|en] FILE|-
       evaluate [--catalogue-file LIST.json] --catalogue";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            println!("{out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

/// What the command line asks for.
#[derive(Default)]
struct Ask<'a> {
    catalogue_file: Option<&'a str>,
    review: bool,
    text: bool,
    lang: Option<Lang>,
    profile: Option<&'a str>,
}

fn parse(args: &[String]) -> Result<Ask<'_>, String> {
    let mut ask = Ask::default();
    let mut args = args.iter().map(String::as_str);
    while let Some(arg) = args.next() {
        match arg {
            "-h" | "--help" => return Err(USAGE.into()),
            "--catalogue" => ask.review = true,
            "--text" => ask.text = true,
            "--catalogue-file" => {
                let file = args
                    .next()
                    .ok_or("--catalogue-file: which file? (a catalogue as JSON)")?;
                ask.catalogue_file = Some(file);
            }
            "--lang" => {
                ask.lang = Some(match args.next() {
                    Some("zh") => Lang::Zh,
                    Some("en") => Lang::En,
                    _ => return Err("--lang: must be `zh` or `en`".into()),
                })
            }
            flag if flag.starts_with("--") => {
                return Err(format!("{flag}: not an option\n{USAGE}"))
            }
            file if ask.profile.is_none() => ask.profile = Some(file),
            _ => return Err(USAGE.into()),
        }
    }
    if ask.lang.is_some() && !ask.text {
        return Err("--lang: goes with --text".into());
    }
    if ask.review == ask.profile.is_some() || (ask.review && ask.text) {
        return Err(USAGE.into());
    }
    Ok(ask)
}

fn run(args: &[String]) -> Result<String, String> {
    let ask = parse(args)?;
    let own;
    let catalogue = match ask.catalogue_file {
        Some(path) => {
            own = read_catalogue(path)?;
            &own
        }
        None => Catalogue::builtin().map_err(|e| format!("catalogue: {e}"))?,
    };
    let Some(path) = ask.profile else {
        return review_json(catalogue);
    };
    let text = read(path, "profile")?;
    if !ask.text {
        return evaluate_json(catalogue, &text);
    }
    let profile = profile::decode_for(&text, catalogue).map_err(|e| e.to_string())?;
    let outcome = engine::evaluate(catalogue, &profile);
    // Every member's sex is answered in a profile (the page's form may leave one open).
    let open = vec![false; profile.members.len()];
    let lang = ask.lang.unwrap_or(Lang::Zh);
    // No office directory: the page's comes from the deployer's seeds/offices.json, in the page.
    Ok(layout::plain_text(
        lang,
        catalogue,
        &profile,
        &outcome,
        &open,
        &[],
        this_year(),
    ))
}

/// Another list, read and validated as the built-in one is; a fault names the file, the item and
/// the field.
#[cfg(not(target_arch = "wasm32"))]
fn read_catalogue(path: &str) -> Result<Catalogue, String> {
    Catalogue::from_json(&read(path, "catalogue")?).map_err(|e| format!("{path}: {e}"))
}

/// (The command line is native: the file reader is not in a Wasm build.)
#[cfg(target_arch = "wasm32")]
fn read_catalogue(path: &str) -> Result<Catalogue, String> {
    Err(format!(
        "{path}: a catalogue file is read by the native command line only"
    ))
}

/// The year now, by the system clock (UTC), for "this is the 2022 list (4 years ago)".
fn this_year() -> u16 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    layout::year_of_day(secs / 86_400)
}

fn read(path: &str, what: &str) -> Result<String, String> {
    let mut text = String::new();
    if path == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("{what}: cannot read standard input ({e})"))?;
    } else {
        text = std::fs::read_to_string(path)
            .map_err(|e| format!("{what}: cannot read {path} ({e})"))?;
    }
    Ok(text)
}

/// One item as `evaluate --catalogue` prints it for review against the source.
#[derive(Serialize)]
struct ReviewItem<'a> {
    item: u8,
    programme: &'a str,
    programme_number: u8,
    title: &'a Text,
    summary: &'a Text,
    text: &'a str,
    deadline: &'a str,
    lead: &'a [String],
    partners: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    shares_cells_with: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    everyone: Option<Everyone>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    measures: &'a [Measure],
}

/// The catalogue as CONTRACT section 3 prints it: items with their programme's title.
fn review_json(catalogue: &Catalogue) -> Result<String, String> {
    #[derive(Serialize)]
    struct Review<'a> {
        id: &'a str,
        year: u16,
        name: &'a Text,
        source: &'a str,
        items: Vec<ReviewItem<'a>>,
    }
    let items = catalogue
        .items
        .iter()
        .map(|i| ReviewItem {
            item: i.item,
            programme: catalogue
                .programme(i.programme)
                .map_or("", |p| p.title.as_str()),
            programme_number: i.programme,
            title: &i.title,
            summary: &i.summary,
            text: &i.text,
            deadline: &i.deadline,
            lead: &i.lead,
            partners: &i.partners,
            shares_cells_with: i.shares_cells_with,
            everyone: i.everyone,
            measures: &i.measures,
        })
        .collect();
    let review = Review {
        id: &catalogue.id,
        year: catalogue.year,
        name: &catalogue.name,
        source: &catalogue.source,
        items,
    };
    serde_json::to_string_pretty(&review).map_err(|e| format!("catalogue: {e}"))
}
