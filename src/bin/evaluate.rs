//! `evaluate FILE|-` prints the result of a profile; `evaluate --catalogue` prints the
//! catalogue it evaluates against (CONTRACT section 3).

use minsheng::catalogue::Catalogue;
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
        [flag] if flag == "--catalogue" => minsheng::catalogue::review_json(catalogue),
        [flag] if flag == "-h" || flag == "--help" => Err(USAGE.into()),
        [path] => {
            let text = read(path)?;
            minsheng::engine::evaluate_json(catalogue, &text)
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
