//! `evaluate FILE|-` prints the result of a profile; `evaluate --catalogue` prints the
//! catalogue it evaluates against (CONTRACT section 3).

use minsheng::model::catalogue::{Catalogue, Everyone, Measure, Text};
use serde::Serialize;
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: evaluate FILE|-   (a profile as JSON; - reads standard input)\n       evaluate --catalogue";

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

fn run(args: &[String]) -> Result<String, String> {
    let catalogue = Catalogue::builtin().map_err(|e| format!("catalogue: {e}"))?;
    match args {
        [flag] if flag == "--catalogue" => review_json(catalogue),
        [flag] if flag == "-h" || flag == "--help" => Err(USAGE.into()),
        [path] => {
            let text = read(path)?;
            minsheng::codec::evaluate_json(catalogue, &text)
        }
        _ => Err(USAGE.into()),
    }
}

fn read(path: &str) -> Result<String, String> {
    let mut text = String::new();
    if path == "-" {
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("profile: cannot read standard input ({e})"))?;
    } else {
        text = std::fs::read_to_string(path)
            .map_err(|e| format!("profile: cannot read {path} ({e})"))?;
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
